"""Erasure requests: a client asks the shop to erase their data; a manager answers.

The erasure itself is the card's Anonymize action. Here a request is opened (blocked
clients too: it is their right), listed in the desk, and closed as done or refused,
with the client told the outcome in their language. Every step is audited with the
request's id only.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.services.audit import record_audit
from bot.services.client_profile import Actor
from bot.services.notices import Notice, staff_recipients, to_client
from bot.services.roles import require_editor, require_staff
from models import Client, ErasureRequest, ErasureStatus

LIST_LIMIT = 100
REQUESTED = "erasure_requested"
OUTCOME_ACTIONS = {ErasureStatus.DONE: "erasure_done", ErasureStatus.REFUSED: "erasure_refused"}
OUTCOME_NOTICES = {
    ErasureStatus.DONE: "gdpr-erasure-done-notice",
    ErasureStatus.REFUSED: "gdpr-erasure-refused-notice",
}


class RequestClosed(Exception):
    """The request was answered meanwhile (or never existed): nothing changes."""


@dataclass(frozen=True, slots=True)
class OpenRequest:
    id: int
    client_id: int
    client_label: str
    created_at: datetime


async def open_request_of(client: Client) -> ErasureRequest | None:
    return await ErasureRequest.get_or_none(client_id=client.id, status=ErasureStatus.OPEN)


async def request_erasure(
    client: Client, owner_ids: Collection[int]
) -> tuple[ErasureRequest, list[Notice]]:
    """Open the client's request, or return the one already open (no second notice)."""
    existing = await open_request_of(client)
    if existing is not None:
        return existing, []
    try:
        async with in_transaction():
            request = await ErasureRequest.create(client_id=client.id)
            await record_audit(
                actor_id=client.id,
                actor_telegram_id=None,
                client_id=client.id,
                action=REQUESTED,
                details={"request_id": request.id},
            )
    except IntegrityError:  # a second press raced the first: one open request per client
        existing = await open_request_of(client)
        if existing is None:
            raise
        return existing, []
    staff = await staff_recipients(owner_ids)
    notices = [
        Notice(telegram_id, locale, "gdpr-erasure-staff-notice", {"request_id": request.id})
        for telegram_id, locale in staff
        if telegram_id != client.telegram_id
    ]
    return request, notices


async def open_requests(actor: Actor) -> list[OpenRequest]:
    """The desk's list, oldest first: staff see it, editors answer."""
    require_staff(actor.role)
    requests = (
        await ErasureRequest.filter(status=ErasureStatus.OPEN)
        .order_by("created_at", "id")
        .limit(LIST_LIMIT)
        .prefetch_related("client")
    )
    return [OpenRequest(r.id, r.client_id, r.client.display_name, r.created_at) for r in requests]


async def count_open_requests() -> int:
    return await ErasureRequest.filter(status=ErasureStatus.OPEN).count()


async def get_open_request(actor: Actor, request_id: int) -> OpenRequest | None:
    require_staff(actor.role)
    request = await ErasureRequest.get_or_none(
        id=request_id, status=ErasureStatus.OPEN
    ).prefetch_related("client")
    if request is None:
        return None
    client = request.client
    return OpenRequest(request.id, client.id, client.display_name, request.created_at)


async def resolve_request(
    actor: Actor, request_id: int, outcome: ErasureStatus
) -> tuple[bool, list[Notice]]:
    """Close an open request as done or refused; returns (the client can be told, notices).

    "Done" does not erase anything: the manager anonymizes from the card.
    """
    require_editor(actor.role)
    if outcome not in OUTCOME_ACTIONS:
        raise ValueError(f"not an outcome: {outcome}")
    async with in_transaction():
        updated = await ErasureRequest.filter(id=request_id, status=ErasureStatus.OPEN).update(
            status=outcome, resolved_at=datetime.now(UTC), resolved_by_id=actor.client_id
        )
        if not updated:
            raise RequestClosed(request_id)
        request = await ErasureRequest.get(id=request_id).prefetch_related("client")
        await record_audit(
            actor_id=actor.client_id,
            actor_telegram_id=actor.telegram_id,
            client_id=request.client_id,
            action=OUTCOME_ACTIONS[outcome],
            details={"request_id": request.id},
        )
    notices = to_client(request.client, OUTCOME_NOTICES[outcome])
    return bool(notices), notices
