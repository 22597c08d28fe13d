"""Who may do what: decided from the database on every update, never from dialog state."""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from tortoise.transactions import in_transaction

from bot.db import read_rows
from models import AuditEntry, Client


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    VIEWER = "viewer"
    CUSTOMER = "customer"


STAFF_ROLES = frozenset({Role.OWNER, Role.MANAGER, Role.VIEWER})
EDITOR_ROLES = frozenset({Role.OWNER, Role.MANAGER})


class AccessDenied(Exception):
    """Raised by a service when the acting client's role does not allow the action."""


def role_of(client: Client | None, owner_ids: Collection[int]) -> Role:
    """The role of a client now.

    A blocked manager or viewer is a customer until unblocked. Owners come from the
    configuration (ADMIN_IDS), not the database: the flag cannot lock them out, since
    nobody could unblock the shop's owner then; removing the id from ADMIN_IDS does.
    """
    if client is None or client.anonymized_at is not None:
        return Role.CUSTOMER
    if client.telegram_id is not None and client.telegram_id in owner_ids:
        return Role.OWNER
    if client.is_blocked:
        return Role.CUSTOMER
    if client.is_manager:
        return Role.MANAGER
    if client.is_viewer:
        return Role.VIEWER
    return Role.CUSTOMER


def is_staff(role: Role) -> bool:
    return role in STAFF_ROLES


def can_edit(role: Role) -> bool:
    return role in EDITOR_ROLES


def require_staff(role: Role) -> None:
    if not is_staff(role):
        raise AccessDenied(role)


def require_editor(role: Role) -> None:
    if not can_edit(role):
        raise AccessDenied(role)


def require_owner(role: Role) -> None:
    if role is not Role.OWNER:
        raise AccessDenied(role)


def can_shop(client: Client | None) -> bool:
    """The catalog, products and ordering are for clients who are not blocked.

    A blocked client keeps /start, the language, contacting the shop and their data rights.
    """
    return client is not None and client.anonymized_at is None and not client.is_blocked


STAFF_FLAGS = {
    Role.MANAGER: (True, False),
    Role.VIEWER: (False, True),
    Role.CUSTOMER: (False, False),
}


async def set_staff_role(
    actor: Client | None, actor_role: Role, client: Client, role: Role
) -> bool:
    """Make `client` a manager, a viewer or a plain customer again; owners only, audited.

    Returns whether anything changed. The caller keeps the client's Telegram command
    menu in step (`bot.commands.sync_staff_commands`).
    """
    require_owner(actor_role)
    if role not in STAFF_FLAGS:
        raise ValueError(f"not a grantable role: {role}")
    is_manager, is_viewer = STAFF_FLAGS[role]
    if (client.is_manager, client.is_viewer) == (is_manager, is_viewer):
        return False
    before = _flag_role(client)
    async with in_transaction():
        client.is_manager, client.is_viewer = is_manager, is_viewer
        await client.save(update_fields=["is_manager", "is_viewer"])
        await AuditEntry.create(
            actor=actor,
            actor_telegram_id=actor.telegram_id if actor else None,
            client=client,
            action="role_changed",
            details={"from": before.value, "to": role.value},
        )
    return True


def _flag_role(client: Client) -> Role:
    if client.is_manager:
        return Role.MANAGER
    return Role.VIEWER if client.is_viewer else Role.CUSTOMER


# The staff are a few among up to millions of clients: the condition is written as the
# partial index idx_clients_staff (migration 0004) is, so that both databases use it
# (`is_manager = 1` alone reads the whole table: 150 ms at 1M clients on SQLite).
STAFF_CONDITION = '("is_manager" = TRUE OR "is_viewer" = TRUE)'


async def staff_rows(owner_ids: Collection[int]) -> list[Client]:
    """Live clients flagged manager or viewer, and the owners' live rows (with a
    Telegram id), each once; whether one is staff now is `role_of`'s to say."""
    rows = await read_rows(staff_sql(owner_ids), [])
    return [Client._init_from_db(**row) for row in rows if row["telegram_id"] is not None]


def staff_sql(owner_ids: Collection[int], columns: str = "*", staff_condition: str = "") -> str:
    """Staff rows (`STAFF_CONDITION` and `staff_condition`), and the owners' rows: live
    ones. `telegram_id IS NOT NULL` is left to the caller: SQLite would walk its unique
    index for it instead of the staff's partial index."""
    live = '"anonymized_at" IS NULL'
    sql = f'SELECT {columns} FROM "clients" WHERE {STAFF_CONDITION}{staff_condition} AND {live}'
    if owner_ids:
        owners = ", ".join(str(int(owner)) for owner in sorted(owner_ids))  # integers
        sql += (
            f' UNION SELECT {columns} FROM "clients" WHERE "telegram_id" IN ({owners}) AND {live}'
        )
    return sql
