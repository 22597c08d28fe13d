"""A manager creates an order for a client from the card, typing and clicking."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from aiogram.methods import SendMessage

from bot.services import cart as cart_service
from models import (
    Address,
    AuditEntry,
    Client,
    Order,
    OrderItem,
    OrderStatus,
    OrderStatusChange,
    Product,
    PromoCode,
    PromoRedemption,
)
from tests.card_harness import make_staff, open_card, start_card_app
from tests.harness import App, Person
from tests.shop_fixtures import Shop, make_promo, make_shop

QUANTITY_REFUSED = "Please send a whole number from 1 to 999."


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


@pytest.fixture
async def shop(db: None) -> Shop:
    shop = await make_shop()
    await Product.create(
        category=shop.tea, name="Ёлочный чай", price=Decimal("4.05"), currency="USD"
    )
    return shop


@pytest.fixture
async def ivan(app: App, shop: Shop) -> Client:
    """A Russian-speaking client with something in his own cart."""
    person = app.person(first_name="Иван", language_code="ru")
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    await cart_service.add_to_cart(client, shop.filter_.id, 3)
    return client


def sent_to(app: App, chat_id: int) -> list[str]:
    return [
        r.text
        for r in app.bot.session.requests
        if isinstance(r, SendMessage) and r.chat_id == chat_id
    ]


async def nothing_written() -> tuple[int, ...]:
    """What a placed order would add to: orders, items, addresses, redemptions, uses, audit."""
    return (
        await Order.exclude(status=OrderStatus.CART).count(),
        await OrderItem.exclude(order__status=OrderStatus.CART).count(),
        await Address.all().count(),
        await PromoRedemption.all().count(),
        sum(await PromoCode.all().values_list("uses_count", flat=True)),
        await AuditEntry.all().count(),
        await OrderStatusChange.all().count(),
    )


async def pick_two_products(manager: Person, client: Client) -> None:
    await open_card(manager, client)
    await manager.click("Create order")
    assert "New order for Иван" in manager.text() and "No products yet" in manager.text()
    await manager.send("ЁЛОЧ")  # a search, folded: finds "Ёлочный чай"
    assert "1 product" in manager.text()
    await manager.click("Ёлочный чай")
    await manager.click("^1$")
    await manager.click("Catalog")
    await manager.click("Coffee")
    await manager.click("Beans")
    await manager.click("Espresso beans")
    await manager.send("2")
    assert "2 × Espresso beans — $25.00" in manager.text()
    assert "1 × Ёлочный чай — $4.05" in manager.text()


async def to_summary(manager: Person, promo: str | None = "save10") -> None:
    await manager.click("Next: address")
    await manager.click("New address")
    for typed in ("Иван Петров", "ул. Ленина 5", "Москва", "101000", "Россия"):
        await manager.send(typed)
    if promo:
        await manager.send(promo)
        assert "Promo code SAVE10 applies: −$2.91." in manager.plain_texts()
    else:
        await manager.click("Skip")
    await manager.send("Позвонить заранее")


async def test_a_manager_creates_an_order_for_a_russian_client(
    app: App, shop: Shop, ivan: Client
) -> None:
    await make_promo("SAVE10")
    manager = await make_staff(app, "manager")
    await pick_two_products(manager, ivan)
    await to_summary(manager)
    summary = manager.text()
    assert "Subtotal: $29.05" in summary and "−$2.91" in summary and "Total: $26.14" in summary
    assert "ул. Ленина 5" in summary and "Позвонить заранее" in summary
    assert await nothing_written() == (0, 0, 0, 0, 0, 0, 0)  # the draft is only in the dialog

    await manager.click("Create the order")
    assert "Order #" in manager.text() and "The client was notified" in manager.text()

    order = await Order.get(client_id=ivan.id, status=OrderStatus.NEW)
    staff_row = await Client.get(telegram_id=manager.id)
    assert order.created_by_id == staff_row.id  # type: ignore[attr-defined]
    assert (order.subtotal, order.discount, order.total) == (
        Decimal("29.05"), Decimal("2.91"), Decimal("26.14"),
    )  # fmt: skip
    assert order.comment == "Позвонить заранее"
    lines = await OrderItem.filter(order_id=order.id).order_by("id")
    assert [(i.product_name, i.quantity) for i in lines] == [
        ("Ёлочный чай", 1),
        ("Espresso beans", 2),
    ]
    assert (await PromoRedemption.get(order_id=order.id)).client_id == ivan.id  # type: ignore[attr-defined]
    assert (await PromoCode.get(code="SAVE10")).uses_count == 1
    address = await Address.get(client_id=ivan.id)
    assert (address.street, address.city, order.address_id) == (
        "ул. Ленина 5",
        "Москва",
        address.id,
    )  # type: ignore[attr-defined]
    ivan = await Client.get(id=ivan.id)
    assert (ivan.orders_count, ivan.total_spent, ivan.last_order_at) == (
        1, Decimal("26.14"), order.placed_at,
    )  # fmt: skip
    [notice] = sent_to(app, ivan.telegram_id)
    assert f"Магазин создал для вас заказ №{order.id}" in notice
    assert "2 × Espresso beans" in notice and "26,14" in notice and "Москва" in notice
    cart = await cart_service.cart_view(ivan)  # his own cart: untouched
    assert [(line.name, line.quantity) for line in cart.lines] == [("Filter beans", 3)]

    await manager.click("Back to the card")
    assert "Иван" in manager.text() and "Orders: 1" in manager.text()


async def test_abandoning_halfway_leaves_nothing(app: App, shop: Shop, ivan: Client) -> None:
    await make_promo("SAVE10")
    manager = await make_staff(app, "manager")
    await pick_two_products(manager, ivan)
    await to_summary(manager)
    await manager.click("Cancel")
    assert "Иван" in manager.text() and "Create order" in " ".join(manager.buttons())
    assert await nothing_written() == (0, 0, 0, 0, 0, 0, 0)
    # halfway through typing an address, then off to the desk
    await pick_two_products(manager, ivan)
    await manager.click("Next: address")
    await manager.click("New address")
    await manager.send("Иван Петров")
    await manager.send("/admin")
    assert await nothing_written() == (0, 0, 0, 0, 0, 0, 0)
    cart = await cart_service.cart_view(ivan)
    assert [(line.name, line.quantity) for line in cart.lines] == [("Filter beans", 3)]


async def test_a_product_hidden_before_confirm_is_caught_by_name(
    app: App, shop: Shop, ivan: Client
) -> None:
    manager = await make_staff(app, "manager")
    await pick_two_products(manager, ivan)
    await to_summary(manager, promo=None)
    await Product.filter(id=shop.espresso.id).update(is_hidden=True)
    callback = await manager.click("Create the order")
    [alert] = [a.text for a in manager.answers(callback) if a.text]
    assert "No longer available: Espresso beans" in alert and "Nothing was placed" in alert
    assert await nothing_written() == (0, 0, 0, 0, 0, 0, 0)
    assert "Espresso" not in manager.text() and "Total: $4.05" in manager.text()
    await manager.click("Create the order")  # what is left can be placed
    order = await Order.get(client_id=ivan.id, status=OrderStatus.NEW)
    assert order.total == Decimal("4.05")


@pytest.mark.parametrize("typed", ["0", "-1", "1000000000", "abc", "2.5", "١٢"])
async def test_bad_quantities_are_refused_and_change_nothing(
    app: App, shop: Shop, ivan: Client, typed: str
) -> None:
    manager = await make_staff(app, "manager")
    await open_card(manager, ivan)
    await manager.click("Create order")
    await manager.send("espresso")
    await manager.click("Espresso beans")
    await manager.send(typed)
    assert QUANTITY_REFUSED in manager.plain_texts()
    assert "How many of" in manager.text()  # still asking
    await manager.send("3")
    assert "3 × Espresso beans" in manager.text()


async def test_a_viewer_sees_no_button_and_a_blocked_client_may_get_an_order(
    app: App, shop: Shop, ivan: Client
) -> None:
    viewer = await make_staff(app, "viewer")
    await open_card(viewer, ivan)
    assert "Create order" not in " ".join(viewer.buttons())
    await Client.filter(id=ivan.id).update(is_blocked=True, bot_blocked=True)
    manager = await make_staff(app, "manager", first_name="Olga")
    await pick_two_products(manager, ivan)
    await to_summary(manager, promo=None)
    assert "This client is blocked" in manager.text() and "On delivery" in manager.text()
    await manager.click("🔁")
    assert "Bank transfer" in manager.text()
    await manager.click("Create the order")
    assert "could not be notified" in manager.text()
    order = await Order.get(client_id=ivan.id, status=OrderStatus.NEW)
    assert (order.payment_method, order.total) == ("transfer", Decimal("29.05"))
    assert sent_to(app, ivan.telegram_id) == []


async def test_an_anonymized_client_has_no_create_button(app: App, ivan: Client) -> None:
    await Client.filter(id=ivan.id).update(anonymized_at=ivan.created_at)
    manager = await make_staff(app, "manager")
    await open_card(manager, ivan)
    assert "Create order" not in " ".join(manager.buttons())
