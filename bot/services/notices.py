"""What to tell whom: services return notices, `bot.notify` renders and sends them.

A notice names a Fluent key and its arguments; the sender picks each recipient's
language. Decimal arguments are amounts in `currency`, formatted for that language;
arguments ending in `_key` are Fluent keys rendered in it too (e.g. a status name).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from bot.db import read_rows
from bot.services.roles import staff_sql
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
    return language_from(client.locale, client.language_code)


def language_from(locale: str | None, language_code: str | None) -> str | None:
    """The language a client picked in the bot, else Telegram's ('pt-br' -> 'pt')."""
    return locale or (language_code or "").split("-")[0] or None


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
    sql = staff_sql(
        owner_ids,
        columns='"telegram_id", "locale", "language_code"',
        staff_condition=' AND "is_manager" = TRUE AND NOT "is_blocked" AND NOT "bot_blocked"',
    )
    languages = {
        row["telegram_id"]: language_from(row["locale"], row["language_code"])
        for row in await read_rows(sql, [])
        if row["telegram_id"] is not None
    }
    recipients = dict.fromkeys(owner_ids) | languages
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
