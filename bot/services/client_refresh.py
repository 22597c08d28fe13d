"""Refresh from Telegram: what a fresh `getChat` changes on a client, and what it means.

The names and @username follow Telegram, with the search columns. A 403 marks the client
`bot_blocked`; a successful getChat leaves that flag alone, since Telegram answers getChat
for users who blocked the bot too (only sending proves it), and the next message from the
client clears it anyway. Anonymized clients are not refreshed: nothing of the person may
come back. Editors only: it writes; viewers see the card as it is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum

from tortoise.transactions import in_transaction

from bot.senders.telegram_profile import ChatProfile, FetchFailure, ProfileFetchError
from bot.services.audit import record_audit
from bot.services.client_profile import Actor
from bot.services.clients import mark_bot_blocked, refresh_derived
from bot.services.roles import require_editor
from models import Client

PROFILE_FIELDS = ("first_name", "last_name", "username")
Fetch = Callable[[int], Awaitable[ChatProfile]]


class RefreshStatus(StrEnum):
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    MISSING = "missing"  # no such client (deleted meanwhile, a forged id)
    ANONYMIZED = "anonymized"
    NO_TELEGRAM = "no_telegram"  # created by a manager, never wrote to the bot
    BLOCKED = FetchFailure.BLOCKED.value
    NOT_FOUND = FetchFailure.NOT_FOUND.value
    NETWORK = FetchFailure.NETWORK.value
    BUSY = FetchFailure.BUSY.value
    OTHER = FetchFailure.OTHER.value


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class RefreshOutcome:
    status: RefreshStatus
    changes: list[Change] = field(default_factory=list)
    retry_after: int | None = None


def profile_changes(client: Client, profile: ChatProfile) -> list[Change]:
    wanted = {
        "first_name": profile.first_name[:128],
        "last_name": (profile.last_name or None) and profile.last_name[:128],
        "username": (profile.username or None) and profile.username[:64],
    }
    return [
        Change(name, getattr(client, name), value)
        for name, value in wanted.items()
        if getattr(client, name) != value
    ]


async def refresh_from_telegram(actor: Actor, client_id: int, fetch: Fetch) -> RefreshOutcome:
    require_editor(actor.role)
    client = await Client.get_or_none(id=client_id)
    if client is None:
        return RefreshOutcome(RefreshStatus.MISSING)
    if client.anonymized_at is not None:
        return RefreshOutcome(RefreshStatus.ANONYMIZED)
    if client.telegram_id is None:
        return RefreshOutcome(RefreshStatus.NO_TELEGRAM)
    try:
        profile = await fetch(client.telegram_id)
    except ProfileFetchError as error:
        if error.reason is FetchFailure.BLOCKED:
            await mark_bot_blocked(client.telegram_id)
        return RefreshOutcome(RefreshStatus(error.reason.value), retry_after=error.retry_after)
    return await _apply(actor, client.id, client.telegram_id, profile)


async def _apply(
    actor: Actor, client_id: int, telegram_id: int, profile: ChatProfile
) -> RefreshOutcome:
    async with in_transaction():
        client = await Client.filter(id=client_id).select_for_update().first()
        # anonymized, deleted or claimed by another account while Telegram answered
        if client is None or client.anonymized_at is not None or client.telegram_id != telegram_id:
            return RefreshOutcome(RefreshStatus.MISSING)
        changes = profile_changes(client, profile)
        if not changes:
            return RefreshOutcome(RefreshStatus.UNCHANGED)
        for change in changes:
            setattr(client, change.field, change.new)
        refresh_derived(client, await client.tags.all().values_list("name", flat=True))
        await client.save(update_fields=[c.field for c in changes] + ["search_text", "sort_name"])
        await record_audit(
            actor_id=actor.client_id,
            actor_telegram_id=actor.telegram_id,
            client_id=client.id,
            action="profile_refreshed",
            details={"fields": [c.field for c in changes]},
            personal={c.field: {"old": c.old, "new": c.new} for c in changes},
        )
    return RefreshOutcome(RefreshStatus.UPDATED, changes)
