"""Favorites, addresses, my orders and contacting the shop, clicked through as a customer."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram.methods import SendMessage

from bot.services import cart as cart_service
from bot.services.addresses import add_address
from bot.services.checkout import CheckoutInput, place_order
from models import Address, ChatMessage, Client, Order, PaymentMethod
from tests.harness import OWNER_ID, App, Person, start_app
from tests.shop_fixtures import HOME, Shop, make_shop


@pytest.fixture
async def app(db: None) -> App:
    return await start_app()


@pytest.fixture
async def shop(db: None) -> Shop:
    return await make_shop()


async def client_of(person: Person) -> Client:
    return await Client.get(telegram_id=person.id)


def sent_to(app: App, chat_id: int) -> list[str]:
    requests = app.bot.session.requests
    return [r.text for r in requests if isinstance(r, SendMessage) and r.chat_id == chat_id]


async def test_favorites_list_and_unfavorite(app: App, shop: Shop) -> None:
    ola = app.person()
    await ola.send("/start")
    await ola.click("Catalog")
    await ola.click("^Tea$")
    await ola.click("Green tea")
    await ola.click("To favorites")
    await ola.send("/start")
    await ola.click("Favorites")
    assert any("Green tea" in b for b in ola.buttons())
    await ola.click("Green tea")
    assert "Green tea" in ola.text()
    await ola.click("In favorites")
    await ola.click("Back")
    assert "You have no favorites yet" in ola.text()


async def test_addresses_edit_default_and_delete(app: App, shop: Shop) -> None:
    ola = app.person()
    await ola.send("/start")
    client = await client_of(ola)
    first = await add_address(client, HOME)
    second = await add_address(client, HOME.__class__(**{**HOME.__dict__, "city": "Gdańsk"}))
    await ola.click("Addresses")
    await ola.click("Gdańsk")
    await ola.click("Make default")
    assert "Default address" in ola.text()
    assert (await Address.get(id=second.id)).is_default
    assert not (await Address.get(id=first.id)).is_default
    await ola.click("City")
    await ola.send("")  # an empty message is not a city
    await ola.send("Sopot")
    assert "Sopot" in ola.text()
    await ola.click("Delete")
    await ola.click("Yes, delete")
    assert not await Address.exists(id=second.id)
    assert (await Address.get(id=first.id)).is_default  # the remaining one takes over


async def test_my_orders_details_and_cancel(app: App, shop: Shop) -> None:
    ola = app.person()
    await ola.send("/start")
    client = await client_of(ola)
    await cart_service.add_to_cart(client, shop.filter_.id, 2)
    checkout = CheckoutInput(
        phone="+48600123456", payment_method=PaymentMethod.TRANSFER, new_address=HOME
    )
    placed = await place_order(client, checkout)
    assert (await client_of(ola)).total_spent == Decimal("19.98")

    await ola.send("/start")
    await ola.click("My orders")
    await ola.click(f"#{placed.order.id}")
    assert "2 × Filter beans — $19.98" in ola.text() and "Bank transfer" in ola.text()
    assert "Pay" not in " ".join(ola.buttons())  # no provider token configured
    await ola.click("Cancel the order")
    await ola.click("Yes, cancel it")
    assert "Status: <b>cancelled</b>" in ola.text() or "cancelled" in ola.text()
    assert (await Order.get(id=placed.order.id)).status == "cancelled"
    client = await client_of(ola)
    assert (client.orders_count, client.total_spent) == (0, Decimal("0.00"))
    assert sent_to(app, ola.id) == [f"📦 Your order #{placed.order.id} is now: <b>cancelled</b>."]


async def test_contact_the_shop_reaches_the_managers_even_when_blocked(
    app: App, shop: Shop
) -> None:
    manager = await Client.create(telegram_id=777, first_name="Marek", is_manager=True, locale="pl")
    ola = app.person(first_name="Ola", username="ola_k")
    await ola.send("/start")
    await Client.filter(telegram_id=ola.id).update(is_blocked=True)
    await ola.send("/start")
    await ola.click("Contact the shop")
    await ola.send("   ")
    assert ola.plain_texts() == ["Please type a text message."]
    await ola.send("x" * 2001)
    assert ola.plain_texts() == ["The message is too long: up to 2000 characters."]
    await ola.send("Why am I blocked? <b>")
    assert ola.plain_texts() == ["✅ Your message has been sent to the shop."]
    [to_manager] = sent_to(app, manager.telegram_id)
    client = await client_of(ola)
    assert "Ola" in to_manager and f"#{client.id}" in to_manager
    assert "Why am I blocked? &lt;b&gt;" in to_manager  # escaped for HTML
    assert sent_to(app, OWNER_ID)
    stored = await ChatMessage.get()
    assert (stored.text, stored.direction) == ("Why am I blocked? <b>", "incoming")
