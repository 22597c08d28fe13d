"""Getters of the bulk actions dialog: editors only; the counts come from the service."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.client_bulk import BulkAction, count_bulk
from bot.services.client_list import count_clients, tag_choices
from dialogs.access import require_editor_in
from dialogs.client_card.context import actor_in
from dialogs.clients.getters import filters_summary
from dialogs.clients_bulk.context import (
    CHANGED,
    COUNTED,
    ERROR,
    bulk_query,
    bulk_target,
)


def _i18n(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def action_label(action: BulkAction, i18n: I18nContext) -> str:
    return i18n.get(f"bulk-action-{action.value.replace('_', '-')}")


async def action_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    query = bulk_query(dialog_manager)
    return {
        "total": await count_clients(query),
        "summary": await filters_summary(query.filters, query.search, i18n),
        "actions": [(action.value, action_label(action, i18n)) for action in BulkAction],
    }


async def tag_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    error = dialog_manager.dialog_data.get(ERROR)
    return {
        "tags": [(str(tag.id), tag.name) for tag in await tag_choices()],
        "error": error or "",
        "limit": 64,
    }


async def confirm_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    target = bulk_target(dialog_manager)
    if target is None:
        return {"count": 0, "action": "", "tag": ""}
    count = await count_bulk(bulk_query(dialog_manager), target, actor_in(dialog_manager).owner_ids)
    dialog_manager.dialog_data[COUNTED] = count
    return {"count": count, "action": target.action.value, "tag": target.tag_name or ""}


async def done_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    changed = dialog_manager.dialog_data.get(CHANGED, 0)
    counted = dialog_manager.dialog_data.get(COUNTED, 0)
    target = bulk_target(dialog_manager)
    return {
        "changed": changed,
        "counted": counted,
        "moved": changed != counted,
        "action": target.action.value if target else "",
        "tag": target.tag_name or "" if target else "",
    }
