"""The client card: what the desk shows about a client and what a manager edits there.

Every edit is checked here (role, owner-only flags, anonymized clients), validated
before anything is written, audited in the same transaction, and keeps the search
columns in step. Passwords are argon2id hashes and never leave this module.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.services.audit import record_audit
from bot.services.client_list import connection, dialect
from bot.services.client_query import Params
from bot.services.clients import refresh_derived
from bot.services.money import round_money
from bot.services.passwords import hash_password
from bot.services.profile_input import (
    Invalid,
    ProfileError,
    ProfileField,
    check_password,
    validated,
)
from bot.services.roles import (
    AccessDenied,
    Role,
    require_editor,
    require_owner,
    set_staff_role,
)
from models import Address, Client


class Flag(StrEnum):
    BLOCKED = "is_blocked"
    BROADCASTS_OFF = "broadcasts_off"
    MANAGER = "is_manager"
    VIEWER = "is_viewer"


OWNER_FLAGS = frozenset({Flag.MANAGER, Flag.VIEWER})
STAFF_FLAG_ROLES = {Flag.MANAGER: Role.MANAGER, Flag.VIEWER: Role.VIEWER}
# flags whose change may change the client's role (a blocked manager is a customer)
ROLE_FLAGS = frozenset({Flag.BLOCKED, Flag.MANAGER, Flag.VIEWER})
# what a manager may not change on a staff member's (or an owner's) profile: blocking
# revokes their access and a login/password lets someone else take the profile over
STAFF_GUARDED = frozenset({ProfileField.LOGIN, ProfileField.PASSWORD, Flag.BLOCKED})


class ClientNotFound(Exception):
    """The client does not exist (deleted meanwhile, or a forged id)."""


class ClientAnonymized(Exception):
    """Anonymized clients are read-only."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: their role this update, their client row and Telegram id."""

    role: Role
    client_id: int | None
    telegram_id: int | None
    owner_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class CardFacts:
    client: Client
    tags: list[str]
    default_address: Address | None
    referrer: Client | None
    average_check: Decimal | None
    has_password: bool


def is_staff_profile(client: Client, owner_ids: Collection[int]) -> bool:
    return client.is_manager or client.is_viewer or client.telegram_id in owner_ids


async def client_by_id(client_id: int | None) -> Client | None:
    return await Client.get_or_none(id=client_id) if client_id is not None else None


async def load_card(client_id: int) -> CardFacts | None:
    """Everything the card shows, in plain SELECTs: opening a card is the desk's most
    frequent click, and tortoise takes longer to build each query than the database
    takes to answer it."""
    p = Params(dialect())
    mark = p(client_id)  # every query below takes the one parameter
    db = connection()
    rows = await db.execute_query_dict(f"SELECT * FROM clients WHERE id = {mark}", p.values)
    if not rows:
        return None
    client = Client._init_from_db(**rows[0])
    tags = await db.execute_query_dict(
        "SELECT t.name FROM tags t JOIN clients_tags ct ON ct.tag_id = t.id "
        f"WHERE ct.client_id = {mark} ORDER BY t.name",
        p.values,
    )
    addresses = await db.execute_query_dict(
        f"SELECT * FROM addresses WHERE client_id = {mark} "
        "ORDER BY is_default DESC, created_at DESC LIMIT 1",
        p.values,
    )
    address = Address._init_from_db(**addresses[0]) if addresses else None
    referrer = await Client.get_or_none(id=client.referrer_id) if client.referrer_id else None
    average = None
    if client.orders_count:
        average = round_money(Decimal(client.total_spent) / client.orders_count)
    return CardFacts(
        client=client,
        tags=[row["name"] for row in tags],
        default_address=address,
        referrer=referrer,
        average_check=average,
        has_password=client.password_hash is not None,
    )


async def _client_for_edit(actor: Actor, client_id: int, what: ProfileField | Flag) -> Client:
    """The client row, locked for the transaction, after every access rule."""
    require_editor(actor.role)
    if what in OWNER_FLAGS:
        require_owner(actor.role)
    client = await Client.filter(id=client_id).select_for_update().first()
    if client is None:
        raise ClientNotFound(client_id)
    if client.anonymized_at is not None:
        raise ClientAnonymized(client_id)
    if (
        what in STAFF_GUARDED
        and actor.role is not Role.OWNER
        and is_staff_profile(client, actor.owner_ids)
    ):
        raise AccessDenied(actor.role)
    return client


