"""One client's analytics against the real database: what counts, per currency, by month."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from tortoise import Tortoise

from bot.db import CONNECTION
from bot.services.client_analytics import (
    SPENDING_STATUSES,
    client_analytics,
    client_monthly_spend,
)
from models import Client, OrderStatus
from models.money import from_minor
from tests.analytics_data import place
from tests.shop_fixtures import make_client, make_shop

S = OrderStatus
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def test_spending_means_placed_and_not_cancelled() -> None:
    assert set(SPENDING_STATUSES) == {S.NEW, S.CONFIRMED, S.SHIPPED, S.DELIVERED}
    assert S.CART not in SPENDING_STATUSES
    assert S.CANCELLED not in SPENDING_STATUSES


async def fresh_averages(client_id: int) -> dict[str, Decimal]:
    """The database's own AVG over the spending orders, per currency."""
    statuses = ", ".join(f"'{s.value}'" for s in SPENDING_STATUSES)
    rows = await Tortoise.get_connection(CONNECTION).execute_query_dict(
        f"SELECT currency, AVG(total) AS average FROM orders WHERE client_id = {client_id} "
        f"AND status IN ({statuses}) GROUP BY currency"
    )
    return {row["currency"]: from_minor(round(Decimal(str(row["average"])))) for row in rows}


async def test_figures_count_only_spending_orders_per_currency(db: None) -> None:
    shop = await make_shop()
    client = await make_client(501)
    await place(
        client, S.DELIVERED, at(2026, 3, 5), [(shop.espresso, "Espresso beans", 2, "12.50")]
    )
    await place(client, S.NEW, at(2026, 11, 1), [(shop.green, "Green tea", 3, "4.05")])
    await place(client, S.SHIPPED, at(2026, 6, 9), [(shop.espresso, "Espresso beans", 1, "12.50")])
    await place(client, S.CONFIRMED, at(2026, 7, 1), [(shop.filter_, "Filter beans", 1, "10.00")])
    await place(client, S.CANCELLED, at(2025, 1, 1), [(shop.green, "Green tea", 50, "4.05")])
    await place(client, S.CART, None, [(shop.filter_, "Filter beans", 70, "9.99")])
    await place(client, S.DELIVERED, at(2026, 8, 8), [(None, "Old mug", 1, "40.00")], "PLN")
    other = await make_client(502)
    await place(other, S.DELIVERED, at(2026, 2, 2), [(shop.green, "Green tea", 99, "1.00")])

    facts = await client_analytics(client.id)

    assert facts is not None
    assert facts.orders == 5
    spend = {item.currency: item for item in facts.spend}
    assert spend["USD"].orders == 4
    assert spend["USD"].total == Decimal("59.65")  # 25.00 + 12.15 + 12.50 + 10.00
    assert spend["USD"].average == Decimal("14.91")  # 14.9125
    assert spend["PLN"].total == spend["PLN"].average == Decimal("40.00")
    assert {c: s.average for c, s in spend.items()} == await fresh_averages(client.id)
    assert facts.first_order_at == at(2026, 3, 5)  # the cancelled order of 2025 is no spending
    assert facts.last_order_at == at(2026, 11, 1)
    assert facts.by_status == {
        S.NEW: 1, S.CONFIRMED: 1, S.SHIPPED: 1, S.DELIVERED: 2, S.CANCELLED: 1,
    }  # fmt: skip
    top = [(p.name, p.quantity, p.amount, p.currency) for p in facts.top_products]
    assert top == [
        ("Espresso beans", 3, Decimal("37.50"), "USD"),
        ("Green tea", 3, Decimal("12.15"), "USD"),
        ("Old mug", 1, Decimal("40.00"), "PLN"),
        ("Filter beans", 1, Decimal("10.00"), "USD"),
    ]


async def test_a_client_without_orders_has_empty_figures(db: None) -> None:
    client = await make_client(503)
    facts = await client_analytics(client.id)
    assert facts is not None
    assert (facts.orders, facts.spend, facts.by_status, facts.top_products) == (0, [], {}, [])
    assert facts.first_order_at is None
    assert (await client_monthly_spend(client.id, NOW)).empty
    assert await client_analytics(987_654) is None


async def test_top_products_are_five_by_quantity(db: None) -> None:
    client = await make_client(504)
    lines = [(None, f"Item {n}", n, "1.00") for n in range(1, 8)]
    await place(client, S.DELIVERED, at(2026, 5, 5), lines)
    facts = await client_analytics(client.id)
    assert facts is not None
    assert [p.name for p in facts.top_products] == [f"Item {n}" for n in (7, 6, 5, 4, 3)]


async def test_spend_per_month_covers_the_last_twelve_months_in_utc(db: None) -> None:
    client = await make_client(505)
    item = [(None, "Thing", 1, "10.00")]
    await place(client, S.DELIVERED, at(2025, 11, 30, 23), item)  # 13th month back: out
    await place(client, S.DELIVERED, at(2025, 12, 1, 0), item)
    await place(client, S.NEW, at(2026, 11, 20), item)
    await place(client, S.NEW, at(2026, 11, 21), [(None, "Thing", 2, "10.00")])
    await place(client, S.CANCELLED, at(2026, 10, 10), item)
    await place(client, S.DELIVERED, at(2026, 4, 30, 23), item, "PLN")

    spend = await client_monthly_spend(client.id, NOW)

    assert spend.months[0] == date(2025, 12, 1)
    assert spend.months[-1] == date(2026, 11, 1)
    assert len(spend.months) == 12
    usd = dict(zip(spend.months, spend.amounts["USD"], strict=True))
    assert usd[date(2025, 12, 1)] == Decimal("10.00")
    assert usd[date(2026, 11, 1)] == Decimal("30.00")
    assert usd[date(2026, 10, 1)] == 0
    assert sum(spend.amounts["USD"]) == Decimal("40.00")
    pln = dict(zip(spend.months, spend.amounts["PLN"], strict=True))
    assert pln[date(2026, 4, 1)] == Decimal("10.00")
    assert not spend.empty


async def test_the_average_agrees_with_the_cards_counters(db: None) -> None:
    """The order service's denormalized counters and this service count the same orders."""
    from bot.services.orders import refresh_client_stats

    client = await make_client(506)
    for status in (S.NEW, S.DELIVERED, S.CANCELLED, S.SHIPPED):
        await place(client, status, at(2026, 9, 9), [(None, "Thing", 3, "3.33")])
    await refresh_client_stats(client.id, Tortoise.get_connection(CONNECTION))
    await client.refresh_from_db()
    facts = await client_analytics(client.id)
    assert facts is not None
    assert facts.orders == client.orders_count == 3
    assert facts.spend[0].total == client.total_spent == Decimal("29.97")
    assert isinstance(facts.client, Client)
