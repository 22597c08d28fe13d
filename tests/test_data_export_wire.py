"""Over HTTP: "Download my data" reaches the fake Bot API as a multipart sendDocument
through aiogram's real aiohttp session, and the bytes that arrive are the client's ZIP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.types import Update

from bot.app import build_bot, build_dispatcher
from models import Client
from tests.fakes.bot_api import FakeBotAPI, Recorded
from tests.fakes.updates import callback_update, message_update
from tests.gdpr_export_data import unpack
from tests.harness import make_settings

TOKEN = "4242:WIRE-token-for-shopdesk-tests"
USER = 7701
NAME = "Łucja Żak"


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def to_user(recorded: Recorded) -> bool:
    return recorded.params.get("chat_id") == USER


def press(message: dict[str, Any], label: str) -> dict[str, Any]:
    rows = message["reply_markup"]["inline_keyboard"]
    button = next(b for row in rows for b in row if label in b["text"])
    return callback_update(button["callback_data"], user_id=USER, message=message, first_name=NAME)


async def test_my_data_goes_over_the_wire_as_a_document(api: FakeBotAPI, db: None) -> None:
    settings = make_settings(bot_token=TOKEN, telegram_api_url=api.base_url)
    bot, dp = build_bot(settings), build_dispatcher(settings)
    await dp.emit_startup(bot=bot, dispatcher=dp)
    try:

        async def feed(update: dict[str, Any]) -> None:
            accepted = api.telegram.accept_update(update)
            await dp.feed_update(bot, Update.model_validate(accepted, context={"bot": bot}))

        await feed(message_update("/start", user_id=USER, first_name=NAME))
        menu = (await api.wait_for("sendMessage", to_user)).result
        since = len(api.requests)
        await feed(press(menu, "My data"))
        my_data = (await api.wait_for("editMessageText", to_user, since=since)).result
        await feed(press(my_data, "Download my data"))
        sent = await api.wait_for("sendDocument", to_user)
    finally:
        await dp.emit_shutdown(bot=bot, dispatcher=dp)
        await bot.session.close()
    name, data = sent.files["document"]
    client = await Client.get(telegram_id=USER)
    assert name.startswith(f"client-{client.id}-") and name.endswith(".zip")
    unpacked = unpack(data)
    assert unpacked.document["client_id"] == client.id
    profile = unpacked.document["sections"][0]["rows"][0]
    assert profile["first_name"] == NAME
    assert any(NAME in text for text in unpacked.xlsx_texts)
