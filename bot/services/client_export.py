"""The client list as XLSX: the list's query, order and columns, in parts under Telegram's limit.

Rows come from the database a keyset batch at a time (the list's own paging), and
openpyxl's write-only workbook streams them to a temporary file in a worker thread, so
neither the clients nor the sheet are ever all in memory and the bot keeps answering.
A part holds at most `rows_per_part` rows (and Excel's sheet limit); a part that still
came out over Telegram's 50 MB bot upload limit stops the export (`ExportTooLarge`).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from types import SimpleNamespace
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bot.services.client_list import (
    ClientRow,
    address_line,
    connection,
    cursor_of,
    dialect,
    list_records,
)
from bot.services.client_query import FLAG_COLUMNS, ClientQuery, Params
from bot.services.money import minor_unit
from models import Client
from models.money import from_minor

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
        value = datetime.fromisoformat(value)
    return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None


def listed_client(record: dict[str, Any]) -> Any:
    """A listed client read for the export: the row's columns as attributes, so that
    `Client`'s own properties (the display name) apply, without building the model,
    whose date parsing would be most of a large export's reading time."""
    return SimpleNamespace(**record)


def address_of(record: dict[str, Any]) -> str | None:
    return address_line(record["address_city"], record["address_street"])


def _flags(row: ClientRow, labels: ExportLabels) -> str:
    c = row.client
    on = {
        "blocked": c.is_blocked,
        "no_broadcasts": c.broadcasts_off,
        "manager": c.is_manager,
        "viewer": c.is_viewer,
        "bot_blocked": c.bot_blocked,
        "anonymized": c.anonymized_at is not None,
    }
    return ", ".join(labels.flags.get(flag, flag) for flag in FLAG_COLUMNS if on[flag])


def row_values(row: ClientRow, tags: list[str], labels: ExportLabels) -> dict[str, Any]:
    c = row.client
    anonymized = c.anonymized_at is not None
    return {
        "id": c.id,
        "name": f"#{c.id}" if anonymized else Client.display_name.fget(c),  # type: ignore[attr-defined]
        "first_name": c.first_name or None,
        "last_name": c.last_name,
        # without its "@": a cell starting with "@" would be neutralized
        "username": c.username,
        "language": row.language,
        "phone": c.phone,
        "email": c.email,
        "company": c.company,
        "tags": ", ".join(tags) or None,
        "flags": _flags(row, labels) or None,
        "source": c.source,
        "registered": _naive_utc(c.created_at),
        "last_seen": _naive_utc(c.last_seen_at),
        "orders": c.orders_count,
        "total": from_minor(c.total_spent) if isinstance(c.total_spent, int) else c.total_spent,
        "address": row.address,
    }


class _Sheet:
    """One part: a write-only workbook; every call runs in a worker thread."""

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


async def _tags_of(client_ids: list[int]) -> dict[int, list[str]]:
    if not client_ids:
        return {}
    p = Params(dialect())
    marks = ", ".join(p(client_id) for client_id in client_ids)
    rows = await connection().execute_query_dict(
        "SELECT ct.client_id AS client_id, t.name AS name FROM clients_tags ct "
        f"JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id IN ({marks}) ORDER BY t.name_folded",
        p.values,
    )
    tags: dict[int, list[str]] = {}
    for row in rows:
        tags.setdefault(int(row["client_id"]), []).append(row["name"])
    return tags


async def _batches(
    query: ClientQuery, labels: ExportLabels, batch: int
) -> AsyncIterator[list[dict[str, Any]]]:
    """The list's rows in its order, `batch` at a time, by its keyset cursor."""
    cursor = None
    while True:
        # the default addresses come with the rows, as for the list's pages
        records, more = await list_records(query, cursor, size=batch, addresses=True)
        if records:
            tags = await _tags_of([record["id"] for record in records])
            yield [
                row_values(
                    ClientRow(listed_client(record), address_of(record)),
                    tags.get(record["id"], []),
                    labels,
                )
                for record in records
            ]
        if not more:
            return
        cursor = cursor_of(query, records[-1])


async def _read_ahead(
    batches: AsyncIterator[list[dict[str, Any]]],
) -> AsyncIterator[list[dict[str, Any]]]:
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
    sheet: _Sheet | None = None
    number = 0

    async def finish(sheet: _Sheet) -> ExportPart:
        data = await asyncio.to_thread(sheet.save)
        if len(data) > max_bytes:
            raise ExportTooLarge(len(data))
        return ExportPart(export_filename(now, number), data, sheet.rows, number)

    async for rows in _read_ahead(_batches(query, labels, batch)):
        while rows:
            if sheet is None:
                sheet, number = _Sheet(labels, currency), number + 1
            room = rows_per_part - sheet.rows
            await asyncio.to_thread(sheet.append, rows[:room])
            rows = rows[room:]
            if sheet.rows >= rows_per_part:
                yield await finish(sheet)
                sheet = None
    if sheet is not None:
        yield await finish(sheet)
