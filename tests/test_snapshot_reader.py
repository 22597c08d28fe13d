"""The per-update client lookup on SQLite reads through a read-only WAL connection on
the event loop's thread: it must give what the ORM gives, see every committed change,
and fall back to the ORM's connection whenever it cannot answer."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tortoise import Tortoise
from tortoise.transactions import in_transaction

import bot.db
from bot import transaction_steps
from bot.db import CONNECTION, close_database, open_database, snapshot_reader, snapshot_rows
from bot.services import cart, clients
from bot.services.clients import TelegramProfile, client_by_telegram_id, touch_client
from models import Client, OrderItem
from tests.shop_fixtures import make_shop

read_snapshot = clients._read_snapshot
PROFILE = TelegramProfile(
    telegram_id=5150, first_name="Łucja", last_name="Żółć", username="lucja", language_code="pl"
)


def fields_of(client: Client) -> dict[str, object]:
    return {name: getattr(client, name) for name in client._meta.db_fields}


async def test_the_reader_gives_what_the_orm_gives(
    wal_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert snapshot_reader() is not None
    created = await touch_client(PROFILE)
    await Client.filter(id=created.id).update(total_spent=12345, orders_count=3)
    answered: list[object] = []

    def spied(sql: str, values: list[object]) -> list[Client] | None:
        answered.append(rows := read_snapshot(sql, values))
        return rows

    monkeypatch.setattr(clients, "_read_snapshot", spied)

    read = await client_by_telegram_id(PROFILE.telegram_id)

    assert answered and answered[0] == [read]  # the reader answered, not the ORM's pool

    assert read is not None and read._saved_in_db
    assert fields_of(read) == fields_of(await Client.get(id=created.id))
    assert read.last_seen_at is not None and read.last_seen_at.tzinfo is not None


async def test_the_reader_sees_committed_changes_and_skips_anonymized(wal_database: Path) -> None:
    created = await touch_client(PROFILE)
    await Client.filter(id=created.id).update(custom_name="VIP Łucja", is_blocked=True)
    read = await client_by_telegram_id(PROFILE.telegram_id)
    assert read is not None and read.custom_name == "VIP Łucja" and read.is_blocked

    await Client.filter(id=created.id).update(anonymized_at=datetime.now(UTC))
    assert await client_by_telegram_id(PROFILE.telegram_id) is None


async def test_a_reader_that_fails_falls_back_to_the_orm(
    wal_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = await touch_client(PROFILE)
    broken = sqlite3.connect(":memory:")
    broken.close()  # every use raises sqlite3.ProgrammingError
    monkeypatch.setattr(bot.db, "_snapshot_reader", broken)

    read = await client_by_telegram_id(PROFILE.telegram_id)

    assert read is not None and read.id == created.id
    monkeypatch.undo()


async def test_no_reader_without_a_wal_file(tmp_path: Path, migrated_sqlite_file: Path) -> None:
    await open_database("sqlite://:memory:", migrate=False)
    try:
        assert snapshot_reader() is None
    finally:
        await close_database()
    path = tmp_path / "rollback-journal.sqlite3"
    shutil.copyfile(migrated_sqlite_file, path)
    await open_database(f"sqlite://{path}?journal_mode=DELETE")
    try:
        assert snapshot_reader() is None  # readers and writers would block each other
        assert await touch_client(PROFILE) is not None
    finally:
        await close_database()
    assert snapshot_reader() is None


async def test_the_cart_count_reads_the_snapshot(
    wal_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = await make_shop()
    client = await touch_client(PROFILE)
    answered: list[object] = []

    def spied(sql: str, values: list[object]) -> object:
        answered.append(rows := snapshot_rows(sql, values))
        return rows

    monkeypatch.setattr(cart, "snapshot_rows", spied)
    assert await cart.cart_line_count(client) == 0
    await cart.add_to_cart(client, shop.espresso.id, 2)
    await cart.add_to_cart(client, shop.green.id, 1)

    assert await cart.cart_line_count(client) == 2  # committed lines, seen at once
    assert len(answered) == 2 and all(rows is not None for rows in answered)


async def test_the_app_syncs_at_checkpoints_unless_the_url_asks_for_more(
    wal_database: Path,
) -> None:
    connection = Tortoise.get_connection(CONNECTION)
    _, rows = await connection.execute_query("PRAGMA synchronous")
    assert rows[0][0] == 1  # NORMAL: the file stays consistent; no sync per commit
    await close_database()
    await open_database(f"sqlite://{wal_database}?synchronous=FULL")
    _, rows = await Tortoise.get_connection(CONNECTION).execute_query("PRAGMA synchronous")
    assert rows[0][0] == 2


async def test_the_cart_view_reads_the_snapshot_and_in_a_transaction_sees_its_writes(
    wal_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = await make_shop()
    client = await touch_client(PROFILE)
    await cart.add_to_cart(client, shop.espresso.id, 2)
    drove_on: list[sqlite3.Connection] = []
    drive = transaction_steps._drive_sqlite

    def spied(steps: Any, sqlite: sqlite3.Connection) -> Any:
        drove_on.append(sqlite)
        return drive(steps, sqlite)

    monkeypatch.setattr(transaction_steps, "_drive_sqlite", spied)
    view = await cart.view_of_cart(client)
    assert [line.quantity for line in view.lines] == [2]
    assert drove_on and all(sqlite is snapshot_reader() for sqlite in drove_on)

    drove_on.clear()
    async with in_transaction():
        await OrderItem.filter(order_id=view.order_id).update(quantity=5)
        inside = await cart.view_of_cart(client)
    assert [line.quantity for line in inside.lines] == [5]  # its own, uncommitted write
    assert drove_on == []  # read on the transaction's connection, not the snapshot

    broken = sqlite3.connect(":memory:")
    broken.close()  # every use raises sqlite3.ProgrammingError
    monkeypatch.setattr(bot.db, "_snapshot_reader", broken)
    assert [line.quantity for line in (await cart.view_of_cart(client)).lines] == [5]
    monkeypatch.undo()
