"""Address actions from the card: each re-checks the role (`when=` only hides a button)
and calls `bot.services.client_addresses`; refused input keeps the window and says why."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services.addresses import ADDRESS_FIELDS, AddressError, clean_address, clean_field
from bot.services.client_addresses import (
    add_client_address,
    address_of,
    delete_client_address,
    edit_client_address,
    make_client_default,
)
from bot.services.client_profile import ClientAnonymized, ClientNotFound
from dialogs.access import require_editor_in, require_staff_in, role_in
from dialogs.card_sections.address_getters import ADDRESS_ID, DRAFT, FIELD, next_field
from dialogs.card_sections.common import (
    actor_in,
    card_client_id,
    clear_error,
    i18n_in,
    show_error,
)
from dialogs.card_sections.states import CardAddresses


def _refused(manager: DialogManager, error: AddressError) -> None:
    field = i18n_in(manager).get(f"address-field-{error.field}") if error.field else ""
    show_error(manager, error.key, field=field)


def _typed(message: Message, manager: DialogManager) -> str | None:
    """The text of a typed value; None (with the reason shown) for anything else."""
    if message.text is None:
        show_error(manager, "sections-text-only")
        return None
    if message.text.startswith("/"):
        show_error(manager, "sections-command")
        return None
    return message.text


async def _gone(manager: DialogManager) -> None:
    """Deleted or anonymized meanwhile: back to the list, which says so."""
    show_error(manager, "sections-client-gone")
    await manager.switch_to(CardAddresses.LIST)


async def to_list(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    clear_error(manager)
    await manager.switch_to(CardAddresses.LIST)


async def to_address(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    clear_error(manager)
    await manager.switch_to(CardAddresses.ADDRESS)


async def on_address_chosen(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: str
) -> None:
    require_staff_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return
    try:
        address = await address_of(role_in(manager), client_id, item_id)
    except (AddressError, ClientNotFound):
        return  # a forged or stale id: the list stays as it is
    clear_error(manager)
    manager.dialog_data[ADDRESS_ID] = address.id
    await manager.switch_to(CardAddresses.ADDRESS)


async def on_add(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    clear_error(manager)
    manager.dialog_data[DRAFT] = {}
    await manager.switch_to(CardAddresses.NEW)


async def on_new_typed(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id, field = card_client_id(manager), next_field(manager)
    text = _typed(message, manager)
    if client_id is None or field is None or text is None:
        return
    draft = dict(manager.dialog_data.get(DRAFT) or {})
    try:
        draft[field] = clean_field(field, text)
    except AddressError as error:
        return _refused(manager, error)
    clear_error(manager)
    manager.dialog_data[DRAFT] = draft
    if next_field(manager) is not None:
        return
    try:
        await add_client_address(actor_in(manager), client_id, clean_address(draft))
    except AddressError as error:
        return _refused(manager, error)
    except (ClientNotFound, ClientAnonymized):
        return await _gone(manager)
    manager.dialog_data.pop(DRAFT, None)
    await manager.switch_to(CardAddresses.LIST)


async def on_field_chosen(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, item_id: str
) -> None:
    require_editor_in(manager)
    if item_id not in ADDRESS_FIELDS:
        return
    clear_error(manager)
    manager.dialog_data[FIELD] = item_id
    await manager.switch_to(CardAddresses.FIELD)


async def on_field_typed(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id, data = card_client_id(manager), manager.dialog_data
    field = data.get(FIELD)
    text = _typed(message, manager)
    if client_id is None or text is None or field not in ADDRESS_FIELDS:
        return
    try:
        await edit_client_address(actor_in(manager), client_id, data.get(ADDRESS_ID), field, text)
    except AddressError as error:
        return _refused(manager, error)
    except (ClientNotFound, ClientAnonymized):
        return await _gone(manager)
    clear_error(manager)
    await manager.switch_to(CardAddresses.ADDRESS)


async def on_default(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return
    try:
        await make_client_default(actor_in(manager), client_id, manager.dialog_data.get(ADDRESS_ID))
    except AddressError as error:
        _refused(manager, error)
    except (ClientNotFound, ClientAnonymized):
        await _gone(manager)


async def on_delete_asked(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    clear_error(manager)
    await manager.switch_to(CardAddresses.DELETE)


async def on_delete(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return
    try:
        await delete_client_address(
            actor_in(manager), client_id, manager.dialog_data.get(ADDRESS_ID)
        )
    except AddressError as error:
        _refused(manager, error)
    except (ClientNotFound, ClientAnonymized):
        return await _gone(manager)
    manager.dialog_data.pop(ADDRESS_ID, None)
    await manager.switch_to(CardAddresses.LIST)
