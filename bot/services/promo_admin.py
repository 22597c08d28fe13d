"""Promo codes as managers run them: validate, create, list, deactivate, see who used them.

Redeeming a code at checkout is the order service's business, not this module's.
Dates are whole UTC days: a code is valid from 00:00:00 of its first day through
23:59:59.999999 of its last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError

from bot.services.catalog_admin import (
    CENT,
    InputRejected,
    Page,
    clamp_page,
    pages_of,
    parse_amount,
)
from bot.services.money import shop_currency
from models import PromoCode, PromoKind, PromoRedemption

PAGE_SIZE = 8
CODE_PATTERN = re.compile(r"^[A-Z0-9_-]{3,32}$")
MAX_LIMIT = 1_000_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class PromoDraft:
    """What the manager typed so far; plain values, so dialog storage can keep it."""

    code: str
    kind: PromoKind
    value: Decimal
    min_order_total: Decimal | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    max_uses: int | None = None
    max_uses_per_client: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind.value,
            "value": str(self.value),
            "min_order_total": _str_or_none(self.min_order_total),
            "valid_from": _str_or_none(self.valid_from),
            "valid_until": _str_or_none(self.valid_until),
            "max_uses": self.max_uses,
            "max_uses_per_client": self.max_uses_per_client,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PromoDraft:
        return cls(
            code=parse_code(data["code"]),
            kind=PromoKind(data["kind"]),
            value=parse_value(PromoKind(data["kind"]), data["value"]),
            min_order_total=_or_none(parse_amount, data.get("min_order_total")),
            valid_from=_or_none(parse_date, data.get("valid_from")),
            valid_until=_or_none(parse_date, data.get("valid_until")),
            max_uses=data.get("max_uses"),
            max_uses_per_client=data.get("max_uses_per_client"),
        )


@dataclass(frozen=True, slots=True)
class RedemptionRow:
    client_name: str | None
    order_id: int | None
    discount: Decimal
    currency: str
    created_at: datetime


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _or_none(parse: Any, value: Any) -> Any:
    return None if value is None else parse(value)


# --- validation ------------------------------------------------------------------------------


def parse_code(text: str | None) -> str:
    code = (text or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise InputRejected("promo-admin-error-code")
    return code


def parse_value(kind: PromoKind, text: str | Decimal) -> Decimal:
    if kind is PromoKind.FIXED:
        return parse_amount(text)
    try:
        value = parse_amount(text, unit=CENT)
    except InputRejected as rejected:
        if rejected.key == "catalog-admin-error-price-too-large":
            raise InputRejected("promo-admin-error-percent") from rejected
        raise
    if value > 100:
        raise InputRejected("promo-admin-error-percent")
    return value


def parse_date(text: str | None) -> date:
    raw = (text or "").strip()
    try:
        if not _DATE.match(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError as error:
        raise InputRejected("promo-admin-error-date", value=raw[:32]) from error


def parse_until(text: str | None, valid_from: date | None) -> date:
    until = parse_date(text)
    if valid_from is not None and until < valid_from:
        raise InputRejected("promo-admin-error-until-before-from", start=valid_from.isoformat())
    return until


def parse_limit(text: str | None) -> int:
    raw = (text or "").strip()
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise InputRejected("promo-admin-error-limit", max=MAX_LIMIT)
    return int(raw)


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=UTC)


# --- codes -----------------------------------------------------------------------------------


async def code_taken(code: str) -> bool:
    return await PromoCode.filter(code=code).exists()


async def check_code_free(text: str) -> str:
    code = parse_code(text)
    if await code_taken(code):
        raise InputRejected("promo-admin-error-code-taken", code=code)
    return code


async def create_promo(draft: PromoDraft) -> PromoCode:
    if draft.valid_from and draft.valid_until and draft.valid_until < draft.valid_from:
        raise InputRejected(
            "promo-admin-error-until-before-from", start=draft.valid_from.isoformat()
        )
    if await code_taken(draft.code):
        raise InputRejected("promo-admin-error-code-taken", code=draft.code)
    try:
        return await PromoCode.create(
            code=draft.code,
            kind=draft.kind,
            value=draft.value,
            currency=shop_currency() if draft.kind is PromoKind.FIXED else None,
            min_order_total=draft.min_order_total,
            valid_from=start_of(draft.valid_from) if draft.valid_from else None,
            valid_until=end_of(draft.valid_until) if draft.valid_until else None,
            max_uses=draft.max_uses,
            max_uses_per_client=draft.max_uses_per_client,
        )
    except IntegrityError as error:  # created by someone else a moment ago
        raise InputRejected("promo-admin-error-code-taken", code=draft.code) from error


async def promo_page(page: int, size: int = PAGE_SIZE) -> Page:
    """Active codes first, newest first within each group."""
    total = await PromoCode.all().count()
    page = clamp_page(page, total, size)
    items = (
        await PromoCode.all()
        .order_by("-is_active", "-created_at", "-id")
        .offset(page * size)
        .limit(size)
    )
    return Page(list(items), page, pages_of(total, size), total)


async def get_promo(promo_id: int) -> PromoCode:
    promo = await PromoCode.get_or_none(id=promo_id)
    if promo is None:
        raise InputRejected("promo-admin-error-gone")
    return promo


async def set_promo_active(promo_id: int, active: bool) -> PromoCode:
    promo = await get_promo(promo_id)
    promo.is_active = active
    await promo.save(update_fields=["is_active"])
    return promo


async def redemptions_page(promo_id: int, page: int, size: int = PAGE_SIZE) -> Page:
    query = PromoRedemption.filter(promo_id=promo_id)
    total = await query.count()
    page = clamp_page(page, total, size)
    redemptions = (
        await query.order_by("-created_at", "-id")
        .offset(page * size)
        .limit(size)
        .prefetch_related("client")
    )
    rows = [
        RedemptionRow(
            client_name=r.client.display_name if r.client else None,
            order_id=r.order_id,
            discount=Decimal(r.discount),
            currency=r.currency,
            created_at=r.created_at,
        )
        for r in redemptions
    ]
    return Page(rows, page, pages_of(total, size), total)


# --- the creation form, one field at a time --------------------------------------------------


async def parse_draft_field(field: str, text: str | None, draft: dict[str, Any]) -> Any:
    """One typed field of a new code, checked against what came before; a plain value."""
    if field == "code":
        return await check_code_free(text or "")
    if field == "value":
        return str(parse_value(PromoKind(draft["kind"]), text or ""))
    if field == "min_order_total":
        return str(parse_amount(text or ""))
    if field == "valid_from":
        return parse_date(text).isoformat()
    if field == "valid_until":
        start = draft.get("valid_from")
        return parse_until(text, date.fromisoformat(start) if start else None).isoformat()
    if field == "max_uses":
        return parse_limit(text)
    if field == "max_uses_per_client":
        limit, total = parse_limit(text), draft.get("max_uses")
        if total is not None and limit > total:
            raise InputRejected("promo-admin-error-per-client-above-total", total=total)
        return limit
    raise KeyError(field)
