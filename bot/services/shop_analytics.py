"""The shop's analytics: where clients came from, new clients per week, revenue per month,
top tags, top referrers and the average check over four periods.

At a million clients some of these questions read whole tables (clients by source has no
index of its own: migration 0004 dropped it, each index costing a write per "last seen"),
so the figures are computed together, at most once per `CACHE_SECONDS` per process and
database, and shown "as of" that moment: a tap reads the cached snapshot. An older
snapshot is still shown while a new one is computed behind it (measured: 0.7 s at
100,000 clients on SQLite, so several seconds at a million), so only the first tap
after a start waits. Concurrent computations queue on one lock and the later ones find
the first one's result; the refresh button waits for figures recomputed only when they
are older than `REFRESH_AFTER_SECONDS`, so repeated presses cannot queue full scans.
The pattern is `bot.services.overview`'s, with a longer life as the work is heavier.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.db import report_connection
from bot.services.calendar_buckets import (
    as_utc_start,
    day_key_sql,
    last_months,
    last_weeks,
    month_key,
    month_key_sql,
    week_start,
)
from bot.services.client_analytics import (
    SPENDING_STATUSES,
    CurrencySpend,
    MonthlySpend,
    monthly,
)
from bot.services.client_list import connection, dialect
from bot.services.client_query import Params
from models import Client
from models.money import from_minor

logger = logging.getLogger(__name__)
CACHE_SECONDS = 600.0
REFRESH_AFTER_SECONDS = 30.0
CHART_MONTHS = 12
CHART_WEEKS = 12
TOP = 10
_SPENDING_SQL = ", ".join(f"'{status.value}'" for status in SPENDING_STATUSES)


class Period(StrEnum):
    DAYS_30 = "30d"
    DAYS_90 = "90d"
    MONTHS_12 = "12m"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class Referrer:
    client_id: int
    name: str
    anonymized: bool
    referrals: int


@dataclass(frozen=True, slots=True)
class ShopAnalytics:
    as_of: datetime
    clients: int
    sources: list[tuple[str, int]]  # the biggest TOP, most clients first
    new_clients: list[tuple[date, int]]  # (Monday, clients registered that week), oldest first
    revenue: MonthlySpend
    averages: dict[Period, list[CurrencySpend]]
    top_tags: list[tuple[str, int]]
    top_referrers: list[Referrer]

    @property
    def other_sources(self) -> int:
        return self.clients - sum(count for _, count in self.sources)


_cache: weakref.WeakKeyDictionary[object, tuple[float, ShopAnalytics]] = weakref.WeakKeyDictionary()
_locks: weakref.WeakKeyDictionary[object, asyncio.Lock] = weakref.WeakKeyDictionary()
_behind: weakref.WeakKeyDictionary[object, asyncio.Task[ShopAnalytics]] = (
    weakref.WeakKeyDictionary()
)


def forget_shop_analytics() -> None:
    """Drop every cached snapshot (tests, the benchmark's uncached runs)."""
    _cache.clear()


def _age(cached: tuple[float, ShopAnalytics]) -> float:
    return time.monotonic() - cached[0]


async def shop_analytics() -> ShopAnalytics:
    """The cached snapshot (recounted behind it once older than `CACHE_SECONDS`); the
    first call of a process waits for the figures."""
    key = connection()
    cached = _cache.get(key)
    if cached is None:
        return await _recount(key, CACHE_SECONDS)
    if _age(cached) >= CACHE_SECONDS:
        _recount_behind(key)
    return cached[1]


async def refresh_shop_analytics() -> ShopAnalytics:
    """Figures at most `REFRESH_AFTER_SECONDS` old, waiting for a recount if need be."""
    return await _recount(connection(), REFRESH_AFTER_SECONDS)


def recount_in_progress() -> asyncio.Task[ShopAnalytics] | None:
    """The recount running behind the cached snapshot, if any (tests await it)."""
    task = _behind.get(connection())
    return task if task is not None and not task.done() else None


async def _recount(key: object, max_age: float) -> ShopAnalytics:
    lock = _locks.setdefault(key, asyncio.Lock())
    async with lock:  # a second caller waits, then finds the first one's snapshot
        cached = _cache.get(key)
        if cached and _age(cached) < max_age:
            return cached[1]
        snapshot = await compute_shop_analytics(datetime.now(UTC))
        _cache[key] = (time.monotonic(), snapshot)
        return snapshot


def _recount_behind(key: object) -> None:
    if (task := _behind.get(key)) is not None and not task.done():
        return
    task = asyncio.create_task(_recount(key, CACHE_SECONDS))
    task.add_done_callback(_log_failure)
    _behind[key] = task


def _log_failure(task: asyncio.Task[ShopAnalytics]) -> None:
    if not task.cancelled() and (error := task.exception()) is not None:
        logger.error("shop analytics: the recount failed: %r", error)


async def compute_shop_analytics(now: datetime) -> ShopAnalytics:
    """Every figure afresh (no cache): a handful of grouped queries, on the report
    connection (on SQLite a reader of its own, so the app's queries do not wait)."""
    async with report_connection() as db:
        clients, sources = await _sources(db)
        revenue, averages = await _revenue(db, now)
        new_clients = await _new_clients(db, now)
        top_tags = await _top_tags(db)
        referrals = await _top_referral_counts(db)
    return ShopAnalytics(
        as_of=now,
        clients=clients,
        sources=sources,
        new_clients=new_clients,
        revenue=revenue,
        averages=averages,
        top_tags=top_tags,
        top_referrers=await _top_referrers(referrals),
    )


async def _sources(db: Any) -> tuple[int, list[tuple[str, int]]]:
    rows = await db.execute_query_dict(
        "SELECT source, COUNT(*) AS n FROM clients WHERE anonymized_at IS NULL "
        "GROUP BY source ORDER BY n DESC, source"
    )
    counts = [(row["source"], int(row["n"])) for row in rows]
    return sum(n for _, n in counts), counts[:TOP]


async def _new_clients(db: Any, now: datetime) -> list[tuple[date, int]]:
    """Per day in SQL (through the partial `(created_at, id)` index), summed into weeks here."""
    weeks = last_weeks(now, CHART_WEEKS)
    p = Params(dialect())
    day = day_key_sql("created_at", p.dialect)
    rows = await db.execute_query_dict(
        f"SELECT {day} AS day, COUNT(*) AS n FROM clients WHERE anonymized_at IS NULL "
        f"AND created_at >= {p(as_utc_start(weeks[0]))} GROUP BY {day}",
        p.values,
    )
    per_week = dict.fromkeys(weeks, 0)
    for row in rows:
        monday = week_start(date.fromisoformat(row["day"]))
        if monday in per_week:
            per_week[monday] += int(row["n"])
    return list(per_week.items())


async def _revenue(
    db: Any, now: datetime
) -> tuple[MonthlySpend, dict[Period, list[CurrencySpend]]]:
    """One pass over the spending orders: per (currency, month), with the last 30 and 90
    days summed alongside; the chart, the 12 months and all time come from the months."""
    months = last_months(now, CHART_MONTHS)
    p = Params(dialect())
    month = month_key_sql("placed_at", p.dialect)
    days_30, days_90 = now - timedelta(days=30), now - timedelta(days=90)
    rows = await db.execute_query_dict(
        f"SELECT currency, {month} AS month, COUNT(*) AS n, SUM(total) AS total, "
        f"SUM(CASE WHEN placed_at >= {p(days_30)} THEN 1 ELSE 0 END) AS n30, "
        f"SUM(CASE WHEN placed_at >= {p(days_30)} THEN total ELSE 0 END) AS t30, "
        f"SUM(CASE WHEN placed_at >= {p(days_90)} THEN 1 ELSE 0 END) AS n90, "
        f"SUM(CASE WHEN placed_at >= {p(days_90)} THEN total ELSE 0 END) AS t90 "
        f"FROM orders WHERE status IN ({_SPENDING_SQL}) GROUP BY currency, {month}",
        p.values,
    )
    recent = {month_key(m) for m in months}
    sums: dict[Period, dict[str, list[int]]] = {period: {} for period in Period}
    for row in rows:
        figures = {
            Period.ALL: (row["n"], row["total"]),
            Period.MONTHS_12: (row["n"], row["total"]) if row["month"] in recent else (0, 0),
            Period.DAYS_90: (row["n90"], row["t90"]),
            Period.DAYS_30: (row["n30"], row["t30"]),
        }
        for period, (count, minor) in figures.items():
            pair = sums[period].setdefault(row["currency"], [0, 0])
            pair[0] += int(count or 0)
            pair[1] += int(minor or 0)
    averages = {
        period: sorted(
            (CurrencySpend(c, n, from_minor(t)) for c, (n, t) in per.items() if n),
            key=lambda item: (-item.orders, item.currency),
        )
        for period, per in sums.items()
    }
    chart_rows = [(r["currency"], r["month"], int(r["total"] or 0)) for r in rows if r["month"]]
    return monthly(months, chart_rows), averages


async def _top_tags(db: Any) -> list[tuple[str, int]]:
    rows = await db.execute_query_dict(
        "SELECT t.name AS name, COUNT(*) AS n FROM clients_tags ct "
        "JOIN tags t ON t.id = ct.tag_id GROUP BY t.id, t.name "
        f"ORDER BY n DESC, t.name LIMIT {TOP}"
    )
    return [(row["name"], int(row["n"])) for row in rows]


async def _top_referral_counts(db: Any) -> list[dict[str, Any]]:
    """Through the `referrer_id` index."""
    return await db.execute_query_dict(
        "SELECT referrer_id, COUNT(*) AS n FROM clients WHERE referrer_id IS NOT NULL "
        f"GROUP BY referrer_id ORDER BY n DESC, referrer_id LIMIT {TOP}"
    )


async def _top_referrers(rows: list[dict[str, Any]]) -> list[Referrer]:
    """The TOP referrers' names, for their counts."""
    ids = [int(row["referrer_id"]) for row in rows]
    people = {client.id: client for client in await Client.filter(id__in=ids)}
    return [
        Referrer(
            client_id=ident,
            name=people[ident].display_name,
            anonymized=people[ident].anonymized_at is not None,
            referrals=int(row["n"]),
        )
        for ident, row in zip(ids, rows, strict=True)
        if ident in people
    ]
