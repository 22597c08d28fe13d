"""The client list as XLSX: the list's query, order and columns, in parts under Telegram's limit.

Rows come from the database a keyset batch at a time (the list's own paging), each batch
one JSON value that the database builds while the previous batch is written; openpyxl's
write-only workbook streams them to a temporary file in a worker process, which also
turns them into cells, so neither the clients nor the sheet are ever all in memory and
the bot keeps answering at full speed.
A part holds at most `rows_per_part` rows (and Excel's sheet limit); a part that still
came out over Telegram's 50 MB bot upload limit stops the export (`ExportTooLarge`).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from multiprocessing import get_context
from typing import Any, TypeVar
from uuid import uuid4

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bot.services.client_list import (
    ADDRESS_CITY,
    ADDRESS_STREET,
    address_line,
    cursor_at,
    dialect,
    list_values,
)
from bot.services.client_query import FLAG_COLUMNS, ClientQuery
from bot.services.money import minor_unit
from models import Client
from models.money import from_minor

T = TypeVar("T")
TELEGRAM_UPLOAD_LIMIT = 50 * 1024**2
# ~120 bytes a row compressed at most for a full row of long texts: 200k rows stay far
# under 50 MB, and under Excel's 1,048,576 rows a sheet
ROWS_PER_PART = 200_000
# rows read at a time: each read is a few hand-overs between the event loop, the
# database thread and the writing thread (up to a switch interval each, 5 ms)
BATCH = 5_000
# a cell starting with one of these is a formula (or DDE) to a spreadsheet program
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd hh:mm"

COLUMNS = (
    "id",
    "name",
    "first_name",
    "last_name",
    "username",
    "language",
    "phone",
    "email",
    "company",
    "tags",
    "flags",
    "source",
    "registered",
    "last_seen",
    "orders",
    "total",
    "address",
)


class ExportTooLarge(Exception):
    """A part would be over Telegram's upload limit: the list must be narrowed."""


class ExportInterrupted(Exception):
    """The worker process writing the parts died (killed, out of memory): try again."""


@dataclass(frozen=True, slots=True)
class ExportLabels:
    """The header (one title per column of `COLUMNS`) and the flags' words, translated."""

    columns: dict[str, str]
    flags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExportPart:
    filename: str
    data: bytes
    rows: int
    number: int


def neutralized(value: str) -> str:
    """A text a spreadsheet shows as text, never runs: `=1+1` -> `'=1+1`."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def part_count(rows: int) -> int:
    return max(1, -(-rows // ROWS_PER_PART))


def export_filename(now: datetime, part: int) -> str:
    """The date only: the name tells nothing about whom the file holds."""
    suffix = f"-part{part}" if part > 1 else ""
    return f"clients-{now:%Y-%m-%d}{suffix}.xlsx"


def _naive_utc(value: datetime | str | None) -> datetime | None:
    # Excel has no time zones: the header says UTC
    if isinstance(value, str):  # SQLite's text, e.g. "2026-01-02 03:04:05.123+00:00"
        if value.endswith("+00:00"):  # as the app writes them: UTC already
            return datetime.fromisoformat(value[:-6])
        value = datetime.fromisoformat(value)
    return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None


@dataclass(slots=True)
class _Listed:
    """What `Client.display_name` reads, for a row read without building the model."""

    id: int
    custom_name: str | None
    first_name: str | None
    last_name: str | None
    username: str | None
    anonymized_at: Any


# What a row of the export reads (columns of the listed client `page`), after the
# list's sort key and the id; then come its tags, city and street (`_expressions`).
_READ = (
    "custom_name",
    "first_name",
    "last_name",
    "username",
    "locale",
    "language_code",
    "phone",
    "email",
    "company",
    "source",
    "created_at",
    "last_seen_at",
    "orders_count",
    "total_spent",
    *FLAG_COLUMNS.values(),
)
_FLAGS_AT = 2 + _READ.index(next(iter(FLAG_COLUMNS.values())))


def _expressions(postgres: bool) -> list[str]:
    # the tags as [folded, name] pairs, sorted here (an aggregate's order is not sure)
    pairs = "json_agg(json_build_array" if postgres else "json_group_array(json_array"
    tags = (
        f"(SELECT {pairs}(t.name_folded, t.name)) FROM clients_tags ct "
        "JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = page.id)"
    )
    # SQLite hands a subquery's JSON on as text unless json() marks it as JSON again;
    # no tags is null (PostgreSQL's json_agg of nothing), not an empty list to allocate
    return [
        *(f"page.{column}" for column in _READ),
        tags if postgres else f"json(NULLIF({tags}, '[]'))",
        ADDRESS_CITY,
        ADDRESS_STREET,
    ]


def row_values(row: list[Any], labels: ExportLabels) -> dict[str, Any]:
    """A row as `listed_rows` reads it (key, id, `_READ`, tags, city, street) as the
    sheet's cells."""
    _, client_id, custom, first, last, username, locale, language_code = row[:8]
    phone, email, company, source, created, seen, orders, total = row[8:_FLAGS_AT]
    flags = [flag for flag, on in zip(FLAG_COLUMNS, row[_FLAGS_AT:], strict=False) if on]
    anonymized = row[_FLAGS_AT + len(FLAG_COLUMNS) - 1]
    tags, city, street = row[-3:]
    listed = _Listed(client_id, custom, first, last, username, anonymized)
    return {
        "id": client_id,
        "name": f"#{client_id}" if anonymized else Client.display_name.fget(listed),  # type: ignore[attr-defined]
        "first_name": first or None,
        "last_name": last,
        # without its "@": a cell starting with "@" would be neutralized
        "username": username,
        "language": locale or language_code,
        "phone": phone,
        "email": email,
        "company": company,
        "tags": ", ".join(name for _, name in sorted(tags)) if tags else None,
        "flags": ", ".join(labels.flags.get(flag, flag) for flag in flags) or None,
        "source": source,
        "registered": _naive_utc(created),
        "last_seen": _naive_utc(seen),
        "orders": orders,
        "total": from_minor(total),
        "address": address_line(city, street),
    }


