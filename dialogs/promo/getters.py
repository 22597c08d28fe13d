from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager

from bot.services.money import format_money, shop_currency
from bot.services.promo_admin import PromoDraft, get_promo, promo_page, redemptions_page
from dialogs.access import require_staff_in
from dialogs.catalog.feedback import i18n_of, page_of, pager_data
from models import PromoCode, PromoKind

LIST_PAGE = "promo_page"
USES_PAGE = "uses_page"


def _money(manager: DialogManager, amount: Decimal | None, currency: str | None) -> str:
    if amount is None:
        return "—"
    return format_money(Decimal(amount), currency or shop_currency(), i18n_of(manager).locale)


def _value(manager: DialogManager, kind: PromoKind, value: Decimal, currency: str | None) -> str:
    if kind is PromoKind.PERCENT:
        return f"{Decimal(value).normalize():f}%"
    return _money(manager, value, currency)


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else "—"


def _limit(value: int | None) -> str:
    return "∞" if value is None else str(value)


def _row(manager: DialogManager, promo: PromoCode) -> tuple[int, str]:
    mark = "✅" if promo.is_active else "⛔"
    value = _value(manager, promo.kind, promo.value, promo.currency)
    return promo.id, f"{mark} {promo.code} · {value} · {promo.uses_count}/{_limit(promo.max_uses)}"


async def list_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    page = await promo_page(page_of(dialog_manager, LIST_PAGE))
    dialog_manager.dialog_data[LIST_PAGE] = page.page
    return {
        "codes": [_row(dialog_manager, promo) for promo in page.items],
        "total": page.total,
        **pager_data(LIST_PAGE, page.page, page.pages),
    }


async def card_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    promo = await get_promo(dialog_manager.dialog_data["promo_id"])
    uses = await redemptions_page(promo.id, page_of(dialog_manager, USES_PAGE))
    dialog_manager.dialog_data[USES_PAGE] = uses.page
    i18n = i18n_of(dialog_manager)
    lines = [
        i18n.get(
            "promo-admin-redemption-line",
            date=row.created_at.date().isoformat(),
            client=row.client_name or "—",
            order=str(row.order_id) if row.order_id else "—",
            discount=_money(dialog_manager, row.discount, row.currency),
        )
        for row in uses.items
    ]
    return {
        "code": promo.code,
        "kind": promo.kind.value,
        "value": _value(dialog_manager, promo.kind, promo.value, promo.currency),
        "min_total": _money(dialog_manager, promo.min_order_total, promo.currency),
        "valid_from": _day(promo.valid_from),
        "valid_until": _day(promo.valid_until),
        "period": "none" if promo.valid_from is None and promo.valid_until is None else "some",
        "uses": promo.uses_count,
        "max_uses": _limit(promo.max_uses),
        "per_client": _limit(promo.max_uses_per_client),
        "status": "active" if promo.is_active else "inactive",
        "redemptions_total": uses.total,
        "redemptions": "\n".join(lines),
        **pager_data(USES_PAGE, uses.page, uses.pages),
    }


async def draft_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    draft: dict[str, Any] = dialog_manager.dialog_data.get("draft", {})
    return {
        "code": draft.get("code", ""),
        "kind": draft.get("kind", "percent"),
        "currency": shop_currency(),
        "valid_from": draft.get("valid_from") or "",
    }


async def summary_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    draft = PromoDraft.from_dict(dialog_manager.dialog_data.get("draft", {}))
    currency = shop_currency()
    return {
        "code": draft.code,
        "kind": draft.kind.value,
        "value": _value(dialog_manager, draft.kind, draft.value, currency),
        "min_total": _money(dialog_manager, draft.min_order_total, currency),
        "valid_from": draft.valid_from.isoformat() if draft.valid_from else "—",
        "valid_until": draft.valid_until.isoformat() if draft.valid_until else "—",
        "period": "none" if draft.valid_from is None and draft.valid_until is None else "some",
        "max_uses": _limit(draft.max_uses),
        "per_client": _limit(draft.max_uses_per_client),
    }
