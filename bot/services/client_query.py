"""What the client list asks for: filters, sort and search, as data and as SQL conditions.

A `ClientQuery` is plain data (`to_dict`/`from_dict` round-trip through JSON, so it lives
in dialog data on Redis and in a saved segment). `where_sql` turns it into SQL conditions
over `clients c` for SQLite and PostgreSQL alike; `bot.services.client_list` runs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.services.clients import fold

FLAG_COLUMNS = {
    "blocked": "is_blocked",
    "no_broadcasts": "broadcasts_off",
    "manager": "is_manager",
    "viewer": "is_viewer",
    "bot_blocked": "bot_blocked",
    "anonymized": "anonymized_at",
}
PERIOD_DAYS = (1, 7, 30, 90, 365)
MAX_TAGS = 20
MAX_SEARCH = 64
# the FTS5 trigram index needs three characters; shorter terms take another path
TRIGRAM = 3
LAST_CHAR = chr(0x10FFFF)
_PHONE_LIKE = re.compile(r"^\+?[\d\s().\-]+$")


class SortKey(StrEnum):
    NAME = "name"
    REGISTERED = "registered"
    ACTIVITY = "activity"
    ORDERS = "orders"
    TOTAL = "total"


# column, nullable, holds a datetime
SORT_COLUMNS: dict[SortKey, tuple[str, bool, bool]] = {
    SortKey.NAME: ("sort_name", False, False),
    SortKey.REGISTERED: ("created_at", False, True),
    SortKey.ACTIVITY: ("last_seen_at", True, True),
    SortKey.ORDERS: ("orders_count", False, False),
    SortKey.TOTAL: ("total_spent", False, False),
}


class SearchTooLong(ValueError):
    """A search text over `MAX_SEARCH` characters."""


@dataclass(frozen=True, slots=True)
class ClientFilters:
    """A filter set (a segment). Empty means every client who is not anonymized."""

    tag_ids: tuple[int, ...] = ()
    flags: tuple[str, ...] = ()
    source: str | None = None
    language: str | None = None
    has_orders: bool | None = None
    registered_days: int | None = None
    active_days: int | None = None

    def is_empty(self) -> bool:
        return self == ClientFilters()

    def to_dict(self) -> dict[str, Any]:
        data = {
            "tag_ids": list(self.tag_ids),
            "flags": list(self.flags),
            "source": self.source,
            "language": self.language,
            "has_orders": self.has_orders,
            "registered_days": self.registered_days,
            "active_days": self.active_days,
        }
        return {key: value for key, value in data.items() if value not in (None, [])}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ClientFilters:
        """Reads what `to_dict` wrote; anything malformed (a forged or old value) is dropped."""
        data = data or {}

        def text(key: str) -> str | None:
            value = data.get(key)
            return value[:64] if isinstance(value, str) and value else None

        def days(key: str) -> int | None:
            value = data.get(key)
            return value if value in PERIOD_DAYS else None

        tags = data.get("tag_ids") or []
        flags = data.get("flags") or []
        has_orders = data.get("has_orders")
        return cls(
            tag_ids=tuple(sorted({t for t in tags if isinstance(t, int)}))[:MAX_TAGS],
            flags=tuple(f for f in FLAG_COLUMNS if f in flags),
            source=text("source"),
            language=text("language"),
            has_orders=has_orders if isinstance(has_orders, bool) else None,
            registered_days=days("registered_days"),
            active_days=days("active_days"),
        )

    def toggled_tag(self, tag_id: int) -> ClientFilters:
        tags = set(self.tag_ids) ^ {tag_id}
        return replace(self, tag_ids=tuple(sorted(tags))[:MAX_TAGS])

    def toggled_flag(self, flag: str) -> ClientFilters:
        flags = set(self.flags) ^ {flag}
        return replace(self, flags=tuple(f for f in FLAG_COLUMNS if f in flags))


@dataclass(frozen=True, slots=True)
class ClientQuery:
    filters: ClientFilters = field(default_factory=ClientFilters)
    sort: SortKey = SortKey.REGISTERED
    descending: bool = True
    search: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "filters": self.filters.to_dict(),
            "sort": self.sort.value,
            "descending": self.descending,
            "search": self.search,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ClientQuery:
        data = data or {}
        sort = data.get("sort")
        search = data.get("search")
        return cls(
            filters=ClientFilters.from_dict(data.get("filters")),
            sort=SortKey(sort) if sort in SortKey._value2member_map_ else SortKey.REGISTERED,
            descending=data.get("descending") is not False,
            search=search[:MAX_SEARCH] if isinstance(search, str) else "",
        )


def validate_search(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_SEARCH:
        raise SearchTooLong(text)
    return text


def search_terms(text: str) -> list[str]:
    """Folded terms, each must occur in `search_text`.

    A query that looks like a phone number (`+48 601-234-567`) is one term of its digits,
    which the stored E.164 phone (`+48601234567`) contains.
    """
    text = text.strip()
    if _PHONE_LIKE.match(text):
        digits = re.sub(r"\D", "", text)
        if digits:
            return [digits]
    return [term for term in fold(text).split() if term]


class Params:
    """Query parameters with the dialect's placeholders (`?` or `$n`)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.values: list[Any] = []

    @property
    def postgres(self) -> bool:
        return self.dialect == "postgres"

    def __call__(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}" if self.postgres else "?"