class _Sheet:
    """One part: a write-only workbook (in the export's worker process)."""

    def __init__(self, labels: ExportLabels, currency: str) -> None:
        self.workbook = Workbook(write_only=True)
        self.sheet: WriteOnlyWorksheet = self.workbook.create_sheet("Clients")
        decimals = "" if minor_unit(currency) == 1 else ".00"
        self.money_format = f'#,##0{decimals} "{currency}"'
        self.rows = 0
        self.sheet.append([labels.columns[column] for column in COLUMNS])

    def _cell(self, column: str, value: Any) -> Any:
        if isinstance(value, str):
            return neutralized(value)
        if column == "total" or isinstance(value, datetime):
            cell = WriteOnlyCell(self.sheet, value)
            cell.number_format = self.money_format if column == "total" else DATE_FORMAT
            return cell
        return value

    def append(self, rows: list[dict[str, Any]]) -> None:
        for values in rows:
            self.sheet.append([self._cell(column, values.get(column)) for column in COLUMNS])
        self.rows += len(rows)

    def save(self) -> bytes:
        buffer = BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


async def listed_rows(query: ClientQuery, batch: int) -> AsyncIterator[list[list[Any]]]:
    """The list's rows in its order, `batch` at a time, by its keyset cursor; each as
    `row_values` takes it."""
    cursor = None
    expressions = _expressions(dialect() == "postgres")
    while True:
        rows, more = await list_values(query, cursor, size=batch, expressions=expressions)
        if rows:
            yield rows
        if not more:
            return
        cursor = cursor_at(rows[-1][0], rows[-1][1])


async def _read_ahead(
    batches: AsyncIterator[list[list[Any]]],
) -> AsyncIterator[list[list[Any]]]:
    """The next batch is read while the caller writes this one: the database's own work
    (SQLite's C code, PostgreSQL's server) then overlaps openpyxl's in the worker thread."""
    pending = asyncio.ensure_future(anext(batches, None))
    try:
        while (rows := await pending) is not None:
            pending = asyncio.ensure_future(anext(batches, None))
            yield rows
    finally:
        pending.cancel()
        with suppress(asyncio.CancelledError, StopAsyncIteration):
            await pending
        await batches.aclose()


