"""Refresh from Telegram on the wire: the card's button makes a real getChat request with
aiogram's aiohttp session against the fake Bot API server, and every failure (403, 400
chat not found, a timeout) becomes a message on the manager's screen, never an error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.filters import Command
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

from bot.app import build_dispatcher
from bot.senders import telegram_profile
from models import Client
from tests.card_harness import _open_card as open_card_command
from tests.card_harness import make_staff, open_card
from tests.fakes.bot_api import FakeBotAPI
from tests.harness import TEST_TOKEN, AnsweringMessageManager, App, make_settings


class WireSession(AiohttpSession):
    """The real aiohttp session; `requests` only keeps the harness's bookkeeping working
    (what went over the wire is read from the fake server)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.requests: list[Any] = []


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


@pytest.fixture
async def app(db: None, api: FakeBotAPI) -> AsyncIterator[App]:
    messages = AnsweringMessageManager()
    dp = build_dispatcher(make_settings(), storage=JsonMemoryStorage(), message_manager=messages)
    bot = Bot(
        TEST_TOKEN,
        session=WireSession(api=TelegramAPIServer.from_base(api.base_url)),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    await dp.emit_startup(bot=bot, dispatcher=dp)
    # the harness's card opener (`/card <id>`), first after the errors router
    opener = Router(name="test-card-opener")
    opener.message.register(open_card_command, Command("card"))
    dp.include_router(opener)
    dp.sub_routers.remove(opener)
    dp.sub_routers.insert(1, opener)
    app = App(dp=dp, bot=bot, messages=messages)  # type: ignore[arg-type]
    yield app
    await app.close()


async def card_of(app: App, api: FakeBotAPI, **chat: object) -> tuple[Client, Any]:
    person = app.person(first_name="Kasia", last_name="Nowak", username="kasia")
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    if chat:
        api.chats[person.id] = {"type": "private", **chat}
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    return client, manager


async def test_a_refresh_over_the_wire_updates_the_names(app: App, api: FakeBotAPI) -> None:
    client, manager = await card_of(app, api, first_name="Katarzyna", username="kasia")
    await manager.click("Refresh from Telegram")
    request = api.find("getChat")
    assert request is not None and request.params["chat_id"] == client.telegram_id
    assert "First name: Kasia → Katarzyna" in manager.text()
    assert "Last name: Nowak → (none)" in manager.text()
    saved = await Client.get(id=client.id)
    assert (saved.first_name, saved.last_name) == ("Katarzyna", None)


async def test_a_403_over_the_wire_is_a_message(app: App, api: FakeBotAPI) -> None:
    client, manager = await card_of(app, api, first_name="Kasia")
    api.fail_next("getChat", 403, "Forbidden: bot was blocked by the user")
    await manager.click("Refresh from Telegram")
    assert "The client blocked the bot" in manager.text()
    assert (await Client.get(id=client.id)).bot_blocked
    assert api.find("getChat").error["error_code"] == 403


async def test_chat_not_found_over_the_wire_is_a_message(app: App, api: FakeBotAPI) -> None:
    client, manager = await card_of(app, api)  # the fake does not know this chat
    await manager.click("Refresh from Telegram")
    assert "chat not found" in manager.text()
    assert api.find("getChat").error["description"] == "Bad Request: chat not found"
    saved = await Client.get(id=client.id)
    assert saved.first_name == "Kasia" and not saved.bot_blocked


async def test_a_timeout_over_the_wire_is_a_message(
    app: App, api: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(telegram_profile, "GET_CHAT_TIMEOUT", 0.5)
    client, manager = await card_of(app, api, first_name="Katarzyna")
    api.stall_next("getChat")
    await manager.click("Refresh from Telegram")
    assert "did not answer in time" in manager.text()
    assert api.find("getChat") is not None
    assert (await Client.get(id=client.id)).first_name == "Kasia"
