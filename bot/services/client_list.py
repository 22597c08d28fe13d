"""The client list: keyset (seek) pages over `(sort key, id)`, counts, filter choices.

Never OFFSET: a page is the rows after (or before) a cursor in the list's order, so the
50,000th page costs what the first does. Rows with a NULL sort key (never seen clients,
sorted by activity) come last in either direction, as a second segment ordered by id.
A cursor is a JSON list `[segment, key, id]`: it lives in dialog data (Redis).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from bot.db import connection, dialect
from bot.services.client_query import (
    SORT_COLUMNS,
    TRIGRAM,
    ClientQuery,
    Params,
    SortKey,
    fts_phrase,
    search_terms,
    where_sql,
)
from models import Client, Tag
from models.money import from_minor

PAGE_SIZE = 10
# A search on SQLite with many matches walks the sort key's index (not for the name:
# names and search terms go together, so the walk would be long); see `search_sql`.
# Fetching and sorting the matches costs ~2 µs a match; the walk ~0.15 µs an index
# entry, and it passes about PAGE_SIZE * clients / matches of them. Measured at 1M
# clients: 7,378 matches took 18 ms sorted and 4.4 ms walked, 112k 165 ms and 28 ms,
# 1,802 6.4 ms and 4.8 ms; with no match the walk passes the whole index (150 ms).
# So it walks when matches² ≥ clients (the largest id stands for their number).
WALK_MIN_MATCHES = 100
FILTER_CHOICES = 8

Cursor = list[Any]  # [segment 0|1, key (JSON-safe), id]


def _as_datetime(value: datetime | str | None) -> datetime | None:
    """A timestamp as the database returns it (SQLite: ISO text) as an aware datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


@dataclass(frozen=True, slots=True)
class ListedClient:
    """A client as a list row shows them: the columns the list, its inline twin and the
    row's markers read, without the ORM model (building ten Client models was half of a
    page's reading time: every timestamp and amount converted field by field)."""

    id: int
    telegram_id: int | None
    first_name: str
    last_name: str | None
    custom_name: str | None
    username: str | None
    locale: str | None
    language_code: str | None
    source: str
    created_at: datetime
    last_seen_at: datetime | None
    anonymized_at: datetime | None
    orders_count: int
    total_spent: Decimal
    is_blocked: bool
    broadcasts_off: bool
    is_manager: bool
    is_viewer: bool
    bot_blocked: bool

    # the model's own rule, read from these fields
    display_name = property(Client.display_name.fget)  # type: ignore[attr-defined]

    @classmethod
    def of(cls, row: dict[str, Any]) -> ListedClient:
        return cls(
            id=row["id"],
            telegram_id=row["telegram_id"],
            first_name=row["first_name"],
            last_name=row["last_name"],
            custom_name=row["custom_name"],
            username=row["username"],
            locale=row["locale"],
            language_code=row["language_code"],
            source=row["source"],
            created_at=_as_datetime(row["created_at"]),  # type: ignore[arg-type]
            last_seen_at=_as_datetime(row["last_seen_at"]),
            anonymized_at=_as_datetime(row["anonymized_at"]),
            orders_count=row["orders_count"],
            total_spent=from_minor(row["total_spent"]),
            is_blocked=bool(row["is_blocked"]),
            broadcasts_off=bool(row["broadcasts_off"]),
            is_manager=bool(row["is_manager"]),
            is_viewer=bool(row["is_viewer"]),
            bot_blocked=bool(row["bot_blocked"]),
        )


@dataclass(frozen=True, slots=True)
class ClientRow:
    client: ListedClient
    address: str | None

    @property
    def markers(self) -> str:
        c = self.client
        marks = [
            (c.is_blocked, "🚫"),
            (c.broadcasts_off, "🔕"),
            (c.is_manager, "⭐"),
            (c.is_viewer, "👁"),
            (c.anonymized_at is not None, "🕶"),
            (c.bot_blocked, "⛔"),
        ]
        return "".join(mark for on, mark in marks if on)

    @property
    def language(self) -> str | None:
        return self.client.locale or self.client.language_code


@dataclass(frozen=True, slots=True)
class ClientPage:
    rows: list[ClientRow]
    first: Cursor | None
    last: Cursor | None
    # more rows exist beyond this page in the direction it was fetched
    more: bool


def _cursor_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _param_value(query: ClientQuery, value: Any, p: Params) -> Any:
    """A cursor's key back as the database compares it (PostgreSQL wants datetimes)."""
    _, _, is_datetime = SORT_COLUMNS[query.sort]
    if is_datetime and p.postgres and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _direction(query: ClientQuery, forward: bool) -> str:
    """How a fetch orders (key, id): the list's order is both ascending or both
    descending, and a fetch backwards reads it the other way."""
    return "DESC" if query.descending == forward else "ASC"


