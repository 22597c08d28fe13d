"""Personal-data exports: by owners and managers from the card, by clients of themselves.

An export is a processing act, so it is the editors' (owners, managers), not the
viewers', and every one is audited without personal data. A client may download their
own data `SELF_EXPORTS_PER_DAY` times in 24 hours, counted from the audit log: the try
is recorded before the file is built, so a double press cannot slip past the limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from bot.services.audit import record_audit
from bot.services.client_profile import Actor, ClientNotFound
from bot.services.data_export import collect_client_data
from bot.services.export_files import build_zip, export_file_name
from bot.services.roles import require_editor
from models import AuditEntry, Client

SELF_EXPORTS_PER_DAY = 3
SELF_EXPORT_WINDOW = timedelta(hours=24)
STAFF_EXPORT = "personal_data_exported"
SELF_EXPORT = "personal_data_self_exported"


@dataclass(frozen=True, slots=True)
class ExportFile:
    name: str
    data: bytes


class ExportLimitReached(Exception):
    """The client has downloaded their data as often as a day allows."""

    def __init__(self, limit: int, next_at: datetime) -> None:
        super().__init__(limit)
        self.limit = limit
        self.next_at = next_at


async def _build(client_id: int, titles: Mapping[str, str]) -> ExportFile:
    data = await collect_client_data(client_id)  # reads on the event loop, then
    archive = await asyncio.to_thread(build_zip, data, titles)  # files off it
    return ExportFile(export_file_name(client_id, data), archive)


async def export_client(actor: Actor, client_id: int, titles: Mapping[str, str]) -> ExportFile:
    """The card's export: owners and managers only, audited."""
    require_editor(actor.role)
    if not await Client.exists(id=client_id):
        raise ClientNotFound(client_id)
    export = await _build(client_id, titles)
    await record_audit(
        actor_id=actor.client_id,
        actor_telegram_id=actor.telegram_id,
        client_id=client_id,
        action=STAFF_EXPORT,
        details={"bytes": len(export.data)},
    )
    return export


async def self_exports_left(client: Client, now: datetime | None = None) -> int:
    since = (now or datetime.now(UTC)) - SELF_EXPORT_WINDOW
    used = await AuditEntry.filter(
        client_id=client.id, action=SELF_EXPORT, created_at__gte=since
    ).count()
    return max(SELF_EXPORTS_PER_DAY - used, 0)


async def export_own_data(client: Client, titles: Mapping[str, str]) -> ExportFile:
    """A client's download of their own data (blocked clients too): only ever their own
    row, whatever a callback says, at most `SELF_EXPORTS_PER_DAY` times a day."""
    now = datetime.now(UTC)
    async with in_transaction():
        # the client's row is locked (PostgreSQL) so two presses count one after the other
        await Client.filter(id=client.id).select_for_update().first()
        recent = await (
            AuditEntry.filter(
                client_id=client.id, action=SELF_EXPORT, created_at__gte=now - SELF_EXPORT_WINDOW
            )
            .order_by("created_at")
            .values_list("created_at", flat=True)
        )
        if len(recent) >= SELF_EXPORTS_PER_DAY:
            raise ExportLimitReached(SELF_EXPORTS_PER_DAY, recent[0] + SELF_EXPORT_WINDOW)
        await record_audit(
            actor_id=client.id,
            actor_telegram_id=None,
            client_id=client.id,
            action=SELF_EXPORT,
        )
    return await _build(client.id, titles)
