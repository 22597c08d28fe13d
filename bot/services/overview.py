"""The desk's first screen: how the client base is doing, in numbers.

One statement of five indexed COUNTs, kept for `CACHE_SECONDS` per process: the numbers
are "as of" a time the screen shows, and a busy desk does not recount on every click.
"""

from __future__ import annotations

import time
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.services.client_list import connection, dialect
from bot.services.client_query import Params

CACHE_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class DeskOverview:
    clients: int
    new_today: int
    active_week: int
    blocked: int
    staff: int
    as_of: datetime


# per open database connection: a reconnect (another database) starts afresh
_cache: weakref.WeakKeyDictionary[object, tuple[float, DeskOverview]] = weakref.WeakKeyDictionary()


def forget_overview() -> None:
    """Drop the cached numbers (the refresh button, tests)."""
    _cache.clear()


async def desk_overview(now: datetime | None = None) -> DeskOverview:
    key = connection()
    cached = _cache.get(key)
    if now is None and cached and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[1]
    overview = await _count(now or datetime.now(UTC))
    _cache[key] = (time.monotonic(), overview)
    return overview


async def _count(now: datetime) -> DeskOverview:
    """Five COUNTs in one statement, each through one of migration 0004's partial indexes
    (the flags are literals, so that SQLite matches those indexes' conditions)."""
    p = Params(dialect())
    people = "FROM clients WHERE anonymized_at IS NULL"
    start_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    sql = (
        f"SELECT (SELECT COUNT(*) {people}) AS clients, "
        f"(SELECT COUNT(*) {people} AND created_at >= {p(start_of_day)}) AS new_today, "
        f"(SELECT COUNT(*) {people} AND last_seen_at >= {p(now - timedelta(days=7))}) "
        "AS active_week, "
        f"(SELECT COUNT(*) {people} AND is_blocked = TRUE) AS blocked, "
        f"(SELECT COUNT(*) {people} AND (is_manager = TRUE OR is_viewer = TRUE)) AS staff"
    )
    rows = await connection().execute_query_dict(sql, p.values)
    row = {name: int(value) for name, value in rows[0].items()}
    return DeskOverview(**row, as_of=now)
