"""The only place that knows how tortoise is configured: connect, migrate, check migrations.

Migrations are tortoise's built-in ones (`migrations/`); `tortoise makemigrations` reads
`TORTOISE_ORM` below through `[tool.tortoise]` in pyproject.toml.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector
from tortoise.migrations.executor import MigrationExecutor

from bot.config import DEFAULT_DATABASE_URL, ConfigError
from bot.wal_checkpoints import SAFETY_NET_PAGES, Checkpointer

APP = "models"
MIGRATIONS_MODULE = "migrations"
CONNECTION = "default"
# any constant works; it only has to be the same in every worker
MIGRATION_LOCK_ID = 0x5D0D_E5C
# how long a PostgreSQL server may take to accept a connection before start-up gives up
CONNECT_TIMEOUT = 10.0


def connection() -> BaseDBAsyncClient:
    """The app's database connection (tortoise's, opened by `open_database`)."""
    return Tortoise.get_connection(CONNECTION)


def dialect() -> str:
    """ "sqlite" or "postgres": which SQL the plain-SQL services write."""
    return connection().capabilities.dialect


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {CONNECTION: _connection_config(database_url)},
        "apps": {
            APP: {
                "models": ["models"],
                "migrations": MIGRATIONS_MODULE,
                "default_connection": CONNECTION,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def _connection_config(database_url: str) -> str | dict[str, Any]:
    """The URL, or for PostgreSQL what tortoise makes of it plus `plan_cache_mode`.

    asyncpg prepares every statement, and after five runs PostgreSQL may keep a generic
    plan, made without the parameters' values. For a client search that plan walks the
    whole list's index testing `LIKE` row by row (3.9 s at 1M clients for a phone number
    one client has) where the values' own plan asks the trigram index (6 ms). Planning
    each run costs a fraction of a millisecond.
    """
    if database_url.startswith("sqlite://"):
        return _with_sqlite_pragmas(database_url)
    connection = expand_db_url(database_url)
    settings = connection["credentials"].setdefault("server_settings", {})
    settings["plan_cache_mode"] = "force_custom_plan"
    return connection


def _with_sqlite_pragmas(database_url: str) -> str:
    """SQLite with `synchronous=NORMAL` unless the URL says otherwise, and WAL checkpoints
    left to `bot.wal_checkpoints` (the app's connection only past its safety net).

    In WAL mode NORMAL syncs at checkpoints instead of on every commit: the file stays
    consistent whatever happens, and a crash of the bot loses nothing; a power cut or an
    OS crash may undo the last transactions before it. FULL (SQLite's default) pays a
    sync on every commit: a checkout on a 4 GB database took 9-13 ms with it against
    6-7 ms without. `?synchronous=FULL` in DATABASE_URL brings it back.
    """
    path = database_url.removeprefix("sqlite://").split("?", 1)[0]
    if path in ("", ":memory:"):
        return database_url
    pragmas = {"synchronous": "NORMAL", "wal_autocheckpoint": str(SAFETY_NET_PAGES)}
    for name, value in pragmas.items():
        if f"{name}=" not in database_url:
            database_url += ("&" if "?" in database_url else "?") + f"{name}={value}"
    return database_url


def __getattr__(name: str) -> Any:
    # `TORTOISE_ORM` for tortoise's CLI, computed on access so importing this module
    # neither reads the settings nor creates the SQLite folder.
    if name == "TORTOISE_ORM":
        from bot.config import load_settings

        database_url = load_settings().database_url
        _create_default_folder(database_url)
        return tortoise_config(database_url)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


async def apply_migrations(database_url: str) -> list[str]:
    """Apply pending migrations; return the names applied ([] when up to date)."""
    await check_database(database_url)
    config = tortoise_config(database_url)
    # A context of its own: the app's connections, if open, are left alone.
    async with TortoiseContext() as context:
        await context.init(config=config)
        return await _migrate(context.db(CONNECTION), config, database_url)


# how long a read on the event loop's thread may wait for a lock before it gives up
SNAPSHOT_READ_TIMEOUT = 0.05
REPORT_READ_TIMEOUT = 5.0
_snapshot_reader: sqlite3.Connection | None = None
_checkpointer: Checkpointer | None = None


async def open_database(database_url: str, *, migrate: bool = True) -> None:
    """Connect the app's models (for every task in the process); migrate first if asked."""
    global _snapshot_reader, _checkpointer
    await close_database()
    await check_database(database_url)
    config = tortoise_config(database_url)
    await Tortoise.init(config=config, _enable_global_fallback=True)
    if migrate:
        try:
            # the same connection, so an in-memory SQLite database is migrated too
            await _migrate(Tortoise.get_connection(CONNECTION), config, database_url)
        except BaseException:
            await close_database()
            raise
    path = _sqlite_path(database_url)
    if path is not None:
        # after the ORM's own connection, which sets the journal mode the URL asks for
        await Tortoise.get_connection(CONNECTION).execute_query("SELECT 1")
        _snapshot_reader = _open_snapshot_reader(path)
        if _snapshot_reader is not None:  # WAL mode
            _checkpointer = Checkpointer(path)


async def close_database() -> None:
    global _snapshot_reader, _checkpointer
    if _checkpointer is not None:
        await _checkpointer.stop()
        _checkpointer = None
    if _snapshot_reader is not None:
        _snapshot_reader.close()
        _snapshot_reader = None
    if Tortoise.is_inited():
        await Tortoise.close_connections()


def snapshot_reader() -> sqlite3.Connection | None:
    """A read-only connection to the SQLite file, for use on the event loop's thread.

    aiosqlite runs every query on a thread of its own; for an indexed point read the hop
    there and back costs more than the query (it is most of the per-update client
    lookup's cost). In WAL mode this reader sees the last committed state and never
    waits for a writer. None for PostgreSQL, in-memory databases and non-WAL files.
    """
    return _snapshot_reader


def snapshot_rows(sql: str, values: list[Any]) -> list[sqlite3.Row] | None:
    """A read through the snapshot reader, on this thread; None when there is none or
    it cannot answer (busy, closed): the caller then asks the ORM's connection."""
    reader = _snapshot_reader
    if reader is None:
        return None
    try:
        return reader.execute(sql, values).fetchall()
    except sqlite3.Error:
        return None


async def read_rows(sql: str, values: list[Any]) -> list[dict[str, Any]]:
    """A short read-only SELECT: on SQLite's snapshot reader when there is one (on this
    thread, without the hop to aiosqlite's), else on the app's connection. It sees what
    is committed: not for a read that must see its own open transaction's writes."""
    rows = snapshot_rows(sql, values)
    if rows is not None:
        return [dict(row) for row in rows]
    return await connection().execute_query_dict(sql, values)


def _read_only(path: Path, timeout: float, *, any_thread: bool = False) -> sqlite3.Connection:
    reader = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro",
        uri=True,
        timeout=timeout,
        isolation_level=None,
        check_same_thread=not any_thread,
    )
    reader.row_factory = sqlite3.Row
    return reader


def _open_snapshot_reader(path: Path) -> sqlite3.Connection | None:
    reader = _read_only(path, SNAPSHOT_READ_TIMEOUT)
    if reader.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        reader.close()  # readers and writers would block each other
        return None
    return reader


class ReportReader:
    """A read-only connection of its own for long reports, queried in a worker thread.

    Tortoise's SQLite client is one connection whose queries run one after another: a
    report of several seconds at a million clients (the shop's analytics) would hold every
    update's queries behind it. In WAL mode this reader's snapshot never blocks the app's
    connection, nor waits for it. Same call as a tortoise client: `execute_query_dict`.
    """

    def __init__(self, path: Path) -> None:
        # each query in a worker thread, one at a time
        self._db = _read_only(path, REPORT_READ_TIMEOUT, any_thread=True)

    def _rows(self, sql: str, values: list[Any]) -> list[dict[str, Any]]:
        return [dict(row) for row in self._db.execute(sql, values).fetchall()]

    async def execute_query_dict(
        self, sql: str, values: list[Any] | None = None
    ) -> list[dict[str, Any]]:
        return await asyncio.to_thread(self._rows, sql, values or [])

    def close(self) -> None:
        self._db.close()


@asynccontextmanager
async def report_connection() -> AsyncIterator[Any]:
    """Where a long read-only report runs: a `ReportReader` on an SQLite file in WAL mode,
    else the app's connection (PostgreSQL's pool serves queries side by side)."""
    reader = _snapshot_reader
    path = Path(reader.execute("PRAGMA database_list").fetchone()[2]) if reader else None
    if path is None:
        yield Tortoise.get_connection(CONNECTION)
        return
    report = ReportReader(path)
    try:
        yield report
    finally:
        report.close()


async def pending_model_changes(database_url: str) -> list[str]:
    """What `tortoise makemigrations` would write now; [] = models and migrations agree."""
    config = tortoise_config(database_url)
    async with TortoiseContext() as context:
        await context.init(config=config, init_connections=False)
        assert context.apps is not None
        writers = await MigrationAutodetector(context.apps, config["apps"]).changes()
    return [
        f"{writer.app_label}.{writer.name}: {operation.describe()}"
        for writer in writers
        for operation in writer.operations
    ]


async def _migrate(
    connection: BaseDBAsyncClient, config: dict[str, Any], database_url: str
) -> list[str]:
    applied: list[str] = []

    def record(event: str, _app_label: str, name: str) -> None:
        if event == "apply_done":
            applied.append(name)

    executor = MigrationExecutor(connection, config["apps"])
    async with _migration_lock(connection, database_url):
        await executor.migrate(direction="forward", progress=record)
    if applied:
        await optimize_after_migrating(connection)
    return applied


async def optimize_after_migrating(connection: BaseDBAsyncClient) -> None:
    """SQLite: refresh the planner's statistics once the indexes changed (SQLite 3.46+
    checks every table; older versions only those this connection used)."""
    if connection.capabilities.dialect == "sqlite":
        await connection.execute_script("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002")


@asynccontextmanager
async def _migration_lock(connection: BaseDBAsyncClient, database_url: str) -> AsyncIterator[None]:
    """On PostgreSQL, workers starting together migrate one after the other.

    The lock lives on a connection of its own, outside tortoise's pool: with a pool of one
    connection (`?maxsize=1`) the migrator needs that one.
    """
    if connection.capabilities.dialect != "postgres":
        yield
        return
    session = await _connect_postgres(database_url)
    try:
        await session.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_ID)
        try:
            yield
        finally:
            await session.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_ID)
    finally:
        await session.close()  # ends the session, which also frees a lock still held


