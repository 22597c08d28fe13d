"""Actions of the bulk dialog: each re-checks the editor role, then asks the service."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services.client_bulk import BulkAction, UnknownTag, apply_bulk, bulk_tag_name
from bot.services.tags import TagError
from dialogs.access import require_editor_in
from dialogs.client_card.context import actor_in
from dialogs.clients_bulk.context import (
    ACTION,
    CHANGED,
    ERROR,
    TAG,
    bulk_query,
    bulk_target,
)
from dialogs.clients_bulk.states import ClientBulk
from models import Tag


async def on_action(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_editor_in(manager)
    if item not in BulkAction._value2member_map_:
        return
    action = BulkAction(item)
    manager.dialog_data.update({ACTION: action.value, TAG: None, ERROR: None})
    await manager.switch_to(ClientBulk.TAG if action.needs_tag else ClientBulk.CONFIRM)


async def on_tag_picked(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_editor_in(manager)
    tag = await Tag.get_or_none(id=int(item)) if item.isdigit() else None
    if tag is None:
        return
    manager.dialog_data.update({TAG: tag.name, ERROR: None})
    await manager.switch_to(ClientBulk.CONFIRM)


async def on_tag_typed(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    try:
        name = bulk_tag_name(message.text or "")
    except TagError as error:
        manager.dialog_data[ERROR] = error.reason
        return
    manager.dialog_data.update({TAG: name, ERROR: None})
    await manager.switch_to(ClientBulk.CONFIRM)


async def on_confirm(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    target = bulk_target(manager)
    if target is None:
        await manager.switch_to(ClientBulk.ACTION)
        return
    try:
        changed = await apply_bulk(actor_in(manager), bulk_query(manager), target)
    except UnknownTag:  # removed from the shop meanwhile
        changed = 0
    manager.dialog_data[CHANGED] = changed
    await manager.switch_to(ClientBulk.DONE)


async def on_finish(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    await manager.done({"bulk_changed": manager.dialog_data.get(CHANGED, 0)})
