"""Client search on SQLite: an FTS5 table with the trigram tokenizer over clients.search_text.

`clients_fts` is an external-content FTS5 table (it stores only the index; the text
stays in `clients`), kept in step by three triggers. `search_text LIKE '%term%'` on
PostgreSQL uses the trigram GIN index of migration 0002; on SQLite the list asks
`clients_fts MATCH '"term"'` for terms of three characters or more. No-op on PostgreSQL.

Caution for later migrations: a SQLite table rebuild of `clients` drops these triggers;
such a migration must re-create them (and `rebuild` the index).
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor

CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS clients_fts USING fts5("
    "search_text, content='clients', content_rowid='id', tokenize='trigram')",
    "INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')",
    "CREATE TRIGGER IF NOT EXISTS clients_fts_insert AFTER INSERT ON clients BEGIN "
    "INSERT INTO clients_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS clients_fts_delete AFTER DELETE ON clients BEGIN "
    "INSERT INTO clients_fts(clients_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS clients_fts_update AFTER UPDATE OF search_text ON clients "
    "BEGIN INSERT INTO clients_fts(clients_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO clients_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
DROP = [
    "DROP TRIGGER IF EXISTS clients_fts_update",
    "DROP TRIGGER IF EXISTS clients_fts_delete",
    "DROP TRIGGER IF EXISTS clients_fts_insert",
    "DROP TABLE IF EXISTS clients_fts",
]


async def _run(schema_editor: BaseSchemaEditor, statements: list[str]) -> None:
    if schema_editor.DIALECT != "sqlite":
        return
    if schema_editor.collect_sql:
        schema_editor.collected_sql += statements
        return
    for statement in statements:
        # whole: the SQLite editor's own runner splits on ";", which cuts a trigger's body
        await schema_editor.client.execute_script(statement)


async def create_search_index(_apps: object, schema_editor: BaseSchemaEditor) -> None:
    await _run(schema_editor, CREATE)


async def drop_search_index(_apps: object, schema_editor: BaseSchemaEditor) -> None:
    await _run(schema_editor, DROP)


class Migration(migrations.Migration):
    dependencies = [("models", "0006_order_flow_and_payments")]

    initial = False

    operations = [ops.RunPython(create_search_index, drop_search_index)]
