"""The demo shop: realistic, consistent, and safe to run twice."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from bot.cli import main
from bot.services.clients import fold
from bot.services.demo_data import DEMO_TELEGRAM_ID_BASE, DemoSummary, fill_demo_shop
from bot.services.demo_removal import DemoRemoval, remove_demo_shop
from bot.services.money import DEFAULT_CURRENCY, configure_currency
from models import (
    Address,
    Category,
    ChatMessage,
    Client,
    Favorite,
    Order,
    OrderItem,
    OrderStatus,
    Product,
    PromoCode,
    PromoKind,
    PromoRedemption,
    Tag,
)

PLACED = {OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED}


async def test_demo_shop_is_consistent(db: None) -> None:
    summary = await fill_demo_shop(clients=200, seed=3)

    assert isinstance(summary, DemoSummary)
    assert summary.clients == 200
    assert 6 <= summary.categories <= 10
    assert summary.products >= 5 * summary.categories
    assert str(summary).startswith("200 clients, ")
    assert (
        await Client.all().count(),
        await Category.all().count(),
        await Product.all().count(),
        await Order.all().count(),
        await Tag.all().count(),
        await Address.all().count(),
        await Favorite.all().count(),
        await PromoCode.all().count(),
        await Client.exclude(referrer_id=None).count(),
        await ChatMessage.all().count(),
    ) == (
        summary.clients,
        summary.categories,
        summary.products,
        summary.orders,
        summary.tags,
        summary.addresses,
        summary.favorites,
        summary.promo_codes,
        summary.referrals,
        summary.chat_messages,
    )
    assert summary.orders > 100 and summary.referrals > 0 and summary.chat_messages > 0

    clients = {c.id: c for c in await Client.all().prefetch_related("tags")}
    orders = await Order.all()
    items = defaultdict(list)
    for item in await OrderItem.all():
        items[item.order_id].append(item)

    # names, search text, languages, sources
    for client in clients.values():
        assert client.first_name
        assert fold(client.first_name) in client.search_text
        for tag in client.tags:
            assert fold(tag.name) in client.search_text
        assert client.sort_name
        if client.telegram_id is None:
            assert client.source == "manual"
        else:
            assert client.telegram_id >= DEMO_TELEGRAM_ID_BASE
        if client.phone:
            assert client.phone.startswith("+") and client.phone[1:].isdigit()
    assert {c.language_code for c in clients.values()} >= {"ru", "pl", "en"}
    assert sum(1 for c in clients.values() if c.tags) >= 40
    assert any(c.is_manager for c in clients.values())

    # orders: totals exact, one cart at most, denormalized counters agree
    carts: dict[int, int] = defaultdict(int)
    placed: dict[int, list[Order]] = defaultdict(list)
    for order in orders:
        lines = items[order.id]
        assert lines, "an order without items"
        for line in lines:
            assert line.line_total == line.unit_price * line.quantity
        assert order.subtotal == sum((line.line_total for line in lines), Decimal("0"))
        assert order.total == order.subtotal - order.discount
        assert Decimal("0") <= order.discount <= order.subtotal
        if order.status == OrderStatus.CART:
            carts[order.client_id] += 1
            assert order.placed_at is None
        else:
            assert order.contact_name and order.address_text and order.placed_at
            assert order.created_at >= clients[order.client_id].created_at
        if order.status in PLACED:
            placed[order.client_id].append(order)
    assert carts and max(carts.values()) == 1
    for client in clients.values():
        mine = placed[client.id]
        assert client.orders_count == len(mine)
        assert client.total_spent == sum((o.total for o in mine), Decimal("0"))
        assert client.last_order_at == max((o.placed_at for o in mine), default=None)

    # promo redemptions belong to the orders that carry the code
    redemptions = await PromoRedemption.all()
    assert redemptions
    by_order = {o.id: o for o in orders}
    for redemption in redemptions:
        order = by_order[redemption.order_id]
        assert order.promo_code_id == redemption.promo_id
        assert order.discount == redemption.discount > 0
    for promo in await PromoCode.all():
        assert promo.uses_count == sum(r.promo_id == promo.id for r in redemptions)

    # referrals: an earlier client, never oneself
    for client in clients.values():
        if client.referrer_id is not None:
            referrer = clients[client.referrer_id]
            assert referrer.id != client.id
            assert referrer.created_at < client.created_at
            assert client.source == "referral"


async def test_second_run_adds_clients_and_reuses_the_shop(db: None) -> None:
    first = await fill_demo_shop(clients=30, seed=5)

    second = await fill_demo_shop(clients=30, seed=5)

    assert second.clients == 30
    assert (second.categories, second.products, second.tags, second.promo_codes) == (0, 0, 0, 0)
    assert second.catalog_reused and "reused" in str(second)
    assert await Client.all().count() == 60
    assert await Product.all().count() == first.products
    ids = await Client.exclude(telegram_id=None).values_list("telegram_id", flat=True)
    assert len(ids) == len(set(ids))
    # ids were given explicitly: the database's own sequences still work afterwards
    late = await Client.create(first_name="Late")
    order = await Order.create(client=late, currency="USD")
    address = await Address.create(client=late, city="Kraków", street="Rynek 1")
    assert late.id > max(await Client.exclude(id=late.id).values_list("id", flat=True))
    assert order.id == await Order.all().count() and address.id == await Address.all().count()


async def test_a_new_demo_catalog_is_priced_in_the_shop_currency(db: None) -> None:
    configure_currency("PLN")
    try:
        await fill_demo_shop(clients=20, seed=7)
    finally:
        configure_currency(DEFAULT_CURRENCY)
    assert set(await Product.all().values_list("currency", flat=True)) == {"PLN"}
    assert set(await Order.all().values_list("currency", flat=True)) == {"PLN"}
    assert set(await PromoRedemption.all().values_list("currency", flat=True)) <= {"PLN"}


async def test_removing_the_demo_shop_leaves_exactly_the_real_data(db: None) -> None:
    await fill_demo_shop(clients=60, seed=11)
    demo_product = await Product.filter(is_demo=True).order_by("id").first()
    assert demo_product is not None
    demo_tag = await Tag.get(name="VIP")
    demo_promo = await PromoCode.get(code="WELCOME10")
    demo_client = await Client.filter(is_demo=True).order_by("id").first()
    # the shop's own data, made after the fill: a customer, an order, a tag, a favorite...
    real = await Client.create(first_name="Real", telegram_id=4242, referrer=demo_client)
    await real.tags.add(demo_tag)
    await Favorite.create(client=real, product=demo_product)
    await Address.create(client=real, city="Gdańsk", street="Długa 1")
    order = await Order.create(
        client=real,
        status=OrderStatus.NEW,
        currency=demo_product.currency,
        promo_code=demo_promo,
        subtotal=demo_product.price * 2,
        discount=Decimal("1.00"),
        total=demo_product.price * 2 - Decimal("1.00"),
    )
    await OrderItem.create(
        order=order,
        product=demo_product,
        product_name=demo_product.name,
        unit_price=demo_product.price,
        quantity=2,
        line_total=demo_product.price * 2,
    )
    shop_promo = await PromoCode.create(code="REAL5", kind=PromoKind.FIXED, value=Decimal(5))
    own_category = await Category.create(name="Our own")
    own_product = await Product.create(
        category=await Category.filter(is_demo=True).first(), name="Real tea", currency="USD"
    )
    expected = DemoRemoval(
        clients=60,
        orders=await Order.filter(client__is_demo=True).count(),
        addresses=await Address.filter(client__is_demo=True).count(),
        favorites=await Favorite.filter(client__is_demo=True).count() + 1,
        chat_messages=await ChatMessage.filter(client__is_demo=True).count(),
        promo_redemptions=await PromoRedemption.filter(client__is_demo=True).count(),
        categories=await Category.filter(is_demo=True).count() - 1,
        products=await Product.filter(is_demo=True).count(),
        promo_codes=await PromoCode.filter(is_demo=True).count(),
        tags=await Tag.filter(is_demo=True).count() - 1,
        kept_categories=1,
        kept_tags=1,
    )
    assert expected.orders and expected.addresses and expected.promo_redemptions

    removal = await remove_demo_shop()

    assert removal == expected
    assert str(removal).startswith("removed 60 clients, ")
    assert "kept 1 demo categories" in str(removal)
    # every demo row is gone...
    assert await Client.all().values_list("id", flat=True) == [real.id]
    assert await Product.filter(is_demo=True).count() == 0
    assert await PromoCode.all().values_list("code", flat=True) == ["REAL5"]
    assert await Tag.all().values_list("name", flat=True) == ["VIP"]
    assert await ChatMessage.all().count() == 0
    assert await PromoRedemption.all().count() == 0
    assert set(await Category.all().values_list("id", flat=True)) == {
        own_category.id,
        own_product.category_id,
    }
    # ...and the real client's rows are intact
    await real.refresh_from_db()
    assert real.referrer_id is None and real.first_name == "Real"
    assert [tag.name for tag in await real.tags.all()] == ["VIP"]
    assert await Address.filter(client=real).count() == 1
    assert await Product.filter(id=own_product.id).exists()
    assert (await PromoCode.get(id=shop_promo.id)).uses_count == 0
    kept = await Order.get(id=order.id)
    assert kept.promo_code_id is None
    assert (kept.subtotal, kept.discount) == (demo_product.price * 2, Decimal("1.00"))
    line = await OrderItem.get(order_id=order.id)
    assert line.product_id is None
    assert (line.product_name, line.unit_price, line.quantity, line.line_total) == (
        demo_product.name,
        demo_product.price,
        2,
        demo_product.price * 2,
    )
    # the favorite of a demo product went with the product
    assert await Favorite.all().count() == 0
    assert await OrderItem.all().count() == 1 and await Order.all().count() == 1
    # nothing left to remove
    assert await remove_demo_shop() == DemoRemoval(kept_categories=1, kept_tags=1)


async def test_removal_gives_back_the_uses_demo_orders_made_of_a_shop_code(db: None) -> None:
    own = await PromoCode.create(code="WELCOME10", kind=PromoKind.PERCENT, value=Decimal(10))
    await fill_demo_shop(clients=150, seed=2)
    await own.refresh_from_db()
    demo_uses = await PromoRedemption.filter(promo_id=own.id).count()
    assert own.uses_count == demo_uses > 0 and not own.is_demo

    await remove_demo_shop()

    await own.refresh_from_db()
    assert own.uses_count == 0
    assert await PromoCode.all().values_list("code", flat=True) == ["WELCOME10"]


def test_the_cli_removes_the_demo_shop(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    main(["demo-data", "--clients", "12", "--seed", "4"])
    assert "demo shop ready: 12 clients" in capsys.readouterr().out
    main(["demo-data", "--remove"])
    assert "demo shop removed: removed 12 clients, " in capsys.readouterr().out
