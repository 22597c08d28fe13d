"""A client's history: the audit entries about them, newest first, paged.

What the screen may show is decided here: the action, who did it, when, and the plain
facts of `details` (which field, a flag's new value, a role, an id). What sits under
`details["personal"]` (old and new values, tag names, Telegram ids) is never returned:
it is the client's personal data, kept for the record and erased with them, and the
desk's viewers are not meant to read it back from the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services.audit import PERSONAL
from bot.services.catalog import Page
from bot.services.client_sections import SECTION_PAGE, page_bounds
from bot.services.roles import Role, require_staff
from models import AuditEntry, Client

# the plain facts a history line may quote; anything else in `details` is not shown
SHOWN_FACTS = (
    "field",
    "fields",
    "new",
    "from",
    "to",
    "address_id",
    "email_id",
    "sms_id",
    "order_id",
    "request_id",
    "trigger",
    "cleared",
)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    action: str
    at: datetime
    # the acting staff member's name, or None when nobody (the client, the system) acted
    actor_name: str | None
    actor_client_id: int | None
    actor_telegram_id: int | None
    facts: dict[str, object]
    # which personal values the entry holds (names only, e.g. ["old", "new"])
    personal_keys: tuple[str, ...]


def _facts(details: object) -> tuple[dict[str, object], tuple[str, ...]]:
    if not isinstance(details, dict):
        return {}, ()
    personal = details.get(PERSONAL)
    keys = tuple(sorted(personal)) if isinstance(personal, dict) else ()
    facts = {key: details[key] for key in SHOWN_FACTS if key in details}
    return facts, keys


async def client_history(role: Role, client_id: int, page: int = 0) -> Page[HistoryEntry]:
    require_staff(role)
    query = AuditEntry.filter(client_id=client_id)
    total = await query.count()
    page, pages = page_bounds(page, total)
    rows = (
        await query.order_by("-created_at", "-id").offset(page * SECTION_PAGE).limit(SECTION_PAGE)
    )
    actor_ids = {row.actor_id for row in rows if row.actor_id is not None}
    actors = {c.id: c for c in await Client.filter(id__in=actor_ids)} if actor_ids else {}
    items = []
    for row in rows:
        facts, keys = _facts(row.details)
        actor = actors.get(row.actor_id) if row.actor_id is not None else None
        items.append(
            HistoryEntry(
                action=row.action,
                at=row.created_at,
                actor_name=actor.display_name if actor else None,
                actor_client_id=row.actor_id,
                actor_telegram_id=row.actor_telegram_id,
                facts=facts,
                personal_keys=keys,
            )
        )
    return Page(items=items, page=page, pages=pages, total=total)
