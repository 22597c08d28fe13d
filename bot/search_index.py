"""At start on PostgreSQL: is client search served by the pg_trgm trigram index?

Migration 0002 creates the extension and the index when it can; a database user who is
not a superuser (a managed database, a shared server) cannot create the extension, and
search then still works by scanning the clients table. `run` says so in one line, with
the command that fixes it, instead of failing. Once a superuser has run it, the next
start builds the missing index here.
"""

from __future__ import annotations

import logging

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from bot.db import CONNECTION

logger = logging.getLogger(__name__)

EXTENSION = "pg_trgm"
# the index of migration 0002 (the migration module's name starts with a digit)
TRIGRAM_INDEX = "idx_clients_search_text_trgm"


def trigram_hint(extension: str = EXTENSION) -> str:
    return (
        f"shopdesk: PostgreSQL has no {extension} extension and this user cannot create it: "
        "client search works but is slower at many clients. To enable it, run once as a "
        f"superuser in this database: CREATE EXTENSION {extension}; then restart the bot."
    )


async def _extension_schema(db: BaseDBAsyncClient, extension: str) -> str | None:
    rows = await db.execute_query_dict(
        "SELECT n.nspname AS name FROM pg_extension e "
        "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1",
        [extension],
    )
    return rows[0]["name"] if rows else None


async def _create_extension(extension: str) -> bool:
    try:
        async with in_transaction(CONNECTION) as db:  # a failure ends this transaction only
            await db.execute_script(f'CREATE EXTENSION IF NOT EXISTS "{extension}"')
    except Exception as error:  # insufficient privilege, not available on the server
        logger.info("cannot create extension %s: %s", extension, type(error).__name__)
        return False
    return True


async def check_trigram_search(db: BaseDBAsyncClient, extension: str = EXTENSION) -> str | None:
    """None when search is indexed (or the database is not PostgreSQL); else the hint line.

    Creates the extension when this user may, and the index when it is missing.
    """
    if db.capabilities.dialect != "postgres":
        return None
    schema = await _extension_schema(db, extension)
    if schema is None and await _create_extension(extension):
        schema = await _extension_schema(db, extension)
    if schema is None:
        return trigram_hint(extension)
    if extension == EXTENSION:
        try:
            await db.execute_script(
                f'CREATE INDEX IF NOT EXISTS "{TRIGRAM_INDEX}" ON "clients" '
                f'USING GIN ("search_text" "{schema}".gin_trgm_ops)'
            )
        except Exception as error:  # search works without it: never a reason not to start
            logger.warning("cannot create the trigram index: %s", type(error).__name__)
    return None