async def export_parts(
    query: ClientQuery,
    labels: ExportLabels,
    currency: str,
    *,
    rows_per_part: int | None = None,
    batch: int = BATCH,
    max_bytes: int = TELEGRAM_UPLOAD_LIMIT,
    now: datetime | None = None,
) -> AsyncIterator[ExportPart]:
    """The files of the list, each as soon as it is written; none when nobody is listed."""
    now = now or datetime.now(UTC)
    rows_per_part = rows_per_part or ROWS_PER_PART
    batch = max(1, min(batch, rows_per_part))
    sheet: _SheetInWorker | None = None
    number = 0

    async def finish(sheet: _SheetInWorker) -> ExportPart:
        data = await sheet.save()
        if len(data) > max_bytes:
            raise ExportTooLarge(len(data))
        return ExportPart(export_filename(now, number), data, sheet.rows, number)

    try:
        async for rows in _read_ahead(listed_rows(query, batch)):
            while rows:
                if sheet is None:
                    sheet, number = await _SheetInWorker.open(labels, currency), number + 1
                room = rows_per_part - sheet.rows
                await sheet.append(rows[:room])
                rows = rows[room:]
                if sheet.rows >= rows_per_part:
                    part, sheet = sheet, None
                    yield await finish(part)
        if sheet is not None:
            part, sheet = sheet, None
            yield await finish(part)
    finally:
        if sheet is not None:  # stopped halfway: the worker forgets the part
            await sheet.drop()


# The workbooks are written in a worker process of their own: openpyxl is pure Python,
# and in a thread of the bot's process it held Python's lock against the event loop
# (every update the bot answered meanwhile waited for it) and against the reading of
# the next batch. One process, started on the first export and kept; parts of exports
# running at once take turns in it.
_worker: ProcessPoolExecutor | None = None
_sheets_in_worker: dict[str, _Sheet] = {}  # in the worker process: the parts open there


class _SheetInWorker:
    """A part being written in the export process; `rows` handed to it so far.

    A batch is turned into values in a thread of this process while the worker writes
    the one before (and one more may wait in its queue), so the worker seldom waits.
    """

    def __init__(self, key: str, labels: ExportLabels) -> None:
        self.key, self.labels = key, labels
        self.rows = 0
        self._writing: list[asyncio.Future[int]] = []

    @classmethod
    async def open(cls, labels: ExportLabels, currency: str) -> _SheetInWorker:
        sheet = cls(uuid4().hex, labels)
        await _in_worker(_open_sheet, sheet.key, labels, currency)
        return sheet

    async def append(self, rows: list[list[Any]]) -> None:
        values = await asyncio.to_thread(_values_of, rows, self.labels)
        while len(self._writing) >= 2:
            await self._writing.pop(0)
        self._writing.append(asyncio.ensure_future(_in_worker(_append_values, self.key, values)))
        self.rows += len(values)

    async def save(self) -> bytes:
        await self._written()
        return await _in_worker(_save_sheet, self.key)

    async def drop(self) -> None:
        with suppress(ExportInterrupted, RuntimeError, KeyError):
            await self._written()
        with suppress(ExportInterrupted, RuntimeError):
            await _in_worker(_drop_sheet, self.key)

    async def _written(self) -> None:
        while self._writing:
            await self._writing.pop(0)


async def _in_worker(function: Callable[..., T], *args: Any) -> T:
    global _worker
    if _worker is None:
        _worker = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
    worker = _worker
    try:
        return await asyncio.get_running_loop().run_in_executor(worker, function, *args)
    except BrokenProcessPool:
        if _worker is worker:
            _worker = None  # the next call starts a new one
        raise ExportInterrupted from None


def _open_sheet(key: str, labels: ExportLabels, currency: str) -> None:
    _sheets_in_worker[key] = _Sheet(labels, currency)


def _values_of(rows: list[list[Any]], labels: ExportLabels) -> list[dict[str, Any]]:
    return [row_values(row, labels) for row in rows]


def _append_values(key: str, values: list[dict[str, Any]]) -> int:
    sheet = _sheets_in_worker[key]
    sheet.append(values)
    return sheet.rows


def _save_sheet(key: str) -> bytes:
    return _sheets_in_worker.pop(key).save()


def _drop_sheet(key: str) -> None:
    _sheets_in_worker.pop(key, None)
