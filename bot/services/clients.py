"""Clients: the upsert on every update, deep-link registration, search text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError, MultipleObjectsReturned
from tortoise.transactions import in_transaction

from bot.db import snapshot_rows
from models import Client

# A returning customer's clicks within this window cost no write: last seen is a
# "roughly when", and skipping the UPDATE keeps the hot path read-only.
LAST_SEEN_GRANULARITY = timedelta(minutes=5)

# Telegram allows A-Z, a-z, 0-9, _ and - in a /start payload, up to 64 characters.
PAYLOAD_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
REFERRAL_PREFIX = "ref_"
# `c_<client id>`: the link an inline result posts to open a client's card (staff only)
CARD_PREFIX = "c_"
CARD_PAYLOAD = re.compile(r"^c_(\d{1,10})$")
DEFAULT_SOURCE = "telegram"
MANUAL_SOURCE = "manual"


@dataclass(frozen=True, slots=True)
class TelegramProfile:
    """What Telegram tells us about a user on each update."""

    telegram_id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search: 'Łódź' -> 'lodz', 'Ёлка' -> 'елка'."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = folded.replace("ł", "l").replace("ё", "е")
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def phone_digits(phone: str | None) -> str | None:
    """'+48 601-234-567' -> '48601234567': what a phone search compares."""
    digits = re.sub(r"\D", "", phone or "")
    return digits or None


def search_text_of(client: Client, tag_names: Iterable[str] = ()) -> str:
    digits = phone_digits(client.phone)
    parts = [
        client.first_name,
        client.last_name,
        client.custom_name,
        f"@{client.username}" if client.username else None,
        client.phone,
        # a phone stored with formatting is still found by its digits
        digits if digits and digits not in (client.phone or "") else None,
        client.email,
        client.login,
        client.company,
        str(client.telegram_id) if client.telegram_id is not None else None,
        *tag_names,
    ]
    return " ".join(fold(p) for p in parts if p)


def sort_name_of(client: Client) -> str:
    return fold(client.display_name)[:128]


def refresh_derived(client: Client, tag_names: Iterable[str] = ()) -> None:
    client.search_text = search_text_of(client, tag_names)
    client.sort_name = sort_name_of(client)


def _profile_changes(client: Client, profile: TelegramProfile) -> dict[str, object]:
    wanted = {
        "first_name": profile.first_name[:128],
        "last_name": (profile.last_name or None) and profile.last_name[:128],
        "username": profile.username or None,
        "language_code": profile.language_code or None,
    }
    return {k: v for k, v in wanted.items() if getattr(client, k) != v}


# Stands for the telegram id while tortoise writes the lookup's SQL; never a real id.
_TELEGRAM_ID_SLOT = -0x5D0D_E5C0_FFEE
_lookup_sql: dict[tuple[str, type], tuple[str, list[Any], int]] = {}


async def client_by_telegram_id(telegram_id: int) -> Client | None:
    """The live client with this Telegram id: anonymized rows are never matched.

    `Client.get_or_none(telegram_id=..., anonymized_at=None)`: the same SQL, rows and
    model instances.

    Tortoise rebuilds the SQL of a query on every call (a few hundred microseconds, more
    than the indexed SELECT itself), and this runs on every update; so the SQL tortoise
    writes is kept per dialect and only the id changes. The row is read every time.
    """
    db: BaseDBAsyncClient = Client._choose_db()
    key = (db.capabilities.dialect, db.query_class)
    if (prepared := _lookup_sql.get(key)) is None:
        query = Client.get_or_none(telegram_id=_TELEGRAM_ID_SLOT, anonymized_at=None, using_db=db)
        sql = query.sql()
        _, params = query.query.get_parameterized_sql()  # type: ignore[attr-defined]
        prepared = _lookup_sql[key] = (sql, params, params.index(_TELEGRAM_ID_SLOT))
    sql, params, slot = prepared
    values = list(params)
    values[slot] = telegram_id
    rows = _read_snapshot(sql, values) if key[0] == "sqlite" else None
    if rows is None:
        rows = await db.executor_class(model=Client, db=db).execute_select(sql, values)
    if len(rows) > 1:  # the column is unique; kept to match get_or_none
        raise MultipleObjectsReturned(Client)
    return rows[0] if rows else None


def _read_snapshot(sql: str, values: list[Any]) -> list[Client] | None:
    """The same SELECT on SQLite's read-only snapshot connection, on this thread; None
    when there is none or it is busy (the caller then asks the pool as usual)."""
    rows = snapshot_rows(sql, values)
    return None if rows is None else [Client._init_from_db(**dict(row)) for row in rows]


async def touch_client(profile: TelegramProfile, now: datetime | None = None) -> Client:
    """Find or create the client behind an update; write only what changed.

    A returning client whose profile is unchanged and who was seen recently costs one
    SELECT and no write.
    """
    now = now or datetime.now(UTC)
    client = await client_by_telegram_id(profile.telegram_id)
    if client is None:
        return await _create_from_profile(profile, now)
    changes = _profile_changes(client, profile)
    stale = client.last_seen_at is None or now - client.last_seen_at >= LAST_SEEN_GRANULARITY
    if not changes and not stale and not client.bot_blocked:
        return client
    for field, value in changes.items():
        setattr(client, field, value)
    client.last_seen_at = now
    client.bot_blocked = False  # they wrote to us, so the bot is not blocked any more
    fields = [*changes, "last_seen_at", "bot_blocked"]
    if changes:
        tags = await client.tags.all().values_list("name", flat=True)
        refresh_derived(client, tags)
        fields += ["search_text", "sort_name"]
    await client.save(update_fields=fields)
    return client


async def find_client(telegram_id: int) -> Client | None:
    """The client behind an update that must not write (a background dialog update, an
    inline query): read only, never created."""
    return await client_by_telegram_id(telegram_id)


async def mark_bot_blocked(telegram_id: int) -> bool:
    """Telegram refused a call to this user (403): they blocked the bot. True if marked."""
    marked = await Client.filter(
        telegram_id=telegram_id, anonymized_at=None, bot_blocked=False
    ).update(bot_blocked=True)
    return bool(marked)


async def _create_from_profile(profile: TelegramProfile, now: datetime) -> Client:
    """A new client. An anonymized row that still holds the Telegram id lets go of it
    first: anonymization is final, and the person writing again is somebody new."""
    client = Client(
        telegram_id=profile.telegram_id,
        first_name=profile.first_name[:128],
        last_name=profile.last_name or None,
        username=profile.username or None,
        language_code=profile.language_code or None,
        source=DEFAULT_SOURCE,
        last_seen_at=now,
    )
    refresh_derived(client)
    try:
        async with in_transaction():
            await Client.filter(
                telegram_id=profile.telegram_id, anonymized_at__isnull=False
            ).update(telegram_id=None)
            await client.save()
    except IntegrityError:
        # Two updates of a brand-new user raced; the other one created the row.
        return await Client.get(telegram_id=profile.telegram_id, anonymized_at=None)
    client._just_created = True  # type: ignore[attr-defined]
    return client


def is_new(client: Client) -> bool:
    """True for a client created by the update being handled."""
    return getattr(client, "_just_created", False)


@dataclass(frozen=True, slots=True)
class StartResult:
    referrer: Client | None
    source_set: bool


async def apply_start_payload(client: Client, payload: str | None) -> StartResult:
    """Record where a client came from, on their first registration only.

    `ref_<code>` names the referrer (never oneself); any other valid payload is the
    source; a malformed payload is ignored. Later /start commands change nothing.
    """
    if not is_new(client) or not payload or not PAYLOAD_PATTERN.match(payload):
        return StartResult(referrer=None, source_set=False)
    if payload.startswith(CARD_PREFIX):  # a staff link to a card, not a source
        return StartResult(referrer=None, source_set=False)
    if payload.startswith(REFERRAL_PREFIX):
        return await _apply_referral(client, payload.removeprefix(REFERRAL_PREFIX))
    client.source = payload.lower()
    await client.save(update_fields=["source"])
    return StartResult(referrer=None, source_set=True)


def card_link_target(payload: str | None) -> int | None:
    """The client id in a `c_<id>` start payload, else None."""
    match = CARD_PAYLOAD.match(payload or "")
    return int(match.group(1)) if match else None


async def _apply_referral(client: Client, code: str) -> StartResult:
    async with in_transaction():
        referrer = await Client.get_or_none(referral_code=code, anonymized_at=None)
        if referrer is None or referrer.id == client.id:
            return StartResult(referrer=None, source_set=False)
        client.referrer = referrer
        client.source = "referral"
        await client.save(update_fields=["referrer_id", "source"])
    return StartResult(referrer=referrer, source_set=True)


async def set_locale(client: Client, locale: str) -> None:
    client.locale = locale
    await client.save(update_fields=["locale"])


async def referral_count(client: Client) -> int:
    return await Client.filter(referrer_id=client.id).count()