def _segment_sql(
    query: ClientQuery,
    segment: int,
    cursor: Cursor | None,
    forward: bool,
    limit: int,
    p: Params,
    walk: bool,
) -> str:
    column, nullable, _ = SORT_COLUMNS[query.sort]
    direction = _direction(query, forward)
    op = "<" if direction == "DESC" else ">"
    by_key = f"{column} {direction}, id {direction}"

    def select(bounds: Callable[[], list[str]], order: str) -> str:
        # parameters go in the order of the text: the filters' first, then the bounds'
        conditions = where_sql(query, p, walk=walk)
        if nullable:
            conditions.append(f"c.{column} IS {'' if segment else 'NOT '}NULL")
        conditions += bounds()
        return (
            f"SELECT c.* FROM clients c WHERE {' AND '.join(conditions)} "
            f"ORDER BY {order} LIMIT {int(limit)}"
        )

    if cursor is None or cursor[0] != segment:
        first = f"c.id {direction}" if segment else f"c.{column} {direction}, c.id {direction}"
        return select(list, first)
    last_id = cursor[2]
    if segment == 1:
        return select(lambda: [f"c.id {op} {p(last_id)}"], f"c.id {direction}")
    key = _param_value(query, cursor[1], p)
    if p.postgres:
        bound = lambda: [f"(c.{column}, c.id) {op} ({p(key)}, {p(last_id)})"]  # noqa: E731
        return select(bound, f"c.{column} {direction}, c.id {direction}")
    # SQLite seeks a row value on its first column only, then filters a run of equal keys
    # (most clients have 0 orders) row by row: the rest of the key's run, then the keys
    # beyond it, each a seek in the (key, id) index.
    same_key = select(
        lambda: [f"c.{column} = {p(key)}", f"c.id {op} {p(last_id)}"], f"c.id {direction}"
    )
    beyond = select(
        lambda: [f"c.{column} {op} {p(key)}"], f"c.{column} {direction}, c.id {direction}"
    )
    return (
        f"SELECT * FROM ({same_key}) UNION ALL SELECT * FROM ({beyond}) "
        f"ORDER BY {by_key} LIMIT {int(limit)}"
    )


# a listed client's default (else first) address, looked up for the page's rows only
_ADDRESS_PART = (
    "(SELECT a.{part} FROM addresses a WHERE a.client_id = page.id "
    "ORDER BY a.is_default DESC, a.id LIMIT 1)"
)
ADDRESS_CITY = _ADDRESS_PART.format(part="city")
ADDRESS_STREET = _ADDRESS_PART.format(part="street")

# A fetch of one segment: its SQL (a SELECT of clients, `Params` filled) and the
# ORDER BY that keeps the list's order around it (over the alias `page`) -> its rows.
SegmentFetch = Callable[[str, Params, str], Awaitable[list[Any]]]


async def _rows_with_addresses(sql: str, p: Params, order: str) -> list[dict[str, Any]]:
    # around the page, not inside it: a search sorts its matches before the LIMIT
    return await connection().execute_query_dict(
        f"SELECT page.*, {ADDRESS_CITY} AS address_city, {ADDRESS_STREET} AS address_street "
        f"FROM ({sql}) page ORDER BY {order}",
        p.values,
    )


def _segment_order(query: ClientQuery, segment: int, forward: bool) -> str:
    column, _, _ = SORT_COLUMNS[query.sort]
    direction = _direction(query, forward)
    key = f"page.{column} {direction}, " if segment == 0 else ""
    return f"{key}page.id {direction}"


async def _collect(
    query: ClientQuery,
    cursor: Cursor | None,
    forward: bool,
    size: int,
    matches: int | None,
    fetch: SegmentFetch,
) -> tuple[list[Any], bool]:
    """Up to `size` rows after `cursor` in the list's order (segment by segment, as
    `fetch` reads them), and whether more follow."""
    _, nullable, _ = SORT_COLUMNS[query.sort]
    walk = bool(query.search) and query.sort is not SortKey.NAME and await _walk_pays(matches)
    want = size + 1
    # segments in the direction of travel: 0 (keys) then 1 (NULL keys), or back
    segments = [0, 1] if nullable else [0]
    if not forward:
        segments.reverse()
    if cursor is not None:
        segments = segments[segments.index(cursor[0]) :]
    rows: list[Any] = []
    for segment in segments:
        p = Params(dialect())
        sql = _segment_sql(query, segment, cursor, forward, want - len(rows), p, walk)
        rows += await fetch(sql, p, _segment_order(query, segment, forward))
        if len(rows) >= want:
            break
    more = len(rows) > size
    rows = rows[:size]
    if not forward:
        rows.reverse()
    return rows, more


async def list_page(
    query: ClientQuery,
    cursor: Cursor | None = None,
    *,
    forward: bool = True,
    size: int = PAGE_SIZE,
    matches: int | None = None,
) -> ClientPage:
    """The page after `cursor` (forward) or before it (backward); no cursor: the first page.

    `matches`: how many clients the query finds, when known (the list keeps its count).
    """
    rows, more = await _collect(query, cursor, forward, size, matches, _rows_with_addresses)
    return _page_of(query, rows, more)


