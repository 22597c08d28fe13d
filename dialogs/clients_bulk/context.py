"""What the bulk dialog keeps: the list's query (start data) and the chosen action and tag."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.client_bulk import BulkAction, BulkTarget
from bot.services.client_query import ClientQuery

ACTION, TAG, COUNTED, CHANGED, ERROR = "action", "tag", "counted", "changed", "error"


def bulk_query(manager: DialogManager) -> ClientQuery:
    start_data: Any = manager.start_data
    data = start_data.get("query") if isinstance(start_data, dict) else None
    return ClientQuery.from_dict(data if isinstance(data, dict) else None)


def bulk_target(manager: DialogManager) -> BulkTarget | None:
    """The action chosen (and its tag); None when none is, or a tag action has no tag."""
    action = manager.dialog_data.get(ACTION)
    if action not in BulkAction._value2member_map_:
        return None
    tag = manager.dialog_data.get(TAG)
    target = BulkTarget(BulkAction(action), tag if isinstance(tag, str) else None)
    if target.action.needs_tag and not target.tag_name:
        return None
    return target
