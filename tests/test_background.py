"""Background dialog updates (`bg(user_id=...)`) render for the person and write nothing."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from aiogram_dialog import DIALOG_EVENT_NAME

from bot.middlewares.client import ClientMiddleware
from models import Client
from tests.harness import App, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def test_a_background_update_leaves_the_managers_profile_alone(app: App) -> None:
    manager = app.person(
        first_name="Marek", last_name="Nowak", username="marek_n", language_code="pl"
    )
    await manager.send("/start")
    await Client.filter(telegram_id=manager.id).update(is_manager=True)
    await manager.send("/admin")
    before = await Client.get(telegram_id=manager.id).values()
    assert before["first_name"] == "Marek" and before["username"] == "marek_n"
    screens = len(manager.shown())

    await app.background_update(manager.id)

    assert await Client.get(telegram_id=manager.id).values() == before
    assert len(manager.shown()) == screens + 1  # the desk was rendered again, for them
    assert "Your role: manager" in manager.text()


async def test_a_background_update_for_a_customer_keeps_their_menu(app: App) -> None:
    anna = app.person(first_name="Anna", username="anna", language_code="en")
    await anna.send("/start")
    before = await Client.get(telegram_id=anna.id).values()
    screens = len(anna.shown())

    await app.background_update(anna.id)

    assert await Client.get(telegram_id=anna.id).values() == before
    assert "Hello, Anna!" in anna.text() and len(anna.shown()) == screens + 1


async def test_a_background_update_into_the_desk_of_a_revoked_manager_is_refused(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    manager = app.person(first_name="Marek")
    await manager.send("/start")
    await Client.filter(telegram_id=manager.id).update(is_manager=True)
    await manager.send("/admin")
    await Client.filter(telegram_id=manager.id).update(is_manager=False)
    screens = len(manager.shown())

    with caplog.at_level(logging.WARNING):
        await app.background_update(manager.id)

    assert len(manager.shown()) == screens
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_the_client_middleware_runs_once_per_background_update(app: App) -> None:
    dialog_events = app.dp.observers[DIALOG_EVENT_NAME]
    assert not any(isinstance(m, ClientMiddleware) for m in dialog_events.outer_middleware)
    assert sum(isinstance(m, ClientMiddleware) for m in app.dp.update.outer_middleware) == 1
