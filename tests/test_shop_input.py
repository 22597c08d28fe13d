"""Bad input gets a clear localized message and changes nothing; changed products are flagged."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from aiogram.methods import SendMessage
from aiogram.types import Contact, Message, Update

from models import Address, Client, Order, OrderItem, Product, PromoCode
from tests.harness import App, Person, start_app
from tests.shop_fixtures import Shop, make_promo, make_shop


@pytest.fixture
async def app(db: None) -> App:
    return await start_app()


@pytest.fixture
async def shop(db: None) -> Shop:
    return await make_shop()


def replies(person: Person) -> list[str]:
    return person.plain_texts()


async def open_quantity(person: Person) -> None:
    await person.send("/start")
    await person.click("Catalog")
    await person.click("^Tea$")
    await person.click("Green tea")
    await person.click("Add to cart")


@pytest.mark.parametrize("typed", ["0", "-1", "1000000000", "abc", "2.5", "١٢"])
async def test_a_bad_quantity_is_explained_and_adds_nothing(
    app: App, shop: Shop, typed: str
) -> None:
    anna = app.person()
    await open_quantity(anna)
    await anna.send(typed)
    assert replies(anna) == ["Please send a whole number from 1 to 999."]
    assert "How many of" in anna.text()  # the dialog stays on the picker
    assert not await OrderItem.exists()


async def test_a_typed_quantity_adds_and_a_bad_one_in_the_cart_changes_nothing(
    app: App, shop: Shop
) -> None:
    anna = app.person()
    await open_quantity(anna)
    await anna.send("4")
    assert replies(anna) == ["Added. In your cart now: 4"]
    await anna.click("Cart")
    await anna.click("Green tea")
    for typed in ("0", "-1", "10000000000", "many"):
        await anna.send(typed)
        assert replies(anna) == ["Please send a whole number from 1 to 999."]
    await anna.click("➖")
    assert (await OrderItem.get()).quantity == 3
    await anna.send("7")
    item = await OrderItem.get()
    assert (item.quantity, item.line_total) == (7, Decimal("28.35"))


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("' OR 1=1 --", "A promo code has only letters"),
        ("SAVE10; DROP TABLE promo_codes", "A promo code has only letters"),
        ("nope", "There is no such promo code."),
    ],
)
async def test_a_bad_promo_code_gets_its_reason(
    app: App, shop: Shop, typed: str, reason: str
) -> None:
    await make_promo("SAVE10")
    anna = app.person()
    await open_quantity(anna)
    await anna.click("^2$")
    await anna.click("Cart")
    await anna.click("Promo code")
    await anna.send(typed)
    assert reason in replies(anna)[0]
    assert "Type your promo code" in anna.text()
    assert (await Order.get()).promo_code_id is None
    assert (await PromoCode.get()).uses_count == 0


async def test_a_10_kb_address_is_refused(app: App, shop: Shop) -> None:
    anna = app.person()
    await anna.send("/start")
    await anna.click("Addresses")
    await anna.click("New address")
    await anna.send("Anna Nowak")
    await anna.send("x" * 10_000)
    assert replies(anna)[0].startswith("“Street and house” is not valid")
    assert "Street, house and flat" in anna.text()
    await anna.send("ul. Długa 5")
    await anna.send("Kraków")
    await anna.send("not a postcode!")
    assert replies(anna)[0].startswith("“Postcode” is not valid")
    await anna.send("30-001")
    await anna.send("Poland")
    assert "Anna Nowak" in "".join(anna.buttons())
    assert await Address.filter(city="Kraków", street="ul. Długa 5").count() == 1


async def test_a_hidden_or_repriced_product_is_flagged_not_charged(app: App, shop: Shop) -> None:
    anna = app.person()
    await open_quantity(anna)
    await anna.click("^2$")
    await Product.filter(id=shop.green.id).update(price=Decimal("5.00"))
    await anna.click("Cart")
    assert "the price has changed, now $5.00 each" in anna.text()
    assert "2 × Green tea — $8.10" in anna.text()
    assert not any("Checkout" in b for b in anna.buttons())
    await anna.click("Accept current prices")
    assert "2 × Green tea — $10.00" in anna.text()
    assert any("Checkout" in b for b in anna.buttons())

    await Product.filter(id=shop.green.id).update(is_hidden=True)
    await anna.send("/start")
    await anna.click("Cart")
    assert "no longer available" in anna.text()
    await anna.click("Accept current prices")
    assert "Your cart is empty" in anna.text()


async def test_the_phone_comes_from_the_share_contact_button(app: App, shop: Shop) -> None:
    anna = app.person(first_name="Anna")
    await open_quantity(anna)
    await anna.click("^1$")
    await anna.click("Cart")
    await anna.click("Checkout")
    await anna.click("New address")
    for typed in ("Anna Nowak", "ul. Długa 5", "Kraków", "30-001", "Poland"):
        await anna.send(typed)
    keyboard = [
        r for r in anna.app.bot.session.requests
        if isinstance(r, SendMessage) and r.reply_markup is not None
    ]  # fmt: skip
    assert keyboard[0].reply_markup.keyboard[0][0].request_contact
    await anna.send("12345")
    [reply] = replies(anna)
    assert reply.startswith("That does not look like a phone number.")

    contact = Contact(phone_number="48600123456", first_name="Anna", user_id=anna.id)
    message = Message(
        message_id=999, date=datetime.now(), chat=anna.client.chat, from_user=anna.client.user,
        contact=contact,
    )  # fmt: skip
    app.bot.session.requests.clear()
    await app.dp.feed_update(app.bot, Update(update_id=9999, message=message))
    assert "Type your email" in anna.text()
    await anna.send("not-an-email@")
    assert replies(anna) == ["That does not look like an email address, e.g. name@example.com."]
    await anna.click("Skip")
    await anna.click("Skip")
    await anna.click("Skip")
    await anna.click("Bank transfer")
    assert "+48600123456" in anna.text()
    await anna.click("Confirm")
    client = await Client.get(telegram_id=anna.id)
    assert client.phone == "+48600123456" and client.email is None
