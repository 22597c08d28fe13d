"""The only place that knows how tortoise is configured: connect, migrate, check migrations.

Migrations are tortoise's built-in ones (`migrations/`); `tortoise makemigrations` reads
`TORTOISE_ORM` below through `[tool.tortoise]` in pyproject.toml.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector
from tortoise.migrations.executor import MigrationExecutor

APP = "models"
MIGRATIONS_MODULE = "migrations"
CONNECTION = "default"
# any constant works; it only has to be the same in every worker
MIGRATION_LOCK_ID = 0x5D0D_E5C


def tortoise_config(database_url: str) -> dict[str, Any]:
    _create_sqlite_folder(database_url)
    return {
        "connections": {CONNECTION: database_url},
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


def __getattr__(name: str) -> Any:
    # `TORTOISE_ORM` for tortoise's CLI, computed on access so importing this module
    # neither reads the settings nor creates the SQLite folder.
    if name == "TORTOISE_ORM":
        from bot.config import load_settings

        return tortoise_config(load_settings().database_url)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


async def apply_migrations(database_url: str) -> list[str]:
    """Apply pending migrations; return the names applied ([] when up to date)."""
    config = tortoise_config(database_url)
    # A context of its own: the app's connections, if open, are left alone.
    async with TortoiseContext() as context:
        await context.init(config=config)
        return await _migrate(context.db(CONNECTION), config)


async def open_database(database_url: str, *, migrate: bool = True) -> None:
    """Connect the app's models (for every task in the process); migrate first if asked."""
    await close_database()
    config = tortoise_config(database_url)
    await Tortoise.init(config=config, _enable_global_fallback=True)
    if not migrate:
        return
    try:
        # the same connection, so an in-memory SQLite database is migrated too
        await _migrate(Tortoise.get_connection(CONNECTION), config)
    except BaseException:
        await close_database()
        raise


async def close_database() -> None:
    if Tortoise.is_inited():
        await Tortoise.close_connections()


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


async def _migrate(connection: BaseDBAsyncClient, config: dict[str, Any]) -> list[str]:
    applied: list[str] = []

    def record(event: str, _app_label: str, name: str) -> None:
        if event == "apply_done":
            applied.append(name)

    executor = MigrationExecutor(connection, config["apps"])
    async with _migration_lock(connection):
        await executor.migrate(direction="forward", progress=record)
    return applied


@asynccontextmanager
async def _migration_lock(connection: BaseDBAsyncClient) -> AsyncIterator[None]:
    """On PostgreSQL, workers starting together migrate one after the other."""
    if connection.capabilities.dialect != "postgres":
        yield
        return
    async with connection.acquire_connection() as session:
        await session.execute(f"SELECT pg_advisory_lock({MIGRATION_LOCK_ID})")
        try:
            yield
        finally:
            await session.execute(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_ID})")


def _create_sqlite_folder(database_url: str) -> None:
    if not database_url.startswith("sqlite://"):
        return
    path = database_url.removeprefix("sqlite://").split("?", 1)[0]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
