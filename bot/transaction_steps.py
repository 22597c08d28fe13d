"""A hot transaction written once as plain steps, run in one hop on SQLite.

Through tortoise, every SQLite statement is a hop to aiosqlite's thread and back
(~35 µs each on the 2-core bench machine) and a transaction three more (tortoise
commits before BEGIN, then BEGIN, then COMMIT): adding to the cart was seven hops. The
steps here are a generator that yields each statement, `(sql, values)` in the
connection's dialect, and is sent back its rows as dicts; it returns the result. On
SQLite the whole transaction (BEGIN IMMEDIATE, the steps, COMMIT) runs as one call on
aiosqlite's thread, under the lock tortoise's own transactions take. On PostgreSQL,
and inside a transaction already open, the same steps run statement by statement.

The steps must not await or touch the ORM: on SQLite they run on aiosqlite's thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from bot.db import connection, snapshot_reader

T = TypeVar("T")
Row = dict[str, Any]
Statement = tuple[str, list[Any]]
Steps = Generator[Statement, list[Row], T]


async def run_steps(steps: Steps[T]) -> T:
    """Runs `steps` as one transaction (joining one already open) and returns their result;
    an exception raised by a step or a statement rolls the transaction back."""
    db = connection()
    if isinstance(db, TransactionalDBClient):
        return await _drive(steps, db)
    if db.capabilities.dialect != "sqlite":
        async with in_transaction() as transaction:
            return await _drive(steps, transaction)
    async with db.acquire_connection() as sqlite:  # aiosqlite's connection, locked
        return await sqlite._execute(_in_sqlite_transaction, sqlite._conn, steps)


async def read_steps(make: Callable[..., Steps[T]], *args: Any) -> T:
    """Runs the read-only steps `make(*args)`: inside an open transaction on it (to see
    its writes), else on SQLite's snapshot reader on this thread (no hop; when it cannot
    answer, busy, once more on the app's connection), else on the app's connection."""
    db = connection()
    reader = None if isinstance(db, TransactionalDBClient) else snapshot_reader()
    if reader is not None:
        try:
            return _drive_sqlite(make(*args), reader)
        except sqlite3.Error:  # busy, or closed meanwhile
            pass
    return await _drive(make(*args), db)


async def run_steps_on(db: BaseDBAsyncClient, steps: Steps[T]) -> T:
    """Runs `steps` on this connection, a transaction the caller holds."""
    return await _drive(steps, db)


async def _drive(steps: Steps[T], db: BaseDBAsyncClient) -> T:
    try:
        sql, values = next(steps)
        while True:
            sql, values = steps.send(await db.execute_query_dict(sql, values))
    except StopIteration as done:
        return done.value


def _in_sqlite_transaction(sqlite: sqlite3.Connection, steps: Steps[T]) -> T:
    """On aiosqlite's thread: the steps between BEGIN IMMEDIATE (the write lock first, so
    a read step never has to upgrade it) and COMMIT, tortoise's exceptions raised."""
    try:
        sqlite.execute("BEGIN IMMEDIATE")
        try:
            result = _drive_sqlite(steps, sqlite)
        except BaseException:
            sqlite.rollback()
            raise
        sqlite.commit()
        return result
    except sqlite3.IntegrityError as exc:
        raise IntegrityError(exc) from exc
    except sqlite3.OperationalError as exc:
        raise OperationalError(exc) from exc


def _drive_sqlite(steps: Steps[T], sqlite: sqlite3.Connection) -> T:
    try:
        sql, values = next(steps)
        while True:
            rows = [dict(row) for row in sqlite.execute(sql, values).fetchall()]
            sql, values = steps.send(rows)
    except StopIteration as done:
        return done.value