async def check_database(database_url: str) -> None:
    """Open the database ourselves first: a problem is one ConfigError, never a hang.

    tortoise hangs on a SQLite file it cannot open (the failed connect keeps its lock) and
    answers an unreachable PostgreSQL with a long traceback.
    """
    path = _sqlite_path(database_url)
    if path is not None:
        await asyncio.to_thread(_check_sqlite, path, database_url)
    elif not database_url.startswith("sqlite://"):
        session = await _connect_postgres(database_url, describe_failure=True)
        await session.close()


def _sqlite_path(database_url: str) -> Path | None:
    """The SQLite file of the URL; None for PostgreSQL and in-memory databases."""
    if not database_url.startswith("sqlite://"):
        return None
    path = database_url.removeprefix("sqlite://").split("?", 1)[0]
    return None if path in ("", ":memory:") else Path(path)


def _create_default_folder(database_url: str) -> None:
    """`data/` of the default database is ours to create; any other folder is the user's."""
    path = _sqlite_path(database_url)
    if path is not None and database_url == DEFAULT_DATABASE_URL:
        path.parent.mkdir(parents=True, exist_ok=True)


def _check_sqlite(path: Path, database_url: str) -> None:
    _create_default_folder(database_url)
    if path.is_dir():
        raise ConfigError(f"DATABASE_URL: {path} is a directory, not a database file.")
    if not path.parent.is_dir():
        folder = path.parent
        raise ConfigError(f"DATABASE_URL: the folder {folder} does not exist; create it first.")
    writable = os.access(path, os.W_OK) if path.exists() else os.access(path.parent, os.W_OK)
    if not writable:
        raise ConfigError(f"DATABASE_URL: cannot write to {path} (permission denied).")
    try:
        connection = sqlite3.connect(path, timeout=CONNECT_TIMEOUT)
        try:
            connection.execute("PRAGMA schema_version").fetchall()  # reads the file's header
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise ConfigError(f"DATABASE_URL: {path} is not a database (SQLite) file.") from None
        raise ConfigError(f"DATABASE_URL: cannot open {path} ({exc}).") from None


async def _connect_postgres(
    database_url: str, *, describe_failure: bool = False
) -> asyncpg.Connection:
    """A direct asyncpg connection with the URL's credentials, outside tortoise's pool."""
    credentials = expand_db_url(database_url)["credentials"]
    accepted = inspect.signature(asyncpg.connect).parameters
    options = {name: value for name, value in credentials.items() if name in accepted}
    try:
        return await asyncpg.connect(**{"timeout": CONNECT_TIMEOUT, **options})
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        if not describe_failure:
            raise
        where = f"{credentials.get('host')}:{credentials.get('port')}/{credentials.get('database')}"
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        if isinstance(exc, TimeoutError):
            reason = f"no answer within {CONNECT_TIMEOUT:g} s"
        message = f"DATABASE_URL: cannot connect to PostgreSQL {where} ({reason})."
        raise ConfigError(message) from None
