"""Who may do what: decided from the database on every update, never from dialog state."""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from models import Client


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
    if client is None or client.anonymized_at is not None:
        return Role.CUSTOMER
    if client.telegram_id is not None and client.telegram_id in owner_ids:
        return Role.OWNER
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
