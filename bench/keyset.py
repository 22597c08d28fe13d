"""Keyset pages of the client list, deep in a large SQLite database.

`python -m bench keyset --database PATH` measures the database at PATH as it is (to
compare two schemas, run it on a copy before and after a migration); without PATH, or
when the file does not exist yet, it is migrated and filled by the demo generator first
(200,000 clients take about 3.5 minutes).

For each sort key of the desk's list and each direction, a cursor is taken at `--depth`
and in the middle of the key's largest group of equal values (total spent 0, no order
yet: the worst case for a seek), and the next page of 10 is read two ways:

- `row`: `WHERE anonymized_at IS NULL AND (key, id) < (?, ?)`, one statement;
- `or`: `key < ? OR (key = ? AND id < ?)`, what an ORM filter writes;
- `split`: the rest of the cursor's group (`key = ? AND id < ?`) UNION ALL the next
  keys (`key < ?`), each a seek: the way through a large group of equal keys.

The last line is JSON: {"<key> <ASC|DESC> <depth|group> <form>": median milliseconds}.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bot.db import close_database, open_database
from bot.services.demo_data import fill_demo_shop

KEYS = ("sort_name", "created_at", "last_seen_at", "orders_count", "total_spent")
PAGE = 10
FORMS = ("row", "or", "split")
FILTER = '"anonymized_at" IS NULL'


def _page_sql(key: str, descending: bool, form: str) -> str:
    op, order = ("<", "DESC") if descending else (">", "ASC")
    page = f'ORDER BY "{key}" {order}, "id" {order} LIMIT {PAGE}'
    if form == "split":
        return (
            f'SELECT * FROM (SELECT * FROM "clients" WHERE {FILTER} AND "{key}" = :key '
            f'AND "id" {op} :id ORDER BY "id" {order} LIMIT {PAGE}) UNION ALL '
            f'SELECT * FROM (SELECT * FROM "clients" WHERE {FILTER} AND "{key}" {op} :key '
            f"{page}) {page}"
        )
    if form == "row":
        after = f'("{key}", "id") {op} (:key, :id)'
    else:  # each value its own parameter, as an ORM writes it
        after = f'("{key}" {op} :key OR ("{key}" = :same AND "id" {op} :id))'
    return f'SELECT * FROM "clients" WHERE {FILTER} AND {after} {page}'


def _cursors(db: sqlite3.Connection, key: str, descending: bool, depth: int) -> dict[str, dict]:
    order = "DESC" if descending else "ASC"
    at_depth = db.execute(
        f'SELECT "{key}", "id" FROM "clients" WHERE {FILTER} '
        f'ORDER BY "{key}" {order}, "id" {order} LIMIT 1 OFFSET ?',
        (depth,),
    ).fetchone()
    value, size = db.execute(
        f'SELECT "{key}", COUNT(*) FROM "clients" WHERE {FILTER} AND "{key}" IS NOT NULL '
        f'GROUP BY "{key}" ORDER BY 2 DESC LIMIT 1'
    ).fetchone()
    cursors = {"depth": {"key": at_depth[0], "same": at_depth[0], "id": at_depth[1]}}
    if size > 2 * PAGE:  # keys with few equal values have no group worth measuring
        in_group = db.execute(
            f'SELECT "id" FROM "clients" WHERE {FILTER} AND "{key}" = ? '
            f'ORDER BY "id" {order} LIMIT 1 OFFSET ?',
            (value, size // 2),
        ).fetchone()
        cursors["group"] = {"key": value, "same": value, "id": in_group[0]}
    return cursors


def measure(path: Path, depth: int, runs: int) -> tuple[dict[str, float], dict[str, str]]:
    timings: dict[str, float] = {}
    plans: dict[str, str] = {}
    with sqlite3.connect(path) as db:
        for key in KEYS:
            for descending in (True, False):
                order = "DESC" if descending else "ASC"
                for where, cursor in _cursors(db, key, descending, depth).items():
                    for form in FORMS:
                        sql = _page_sql(key, descending, form)
                        name = f"{key} {order} {where} {form}"
                        plans[name] = " | ".join(
                            row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, cursor)
                        )
                        samples = []
                        for _ in range(runs):
                            started = time.perf_counter()
                            rows = db.execute(sql, cursor).fetchall()
                            samples.append(time.perf_counter() - started)
                        assert len(rows) == PAGE, name
                        timings[name] = round(statistics.median(samples) * 1000, 3)
    return timings, plans


async def _fill(path: Path, clients: int) -> None:
    await open_database(f"sqlite://{path}")
    try:
        await fill_demo_shop(clients=clients, seed=1)
    finally:
        await close_database()


def main(database: str | None, clients: int, depth: int, runs: int) -> None:
    path = Path(database) if database else Path(tempfile.mkdtemp()) / "keyset.sqlite3"
    if not path.exists():
        print(f"filling {path} with {clients} demo clients...", flush=True)
        asyncio.run(_fill(path, clients))
    timings, plans = measure(path, depth, runs)
    for name, ms in timings.items():
        print(f"{name:36} {ms:9.3f} ms   {plans[name]}")
    print(json.dumps(timings))
