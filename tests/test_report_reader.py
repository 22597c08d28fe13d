"""Long reports on SQLite (the shop's analytics) read through a connection of their own,
in a worker thread: the app's single connection keeps answering updates meanwhile, and
the figures are those the app's connection would give."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.db import ReportReader, report_connection
from bot.services import shop_analytics
from bot.services.shop_analytics import compute_shop_analytics
from models import Client


async def _clients(count: int) -> None:
    await Client.bulk_create(
        Client(telegram_id=900 + n, first_name=f"K{n}", referral_code=f"r{n}", source="ads")
        for n in range(count)
    )


async def test_a_report_on_a_wal_file_has_a_reader_of_its_own(wal_database: Path) -> None:
    async with report_connection() as db:
        assert isinstance(db, ReportReader)
        rows = await db.execute_query_dict("SELECT COUNT(*) AS n FROM clients", [])
    assert rows == [{"n": 0}]


async def test_the_app_answers_while_a_report_runs(
    wal_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _clients(3)
    release, started = threading.Event(), threading.Event()
    plain_rows = ReportReader._rows

    def slow_rows(self: ReportReader, sql: str, values: list[Any]) -> list[dict[str, Any]]:
        started.set()
        release.wait(10)  # a report query that takes its time
        return plain_rows(self, sql, values)

    monkeypatch.setattr(ReportReader, "_rows", slow_rows)
    report = asyncio.create_task(compute_shop_analytics(datetime.now(UTC)))
    assert await asyncio.to_thread(started.wait, 10)  # the report's first query runs

    # the app's own connection is free: an update's query is answered at once
    assert await asyncio.wait_for(Client.all().count(), timeout=2) == 3

    release.set()
    figures = await report
    assert figures.clients == 3 and figures.sources == [("ads", 3)]


async def test_the_reader_sees_what_was_committed_before(wal_database: Path) -> None:
    await _clients(2)
    first = await compute_shop_analytics(datetime.now(UTC))
    await _clients_later()
    second = await compute_shop_analytics(datetime.now(UTC))
    assert (first.clients, second.clients) == (2, 3)
    shop_analytics.forget_shop_analytics()


async def _clients_later() -> None:
    await Client.create(telegram_id=990, first_name="Late", referral_code="late", source="ads")
