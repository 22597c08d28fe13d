"""Erasure requests as a service: one open request per client, answered once, by editors
only; a client anonymized meanwhile cannot be told, and the desk says so."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tortoise.exceptions import IntegrityError

from bot.services.client_profile import Actor
from bot.services.erasure_requests import (
    RequestClosed,
    open_requests,
    request_erasure,
    resolve_request,
)
from bot.services.roles import AccessDenied, Role
from models import AuditEntry, Client, ErasureRequest, ErasureStatus

OWNER_TELEGRAM_ID = 900_001
MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=5)


async def asking_client() -> Client:
    return await Client.create(telegram_id=123, first_name="Zofia", locale="pl")


async def test_a_second_request_returns_the_open_one(db: None) -> None:
    client = await asking_client()
    first, notices = await request_erasure(client, {OWNER_TELEGRAM_ID})
    assert [(n.telegram_id, n.key) for n in notices] == [
        (OWNER_TELEGRAM_ID, "gdpr-erasure-staff-notice")
    ]
    again, more = await request_erasure(client, {OWNER_TELEGRAM_ID})
    assert again.id == first.id and more == []
    assert await AuditEntry.filter(action="erasure_requested").count() == 1
    with pytest.raises(IntegrityError):  # the database holds the rule too
        await ErasureRequest.create(client=client)


async def test_a_request_is_answered_once_by_an_editor(db: None) -> None:
    client = await asking_client()
    request, _ = await request_erasure(client, set())
    viewer = Actor(role=Role.VIEWER, client_id=None, telegram_id=6)
    assert [r.id for r in await open_requests(viewer)] == [request.id]
    with pytest.raises(AccessDenied):
        await resolve_request(viewer, request.id, ErasureStatus.DONE)
    told, notices = await resolve_request(MANAGER, request.id, ErasureStatus.REFUSED)
    assert told and [(n.telegram_id, n.locale, n.key) for n in notices] == [
        (123, "pl", "gdpr-erasure-refused-notice")
    ]
    with pytest.raises(RequestClosed):
        await resolve_request(MANAGER, request.id, ErasureStatus.DONE)
    await ErasureRequest.get(id=request.id, status=ErasureStatus.REFUSED)
    assert await open_requests(MANAGER) == []
    # a new request may follow a refused one
    newer, _ = await request_erasure(client, set())
    assert newer.id != request.id


async def test_an_anonymized_client_cannot_be_told(db: None) -> None:
    client = await asking_client()
    request, _ = await request_erasure(client, set())
    await Client.filter(id=client.id).update(telegram_id=None, anonymized_at=datetime.now(UTC))
    told, notices = await resolve_request(MANAGER, request.id, ErasureStatus.DONE)
    assert (told, notices) == (False, [])
    entry = await AuditEntry.get(action="erasure_done")
    assert entry.details == {"request_id": request.id} and entry.client_id == client.id