def like_pattern(term: str) -> str:
    """`%term%` with `\\`, `%` and `_` taken literally (used with ESCAPE '\\')."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every term as a quoted phrase (`"` doubled inside)."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def where_sql(
    query: ClientQuery, p: Params, now: datetime | None = None, *, walk: bool = False
) -> list[str]:
    """SQL conditions over `clients c` for the query's filters and search (see `search_sql`)."""
    return [*filter_sql(query.filters, p, now), *search_sql(query.search, p, walk=walk)]


def filter_sql(filters: ClientFilters, p: Params, now: datetime | None = None) -> list[str]:
    now = now or datetime.now(UTC)
    anonymized = "anonymized" in filters.flags
    conditions = [f"c.anonymized_at IS {'NOT ' if anonymized else ''}NULL"]
    for flag in filters.flags:
        if flag != "anonymized":
            conditions.append(f"c.{FLAG_COLUMNS[flag]} = TRUE")
    if filters.tag_ids:
        marks = ", ".join(p(tag_id) for tag_id in filters.tag_ids)
        conditions.append(
            "EXISTS (SELECT 1 FROM clients_tags ct "
            f"WHERE ct.client_id = c.id AND ct.tag_id IN ({marks}))"
        )
    if filters.source is not None:
        conditions.append(f"c.source = {p(filters.source)}")
    if filters.language is not None:
        conditions.append(f"COALESCE(c.locale, c.language_code) = {p(filters.language)}")
    if filters.has_orders is not None:
        conditions.append(f"c.orders_count {'>' if filters.has_orders else '='} 0")
    if filters.registered_days:
        conditions.append(f"c.created_at >= {p(now - timedelta(days=filters.registered_days))}")
    if filters.active_days:
        conditions.append(f"c.last_seen_at >= {p(now - timedelta(days=filters.active_days))}")
    return conditions


def search_sql(text: str, p: Params, *, walk: bool = False) -> list[str]:
    """Every term must occur in `search_text`; one short term (1-2 characters) is a
    prefix of the sort name instead (a trigram index cannot serve it).

    PostgreSQL: `LIKE '%term%'` through the trigram GIN index of migration 0002.
    SQLite: the FTS5 trigram table of migration 0006; its prefix through the
    `sort_name` index (a binary range, SQLite compares bytes). With `walk`, SQLite
    walks the sort key's index in order and keeps the rows found in the FTS matches
    (`+c.id`: the `+` stops it from fetching every match by id and sorting them): for
    a term that many clients share, the page fills after a few hundred index entries,
    where fetching and sorting every match costs about 2 µs each.
    """
    terms = search_terms(text)
    if not terms:
        return []
    if len(terms) == 1 and len(terms[0]) < TRIGRAM:
        prefix = terms[0]
        if p.postgres:
            return [f"c.sort_name LIKE {p(like_pattern(prefix)[1:])} ESCAPE '\\'"]
        low, high = p(prefix), p(prefix + LAST_CHAR)
        return [f"c.sort_name >= {low} AND c.sort_name < {high}"]
    if p.postgres:
        return [f"c.search_text LIKE {p(like_pattern(t))} ESCAPE '\\'" for t in terms]
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    conditions = [
        f"{'+' if walk else ''}c.id IN (SELECT rowid FROM clients_fts "
        f"WHERE clients_fts MATCH {p(fts_phrase(long_terms))})"
    ]
    # short terms beside long ones: checked on the few rows the long ones found
    conditions += [
        f"c.search_text LIKE {p(like_pattern(t))} ESCAPE '\\'" for t in terms if len(t) < TRIGRAM
    ]
    return conditions
