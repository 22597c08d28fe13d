"""Saved delivery addresses (add, edit, delete, default) and the new-address form."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import TextInput
from aiogram_dialog.widgets.kbd import Back, Button, Cancel, Column, Row, Select, Start, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.addresses import getters, handlers
from dialogs.addresses.states import AddressBook, AddressForm
from dialogs.shop_inbox import ShopDialog
from dialogs.widgets import Tr


def address_book_dialog() -> Dialog:
    return ShopDialog(
        Window(
            Tr("addresses-title"),
            Tr("addresses-empty", when="empty"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="addr",
                    item_id_getter=itemgetter(0),
                    items="addresses",
                    type_factory=int,
                    on_click=handlers.on_address,
                )
            ),
            Start(Tr("address-add"), id="add", state=AddressForm.RECIPIENT),
            Cancel(Tr("back"), id="close"),
            state=AddressBook.LIST,
            getter=getters.list_getter,
            on_process_result=handlers.on_form_result,
        ),
        Window(
            Tr("address-card"),
            Tr("address-is-default", when="is_default"),
            Column(
                Select(
                    Format("✏️ {item[1]}"),
                    id="field",
                    item_id_getter=itemgetter(0),
                    items="fields",
                    on_click=handlers.on_edit_field,
                )
            ),
            Button(
                Tr("address-make-default"),
                id="default",
                on_click=handlers.on_default,
                when="not_default",
            ),
            SwitchTo(Tr("address-delete"), id="delete", state=AddressBook.DELETE),
            SwitchTo(Tr("back"), id="back", state=AddressBook.LIST),
            state=AddressBook.ADDRESS,
            getter=getters.address_getter,
        ),
        Window(
            Tr("address-edit-prompt"),
            TextInput(id="value", on_success=handlers.on_field_typed),
            SwitchTo(Tr("back"), id="back", state=AddressBook.ADDRESS),
            state=AddressBook.EDIT_FIELD,
            getter=getters.field_getter,
        ),
        Window(
            Tr("address-delete-confirm"),
            Row(
                Button(Tr("address-delete-yes"), id="yes", on_click=handlers.on_delete),
                SwitchTo(Tr("back"), id="no", state=AddressBook.ADDRESS),
            ),
            state=AddressBook.DELETE,
            getter=getters.address_getter,
        ),
    )


def _form_window(key: str, state, first: bool = False) -> Window:
    back = Cancel(Tr("back"), id="cancel") if first else Back(Tr("back"), id="back")
    return Window(
        Tr(key), TextInput(id="value", on_success=handlers.on_form_field), back, state=state
    )


def address_form_dialog() -> Dialog:
    return ShopDialog(
        _form_window("address-prompt-recipient", AddressForm.RECIPIENT, first=True),
        _form_window("address-prompt-street", AddressForm.STREET),
        _form_window("address-prompt-city", AddressForm.CITY),
        _form_window("address-prompt-postal_code", AddressForm.POSTAL_CODE),
        _form_window("address-prompt-country", AddressForm.COUNTRY),
    )