async def _save_with_derived(client: Client, fields: list[str]) -> None:
    tags = await client.tags.all().values_list("name", flat=True)
    refresh_derived(client, tags)
    await client.save(update_fields=[*fields, "search_text", "sort_name"])


def _audit_kwargs(actor: Actor, client: Client) -> dict[str, int | None]:
    return {
        "actor_id": actor.client_id,
        "actor_telegram_id": actor.telegram_id,
        "client_id": client.id,
    }


async def edit_field(actor: Actor, client_id: int, profile_field: ProfileField, raw: str) -> bool:
    """Set one field from what the manager typed; False when the value did not change.

    Raises ProfileError (bad input, nothing written), ClientNotFound, ClientAnonymized,
    AccessDenied.
    """
    require_editor(actor.role)
    if profile_field is ProfileField.PASSWORD:
        return await _set_password(actor, client_id, check_password(raw))
    async with in_transaction():
        client = await _client_for_edit(actor, client_id, profile_field)
        value = validated(profile_field, raw, client.locale or client.language_code)
        return await _write_field(actor, client, profile_field, value)


async def clear_field(actor: Actor, client_id: int, profile_field: ProfileField) -> bool:
    """Empty one field; False when it was empty already."""
    require_editor(actor.role)
    if profile_field is ProfileField.PASSWORD:
        return await _set_password(actor, client_id, None)
    async with in_transaction():
        client = await _client_for_edit(actor, client_id, profile_field)
        return await _write_field(actor, client, profile_field, None)


async def _write_field(
    actor: Actor, client: Client, profile_field: ProfileField, value: str | None
) -> bool:
    old = getattr(client, profile_field.value)
    if old == value:
        return False
    if profile_field is ProfileField.LOGIN and value is not None:
        taken = await Client.filter(login=value).exclude(id=client.id).exists()
        if taken:
            raise ProfileError(Invalid.LOGIN_TAKEN)
    setattr(client, profile_field.value, value)
    try:
        await _save_with_derived(client, [profile_field.value])
    except IntegrityError as error:  # a concurrent edit took the login first
        raise ProfileError(Invalid.LOGIN_TAKEN) from error
    await record_audit(
        **_audit_kwargs(actor, client),
        action="field_changed",
        details={"field": profile_field.value},
        personal={"old": old, "new": value},
    )
    return True


async def _set_password(actor: Actor, client_id: int, password: str | None) -> bool:
    password_hash = await hash_password(password) if password is not None else None
    async with in_transaction():
        client = await _client_for_edit(actor, client_id, ProfileField.PASSWORD)
        if password_hash is None and client.password_hash is None:
            return False
        client.password_hash = password_hash
        await client.save(update_fields=["password_hash"])
        await record_audit(
            **_audit_kwargs(actor, client),
            action="password_set" if password_hash else "password_cleared",
            details={"field": "password"},
        )
    return True


async def toggle_flag(actor: Actor, client_id: int, flag: Flag) -> Client:
    """Flip one flag; returns the client as saved.

    Manager and viewer are roles only owners grant (`set_staff_role`, which audits them
    as a role change); a viewer is a read-only manager, so turning one on turns the
    other off, and turning it off makes the client a customer again.
    """
    async with in_transaction():
        client = await _client_for_edit(actor, client_id, flag)
        if flag in OWNER_FLAGS:
            role = STAFF_FLAG_ROLES[flag] if not getattr(client, flag.value) else Role.CUSTOMER
            acting = await Client.get_or_none(id=actor.client_id) if actor.client_id else None
            await set_staff_role(acting, actor.role, client, role)
            return client
        old = getattr(client, flag.value)
        setattr(client, flag.value, not old)
        await client.save(update_fields=[flag.value])
        await record_audit(
            **_audit_kwargs(actor, client),
            action="flag_changed",
            details={"field": flag.value, "old": old, "new": not old},
        )
    return client
