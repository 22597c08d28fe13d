"""The models and the migrations agree, and the migrations apply on an empty database."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from tortoise import Tortoise
from tortoise.context import TortoiseContext

from bot.db import CONNECTION, apply_migrations, close_database, open_database, tortoise_config
from bot.db import pending_model_changes as pending_changes
from models import Client, Order, OrderStatus
from tests.conftest import on_postgres

EXPECTED_TABLES = {
    "addresses",
    "audit_entries",
    "broadcast_deliveries",
    "broadcasts",
    "categories",
    "chat_messages",
    "clients",
    "clients_tags",
    "email_messages",
    "favorites",
    "order_items",
    "orders",
    "products",
    "promo_codes",
    "promo_redemptions",
    "saved_segments",
    "settings",
    "sms_messages",
    "tags",
    "tortoise_migrations",
}
MIGRATIONS = ["0001_initial", "0002_search_and_cart_indexes"]


async def table_names() -> set[str]:
    connection = Tortoise.get_connection(CONNECTION)
    if connection.capabilities.dialect == "sqlite":
        _, rows = await connection.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        _, rows = await connection.execute_query(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
        )
    return {row["name"] for row in rows}


async def index_names() -> set[str]:
    connection = Tortoise.get_connection(CONNECTION)
    if connection.capabilities.dialect == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        query = "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
    _, rows = await connection.execute_query(query)
    return {row["name"] for row in rows}


async def test_models_and_migrations_agree() -> None:
    assert await pending_changes("sqlite://:memory:") == []


async def test_migrations_apply_on_an_empty_database_once(empty_database_url: str) -> None:
    assert await apply_migrations(empty_database_url) == MIGRATIONS
    assert await apply_migrations(empty_database_url) == []

    await open_database(empty_database_url)  # migrates too: nothing left to do
    try:
        assert await table_names() == EXPECTED_TABLES
        indexes = await index_names()
        assert "uidx_orders_one_cart_per_client" in indexes
        if Tortoise.get_connection(CONNECTION).capabilities.dialect == "postgres":
            assert "idx_clients_search_text_trgm" in indexes
        client = await Client.create(first_name="Zoë")
        await Order.create(client=client, status=OrderStatus.CART, currency="EUR")
    finally:
        await close_database()


async def test_open_database_migrates_an_in_memory_database() -> None:
    await open_database("sqlite://:memory:")
    try:
        assert await table_names() == EXPECTED_TABLES
    finally:
        await close_database()


@pytest.mark.skipif(not on_postgres(), reason="several workers means PostgreSQL")
async def test_workers_starting_together_migrate_once(empty_database_url: str) -> None:
    applied = await asyncio.gather(
        apply_migrations(empty_database_url), apply_migrations(empty_database_url)
    )
    assert sorted(applied) == [[], MIGRATIONS]


def sqlite_index_shapes(path: Path) -> set[tuple[str, tuple[str, ...], bool]]:
    """(table, columns, unique) of every index, whatever its name."""
    shapes = set()
    with closing(sqlite3.connect(path)) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for (table,) in tables:
            for _, index, unique, *_ in connection.execute(f'PRAGMA index_list("{table}")'):
                columns = connection.execute(f'PRAGMA index_info("{index}")').fetchall()
                shapes.add((table, tuple(column[2] for column in columns), bool(unique)))
    return shapes


async def test_migrated_sqlite_has_every_index_the_models_declare(tmp_path: Path) -> None:
    # tortoise rebuilds a SQLite table to alter a column and drops its indexes and
    # unique_together on the way: a later migration must not lose them silently.
    declared, migrated = tmp_path / "declared.sqlite3", tmp_path / "migrated.sqlite3"
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(f"sqlite://{declared}"))
        await context.generate_schemas()
    await apply_migrations(f"sqlite://{migrated}")
    missing = sqlite_index_shapes(declared) - sqlite_index_shapes(migrated)
    assert not missing, f"indexes the models declare but the migrations lost: {missing}"
