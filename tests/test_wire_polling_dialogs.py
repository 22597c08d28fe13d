"""Over HTTP with long polling, updates are handled as concurrent tasks: a dialog started
from the menu answers its buttons however quickly they are pressed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.fakes.bot_api import FakeBotAPI, Recorded
from tests.fakes.updates import callback_update, message_update
from tests.harness import make_settings
from tests.test_wire import running, stopped

TOKEN = "4242:WIRE-token-for-shopdesk-tests"
USER = 7702


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def to_user(recorded: Recorded) -> bool:
    return recorded.params.get("chat_id") == USER


def press(message: dict[str, Any], label: str) -> dict[str, Any]:
    rows = message["reply_markup"]["inline_keyboard"]
    button = next(b for row in rows for b in row if label in b["text"])
    return callback_update(button["callback_data"], user_id=USER, message=message)


async def test_a_started_dialog_answers_its_buttons_when_polling(
    api: FakeBotAPI, database_url: str
) -> None:
    settings = make_settings(
        bot_token=TOKEN, telegram_api_url=api.base_url, database_url=database_url
    )
    stop, task = await running(settings)
    try:
        api.push_update(message_update("/start", user_id=USER, first_name="Ola"))
        menu = (await api.wait_for("sendMessage", to_user)).result
        since = len(api.requests)
        api.push_update(press(menu, "Addresses"))
        addresses = (await api.wait_for("editMessageText", to_user, since=since)).result
        since = len(api.requests)
        api.push_update(press(addresses, "Back"))
        back = (await api.wait_for("editMessageText", to_user, since=since)).result
        assert "Addresses" in str(back["reply_markup"])
    finally:
        await stopped(stop, task)


async def test_a_quick_press_on_a_dialog_just_started_when_polling(
    api: FakeBotAPI, database_url: str
) -> None:
    """The press comes as soon as the screen is edited, before that update has finished
    (and saved the new dialog): it waits for it instead of finding nothing."""
    settings = make_settings(
        bot_token=TOKEN, telegram_api_url=api.base_url, database_url=database_url
    )
    stop, task = await running(settings)
    try:
        api.push_update(message_update("/start", user_id=USER, first_name="Ola"))
        menu = (await api.wait_for("sendMessage", to_user)).result
        since = len(api.requests)
        api.push_update(press(menu, "My data"))
        my_data = (await api.wait_for("editMessageText", to_user, since=since)).result
        api.push_update(press(my_data, "Download my data"))
        sent = await api.wait_for("sendDocument", to_user)
        assert sent.files["document"][0].endswith(".zip")
    finally:
        await stopped(stop, task)