async def list_values(
    query: ClientQuery, cursor: Cursor | None, *, size: int, expressions: Sequence[str]
) -> tuple[list[list[Any]], bool]:
    """The list's next `size` rows for reading all of it (the export): each row the sort
    key, the id, then `expressions` (SQL over the listed client `page`), as JSON values.

    A segment comes as one JSON value that the database builds in one step: on SQLite
    that step runs without Python's lock, beside the thread writing the previous batch,
    where reading row by row takes the lock back for every row.
    """
    return await _collect(query, cursor, True, size, None, _json_rows(query, expressions))


def _json_rows(query: ClientQuery, expressions: Sequence[str]) -> SegmentFetch:
    column, _, _ = SORT_COLUMNS[query.sort]

    async def fetch(sql: str, p: Params, order: str) -> list[list[Any]]:
        array, aggregate = (
            ("json_build_array", "json_agg") if p.postgres else ("json_array", "json_group_array")
        )
        # the position comes along: an aggregate's order is the database's choice
        items = ", ".join(["n_", f"page.{column}", "page.id", *expressions])
        numbered = f"SELECT row_number() OVER (ORDER BY {order}) AS n_, page.* FROM ({sql}) page"
        rows = await connection().execute_query_dict(
            f"SELECT {aggregate}({array}({items})) AS rows_ FROM ({numbered}) page", p.values
        )
        values = json.loads(rows[0]["rows_"] or "[]")
        values.sort(key=itemgetter(0))
        return [row[1:] for row in values]

    return fetch


async def _walk_pays(matches: int | None) -> bool:
    if matches is None or matches < WALK_MIN_MATCHES or dialect() == "postgres":
        return False  # PostgreSQL's planner picks its own way through the trigram index
    rows = await connection().execute_query_dict("SELECT MAX(id) AS n FROM clients")
    return matches * matches >= (rows[0]["n"] or 0)


def cursor_at(key: Any, client_id: int) -> Cursor:
    """The list's cursor at a row with this sort key and id."""
    return [0 if key is not None else 1, _cursor_value(key), client_id]


def cursor_of(query: ClientQuery, row: dict[str, Any]) -> Cursor:
    """The list's cursor at a row (a client's columns)."""
    return cursor_at(row[SORT_COLUMNS[query.sort][0]], row["id"])


def _page_of(query: ClientQuery, rows: list[dict[str, Any]], more: bool) -> ClientPage:
    listed = [
        ClientRow(
            address=address_line(row.pop("address_city"), row.pop("address_street")),
            client=ListedClient.of(row),
        )
        for row in rows
    ]
    return ClientPage(
        rows=listed,
        first=cursor_of(query, rows[0]) if rows else None,
        last=cursor_of(query, rows[-1]) if rows else None,
        more=more,
    )


def address_line(city: str | None, street: str | None) -> str | None:
    """An address as the list shows it: 'city, street'; None for no address."""
    if city is None and street is None:
        return None
    return ", ".join(part for part in (city, street) if part)


async def count_clients(query: ClientQuery) -> int:
    p = Params(dialect())
    terms = search_terms(query.search)
    if not p.postgres and query.filters.is_empty() and terms and min(map(len, terms)) >= TRIGRAM:
        # the FTS index counts its matches without touching clients; the anonymized
        # (few, through their index) are taken off
        phrase = fts_phrase(terms)
        sql = (
            f"SELECT (SELECT COUNT(*) FROM clients_fts WHERE clients_fts MATCH {p(phrase)}) - "
            # the condition of migration 0004's partial index of the anonymized, word for
            # word; `+c.id` keeps SQLite from looking up every match by id instead
            "(SELECT COUNT(*) FROM clients c WHERE NOT c.anonymized_at IS NULL AND +c.id IN "
            f"(SELECT rowid FROM clients_fts WHERE clients_fts MATCH {p(phrase)})) AS n"
        )
    else:
        sql = f"SELECT COUNT(*) AS n FROM clients c WHERE {' AND '.join(where_sql(query, p))}"
    rows = await connection().execute_query_dict(sql, p.values)
    return int(rows[0]["n"])


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


async def source_choices() -> list[str]:
    """The most common sources, for the filter's buttons."""
    return await _top_values("c.source")


async def language_choices() -> list[str]:
    return await _top_values("COALESCE(c.locale, c.language_code)")


async def _top_values(expression: str) -> list[str]:
    sql = (
        f"SELECT {expression} AS v, COUNT(*) AS n FROM clients c "
        f"WHERE c.anonymized_at IS NULL AND {expression} IS NOT NULL "
        f"GROUP BY {expression} ORDER BY n DESC, v LIMIT {FILTER_CHOICES}"
    )
    rows = await connection().execute_query_dict(sql)
    return [str(row["v"]) for row in rows]


async def tag_choices() -> list[Tag]:
    return await Tag.all().order_by("name_folded").limit(50)


async def tags_named(tag_ids: tuple[int, ...]) -> list[str]:
    if not tag_ids:
        return []
    return list(
        await Tag.filter(id__in=tag_ids).order_by("name_folded").values_list("name", flat=True)
    )
