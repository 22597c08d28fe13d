"""Saved segments (a named filter set with its live count) and broadcast recipients."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from bot.services.client_list import connection, count_clients, dialect
from bot.services.client_query import ClientFilters, ClientQuery, Params, filter_sql
from models import Client, SavedSegment

MAX_SEGMENT_NAME = 64


class SegmentNameInvalid(ValueError):
    """Empty or longer than `MAX_SEGMENT_NAME`."""


class SegmentNameTaken(ValueError):
    """Another segment has this name."""


@dataclass(frozen=True, slots=True)
class SegmentSummary:
    id: int
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Recipient:
    client_id: int
    telegram_id: int
    language: str | None


def segment_name(text: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > MAX_SEGMENT_NAME:
        raise SegmentNameInvalid(text)
    return name


async def save_segment(
    name: str, filters: ClientFilters, created_by: Client | None
) -> SavedSegment:
    name = segment_name(name)
    if await SavedSegment.filter(name=name).exists():
        raise SegmentNameTaken(name)
    try:
        return await SavedSegment.create(
            name=name, filters=filters.to_dict(), created_by=created_by
        )
    except IntegrityError as exc:  # saved concurrently under the same name
        raise SegmentNameTaken(name) from exc


async def segment_summaries() -> list[SegmentSummary]:
    """Every saved segment with how many clients it holds now."""
    segments = await SavedSegment.all().order_by("name")
    return [
        SegmentSummary(
            id=s.id,
            name=s.name,
            count=await count_clients(ClientQuery(filters=ClientFilters.from_dict(s.filters))),
        )
        for s in segments
    ]


async def segment_filters(segment_id: int) -> ClientFilters | None:
    segment = await SavedSegment.get_or_none(id=segment_id)
    return ClientFilters.from_dict(segment.filters) if segment else None


async def delete_segment(segment_id: int) -> bool:
    return await SavedSegment.filter(id=segment_id).delete() > 0


def _recipient_sql(filters: ClientFilters, p: Params) -> list[str]:
    return [
        *filter_sql(filters, p),
        "c.anonymized_at IS NULL",
        "c.telegram_id IS NOT NULL",
        "c.is_blocked = FALSE",
        "c.broadcasts_off = FALSE",
        "c.bot_blocked = FALSE",
    ]


async def broadcast_recipients(
    filters: ClientFilters, *, after_id: int = 0, limit: int | None = None
) -> list[Recipient]:
    """Who a broadcast to this segment reaches, by client id (pass `after_id` to go on).

    Never the blocked, those with broadcasts off, those who blocked the bot, the
    anonymized, nor clients without a Telegram id.
    """
    p = Params(dialect())
    conditions = [*_recipient_sql(filters, p), f"c.id > {p(after_id)}"]
    sql = (
        "SELECT c.id, c.telegram_id, COALESCE(c.locale, c.language_code) AS language "
        f"FROM clients c WHERE {' AND '.join(conditions)} ORDER BY c.id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = await connection().execute_query_dict(sql, p.values)
    return [Recipient(r["id"], int(r["telegram_id"]), r["language"]) for r in rows]


async def count_broadcast_recipients(filters: ClientFilters) -> int:
    p = Params(dialect())
    sql = f"SELECT COUNT(*) AS n FROM clients c WHERE {' AND '.join(_recipient_sql(filters, p))}"
    rows = await connection().execute_query_dict(sql, p.values)
    return int(rows[0]["n"])
