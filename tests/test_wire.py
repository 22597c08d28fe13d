"""End to end over HTTP: the real runner and aiogram's aiohttp session against a fake Bot API.

Long polling, webhook mode with its secret header, and `python -m bot run` as a process.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings
from bot.runner import serve
from models import Client
from tests.conftest import on_postgres
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.updates import callback_update, message_update
from tests.harness import make_settings

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "4242:WIRE-token-for-shopdesk-tests"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


async def running(settings: Settings) -> tuple[asyncio.Event, asyncio.Task[None]]:
    stop = asyncio.Event()
    return stop, asyncio.create_task(serve(settings, stop))


async def stopped(stop: asyncio.Event, task: asyncio.Task[None]) -> None:
    stop.set()
    await asyncio.wait_for(task, timeout=10)


def to_chat(chat_id: int):
    return lambda recorded: recorded.params.get("chat_id") == chat_id


async def test_polling_answers_start_and_a_click(api: FakeBotAPI, database_url: str) -> None:
    settings = make_settings(
        bot_token=TOKEN, telegram_api_url=api.base_url, database_url=database_url
    )
    stop, task = await running(settings)
    try:
        api.push_update(message_update("/start instagram", user_id=501, first_name="Zofia"))
        greeting = await api.wait_for("sendMessage", to_chat(501))
        assert "Hello, Zofia!" in greeting.params["text"]
        client = await Client.get(telegram_id=501)
        assert client.first_name == "Zofia" and client.source == "instagram"

        rows = greeting.result["reply_markup"]["inline_keyboard"]
        language = next(b for row in rows for b in row if "Language" in b["text"])
        api.push_update(
            callback_update(
                language["callback_data"],
                user_id=501,
                message=greeting.result,
            )
        )
        edited = await api.wait_for("editMessageText", to_chat(501))
        assert "Choose your language" in edited.params["text"]
        await api.wait_for("answerCallbackQuery")
    finally:
        await stopped(stop, task)
    assert api.find("deleteWebhook") is not None  # polling starts clean
    # what the assembled bot holds is out of the collector's full walks
    assert gc.get_freeze_count() > 10_000


async def test_webhook_checks_the_secret(api: FakeBotAPI, database_url: str) -> None:
    port = free_port()
    settings = make_settings(
        bot_token=TOKEN,
        telegram_api_url=api.base_url,
        database_url=database_url,
        webhook_url="https://shop.example",
        webhook_secret="right-secret",
        webhook_host="127.0.0.1",
        webhook_port=port,
    )
    stop, task = await running(settings)
    try:
        registered = await api.wait_for("setWebhook")
        assert registered.params["url"] == "https://shop.example/telegram/webhook"
        assert registered.params["secret_token"] == "right-secret"
        url = f"http://127.0.0.1:{port}/telegram/webhook"

        status, _ = await api.post_webhook(url, message_update("/start", user_id=601), "wrong")
        assert status == 401
        status, _ = await api.post_webhook(url, message_update("/start", user_id=602))
        assert status == 401
        assert await Client.filter(telegram_id__in=[601, 602]).count() == 0

        status, _ = await api.post_webhook(
            url, message_update("/start", user_id=603, first_name="Jan"), "right-secret"
        )
        assert status == 200
        greeting = await api.wait_for("sendMessage", to_chat(603))
        assert "Hello, Jan!" in greeting.params["text"]
        assert await Client.exists(telegram_id=603)
    finally:
        await stopped(stop, task)


@pytest.mark.skipif(on_postgres(), reason="reads the SQLite file the process wrote")
async def test_the_run_command_answers_start(api: FakeBotAPI, database_url: str) -> None:
    """README command 1 against a fake Bot API: `python -m bot run`."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"ADMIN_IDS", "REDIS_URL"}},
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api.base_url,
        "DATABASE_URL": database_url,
        "SHOPDESK_NO_BOOTSTRAP": "1",
        "PYTHONPATH": str(ROOT),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        cwd=ROOT / "tests", env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        first_line = await asyncio.wait_for(process.stdout.readline(), timeout=60)
        assert b"@shopdesk_test_bot is running (long polling" in first_line, first_line
        api.push_update(message_update("/start", user_id=701, first_name="Piotr"))
        greeting = await api.wait_for("sendMessage", to_chat(701), timeout=30)
        assert "Hello, Piotr!" in greeting.params["text"]
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, output.decode()
    assert b"shopdesk: stopped" in output

    path = database_url.removeprefix("sqlite://").split("?")[0]
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT first_name, source FROM clients WHERE telegram_id = 701"
        ).fetchall()
    assert rows == [("Piotr", "telegram")]


async def test_a_rejected_token_is_one_clear_line(api: FakeBotAPI, database_url: str) -> None:
    api.fail_next("getMe", 401, "Unauthorized")
    settings = make_settings(
        bot_token=TOKEN, telegram_api_url=api.base_url, database_url=database_url
    )
    with pytest.raises(ConfigError, match=r"^BOT_TOKEN: Telegram rejected this token"):
        await serve(settings, asyncio.Event())
