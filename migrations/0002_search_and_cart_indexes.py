"""Indexes tortoise's model Meta cannot express portably (written by hand on an empty migration).

- one cart per client: a partial unique index, same SQL on SQLite and PostgreSQL;
- clients by tag: the implicit through table only gets a (client_id, tag_id) index;
- client search on PostgreSQL: a trigram GIN index on clients.search_text so
  `search_text LIKE '%term%'` does not scan the table (no-op on SQLite).

Caution for later migrations: tortoise rebuilds a SQLite table to alter a column and
does not know these indexes; a migration that alters `orders` or `clients_tags`
must re-create them.
"""

import logging

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor

logger = logging.getLogger(__name__)

TRIGRAM_INDEX = "idx_clients_search_text_trgm"


async def create_trigram_index(_apps: object, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT != "postgres":
        return
    if schema_editor.collect_sql:
        schema_editor.collected_sql += [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            f'CREATE INDEX "{TRIGRAM_INDEX}" ON "clients" USING GIN ("search_text" gin_trgm_ops)',
        ]
        return
    client = schema_editor.client
    opclass_schema = await _trigram_schema(client)
    if opclass_schema is None:
        await client.execute_script("SAVEPOINT shopdesk_trgm")
        try:
            await client.execute_script("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception as exc:
            await client.execute_script("ROLLBACK TO SAVEPOINT shopdesk_trgm")
            # search still works, by a sequential scan; a superuser can add it later
            logger.warning("pg_trgm unavailable (%s): clients.search_text not indexed", exc)
            return
        await client.execute_script("RELEASE SAVEPOINT shopdesk_trgm")
        opclass_schema = await _trigram_schema(client)
    await client.execute_script(
        f'CREATE INDEX IF NOT EXISTS "{TRIGRAM_INDEX}" ON "clients" '
        f'USING GIN ("search_text" "{opclass_schema}".gin_trgm_ops)'
    )


async def drop_trigram_index(_apps: object, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT == "postgres":
        await schema_editor._run_sql(f'DROP INDEX IF EXISTS "{TRIGRAM_INDEX}"')


async def _trigram_schema(client) -> str | None:
    """The schema pg_trgm lives in: not always on the search path."""
    _, rows = await client.execute_query(
        "SELECT n.nspname AS name FROM pg_extension e "
        "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
    )
    return rows[0]["name"] if rows else None


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    initial = False

    operations = [
        ops.RunSQL(
            'CREATE UNIQUE INDEX "uidx_orders_one_cart_per_client" '
            "ON \"orders\" (\"client_id\") WHERE \"status\" = 'cart'",
            reverse_sql='DROP INDEX IF EXISTS "uidx_orders_one_cart_per_client"',
        ),
        ops.RunSQL(
            'CREATE INDEX "idx_clients_tags_tag_id" ON "clients_tags" ("tag_id")',
            reverse_sql='DROP INDEX IF EXISTS "idx_clients_tags_tag_id"',
        ),
        ops.RunPython(create_trigram_index, drop_trigram_index),
    ]
