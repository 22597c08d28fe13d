"""`/login`: a client claims the profile a manager gave a login and password.

On success the profile's Telegram id moves to the account that logged in. That
account's own row (made by its first update) must not keep the same Telegram id:
an empty one (no orders, addresses, messages... nothing a manager or the client put
there) is deleted; one with any data is detached (Telegram id cleared, data kept for
the desk). Failed attempts are audit entries: they limit retries per Telegram id in
the database, so every worker sees the same count, and the history shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.transactions import in_transaction

from bot.services.audit import record_audit
from bot.services.clients import refresh_derived
from bot.services.passwords import verify_password
from bot.services.profile_input import ProfileError, normalize_login
from models import AuditEntry, Client

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOGIN_FAILED = "login_failed"
CLAIMED = "claimed"
DETACHED = "detached_by_claim"


class ClaimOutcome(StrEnum):
    CLAIMED = "claimed"
    WRONG = "wrong"
    LIMITED = "limited"
    ALREADY_YOURS = "already_yours"


@dataclass(frozen=True, slots=True)
class ClaimResult:
    outcome: ClaimOutcome
    client: Client | None = None  # the claimed profile, as saved
    attempts_left: int = 0


async def failures_since(telegram_id: int, since: datetime) -> int:
    return await AuditEntry.filter(
        action=LOGIN_FAILED, actor_telegram_id=telegram_id, created_at__gte=since
    ).count()


async def attempts_left(telegram_id: int, now: datetime | None = None) -> int:
    now = now or datetime.now(UTC)
    return max(0, MAX_FAILURES - await failures_since(telegram_id, now - FAILURE_WINDOW))


async def _profile_by_login(login: str) -> Client | None:
    try:
        folded = normalize_login(login)
    except ProfileError:
        return None
    return await Client.get_or_none(login=folded, anonymized_at=None)


async def claim_profile(
    telegram_id: int, login: str, password: str, now: datetime | None = None
) -> ClaimResult:
    now = now or datetime.now(UTC)
    left = await attempts_left(telegram_id, now)
    if left == 0:
        return ClaimResult(ClaimOutcome.LIMITED)
    target = await _profile_by_login(login)
    verified = await verify_password(target.password_hash if target else None, password)
    own = await Client.get_or_none(telegram_id=telegram_id)
    if target is None or not verified:
        await record_audit(
            actor_id=own.id if own else None,
            actor_telegram_id=telegram_id,
            client_id=target.id if target else None,
            action=LOGIN_FAILED,
        )
        return ClaimResult(ClaimOutcome.WRONG, attempts_left=left - 1)
    if target.telegram_id == telegram_id:
        return ClaimResult(ClaimOutcome.ALREADY_YOURS, client=target)
    async with in_transaction():
        claimed = await _move_telegram_id(target.id, telegram_id)
    return ClaimResult(ClaimOutcome.CLAIMED, client=claimed)


async def is_empty_profile(client: Client) -> bool:
    """Nothing anyone would miss: no orders, addresses, favorites, messages, tags..."""
    if client.is_manager or client.is_viewer or client.login or client.password_hash:
        return False
    if client.phone or client.email or client.company or client.description:
        return False
    if client.custom_name:
        return False
    for relation in (
        client.orders,
        client.addresses,
        client.favorites,
        client.chat_messages,
        client.emails,
        client.sms_messages,  # type: ignore[attr-defined]
        client.promo_redemptions,
        client.referrals,
        client.tags,
    ):
        if await relation.all().exists():
            return False
    return True


async def _move_telegram_id(target_id: int, telegram_id: int) -> Client:
    target = await Client.filter(id=target_id).select_for_update().get()
    own = await Client.filter(telegram_id=telegram_id).select_for_update().first()
    if own is not None:
        if await is_empty_profile(own):
            await own.delete()
        else:
            own.telegram_id = None
            await _save_identity(own)
            await record_audit(
                actor_id=target.id,
                actor_telegram_id=telegram_id,
                client_id=own.id,
                action=DETACHED,
                details={"claimed_client_id": target.id},
            )
    old_telegram_id = target.telegram_id
    target.telegram_id = telegram_id
    target.bot_blocked = False
    await _save_identity(target, "bot_blocked")
    await record_audit(
        actor_id=target.id,
        actor_telegram_id=telegram_id,
        client_id=target.id,
        action=CLAIMED,
        personal={"old_telegram_id": old_telegram_id, "new_telegram_id": telegram_id},
    )
    return target


async def _save_identity(client: Client, *extra: str) -> None:
    names = await client.tags.all().values_list("name", flat=True)
    refresh_derived(client, names)
    await client.save(update_fields=["telegram_id", *extra, "search_text", "sort_name"])
