"""Roles come from the database on every update; forged buttons change nothing."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from bot.services.demo_data import fill_demo_shop
from models import Client
from tests.harness import OWNER_ID, App, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def test_owner_opens_the_desk(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    await owner.send("/admin")

    assert "Client desk" in owner.text()
    assert "Clients: 2" in owner.text()
    assert "Your role: owner" in owner.text()


async def test_a_customer_gets_nothing_admin(app: App) -> None:
    customer = app.person(first_name="Kasia")
    await customer.send("/admin")

    assert "Client desk" not in customer.text()
    assert customer.plain_texts() == ["I did not understand that. Here is the menu."]
    assert not any("desk" in b.lower() for b in customer.buttons())


async def test_manager_flag_opens_the_desk_and_revoking_closes_it_at_once(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    manager = app.person(first_name="Marek")
    await manager.send("/start")
    await Client.filter(telegram_id=manager.id).update(is_manager=True)

    await manager.send("/start")
    assert "🧑‍💼 Client desk" in manager.buttons()
    await manager.click("Client desk")
    assert "Your role: manager" in manager.text()
    desk_screen = manager.screen()

    await Client.filter(telegram_id=manager.id).update(is_manager=False)
    with caplog.at_level(logging.WARNING):
        await manager.click_data(
            desk_screen.reply_markup.inline_keyboard[0][0].callback_data, desk_screen
        )
    assert manager.shown() == []
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_a_viewer_sees_the_desk_read_only(app: App) -> None:
    viewer = app.person(first_name="Vera")
    await viewer.send("/start")
    await Client.filter(telegram_id=viewer.id).update(is_viewer=True)
    await viewer.send("/admin")
    assert "Your role: viewer (read only)" in viewer.text()


async def test_a_forged_desk_button_from_the_customer_menu_does_nothing(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    menu = customer.screen()
    intent_id = menu.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]

    with caplog.at_level(logging.WARNING):
        await customer.click_data(f"{intent_id}\x1ddesk", menu)

    assert all("Client desk" not in (m.text or "") for m in customer.shown())
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_a_replayed_manager_callback_from_a_customer_does_nothing(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await owner.send("/admin")
    desk = owner.screen()
    refresh = desk.reply_markup.inline_keyboard[0][0].callback_data

    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    before = await Client.all().order_by("id").values()
    await customer.click_data(refresh, customer.screen())

    assert all("Client desk" not in (m.text or "") for m in customer.shown())
    assert await Client.all().order_by("id").values() == before


async def test_demo_shop_shows_a_living_desk_to_the_owner_only(app: App) -> None:
    summary = await fill_demo_shop(clients=60, seed=5)
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await owner.send("/admin")
    people = await Client.filter(anonymized_at=None).count()
    assert people == summary.clients + 1
    assert f"Clients: {people}" in owner.text()

    customer = app.person(first_name="Kasia")
    await customer.send("/admin")
    assert "Client desk" not in customer.text()
