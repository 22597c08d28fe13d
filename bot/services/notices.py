"""What to tell whom: services return notices, `bot.notify` renders and sends them.

A notice names a Fluent key and its arguments; the sender picks each recipient's
language. Decimal arguments are amounts in `currency`, formatted for that language;
arguments ending in `_key` are Fluent keys rendered in it too (e.g. a status name).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from bot.services.roles import staff_rows
from models import Client


@dataclass(frozen=True)
class NoticeButton:
    """An inline button under a notice: its label's Fluent key and its callback data."""

    key: str
    callback_data: str


@dataclass(frozen=True)
class Notice:
    telegram_id: int
    locale: str | None
    key: str
    args: dict[str, Any] = field(default_factory=dict)
    currency: str | None = None
    button: NoticeButton | None = None


def language_of(client: Client | None) -> str | None:
    if client is None:
        return None
    return client.locale or (client.language_code or "").split("-")[0] or None


def to_client(
    client: Client | None, key: str, currency: str | None = None, **args: Any
) -> list[Notice]:
    """A notice to the client, if they can be reached in Telegram at all."""
    if client is None or client.telegram_id is None or client.bot_blocked:
        return []
    if client.anonymized_at is not None:
        return []
    return [Notice(client.telegram_id, language_of(client), key, args, currency)]


async def staff_recipients(owner_ids: Collection[int]) -> list[tuple[int, str | None]]:
    """Owners (ADMIN_IDS) and managers who are not blocked: (telegram id, language)."""
    rows = {client.telegram_id: client for client in await staff_rows(owner_ids)}
    recipients: dict[int, str | None] = {
        owner_id: language_of(rows.get(owner_id)) for owner_id in owner_ids
    }
    for telegram_id, client in rows.items():
        if client.is_manager and not client.is_blocked and not client.bot_blocked:
            recipients.setdefault(telegram_id, language_of(client))
    return sorted(recipients.items())


async def to_staff(
    owner_ids: Collection[int],
    key: str,
    currency: str | None = None,
    button: NoticeButton | None = None,
    **args: Any,
) -> list[Notice]:
    return [
        Notice(telegram_id, locale, key, args, currency, button)
        for telegram_id, locale in await staff_recipients(owner_ids)
    ]


async def mark_bot_blocked(telegram_id: int) -> None:
    """Telegram answered 403: the user blocked the bot."""
    await Client.filter(telegram_id=telegram_id).update(bot_blocked=True)
