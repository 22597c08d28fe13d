"""A customer shops through the dialogs: browse, ❤️, cart, checkout; staff hear of it."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import SendMessage
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator

from bot.notify import send_notices
from bot.services.orders import change_status
from bot.services.roles import Role
from models import Address, Client, Favorite, Order, OrderStatus, PromoCode, PromoRedemption
from tests.harness import OWNER_ID, App, Person, start_app
from tests.shop_fixtures import Shop, make_promo, make_shop


@pytest.fixture
async def app(db: None) -> App:
    return await start_app()


@pytest.fixture
async def shop(db: None) -> Shop:
    return await make_shop()


def sent_to(app: App, chat_id: int) -> list[str]:
    return [
        r.text
        for r in app.bot.session.requests
        if isinstance(r, SendMessage) and r.chat_id == chat_id
    ]


async def browse_to_espresso(person: Person) -> None:
    await person.send("/start")
    await person.click("Katalog|Catalog|Каталог")
    assert "Coffee" in person.buttons() and "Tea" in person.buttons()
    assert "Empty" not in person.buttons()  # only a hidden product in it
    await person.click("^Coffee$")
    await person.click("^Beans$")
    assert "1" in person.text()
    await person.click("Espresso beans")


async def test_a_customer_shops_and_checks_out(app: App, shop: Shop) -> None:
    await make_promo("SPRING", value=Decimal("10"))
    manager_client = await Client.create(telegram_id=555, first_name="Marek", is_manager=True)
    anna = app.person(first_name="Anna", language_code="pl")
    await browse_to_espresso(anna)
    assert "Espresso beans" in anna.text() and "12,50" in anna.text()  # Polish amounts
    assert anna.screen().photo is not None  # the product's photo, with the text as caption

    await anna.click("🤍")
    assert await Favorite.filter(product_id=shop.espresso.id).count() == 1
    await anna.click("🛒 Dodaj")
    await anna.click("^3$")
    assert "W koszyku: 3" in anna.text()

    await anna.click("Koszyk")
    assert "3 × Espresso beans" in anna.text()
    await anna.click("Kod promocyjny")
    await anna.send("spring")
    assert "33,75" in anna.text()  # 37.50 - 10 %

    await anna.click("Zamów")
    await anna.click("Nowy adres")
    for typed in ("Anna Nowak", "ul. Długa 5/3", "Kraków", "30-001", "Polska"):
        await anna.send(typed)
    await anna.send("600 123 456")  # no country code: read as Polish
    await anna.send("anna@example.com")
    await anna.click("Pomiń")  # the code is applied already
    await anna.send("Proszę dzwonić")
    await anna.click("Przy odbiorze")
    assert "ul. Długa 5/3" in anna.text() and "+48600123456" in anna.text()
    await anna.click("Potwierdź")
    assert "#1" in anna.text()

    order = await Order.get(id=1)
    client = await Client.get(telegram_id=anna.id)
    assert (order.status, order.total, order.discount) == ("new", Decimal("33.75"), Decimal("3.75"))
    assert order.comment == "Proszę dzwonić" and order.contact_email == "anna@example.com"
    assert await PromoRedemption.filter(order_id=1, client_id=client.id).exists()
    assert (await PromoCode.get(code="SPRING")).uses_count == 1
    assert await Address.filter(client_id=client.id, city="Kraków", is_default=True).exists()
    assert (client.orders_count, client.total_spent, client.phone) == (
        1, Decimal("33.75"), "+48600123456",
    )  # fmt: skip
    [to_manager] = sent_to(app, manager_client.telegram_id)
    [to_owner] = sent_to(app, OWNER_ID)
    assert "New order #1" in to_manager and "33.75" in to_manager and "Anna" in to_owner

    app.bot.session.requests.clear()
    changed = await change_status(1, OrderStatus.CONFIRMED, actor=manager_client, role=Role.MANAGER)
    assert await send_notices(app.bot, i18n_core(app), changed.notices) == 1
    assert sent_to(app, anna.id) == ["📦 Twoje zamówienie #1 ma teraz status: <b>potwierdzone</b>."]


def i18n_core(app: App):
    return next(m.core for m in app.dp.update.outer_middleware if hasattr(m, "core"))


async def test_the_order_is_confirmed_before_the_staff_are_told(app: App, shop: Shop) -> None:
    """Staff notices go out after the customer's answer: Telegram pacing them (a 429 waits
    a second here) does not hold the customer's confirmation."""
    anna = app.person(first_name="Anna", language_code="pl")
    await browse_to_espresso(anna)
    await anna.click("🛒 Dodaj")
    await anna.click("^1$")
    await anna.click("Koszyk")
    await anna.click("Zamów")
    await anna.click("Nowy adres")
    for typed in ("Anna Nowak", "ul. Długa 5/3", "Kraków", "30-001", "Polska"):
        await anna.send(typed)
    await anna.send("600 123 456")
    await anna.click("Pomiń")
    await anna.click("Pomiń")
    await anna.click("Pomiń")
    await anna.click("Przy odbiorze")
    app.bot.session.fail_next(SendMessage, TelegramRetryAfter, retry_after=1)

    confirm = InlineButtonTextLocator(re.escape(anna.button("Potwierdź").text))
    await anna.client.click(anna.screen(), confirm)  # not waiting for the notices
    assert "#1" in anna.text()
    assert sent_to(app, OWNER_ID) == []  # not yet: the customer was answered first
    await app.notices_sent()
    refused, delivered = sent_to(app, OWNER_ID)  # the 429, then the same notice a second later
    assert refused == delivered and "New order #1" in delivered
