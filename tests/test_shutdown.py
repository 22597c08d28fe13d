"""Stopping the bot finishes the updates in flight before closing anything.

Telegram counts an update as delivered once polled or answered 200: one cut off by the
shutdown is lost. A slow handler is added to the real dispatcher; it resumes only when the
stop has been asked for, then writes to the database, reads a text and sends a message.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator

import pytest
from aiogram import Dispatcher
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot import runner
from bot.app import build_dispatcher
from bot.config import Settings
from bot.db import close_database, open_database
from bot.runner import serve
from models import Client
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.updates import message_update
from tests.harness import make_settings

TOKEN = "4242:SHUTDOWN-token-for-shopdesk-tests"
USER_ID = 801


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DrainWatch(logging.Handler):
    """Sets `event` when the runner says it waits for updates in flight."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.event = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("waiting for 1 update(s) in flight"):
            self.event.set()


@pytest.fixture
def draining() -> AsyncIterator[asyncio.Event]:
    watch, log = DrainWatch(), logging.getLogger("bot.runner")
    level = log.level
    log.addHandler(watch)
    log.setLevel(logging.INFO)
    yield watch.event
    log.removeHandler(watch)
    log.setLevel(level)


def with_slow_handler(settings: Settings, started: asyncio.Event, resume: asyncio.Event):
    """The real dispatcher plus a /slow command that waits for `resume` before its work."""
    dp: Dispatcher = build_dispatcher(settings)
    outcome: list[str] = []

    async def slow(message: Message, i18n: I18nContext) -> None:
        started.set()
        try:
            await resume.wait()
            assert message.from_user is not None
            await Client.filter(telegram_id=message.from_user.id).update(last_name="Slow")
            await message.answer(i18n.get("language-choose"))
        except BaseException as exc:
            outcome.append(f"failed: {exc!r}")
            raise
        outcome.append("done")
        print("slow handler done", flush=True)

    dp.message.register(slow, Command("slow"))  # the dispatcher's own: before every router
    return dp, outcome


async def last_name_of(database_url: str, telegram_id: int) -> str | None:
    await open_database(database_url, migrate=False)
    try:
        client = await Client.get(telegram_id=telegram_id)
        return client.last_name
    finally:
        await close_database()


def polling(api: FakeBotAPI, database_url: str) -> Settings:
    return make_settings(bot_token=TOKEN, telegram_api_url=api.base_url, database_url=database_url)


def webhook(api: FakeBotAPI, database_url: str, port: int) -> Settings:
    return make_settings(
        bot_token=TOKEN,
        telegram_api_url=api.base_url,
        database_url=database_url,
        webhook_url="https://shop.example",
        webhook_secret="shutdown-secret",
        webhook_host="127.0.0.1",
        webhook_port=port,
    )


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_stop_waits_for_the_update_in_flight(
    mode: str,
    api: FakeBotAPI,
    database_url: str,
    draining: asyncio.Event,
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = free_port()
    settings = polling(api, database_url) if mode == "polling" else webhook(api, database_url, port)
    stop, started, resume = asyncio.Event(), asyncio.Event(), asyncio.Event()
    dp, outcome = with_slow_handler(settings, started, resume)
    task = asyncio.create_task(serve(settings, stop, dispatcher=dp))
    try:
        update = message_update("/slow", user_id=USER_ID, first_name="Wanda")
        if mode == "polling":
            api.push_update(update)
        else:
            await api.wait_for("setWebhook", timeout=60)
            url = f"http://127.0.0.1:{port}{settings.webhook_path}"
            status, _ = await api.post_webhook(url, update, "shutdown-secret")
            assert status == 200  # answered at once, handled in the background
        await asyncio.wait_for(started.wait(), timeout=30)
        stop.set()  # what SIGTERM does
        # the runner either waits for the slow update or (the bug) closes everything under it
        waiting = asyncio.create_task(draining.wait())
        await asyncio.wait({task, waiting}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        assert waiting.done() and not task.done(), "serve() stopped under an update in flight"
        waiting.cancel()
    finally:
        stop.set()
        resume.set()
        await asyncio.wait_for(task, timeout=30)

    assert outcome == ["done"]
    sent = api.find("sendMessage", lambda r: r.params.get("chat_id") == USER_ID)
    assert sent is not None and sent.ok and sent.params["text"] == "🌐 Choose your language:"
    assert await last_name_of(database_url, USER_ID) == "Slow"
    lines = capsys.readouterr().out.splitlines()
    assert lines.index("slow handler done") < lines.index("shopdesk: stopped")


async def test_an_update_that_outlives_the_grace_is_cancelled(
    api: FakeBotAPI, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "SHUTDOWN_GRACE", 0.2)
    settings = polling(api, database_url)
    stop, started = asyncio.Event(), asyncio.Event()
    dp, outcome = with_slow_handler(settings, started, resume=asyncio.Event())  # never resumed
    task = asyncio.create_task(serve(settings, stop, dispatcher=dp))
    try:
        api.push_update(message_update("/slow", user_id=USER_ID))
        await asyncio.wait_for(started.wait(), timeout=30)
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
    assert outcome == ["failed: CancelledError()"]
