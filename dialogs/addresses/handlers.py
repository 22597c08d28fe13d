from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import ManagedTextInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services import addresses
from bot.services.addresses import AddressError
from dialogs.addresses.states import AddressBook, AddressForm
from dialogs.shop.context import client_of, tr

FORM_FIELDS = {
    AddressForm.RECIPIENT: "recipient",
    AddressForm.STREET: "street",
    AddressForm.CITY: "city",
    AddressForm.POSTAL_CODE: "postal_code",
    AddressForm.COUNTRY: "country",
}


def field_error(manager: DialogManager, error: AddressError) -> str:
    field = tr(manager, f"address-field-{error.field}") if error.field else ""
    return tr(manager, error.key, field=field)


async def on_form_field(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    state = manager.current_context().state
    field = FORM_FIELDS[state]
    try:
        manager.dialog_data[field] = addresses.clean_field(field, text)
    except AddressError as error:
        await message.answer(field_error(manager, error))
        return
    if state != AddressForm.COUNTRY:
        await manager.next()
        return
    try:
        data = addresses.clean_address(manager.dialog_data)
        address = await addresses.add_address(client_of(manager), data)
    except AddressError as error:
        await message.answer(field_error(manager, error))
        return
    await message.answer(tr(manager, "address-saved"))
    await manager.done({"address_id": address.id})


async def on_address(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, address_id: int
) -> None:
    try:
        address = await addresses.owned_address(client_of(manager), address_id)
    except AddressError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)
        return
    manager.dialog_data["address_id"] = address.id
    await manager.switch_to(AddressBook.ADDRESS)


async def on_edit_field(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, field: str
) -> None:
    if field not in addresses.ADDRESS_FIELDS:
        return
    manager.dialog_data["field"] = field
    await manager.switch_to(AddressBook.EDIT_FIELD)


async def on_field_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    data = manager.dialog_data
    try:
        await addresses.update_address_field(
            client_of(manager), data.get("address_id"), data.get("field", ""), text
        )
    except AddressError as error:
        await message.answer(field_error(manager, error))
        return
    await manager.switch_to(AddressBook.ADDRESS)


async def on_default(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await addresses.make_default(client_of(manager), manager.dialog_data.get("address_id"))


async def on_delete(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await addresses.delete_address(client_of(manager), manager.dialog_data.get("address_id"))
    await callback.answer(tr(manager, "address-deleted"))
    await manager.switch_to(AddressBook.LIST)


async def on_form_result(_start_data: Any, result: Any, manager: DialogManager) -> None:
    """The address book after the form: back to the list, which now shows the new one."""
    await manager.switch_to(AddressBook.LIST)
