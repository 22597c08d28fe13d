"""One client's analytics: orders, spending per currency, statuses, top products, by month.

What counts as spending is `SPENDING_STATUSES` (an order placed and not cancelled: the
cart is not an order yet, a cancelled one was never paid for); the card's denormalized
counters use the same definition. Every figure is grouped by the order's currency: the
shop sells in one currency at a time (`CURRENCY`), but orders keep the currency they
were placed in, so a shop that changed it still adds up. Each query walks the client's
orders through the `(client_id, status)` index: its cost follows the client's orders,
not the shop's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from bot.services.calendar_buckets import (
    as_utc_start,
    last_months,
    month_key,
    month_key_sql,
)
from bot.services.client_list import connection, dialect
from bot.services.client_query import Params
from bot.services.money import round_money
from bot.services.orders import COUNTED_STATUSES
from models import Client, OrderStatus
from models.money import from_minor

SPENDING_STATUSES: tuple[OrderStatus, ...] = COUNTED_STATUSES
TOP_PRODUCTS = 5
CHART_MONTHS = 12
_SPENDING_SQL = ", ".join(f"'{status.value}'" for status in SPENDING_STATUSES)


@dataclass(frozen=True, slots=True)
class CurrencySpend:
    """Orders and their sum in one currency; the average check is their quotient."""

    currency: str
    orders: int
    total: Decimal

    @property
    def average(self) -> Decimal:
        if not self.orders:
            return Decimal(0)
        return round_money(self.total / self.orders, self.currency)


@dataclass(frozen=True, slots=True)
class TopProduct:
    name: str
    quantity: int
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class ClientAnalytics:
    client: Client
    spend: list[CurrencySpend]  # biggest number of orders first
    first_order_at: datetime | None
    last_order_at: datetime | None
    by_status: dict[OrderStatus, int]  # every placed order, cancelled ones too
    top_products: list[TopProduct]

    @property
    def orders(self) -> int:
        return sum(item.orders for item in self.spend)


@dataclass(frozen=True, slots=True)
class MonthlySpend:
    """Amounts per month (first days, oldest first) and per currency."""

    months: list[date]
    amounts: dict[str, list[Decimal]]

    @property
    def empty(self) -> bool:
        return not any(amount for values in self.amounts.values() for amount in values)


def _moment(value: datetime | str | None) -> datetime | None:
    """MIN/MAX of a timestamp come back as text on SQLite."""
    if value is None or isinstance(value, datetime):
        return value.astimezone(UTC) if value else None
    return datetime.fromisoformat(value).astimezone(UTC)


async def client_analytics(client_id: int) -> ClientAnalytics | None:
    client = await Client.get_or_none(id=client_id)
    if client is None:
        return None
    p = Params(dialect())
    rows = await connection().execute_query_dict(
        "SELECT status, currency, COUNT(*) AS n, SUM(total) AS total, "
        "MIN(placed_at) AS first_at, MAX(placed_at) AS last_at FROM orders "
        f"WHERE client_id = {p(client.id)} AND status <> 'cart' GROUP BY status, currency",
        p.values,
    )
    spending = [row for row in rows if row["status"] in SPENDING_STATUSES]
    firsts = [m for m in (_moment(row["first_at"]) for row in spending) if m]
    lasts = [m for m in (_moment(row["last_at"]) for row in spending) if m]
    by_status: dict[OrderStatus, int] = {}
    for row in rows:
        status = OrderStatus(row["status"])
        by_status[status] = by_status.get(status, 0) + int(row["n"])
    return ClientAnalytics(
        client=client,
        spend=_spend_by_currency(spending),
        first_order_at=min(firsts, default=None),
        last_order_at=max(lasts, default=None),
        by_status={status: by_status[status] for status in OrderStatus if status in by_status},
        top_products=await _top_products(client.id),
    )


def _spend_by_currency(rows: list[dict]) -> list[CurrencySpend]:
    orders: dict[str, int] = {}
    minor: dict[str, int] = {}
    for row in rows:
        currency = row["currency"]
        orders[currency] = orders.get(currency, 0) + int(row["n"])
        minor[currency] = minor.get(currency, 0) + int(row["total"] or 0)
    spend = [CurrencySpend(c, orders[c], from_minor(minor[c])) for c in orders]
    return sorted(spend, key=lambda item: (-item.orders, item.currency))


async def _top_products(client_id: int) -> list[TopProduct]:
    """By quantity; a deleted product (no id any more) is told apart by its copied name."""
    p = Params(dialect())
    rows = await connection().execute_query_dict(
        "SELECT MAX(i.product_name) AS name, SUM(i.quantity) AS quantity, "
        "SUM(i.line_total) AS amount, o.currency AS currency "
        "FROM order_items i JOIN orders o ON o.id = i.order_id "
        f"WHERE o.client_id = {p(client_id)} AND o.status IN ({_SPENDING_SQL}) "
        "GROUP BY i.product_id, CASE WHEN i.product_id IS NULL THEN i.product_name END, "
        f"o.currency ORDER BY quantity DESC, amount DESC, name LIMIT {TOP_PRODUCTS}",
        p.values,
    )
    return [
        TopProduct(
            name=row["name"],
            quantity=int(row["quantity"]),
            amount=from_minor(int(row["amount"] or 0)),
            currency=row["currency"],
        )
        for row in rows
    ]


async def client_monthly_spend(client_id: int, now: datetime | None = None) -> MonthlySpend:
    """What the client spent in each of the last 12 months (this one included)."""
    months = last_months(now or datetime.now(UTC), CHART_MONTHS)
    p = Params(dialect())
    month = month_key_sql("placed_at", p.dialect)
    rows = await connection().execute_query_dict(
        f"SELECT currency, {month} AS month, SUM(total) AS total FROM orders "
        f"WHERE client_id = {p(client_id)} AND status IN ({_SPENDING_SQL}) "
        f"AND placed_at >= {p(as_utc_start(months[0]))} GROUP BY currency, {month}",
        p.values,
    )
    return monthly(months, [(r["currency"], r["month"], int(r["total"] or 0)) for r in rows])


def monthly(months: list[date], rows: list[tuple[str, str, int]]) -> MonthlySpend:
    """(currency, 'YYYY-MM', minor units) rows laid out on `months`; others dropped."""
    position = {month_key(month): index for index, month in enumerate(months)}
    amounts: dict[str, list[Decimal]] = {}
    for currency, key, minor in rows:
        if key in position:
            series = amounts.setdefault(currency, [Decimal("0.00")] * len(months))
            series[position[key]] += from_minor(minor)
    return MonthlySpend(months=months, amounts=dict(sorted(amounts.items())))
