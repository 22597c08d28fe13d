"""The audit log: who did what to which client, written by the service that acts.

`details` holds plain facts (the field name, flag values). Anything that quotes the
client's personal data (old and new values of a text field, tag names, Telegram ids)
goes under `details[PERSONAL]` only, so erasing a client's personal data can drop that
one key from their entries and keep the rest of the history. Passwords never appear.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models import AuditEntry

PERSONAL = "personal"
_FORBIDDEN = ("password", "password_hash")


async def record_audit(
    *,
    actor_id: int | None,
    actor_telegram_id: int | None,
    client_id: int | None,
    action: str,
    details: Mapping[str, Any] | None = None,
    personal: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """One audit entry; runs in the caller's transaction when there is one."""
    facts = dict(details or {})
    if personal:
        facts[PERSONAL] = dict(personal)
    for key in _FORBIDDEN:
        if key in facts or key in facts.get(PERSONAL, {}):
            raise ValueError("a password never goes to the audit log")
    return await AuditEntry.create(
        actor_id=actor_id,
        actor_telegram_id=actor_telegram_id,
        client_id=client_id,
        action=action,
        details=facts,
    )
