"""Promo codes at checkout: normalize, check, compute the discount, redeem, release.

Codes are stored uppercased; input is normalized the same way, then looked up exactly.
A use is counted by one guarded UPDATE (`uses_count < max_uses` in its WHERE), so two
checkouts racing for the last use cannot both get it: the loser's UPDATE matches no row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Q

from bot.services.money import percent_of, round_money
from models import Client, Order, PromoCode, PromoKind, PromoRedemption

CODE_PATTERN = re.compile(r"^[A-Z0-9_-]{1,32}$")


class PromoError(ValueError):
    """Why a code does not apply; `key` is the Fluent message, `args` its arguments."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class PromoQuote:
    promo: PromoCode
    discount: Decimal
    extra: dict[str, Any] = field(default_factory=dict)


def normalize_code(text: str | None) -> str:
    """' summer-10 ' -> 'SUMMER-10'; anything else (SQL, spaces inside) -> PromoError."""
    code = (text or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise PromoError("promo-invalid")
    return code


def discount_for(promo: PromoCode, subtotal: Decimal, currency: str) -> Decimal:
    """Percent: half-up to the currency's minor unit; fixed: never more than the subtotal."""
    if promo.kind == PromoKind.PERCENT:
        amount = percent_of(subtotal, Decimal(promo.value), currency)
    else:
        amount = round_money(Decimal(promo.value), currency)
    return max(Decimal(0), min(amount, subtotal))


async def check_promo(
    code_text: str | None,
    client: Client,
    subtotal: Decimal,
    currency: str,
    *,
    now: datetime | None = None,
    order_id: int | None = None,
    connection: BaseDBAsyncClient | None = None,
) -> PromoQuote:
    """The code's discount on `subtotal` for `client`, or PromoError with the reason."""
    code = normalize_code(code_text)
    now = now or datetime.now(UTC)
    promo = await PromoCode.get_or_none(code=code, using_db=connection)
    if promo is None:
        raise PromoError("promo-not-found", code=code)
    if not promo.is_active:
        raise PromoError("promo-inactive", code=code)
    if promo.valid_from is not None and now < promo.valid_from:
        raise PromoError("promo-not-started", code=code)
    if promo.valid_until is not None and now > promo.valid_until:
        raise PromoError("promo-expired", code=code)
    if promo.currency and promo.kind == PromoKind.FIXED and promo.currency != currency:
        raise PromoError("promo-not-found", code=code)
    if promo.max_uses is not None and promo.uses_count >= promo.max_uses:
        raise PromoError("promo-exhausted", code=code)
    if promo.max_uses_per_client is not None:
        used = await client_uses(promo, client, order_id, connection)
        if used >= promo.max_uses_per_client:
            raise PromoError("promo-client-limit", code=code)
    if promo.min_order_total is not None and subtotal < Decimal(promo.min_order_total):
        raise PromoError("promo-min-total", code=code, minimum=Decimal(promo.min_order_total))
    return PromoQuote(promo=promo, discount=discount_for(promo, subtotal, currency))


async def client_uses(
    promo: PromoCode,
    client: Client,
    order_id: int | None = None,
    connection: BaseDBAsyncClient | None = None,
) -> int:
    query = PromoRedemption.filter(promo_id=promo.id, client_id=client.id)
    if order_id is not None:
        query = query.exclude(order_id=order_id)
    return await query.using_db(connection).count() if connection else await query.count()


async def redeem(
    quote: PromoQuote, client: Client, order: Order, connection: BaseDBAsyncClient
) -> PromoRedemption:
    """Counts the use (guarded) and records it with the order; inside the order's transaction."""
    if await PromoRedemption.filter(order_id=order.id).using_db(connection).exists():
        raise PromoError("promo-already-used", code=quote.promo.code)
    promo = quote.promo
    taken = (
        await PromoCode.filter(id=promo.id)
        .filter(Q(max_uses__isnull=True) | Q(uses_count__lt=F("max_uses")))
        .using_db(connection)
        .update(uses_count=F("uses_count") + 1)
    )
    if not taken:
        raise PromoError("promo-exhausted", code=promo.code)
    # counted after our increment holds the code's row lock (PostgreSQL): exact per client
    limit = promo.max_uses_per_client
    if limit is not None and await client_uses(promo, client, None, connection) >= limit:
        raise PromoError("promo-client-limit", code=promo.code)
    return await PromoRedemption.create(
        promo_id=promo.id,
        client_id=client.id,
        order_id=order.id,
        discount=quote.discount,
        currency=order.currency,
        using_db=connection,
    )


async def release(order: Order, connection: BaseDBAsyncClient) -> bool:
    """A cancelled order gives its use back; returns whether there was one."""
    redemptions = await PromoRedemption.filter(order_id=order.id).using_db(connection)
    for redemption in redemptions:
        await (
            PromoCode.filter(id=redemption.promo_id, uses_count__gt=0)
            .using_db(connection)
            .update(uses_count=F("uses_count") - 1)
        )
        await redemption.delete(using_db=connection)
    return bool(redemptions)
