"""Card actions: every one re-checks the role (`when=` only hides a button) and calls a
service; a refused or stale action changes nothing."""

from __future__ import annotations

import logging
from typing import Any

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.commands import CommandMenu
from bot.services.client_profile import (
    ROLE_FLAGS,
    ClientAnonymized,
    ClientNotFound,
    Flag,
    clear_field,
    edit_field,
    toggle_flag,
)
from bot.services.profile_input import ProfileError, ProfileField
from dialogs.access import require_editor_in, require_staff_in
from dialogs.client_card.context import (
    actor_in,
    card_client_id,
    clear_error,
    show_error,
)
from dialogs.client_card.states import ClientCard
from models import Client

logger = logging.getLogger(__name__)
FIELD = "field"


async def close_card(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """Back to the list that opened the card."""
    require_staff_in(manager)
    await manager.done()


async def to_main(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    clear_error(manager)
    await manager.switch_to(ClientCard.MAIN)


async def to_general(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    clear_error(manager)
    await manager.switch_to(ClientCard.GENERAL)


async def to_tags(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    clear_error(manager)
    await manager.switch_to(ClientCard.TAGS)


async def gone(manager: DialogManager) -> None:
    """The client was deleted or anonymized meanwhile: the card says so."""
    clear_error(manager)
    await manager.switch_to(ClientCard.MAIN)


async def on_field_chosen(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, item_id: str
) -> None:
    require_editor_in(manager)
    if item_id not in ProfileField.__members__.values():
        return
    clear_error(manager)
    manager.dialog_data[FIELD] = item_id
    await manager.switch_to(ClientCard.FIELD)


async def on_flag_chosen(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, item_id: str
) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if item_id not in Flag.__members__.values() or client_id is None:
        return
    flag = Flag(item_id)
    try:
        client = await toggle_flag(actor_in(manager), client_id, flag)
    except (ClientNotFound, ClientAnonymized):
        return await gone(manager)
    if flag in ROLE_FLAGS:
        await sync_commands(manager, client)


async def sync_commands(manager: DialogManager, client: Client) -> None:
    """/admin appears in (or leaves) the client's command menu with their role."""
    data = manager.middleware_data
    command_menu: CommandMenu | None = data.get("command_menu")
    if command_menu is None:
        return
    try:
        await command_menu.sync(data["bot"], client)
    except (TelegramAPIError, TelegramNetworkError) as error:
        logger.warning("could not update the commands of client %s: %s", client.id, error)


def _chosen_field(manager: DialogManager) -> ProfileField:
    return ProfileField(manager.dialog_data.get(FIELD, ProfileField.CUSTOM_NAME))


async def delete_secret(message: Message) -> None:
    """The manager's message with a password goes at once; Telegram refusing is logged."""
    try:
        await message.delete()
    except (TelegramAPIError, TelegramNetworkError) as error:
        logger.warning("could not delete a message of telegram id %s: %s", message.chat.id, error)


async def on_field_typed(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    field = _chosen_field(manager)
    if field is ProfileField.PASSWORD:
        await delete_secret(message)
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return await gone(manager)
    text = message.text
    if text is None:
        return show_error(manager, "text_only")
    if text.startswith("/"):
        return show_error(manager, "command")
    try:
        await edit_field(actor_in(manager), client_id, field, text)
    except ProfileError as error:
        return show_error(manager, error.reason.value, error.limit)
    except (ClientNotFound, ClientAnonymized):
        return await gone(manager)
    clear_error(manager)
    await manager.switch_to(ClientCard.GENERAL)


async def on_field_cleared(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return await gone(manager)
    try:
        await clear_field(actor_in(manager), client_id, _chosen_field(manager))
    except (ClientNotFound, ClientAnonymized):
        return await gone(manager)
    clear_error(manager)
    await manager.switch_to(ClientCard.GENERAL)


def as_int(item_id: Any) -> int | None:
    try:
        return int(item_id)
    except (TypeError, ValueError):
        return None
