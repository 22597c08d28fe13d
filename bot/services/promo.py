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
from tortoise.expressions import F

from bot.db import dialect
from bot.services.client_query import Params
from bot.services.money import percent_of, round_money
from bot.transaction_steps import Steps, read_steps, run_steps_on
from models import Client, Order, PromoCode, PromoKind, PromoRedemption
from models.money import to_minor

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
    args = (code_text, client.id, subtotal, currency, now, order_id)
    if connection is not None:
        return await run_steps_on(connection, quote_steps(*args))
    return await read_steps(quote_steps, *args)


def quote_steps(
    code_text: str | None,
    client_id: int,
    subtotal: Decimal,
    currency: str,
    now: datetime | None = None,
    order_id: int | None = None,
) -> Steps[PromoQuote]:
    """`check_promo` as steps (`bot.transaction_steps`), for a transaction that uses it."""
    code = normalize_code(code_text)
    now = now or datetime.now(UTC)
    p = Params(dialect())
    rows = yield f'SELECT * FROM "promo_codes" WHERE "code" = {p(code)}', p.values
    if not rows:
        raise PromoError("promo-not-found", code=code)
    promo = PromoCode._init_from_db(**rows[0])
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
        used = yield from _client_uses(promo.id, client_id, order_id)
        if used >= promo.max_uses_per_client:
            raise PromoError("promo-client-limit", code=code)
    if promo.min_order_total is not None and subtotal < Decimal(promo.min_order_total):
        raise PromoError("promo-min-total", code=code, minimum=Decimal(promo.min_order_total))
    return PromoQuote(promo=promo, discount=discount_for(promo, subtotal, currency))


def _client_uses(promo_id: int, client_id: int, order_id: int | None) -> Steps[int]:
    """The client's redemptions of the code (but the one of `order_id`)."""
    p = Params(dialect())
    sql = (
        f'SELECT COUNT(*) AS "uses" FROM "promo_redemptions" WHERE "promo_id" = {p(promo_id)} '
        f'AND "client_id" = {p(client_id)}'
    )
    if order_id is not None:
        sql += f' AND "order_id" <> {p(order_id)}'
    rows = yield sql, p.values
    return int(rows[0]["uses"])


async def redeem(
    quote: PromoQuote, client: Client, order: Order, connection: BaseDBAsyncClient
) -> None:
    """Counts the use (guarded) and records it with the order; inside the order's transaction."""
    now = datetime.now(UTC)
    await run_steps_on(connection, redeem_steps(quote, client.id, order.id, order.currency, now))


def redeem_steps(
    quote: PromoQuote, client_id: int, order_id: int, currency: str, now: datetime
) -> Steps[None]:
    """`redeem` as steps."""
    promo = quote.promo
    p = Params(dialect())
    used = yield f'SELECT 1 FROM "promo_redemptions" WHERE "order_id" = {p(order_id)}', p.values
    if used:
        raise PromoError("promo-already-used", code=promo.code)
    p = Params(dialect())
    taken = yield (
        f'UPDATE "promo_codes" SET "uses_count" = "uses_count" + 1 WHERE "id" = {p(promo.id)} '
        'AND ("max_uses" IS NULL OR "uses_count" < "max_uses") RETURNING "id"',
        p.values,
    )
    if not taken:
        raise PromoError("promo-exhausted", code=promo.code)
    # counted after our increment holds the code's row lock (PostgreSQL): exact per client
    limit = promo.max_uses_per_client
    if limit is not None and (yield from _client_uses(promo.id, client_id, None)) >= limit:
        raise PromoError("promo-client-limit", code=promo.code)
    p = Params(dialect())
    yield (
        'INSERT INTO "promo_redemptions" ("promo_id", "client_id", "order_id", "discount", '
        f'"currency", "created_at") VALUES ({p(promo.id)}, {p(client_id)}, {p(order_id)}, '
        f"{p(to_minor(quote.discount))}, {p(currency)}, {p(now)})",
        p.values,
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
