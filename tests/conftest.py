from __future__ import annotations

import asyncio
import gc
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import suppress
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

import asyncpg
import pytest
from tortoise import Tortoise

from bot.db import CONNECTION, apply_migrations, close_database, open_database

# ---------------------------------------------------------------------------
# Database: `db` (an open, migrated, empty database), `database_url` (its URL),
# `empty_database_url` (no tables at all, for migration tests).
#
# Migrating from scratch takes ~0.6 s (tortoise replays the model state once per
# operation), too slow per test, so the session migrates one database:
# - SQLite (default): each test gets a copy of the migrated file in its tmp_path
#   (a file, not :memory:, so code that opens `database_url` itself sees the same data);
# - PostgreSQL (env TEST_DATABASE_URL): a schema of the session's own, so concurrent
#   runs do not meet; before each test every table is emptied and ids restart.
# ---------------------------------------------------------------------------

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
# the copies are thrown away, so nothing needs to survive a crash: no fsync
SQLITE_TEST_PRAGMAS = "journal_mode=MEMORY&synchronous=OFF"


def on_postgres() -> bool:
    return TEST_DATABASE_URL is not None


@dataclass(frozen=True)
class MigratedDatabase:
    url: str
    # PostgreSQL: empties every table (children first) and restarts the ids
    reset_sql: str = ""


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MigratedDatabase]:
    """A database migrated once for the session; tests get a copy (SQLite) or reset it (PG)."""
    if TEST_DATABASE_URL is None:
        path = tmp_path_factory.mktemp("database") / "migrated.sqlite3"
        asyncio.run(apply_migrations(f"sqlite://{path}"))
        yield MigratedDatabase(url=str(path))
        return
    schema = asyncio.run(create_postgres_schema(TEST_DATABASE_URL))
    try:
        url = postgres_url_with_schema(TEST_DATABASE_URL, schema)
        asyncio.run(apply_migrations(url))
        reset_sql = asyncio.run(_postgres_reset_sql(TEST_DATABASE_URL, schema))
        yield MigratedDatabase(url=url, reset_sql=reset_sql)
    finally:
        asyncio.run(drop_postgres_schema(TEST_DATABASE_URL, schema))


@pytest.fixture
def database_url(migrated_database: MigratedDatabase, tmp_path: Path) -> str:
    """This test's migrated database; `db` opens it (and empties it on PostgreSQL)."""
    if on_postgres():
        return migrated_database.url
    copy = tmp_path / "shopdesk.sqlite3"
    shutil.copyfile(migrated_database.url, copy)
    return f"sqlite://{copy}?{SQLITE_TEST_PRAGMAS}"


@pytest.fixture
async def db(database_url: str, migrated_database: MigratedDatabase) -> AsyncIterator[None]:
    """An open, migrated, empty database for this test, closed afterwards."""
    await open_database(database_url, migrate=False)
    try:
        if migrated_database.reset_sql:
            await Tortoise.get_connection(CONNECTION).execute_script(migrated_database.reset_sql)
        yield
    finally:
        await close_database()


@pytest.fixture
async def empty_database_url(tmp_path: Path) -> AsyncIterator[str]:
    """A database without any table: a new SQLite file, or a new PostgreSQL schema."""
    if TEST_DATABASE_URL is None:
        yield f"sqlite://{tmp_path / 'empty.sqlite3'}"
        return
    schema = await create_postgres_schema(TEST_DATABASE_URL)
    try:
        yield postgres_url_with_schema(TEST_DATABASE_URL, schema)
    finally:
        await drop_postgres_schema(TEST_DATABASE_URL, schema)


def postgres_url_with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}schema={schema}"


async def create_postgres_schema(server_url: str) -> str:
    """A new empty schema. pg_trgm goes to `public` first: dropping a test schema
    must not take the extension (and other runs' trigram indexes) with it."""
    schema = f"shopdesk_test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(_asyncpg_url(server_url))
    try:
        # not installable here, or created concurrently: the migration copes with both
        with suppress(asyncpg.PostgresError):
            await connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        await connection.execute(f'CREATE SCHEMA "{schema}"')
    finally:
        await connection.close()
    return schema


async def drop_postgres_schema(server_url: str, schema: str) -> None:
    connection = await asyncpg.connect(_asyncpg_url(server_url))
    try:
        await connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await connection.close()


def _asyncpg_url(url: str) -> str:
    """The URL as asyncpg takes it: without tortoise's query parameters."""
    return url.split("?", 1)[0].replace("asyncpg://", "postgres://", 1)


async def _postgres_reset_sql(server_url: str, schema: str) -> str:
    # DELETE in foreign-key order: TRUNCATE of every table costs ~130 ms a test, this ~8 ms.
    connection = await asyncpg.connect(_asyncpg_url(server_url))
    try:
        tables = await connection.fetch(
            "SELECT tablename FROM pg_tables "
            "WHERE schemaname = $1 AND tablename <> 'tortoise_migrations'",
            schema,
        )
        references = await connection.fetch(
            "SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c "
            "JOIN pg_class child ON child.oid = c.conrelid "
            "JOIN pg_class parent ON parent.oid = c.confrelid "
            "WHERE c.contype = 'f' AND c.connamespace = $1::regnamespace",
            schema,
        )
        sequences = await connection.fetch(
            "SELECT relname FROM pg_class WHERE relkind = 'S' "
            "AND relnamespace = $1::regnamespace AND relname <> 'tortoise_migrations_id_seq'",
            schema,
        )
    finally:
        await connection.close()
    parents_first = TopologicalSorter({row["tablename"]: set() for row in tables})
    for row in references:
        if row["child"] != row["parent"]:
            parents_first.add(row["child"], row["parent"])
    children_first = reversed(list(parents_first.static_order()))
    statements = [f'DELETE FROM "{table}"' for table in children_first]
    restarts = ", ".join(f"setval('\"{row['relname']}\"', 1, false)" for row in sequences)
    statements.append(f"SELECT {restarts}")
    return ";\n".join(statements)


# --- end of database fixtures ----------------------------------------------


@pytest.fixture(autouse=True)
def _collectable_after_each_test() -> Iterator[None]:
    """`serve()` freezes what the bot holds at start (`keep_startup_objects`): in the
    suite, where each test's bot dies with the test, that must not outlive the test."""
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def migrated_sqlite_file(
    migrated_database: MigratedDatabase, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """An SQLite file migrated once for the session, also when the suite runs on PostgreSQL."""
    if not on_postgres():
        return Path(migrated_database.url)
    path = tmp_path_factory.mktemp("sqlite") / "migrated.sqlite3"
    asyncio.run(apply_migrations(f"sqlite://{path}"))
    return path


@pytest.fixture
async def wal_database(migrated_sqlite_file: Path, tmp_path: Path) -> AsyncIterator[Path]:
    """A real file in WAL mode, opened the way `python -m bot run` opens the default
    database (a copy of the session's migrated file: migrating takes seconds)."""
    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(migrated_sqlite_file, path)
    await open_database(f"sqlite://{path}")
    try:
        yield path
    finally:
        await close_database()
