"""The desk benchmark's clients on PostgreSQL: the generated SQLite file copied over.

The same rows on both databases, so their figures compare: every table the generator
fills is read from the SQLite file and sent with COPY (asyncpg's binary copy), values
turned into what each PostgreSQL column takes. A database that already holds the same
number of generated clients is reused; any other is emptied first. The PostgreSQL search index
(pg_trgm over `search_text`) is built by the migrations; the copy is analyzed at the end.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg

from bench.desk_data import TELEGRAM_ID_BASE
from bot.db import apply_migrations

# parents before children (foreign keys), as the generator fills them
TABLES = ("tags", "clients", "orders", "order_items", "addresses", "clients_tags")
CHUNK = 50_000


def _converter(data_type: str) -> Callable[[Any], Any]:
    if data_type == "boolean":
        return lambda value: None if value is None else bool(value)
    if data_type.startswith("timestamp"):
        return lambda value: None if value is None else datetime.fromisoformat(value)
    return lambda value: value


async def _column_types(db: asyncpg.Connection, table: str) -> dict[str, str]:
    rows = await db.fetch(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1",
        table,
    )
    return {row["column_name"]: row["data_type"] for row in rows}


def _chunks(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[list]:
    cursor = source.execute(f"SELECT {', '.join(columns)} FROM {table}")
    while rows := cursor.fetchmany(CHUNK):
        yield rows


async def _copy_table(source: sqlite3.Connection, db: asyncpg.Connection, table: str) -> int:
    target = await _column_types(db, table)
    present = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
    columns = [column for column in present if column in target]
    convert = [_converter(target[column]) for column in columns]
    copied = 0
    for rows in _chunks(source, table, columns):
        records = [tuple(f(v) for f, v in zip(convert, row, strict=True)) for row in rows]
        await db.copy_records_to_table(table, records=records, columns=columns)
        copied += len(records)
    if "id" in columns:
        await db.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
        )
    return copied


async def _drop_secondary_indexes(db: asyncpg.Connection) -> list[str]:
    """Drops the indexes that back no constraint; returns their definitions."""
    rows = await db.fetch(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
    )
    for row in rows:
        await db.execute(f'DROP INDEX "{row["indexname"]}"')
    return [row["indexdef"] for row in rows]


async def ensure_postgres(database_url: str, sqlite_path: Path, clients: int) -> None:
    """`database_url` holding the SQLite file's clients (copied unless already there)."""
    await apply_migrations(database_url)
    db = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        generated = "SELECT COUNT(*) FROM clients WHERE telegram_id > $1"
        if await db.fetchval(generated, TELEGRAM_ID_BASE) == clients:
            return
        started = time.perf_counter()
        names = await db.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename NOT LIKE 'tortoise%'"
        )
        tables = ", ".join(f'"{row["tablename"]}"' for row in names)
        await db.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        # the copy is consistent already: no foreign-key trigger per row (needs a superuser)
        await db.execute("SET session_replication_role = replica")
        indexes = await _drop_secondary_indexes(db)
        source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
        try:
            for table in TABLES:
                copied = await _copy_table(source, db, table)
                print(f"copied {copied} rows of {table} to PostgreSQL")
        finally:
            source.close()
        for definition in indexes:  # built once over the rows, not row by row
            await db.execute(definition)
        await db.execute("ANALYZE")
        print(f"PostgreSQL filled in {time.perf_counter() - started:.0f} s")
    finally:
        await db.close()
