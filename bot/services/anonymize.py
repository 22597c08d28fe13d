"""Anonymization (GDPR / RODO art. 17): a client's personal data erased for good, proven.

One transaction: the client row is locked, refused when an order is still open or the
profile is staff's, the former values are collected (in memory only), every table is
erased (`bot.services.erasure`), the erasure is verified (`bot.services.erasure_check`)
and audited without personal data. A failed check rolls everything back.
Order amounts and items stay: the shop's accounting needs them, and they name nobody.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from tortoise.transactions import in_transaction

from bot.services.audit import record_audit
from bot.services.client_profile import (
    Actor,
    ClientAnonymized,
    ClientNotFound,
    is_staff_profile,
)
from bot.services.erasure import erase_linked_rows, erase_profile, open_orders
from bot.services.erasure_check import Check, ErasureIncomplete, collect_former, verify_erased
from bot.services.roles import require_editor
from models import Client

ANONYMIZED = "client_anonymized"

__all__ = [
    "AnonymizeRefused",
    "AnonymizeReport",
    "Check",
    "ClientAnonymized",
    "ClientNotFound",
    "ErasureIncomplete",
    "Forget",
    "HasOpenOrders",
    "StaffProfile",
    "StillActive",
    "anonymize_client",
]


class Trigger(StrEnum):
    MANAGER = "manager"  # from the card, or a client's erasure request acted on
    RETENTION = "retention"  # the daily retention job


class AnonymizeRefused(Exception):
    """The client may not be anonymized now; nothing was changed."""


class HasOpenOrders(AnonymizeRefused):
    """An order is new, confirmed or shipped: it still needs the address and contact."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class StaffProfile(AnonymizeRefused):
    """An owner, manager or viewer: an owner takes the staff role away first."""


class StillActive(AnonymizeRefused):
    """Retention only: the client was active after the cutoff (seen or ordered meanwhile)."""


@dataclass(frozen=True, slots=True)
class AnonymizeReport:
    client_id: int
    anonymized_at: datetime
    # one per kind of data, each verified clean (the report exists only if all are)
    checks: tuple[Check, ...]


# called after the commit with the former Telegram id: forgets the person's bot sessions
# (`bot.session_erasure`), which live outside the database
Forget = Callable[[int], Awaitable[None]]


async def anonymize_client(
    client_id: int, actor: Actor, *, forget: Forget | None = None
) -> AnonymizeReport:
    """Owners and managers. Raises AccessDenied, ClientNotFound, ClientAnonymized,
    HasOpenOrders, StaffProfile, ErasureIncomplete (rolled back, says where)."""
    require_editor(actor.role)
    return await anonymize(client_id, actor, Trigger.MANAGER, forget=forget)


async def anonymize(
    client_id: int,
    actor: Actor,
    trigger: Trigger,
    now: datetime | None = None,
    inactive_since: datetime | None = None,
    forget: Forget | None = None,
) -> AnonymizeReport:
    """`inactive_since` (retention): refused unless the client, locked, shows no activity
    since then; it may have written or ordered after the job picked it."""
    now = now or datetime.now(UTC)
    async with in_transaction():
        client = await Client.filter(id=client_id).select_for_update().first()
        if client is None:
            raise ClientNotFound(client_id)
        if client.anonymized_at is not None:
            raise ClientAnonymized(client_id)
        await refuse_if_busy(client, actor.owner_ids)
        if inactive_since is not None and _active_since(client, inactive_since):
            raise StillActive(client.id)
        telegram_id = client.telegram_id
        former = await collect_former(client)
        await erase_linked_rows(client.id)
        await erase_profile(client, now)
        checks = await verify_erased(client.id, former)
        del former
        await record_audit(
            actor_id=actor.client_id,
            actor_telegram_id=actor.telegram_id,
            client_id=client.id,
            action=ANONYMIZED,
            details={"trigger": trigger.value, "checked": [check.kind for check in checks]},
        )
    if forget is not None and telegram_id is not None:
        await forget(telegram_id)
    return AnonymizeReport(client_id=client_id, anonymized_at=now, checks=tuple(checks))


async def refuse_if_busy(client: Client, owner_ids: frozenset[int]) -> None:
    if is_staff_profile(client, owner_ids):
        raise StaffProfile(client.id)
    if count := await open_orders(client.id):
        raise HasOpenOrders(count)


def _active_since(client: Client, moment: datetime) -> bool:
    seen = client.last_seen_at or client.created_at
    return seen >= moment or (client.last_order_at is not None and client.last_order_at >= moment)
