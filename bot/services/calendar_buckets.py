"""Calendar buckets for analytics: UTC months and ISO weeks, and the SQL keying rows by them.

Rows are grouped in SQL by day or month (a key string such as '2026-11-23' or '2026-11'),
so a chart's query returns at most a few hundred rows whatever the table's size; weeks
are then summed from days here, the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def month_start(moment: datetime | date) -> date:
    return date(moment.year, moment.month, 1)


def months_back(day: date, count: int) -> date:
    """The first day of the month `count` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def last_months(now: datetime, count: int) -> list[date]:
    """The first days of the last `count` months, oldest first, this month included."""
    current = month_start(now.astimezone(UTC))
    return [months_back(current, back) for back in range(count - 1, -1, -1)]


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def last_weeks(now: datetime, count: int) -> list[date]:
    """The Mondays of the last `count` ISO weeks, oldest first, this week included."""
    current = week_start(now.astimezone(UTC).date())
    return [current - timedelta(weeks=back) for back in range(count - 1, -1, -1)]


def as_utc_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_key_sql(column: str, dialect: str) -> str:
    """'YYYY-MM' of a timestamp column in UTC (SQLite converts a stored offset to UTC)."""
    if dialect == "postgres":
        return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM')"
    return f"strftime('%Y-%m', {column})"


def day_key_sql(column: str, dialect: str) -> str:
    """'YYYY-MM-DD' of a timestamp column in UTC."""
    if dialect == "postgres":
        return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
    return f"date({column})"
