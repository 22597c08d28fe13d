"""Who a broadcast reaches: a segment (all, tags, language, source, a saved segment,
combinable) as SQL conditions over `clients c`.

A minimal stand-in for the client list's shared `broadcast_recipients` (branch desklist):
the same exclusions (blocked, broadcasts off, bot blocked, anonymized, no Telegram id)
and the same saved-segment filter format, so it can be replaced by the shared one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.db import connection, dialect
from bot.services.client_query import Params
from models import Tag

MAX_TAGS = 20
MAX_VALUE = 64
FLAG_COLUMNS = {
    "blocked": "is_blocked",
    "no_broadcasts": "broadcasts_off",
    "manager": "is_manager",
    "viewer": "is_viewer",
    "bot_blocked": "bot_blocked",
}
PERIOD_DAYS = (1, 7, 30, 90, 365)
EXCLUDED = (
    "c.anonymized_at IS NULL",
    "c.telegram_id IS NOT NULL",
    "c.is_blocked = FALSE",
    "c.broadcasts_off = FALSE",
    "c.bot_blocked = FALSE",
)


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value[:MAX_VALUE] if isinstance(value, str) and value else None


def _tag_ids(data: dict[str, Any]) -> tuple[int, ...]:
    tags = data.get("tag_ids") or []
    if not isinstance(tags, list):
        return ()
    ids = {t for t in tags if isinstance(t, int) and not isinstance(t, bool)}
    return tuple(sorted(ids))[:MAX_TAGS]


@dataclass(frozen=True, slots=True)
class Segment:
    """What a manager picked: tags (any of), a language, a source, a saved segment.

    `saved_filters` is the saved segment's filter set as it was when picked (the client
    list's format), so a broadcast keeps its audience if the segment changes later.
    """

    tag_ids: tuple[int, ...] = ()
    language: str | None = None
    source: str | None = None
    saved_id: int | None = None
    saved_name: str | None = None
    saved_filters: dict[str, Any] = field(default_factory=dict)

    def is_all(self) -> bool:
        return not (self.tag_ids or self.language or self.source or self.saved_id)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "tag_ids": list(self.tag_ids),
            "language": self.language,
            "source": self.source,
        }
        if self.saved_id is not None:
            data["saved"] = {
                "id": self.saved_id,
                "name": self.saved_name,
                "filters": self.saved_filters,
            }
        return {k: v for k, v in data.items() if v not in (None, [])}

    @classmethod
    def from_dict(cls, data: Any) -> Segment:
        """Reads what `to_dict` wrote; anything malformed (forged, old) is dropped."""
        data = data if isinstance(data, dict) else {}
        saved = data.get("saved") if isinstance(data.get("saved"), dict) else {}
        saved_id = saved.get("id")
        filters = saved.get("filters")
        return cls(
            tag_ids=_tag_ids(data),
            language=_text(data, "language"),
            source=_text(data, "source"),
            saved_id=saved_id if isinstance(saved_id, int) else None,
            saved_name=_text(saved, "name") if isinstance(saved_id, int) else None,
            saved_filters=filters if isinstance(filters, dict) and saved_id else {},
        )


def _tags_sql(tag_ids: tuple[int, ...], p: Params) -> str:
    marks = ", ".join(p(tag_id) for tag_id in tag_ids)
    return (
        "EXISTS (SELECT 1 FROM clients_tags ct "
        f"WHERE ct.client_id = c.id AND ct.tag_id IN ({marks}))"
    )


def _saved_sql(filters: dict[str, Any], p: Params, now: datetime) -> list[str]:
    """A saved segment's filters (the client list's format) as conditions."""
    conditions: list[str] = []
    flags = filters.get("flags") if isinstance(filters.get("flags"), list) else []
    if "anonymized" in flags:
        conditions.append("c.anonymized_at IS NOT NULL")  # never a recipient
    conditions += [f"c.{column} = TRUE" for flag, column in FLAG_COLUMNS.items() if flag in flags]
    if tag_ids := _tag_ids(filters):
        conditions.append(_tags_sql(tag_ids, p))
    if source := _text(filters, "source"):
        conditions.append(f"c.source = {p(source)}")
    if language := _text(filters, "language"):
        conditions.append(f"COALESCE(c.locale, c.language_code) = {p(language)}")
    has_orders = filters.get("has_orders")
    if isinstance(has_orders, bool):
        conditions.append(f"c.orders_count {'>' if has_orders else '='} 0")
    for key, column in (("registered_days", "created_at"), ("active_days", "last_seen_at")):
        if (days := filters.get(key)) in PERIOD_DAYS:
            conditions.append(f"c.{column} >= {p(now - timedelta(days=days))}")
    return conditions


def recipients_sql(segment: Segment, p: Params, now: datetime | None = None) -> list[str]:
    """Conditions over `clients c` selecting the segment's reachable clients."""
    conditions = list(EXCLUDED)
    if segment.tag_ids:
        conditions.append(_tags_sql(segment.tag_ids, p))
    if segment.language:
        conditions.append(f"COALESCE(c.locale, c.language_code) = {p(segment.language)}")
    if segment.source:
        conditions.append(f"c.source = {p(segment.source)}")
    if segment.saved_id is not None:
        conditions += _saved_sql(segment.saved_filters, p, now or datetime.now(UTC))
    return conditions


async def count_recipients(segment: Segment) -> int:
    p = Params(dialect())
    where = " AND ".join(recipients_sql(segment, p))
    rows = await connection().execute_query_dict(
        f"SELECT COUNT(*) AS n FROM clients c WHERE {where}", p.values
    )
    return int(rows[0]["n"])


async def language_choices() -> list[str]:
    return await _top_values("COALESCE(c.locale, c.language_code)")


async def source_choices() -> list[str]:
    return await _top_values("c.source")


async def _top_values(expression: str, limit: int = 12) -> list[str]:
    """The most common values among reachable clients (what a segment can pick)."""
    where = " AND ".join(EXCLUDED)
    rows = await connection().execute_query_dict(
        f"SELECT {expression} AS v, COUNT(*) AS n FROM clients c "
        f"WHERE {where} AND {expression} IS NOT NULL "
        f"GROUP BY {expression} ORDER BY n DESC, v LIMIT {int(limit)}"
    )
    return [str(row["v"]) for row in rows]


async def tag_choices(limit: int = 40) -> list[tuple[int, str]]:
    tags = await Tag.all().order_by("name_folded").limit(limit)
    return [(tag.id, tag.name) for tag in tags]


async def tag_names(tag_ids: tuple[int, ...]) -> list[str]:
    if not tag_ids:
        return []
    return [tag.name for tag in await Tag.filter(id__in=tag_ids).order_by("name_folded")]
