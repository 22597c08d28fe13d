"""The demo shop: realistic, consistent, and safe to run twice."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from bot.services.clients import fold
from bot.services.demo_data import DEMO_TELEGRAM_ID_BASE, DemoSummary, fill_demo_shop
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
