"""Edit -> Tags actions: type names, tap a shop tag to add, tap ✖ to remove."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Select

from bot.services.client_profile import ClientAnonymized, ClientNotFound
from bot.services.tags import TagError, add_existing_tag, add_tags_by_text, remove_tag
from dialogs.access import require_editor_in
from dialogs.client_card.context import actor_in, card_client_id, clear_error, show_error
from dialogs.client_card.handlers import as_int, gone


async def on_tags_typed(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return await gone(manager)
    if message.text is None:
        return show_error(manager, "text_only")
    if message.text.startswith("/"):
        return show_error(manager, "command")
    try:
        await add_tags_by_text(actor_in(manager), client_id, message.text)
    except TagError as error:
        return show_error(manager, error.reason, error.limit)
    except (ClientNotFound, ClientAnonymized):
        return await gone(manager)
    clear_error(manager)


async def on_tag_added(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: str
) -> None:
    require_editor_in(manager)
    client_id, tag_id = card_client_id(manager), as_int(item_id)
    if client_id is None or tag_id is None:
        return
    clear_error(manager)
    try:
        await add_existing_tag(actor_in(manager), client_id, tag_id)
    except (ClientNotFound, ClientAnonymized):
        await gone(manager)


async def on_tag_removed(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: str
) -> None:
    require_editor_in(manager)
    client_id, tag_id = card_client_id(manager), as_int(item_id)
    if client_id is None or tag_id is None:
        return
    clear_error(manager)
    try:
        await remove_tag(actor_in(manager), client_id, tag_id)
    except (ClientNotFound, ClientAnonymized):
        await gone(manager)
