"""Access to staff dialogs, checked on every update against the role loaded from the DB.

`when=` only hides a button; it does not re-check a click. So every staff dialog is
guarded three times: the staff router's filters, this stack validator (which refuses
and logs forged or stale button presses and background updates), and
`require_staff_in` inside getters and actions.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, TelegramObject
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import Context, DialogUpdateEvent, Stack
from aiogram_dialog.api.protocols import StackAccessValidator
from aiogram_dialog.context.intent_middleware import FORBIDDEN_STACK_KEY

from bot.services.roles import Role, is_staff, require_editor, require_owner, require_staff

logger = logging.getLogger(__name__)

STAFF_STATE_GROUPS: set[type[StatesGroup]] = set()


def staff_only(group: type[StatesGroup]) -> type[StatesGroup]:
    """Class decorator: marks a StatesGroup as belonging to the staff desk."""
    STAFF_STATE_GROUPS.add(group)
    return group


def is_staff_state(context: Context | None) -> bool:
    return context is not None and context.state.group in STAFF_STATE_GROUPS


class RoleAccessValidator(StackAccessValidator):
    """Refuses button presses and background updates into a staff dialog for non-staff.

    Only those: a refused update loses its `dialog_manager`, so refusing a message would
    leave /start, /menu and plain text broken for as long as a staff dialog is on top of
    the stack (a revoked manager, an owner removed from ADMIN_IDS). Messages are guarded
    by the staff router's filters, and /start or /menu reset the stack to the customer
    menu. A refused press is answered by the fallback router; a refused background
    update is dropped by `drop_refused_background_updates`.
    """

    async def is_allowed(
        self, stack: Stack, context: Context | None, event: Any, data: dict[str, Any]
    ) -> bool:
        if not is_staff_state(context):
            return True
        if not isinstance(event, CallbackQuery | DialogUpdateEvent):
            return True
        role: Role = data.get("role", Role.CUSTOMER)
        if is_staff(role):
            return True
        user = data.get("event_from_user")
        logger.warning(
            "denied: telegram id %s (%s) sent %s to staff dialog %s",
            user.id if user else None,
            role,
            "a button press" if isinstance(event, CallbackQuery) else "a background update",
            context.state.state if context else None,
        )
        return False


def is_refused(data: dict[str, Any]) -> bool:
    """True when the validator refused this update's dialog stack."""
    return bool(data.get(FORBIDDEN_STACK_KEY))


async def drop_refused_background_updates(
    handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
    event: TelegramObject,
    data: dict[str, Any],
) -> Any:
    """Inner middleware of the dialog-event observer: a refused background update has no
    dialog manager to run with; it is logged by the validator and goes no further."""
    if is_refused(data):
        return None
    return await handler(event, data)


def role_in(manager: DialogManager) -> Role:
    return manager.middleware_data.get("role", Role.CUSTOMER)


def require_staff_in(manager: DialogManager) -> None:
    require_staff(role_in(manager))


def require_editor_in(manager: DialogManager) -> None:
    require_editor(role_in(manager))


def is_owner_in(manager: DialogManager) -> bool:
    return role_in(manager) is Role.OWNER


def require_owner_in(manager: DialogManager) -> None:
    """Settings are the owners' (ADMIN_IDS): checked in every settings getter and action."""
    require_owner(role_in(manager))
