"""Access to staff dialogs, checked on every update against the role loaded from the DB.

`when=` only hides a button; it does not re-check a click. So every staff dialog is
guarded three times: the staff router's filters, this stack validator (which also
logs forged or stale callbacks), and `require_staff_in` inside getters and actions.
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram.fsm.state import StatesGroup
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import Context, Stack
from aiogram_dialog.api.protocols import StackAccessValidator

from bot.services.roles import Role, require_editor, require_staff

logger = logging.getLogger(__name__)

STAFF_STATE_GROUPS: set[type[StatesGroup]] = set()


def staff_only(group: type[StatesGroup]) -> type[StatesGroup]:
    """Class decorator: marks a StatesGroup as belonging to the staff desk."""
    STAFF_STATE_GROUPS.add(group)
    return group


def is_staff_state(context: Context | None) -> bool:
    return context is not None and context.state.group in STAFF_STATE_GROUPS


class RoleAccessValidator(StackAccessValidator):
    async def is_allowed(
        self, stack: Stack, context: Context | None, event: Any, data: dict[str, Any]
    ) -> bool:
        if not is_staff_state(context):
            return True
        role: Role = data.get("role", Role.CUSTOMER)
        if role in (Role.OWNER, Role.MANAGER, Role.VIEWER):
            return True
        user = data.get("event_from_user")
        logger.warning(
            "denied: telegram id %s (%s) sent an update to staff dialog %s",
            user.id if user else None,
            role,
            context.state.state if context else None,
        )
        return False


def role_in(manager: DialogManager) -> Role:
    return manager.middleware_data.get("role", Role.CUSTOMER)


def require_staff_in(manager: DialogManager) -> None:
    require_staff(role_in(manager))


def require_editor_in(manager: DialogManager) -> None:
    require_editor(role_in(manager))
