"""Constraints and types that the database itself must guarantee."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from tortoise import Tortoise
from tortoise.exceptions import IntegrityError

from bot.db import CONNECTION
from models import (
    Category,
    Client,
    Favorite,
    Order,
    OrderStatus,
    Product,
    Setting,
    Tag,
)
from models.money import MinorSum, from_minor


async def make_product(name: str = "Tea") -> Product:
    category = await Category.create(name="Drinks")
    return await Product.create(category=category, name=name, price=Decimal("9.99"), currency="PLN")


async def test_tag_names_are_unique_case_insensitively(db: None) -> None:
    await Tag.create(name="Łódź VIP", name_folded="łódź vip")
    with pytest.raises(IntegrityError):
        await Tag.create(name="ŁÓDŹ vip", name_folded="ŁÓDŹ vip".casefold())


async def test_telegram_id_is_unique_but_many_clients_have_none(db: None) -> None:
    await Client.create(telegram_id=1001)
    await Client.create(first_name="Phone order")
    await Client.create(first_name="Another phone order")
    assert await Client.filter(telegram_id__isnull=True).count() == 2
    with pytest.raises(IntegrityError):
        await Client.create(telegram_id=1001)


async def test_clients_get_distinct_url_safe_referral_codes(db: None) -> None:
    clients = [await Client.create() for _ in range(20)]
    codes = {client.referral_code for client in clients}
    assert len(codes) == 20
    assert all(re.fullmatch(r"[A-Za-z0-9]{10}", code) for code in codes)


async def test_a_product_is_a_favorite_once(db: None) -> None:
    client = await Client.create()
    product = await make_product()
    await Favorite.create(client=client, product=product)
    with pytest.raises(IntegrityError):
        await Favorite.create(client=client, product=product)


async def test_a_client_has_at_most_one_cart(db: None) -> None:
    client = await Client.create()
    await Order.create(client=client, currency="PLN")
    await Order.create(client=client, status=OrderStatus.NEW, currency="PLN")
    await Order.create(client=client, status=OrderStatus.NEW, currency="PLN")
    await Order.create(client=None, currency="PLN")
    await Order.create(client=None, currency="PLN")
    with pytest.raises(IntegrityError):
        await Order.create(client=client, status=OrderStatus.CART, currency="PLN")


async def test_money_round_trips_exactly(db: None) -> None:
    largest = Decimal("999999999999.99")
    order = await Order.create(
        currency="PLN", subtotal=largest, discount=Decimal("0.01"), total=Decimal("0.10")
    )
    stored = await Order.get(id=order.id)
    assert (stored.subtotal, stored.discount, stored.total) == (
        largest,
        Decimal("0.01"),
        Decimal("0.10"),
    )
    assert str(stored.total) == "0.10"


async def test_money_sorts_and_compares_by_value(db: None) -> None:
    for spent in ("100.00", "20.00", "3.50", "1000.10"):
        await Client.create(total_spent=Decimal(spent))
    ordered = await Client.all().order_by("-total_spent").values_list("total_spent", flat=True)
    assert ordered == [Decimal("1000.10"), Decimal("100.00"), Decimal("20.00"), Decimal("3.50")]
    assert await Client.filter(total_spent__gte=Decimal("50")).count() == 2


async def test_money_sorts_by_value_in_sql_through_its_index(db: None) -> None:
    # 9.00 sorted after 10.00 when SQLite kept amounts as VARCHAR
    for spent in ("10.00", "9.00", "0.50", "100.00", "9.01"):
        await Client.create(total_spent=Decimal(spent))
    by_orm = Client.filter().order_by("-total_spent")
    assert await by_orm.values_list("total_spent", flat=True) == [
        Decimal("100.00"),
        Decimal("10.00"),
        Decimal("9.01"),
        Decimal("9.00"),
        Decimal("0.50"),
    ]
    connection = Tortoise.get_connection(CONNECTION)
    _, rows = await connection.execute_query(
        'SELECT "total_spent" AS v FROM "clients" ORDER BY "total_spent"'
    )
    assert [row["v"] for row in rows] == [50, 900, 901, 1000, 10000]
    if connection.capabilities.dialect == "sqlite":
        # the ORM's ORDER BY is the bare column (no CAST), so an index serves the desk's
        # top spenders (clients not anonymized, by total spent then id)
        top = Client.filter(anonymized_at=None).order_by("-total_spent", "-id").limit(10)
        _, plan = await connection.execute_query(
            "EXPLAIN QUERY PLAN " + top.sql(params_inline=True)
        )
        details = " | ".join(row["detail"] for row in plan)
        assert "TEMP B-TREE" not in details and "INDEX" in details, details


async def test_money_sums_exactly_in_sql(db: None) -> None:
    amounts = [Decimal("0.10"), Decimal("0.20"), Decimal("0.01"), Decimal("99999999.99")]
    for amount in amounts * 3:
        await Order.create(currency="USD", subtotal=amount, total=amount)
    row = await Order.all().annotate(spent=MinorSum("total")).first().values("spent")
    assert from_minor(row["spent"]) == Decimal("300000000.90")
    assert from_minor(row["spent"]) == sum(amounts * 3, Decimal("0"))
    empty = await Order.filter(id=-1).annotate(spent=MinorSum("total")).first().values("spent")
    assert from_minor(empty["spent"]) == Decimal("0.00")


async def test_datetimes_come_back_aware_in_utc(db: None) -> None:
    seen = datetime(2024, 2, 29, 23, 30, tzinfo=UTC)
    client = await Client.create(last_seen_at=seen)
    stored = await Client.get(id=client.id)
    assert stored.last_seen_at == seen
    assert stored.last_seen_at.utcoffset().total_seconds() == 0
    assert stored.created_at.tzinfo is not None
    assert stored.created_at.utcoffset().total_seconds() == 0


async def test_json_settings_round_trip(db: None) -> None:
    await Setting.create(key="retention", value={"enabled": False, "years": 3})
    assert (await Setting.get(key="retention")).value == {"enabled": False, "years": 3}


async def test_tags_attach_through_the_implicit_many_to_many(db: None) -> None:
    client = await Client.create()
    vip = await Tag.create(name="VIP", name_folded="vip")
    await client.tags.add(vip)
    assert [tag.name for tag in await client.tags.all()] == ["VIP"]
    assert await Client.filter(tags__name_folded="vip").count() == 1


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"custom_name": "Boss", "first_name": "Ivan", "username": "ivan"}, "Boss"),
        ({"first_name": "Ivan", "last_name": "Petrov", "username": "ivan"}, "Ivan Petrov"),
        ({"first_name": "Żaneta", "last_name": None}, "Żaneta"),
        ({"first_name": "", "last_name": "Kowalski"}, "Kowalski"),
        ({"first_name": "", "username": "ivan"}, "@ivan"),
        ({"first_name": ""}, "#42"),
    ],
)
def test_display_name(fields: dict[str, str | None], expected: str) -> None:
    assert Client(id=42, **fields).display_name == expected
