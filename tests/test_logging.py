"""Logs carry Telegram ids, never personal data: not even with -v. `--log-sql` shows SQL
with its parameters, for debugging, when asked for explicitly.

The real `python -m bot run` against a fake Bot API; a named customer sends /start.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.updates import message_update

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "4242:LOGGING-token-for-shopdesk-tests"
# PostgreSQL: the tests share one schema (no `db` fixture empties it), so one user per test
VERBOSE_USER, LOG_SQL_USER = 902, 903
PERSONAL = ("Zuzanna", "Kowalczyk", "zuzia_k", "zuzanna")  # search text is folded


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


async def logs_of_a_start(api: FakeBotAPI, database_url: str, user_id: int, *options: str) -> str:
    """stderr of `python -m bot OPTIONS run` while a named customer sends /start."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"ADMIN_IDS", "REDIS_URL"}},
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api.base_url,
        "DATABASE_URL": database_url,
        "SHOPDESK_NO_BOOTSTRAP": "1",
        "PYTHONPATH": str(ROOT),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *options, "run",
        cwd=ROOT / "tests", env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        first_line = await asyncio.wait_for(process.stdout.readline(), timeout=120)
        assert b"is running" in first_line, first_line
        api.push_update(
            message_update(
                "/start",
                user_id=user_id,
                first_name="Zuzanna",
                last_name="Kowalczyk",
                username="zuzia_k",
            )
        )
        greeting = await api.wait_for(
            "sendMessage", lambda r: r.params.get("chat_id") == user_id, timeout=30
        )
        assert "Zuzanna" in greeting.params["text"]
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, stderr.decode()
    return stderr.decode()


async def test_verbose_logs_carry_no_personal_data(api: FakeBotAPI, database_url: str) -> None:
    logs = await logs_of_a_start(api, database_url, VERBOSE_USER, "-v")
    leaked = [word for word in PERSONAL if word in logs]
    assert not leaked, f"personal data in the logs: {leaked}"
    assert "is handled" in logs  # -v is on: aiogram's per-update lines (ids and durations)


async def test_log_sql_shows_statements_with_parameters(api: FakeBotAPI, database_url: str) -> None:
    logs = await logs_of_a_start(api, database_url, LOG_SQL_USER, "--log-sql")
    assert "zuzia_k" in logs and "clients" in logs
