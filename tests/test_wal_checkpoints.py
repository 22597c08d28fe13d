"""On an SQLite file the commits that answer users leave WAL checkpoints to a
background checkpointer: it copies the whole log into the file, and stops with the
database."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from tortoise import Tortoise

from bot import wal_checkpoints
from bot.db import CONNECTION, close_database, open_database
from bot.wal_checkpoints import SAFETY_NET_PAGES, Checkpointer
from models import Category


async def test_the_apps_connection_checkpoints_only_past_the_safety_net(
    wal_database: Path,
) -> None:
    _, rows = await Tortoise.get_connection(CONNECTION).execute_query("PRAGMA wal_autocheckpoint")
    assert rows[0][0] == SAFETY_NET_PAGES


async def test_the_checkpointer_copies_the_log_into_the_file(
    wal_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await close_database()
    results: list[tuple[int, int]] = []
    checkpoint = Checkpointer._checkpoint

    def recorded(self: Checkpointer) -> tuple[int, int]:
        results.append(result := checkpoint(self))
        return result

    monkeypatch.setattr(Checkpointer, "_checkpoint", recorded)
    monkeypatch.setattr(wal_checkpoints, "EVERY_SECONDS", 0.02)
    await open_database(f"sqlite://{wal_database}")
    for number in range(20):
        await Category.create(name=f"Kategoria {number}")
    for _ in range(100):
        if results and results[-1][0] > 0 and results[-1][0] == results[-1][1]:
            break
        await asyncio.sleep(0.02)
    log, copied = results[-1]
    assert log > 0 and copied == log  # every page of the log is in the file
    await close_database()
    assert not [task for task in asyncio.all_tasks() if task.get_name() == "sqlite-wal-checkpoints"]
