"""A staff member who loses their role is a customer at once, never locked out of the bot."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from models import Client
from tests.harness import App, Person, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def manager_at_the_desk(app: App) -> Person:
    manager = app.person(first_name="Marek")
    await manager.send("/start")
    await Client.filter(telegram_id=manager.id).update(is_manager=True)
    await manager.send("/admin")
    assert "Your role: manager" in manager.text()
    await Client.filter(telegram_id=manager.id).update(is_manager=False)
    return manager


async def test_a_revoked_manager_gets_the_customer_menu_on_start(app: App) -> None:
    manager = await manager_at_the_desk(app)

    await manager.send("/start")

    assert "Hello, Marek!" in manager.text()
    assert not any("desk" in button.lower() for button in manager.buttons())


async def test_a_revoked_manager_gets_the_customer_menu_on_menu(app: App) -> None:
    manager = await manager_at_the_desk(app)
    await manager.send("/menu")
    assert "Hello, Marek!" in manager.text()


async def test_plain_text_from_a_revoked_manager_goes_to_the_shop_and_the_menu(
    app: App,
) -> None:
    manager = await manager_at_the_desk(app)

    await manager.send("what happened?")  # a customer now: their text is for the shop

    assert manager.plain_texts() == [
        "✅ Your message has been sent to the shop. We will answer here."
    ]
    assert "Hello, Marek!" in manager.text()


async def test_a_refused_button_press_is_answered_once_and_logged(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    manager = await manager_at_the_desk(app)

    with caplog.at_level(logging.WARNING):
        callback_id = await manager.click("Refresh")

    answers = manager.answers(callback_id)
    assert [answer.text for answer in answers] == ["This button is not available to you."]
    assert manager.shown() == []
    denied = [r for r in caplog.records if "denied" in r.getMessage()]
    assert denied and all(r.levelno == logging.WARNING for r in denied)
    assert str(manager.id) in denied[0].getMessage()


async def test_an_owner_removed_from_admin_ids_gets_the_customer_menu(db: None) -> None:
    from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

    from tests.harness import make_settings

    storage = JsonMemoryStorage()
    async with start_app(make_settings(admin_ids=frozenset({555})), storage=storage) as before:
        owner = before.person(user_id=555, first_name="Olga")
        await owner.send("/admin")
        assert "Your role: owner" in owner.text()
    async with start_app(make_settings(admin_ids=frozenset()), storage=storage) as after:
        former = after.person(user_id=555, first_name="Olga")
        await former.send("/start")
        assert "Hello, Olga!" in former.text()
        assert not any("desk" in button.lower() for button in former.buttons())


async def test_a_stale_desk_button_after_start_is_answered_once(app: App) -> None:
    manager = await manager_at_the_desk(app)
    desk = manager.screen()
    await manager.send("/start")

    callback_id = await manager.click_data(
        desk.reply_markup.inline_keyboard[0][0].callback_data, desk
    )

    assert len(manager.answers(callback_id)) == 1
    assert "Hello, Marek!" in manager.text()
