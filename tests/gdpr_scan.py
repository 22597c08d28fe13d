"""The exhaustive scan of the GDPR tests: every column of every table, value by value.

Deliberately naive (reads every row): it is the independent witness of the service's
own, index-based verification.
"""

from __future__ import annotations

from tortoise import Tortoise

from bot.db import CONNECTION
from bot.services.clients import fold


def _connection():
    return Tortoise.get_connection(CONNECTION)


async def _columns() -> dict[str, list[str]]:
    db = _connection()
    if db.capabilities.dialect == "postgres":
        _, rows = await db.execute_query(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        )
        columns: dict[str, list[str]] = {}
        for row in rows:
            columns.setdefault(row["table_name"], []).append(row["column_name"])
        return columns
    _, tables = await db.execute_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'clients_fts%'"
    )
    columns = {}
    for table in tables:
        _, info = await db.execute_query(f'PRAGMA table_info("{table["name"]}")')
        columns[table["name"]] = [row["name"] for row in info]
    return columns


async def scan(values: list[str]) -> list[str]:
    """`table.column` for each place any of the values occurs (as text, any case)."""
    db = _connection()
    postgres = db.capabilities.dialect == "postgres"
    hits = []
    for table, columns in (await _columns()).items():
        for column in columns:
            # SQLite's LIKE ignores case for ASCII only; the values are written as stored
            like = "ILIKE $1" if postgres else "LIKE ?"
            for value in values:
                sql = f'SELECT COUNT(*) AS n FROM "{table}" WHERE CAST("{column}" AS TEXT) {like}'
                _, rows = await db.execute_query(sql, [f"%{value}%"])
                if rows[0]["n"]:
                    hits.append(f"{table}.{column}")
    return sorted(set(hits))


async def fts_hits(values: list[str]) -> list[str]:
    """SQLite: the values the client search index still matches (its own stale entries)."""
    db = _connection()
    if db.capabilities.dialect == "postgres":
        return []
    found = []
    for value in values:
        phrase = '"' + fold(value).replace('"', '""') + '"'
        if len(value) < 3:
            continue
        _, rows = await db.execute_query(
            "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?", [phrase]
        )
        if rows:
            found.append(value)
    return found
