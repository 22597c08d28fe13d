"""The client's delivery addresses from the card: list, add, edit, default, delete."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Column, Group, Row, Select
from aiogram_dialog.widgets.text import Format

from dialogs.card_sections import address_handlers as ah
from dialogs.card_sections.address_getters import (
    address_getter,
    addresses_getter,
    field_getter,
    new_getter,
)
from dialogs.card_sections.common import close_section
from dialogs.card_sections.states import CardAddresses
from dialogs.widgets import Tr

ERROR = Format("\n⚠️ {error_text}", when="error_text")


def _list_window() -> Window:
    return Window(
        Tr("sections-addresses", when="present"),
        Tr("sections-addresses-none", when=lambda data, *_: data["present"] and not data["count"]),
        Tr("sections-client-missing", when="missing"),
        ERROR,
        Column(
            Select(
                Format("{item[1]}"),
                id="address",
                item_id_getter=itemgetter(0),
                items="items",
                on_click=ah.on_address_chosen,
            ),
        ),
        Button(Tr("sections-address-add"), id="add", on_click=ah.on_add, when="can_add"),
        Button(Tr("sections-back-to-card"), id="close", on_click=close_section),
        state=CardAddresses.LIST,
        getter=addresses_getter,
    )


def _address_window() -> Window:
    return Window(
        Tr("address-card", when="present"),
        Tr("address-is-default", when="is_default"),
        Tr("address-not-found", when="gone"),
        ERROR,
        Group(
            Select(
                Format("{item[1]}"),
                id="field",
                item_id_getter=itemgetter(0),
                items="fields",
                on_click=ah.on_field_chosen,
            ),
            width=2,
        ),
        Row(
            Button(
                Tr("address-make-default"), id="default", on_click=ah.on_default, when="can_default"
            ),
            Button(Tr("address-delete"), id="delete", on_click=ah.on_delete_asked, when="can_edit"),
        ),
        Button(Tr("sections-back"), id="back", on_click=ah.to_list),
        state=CardAddresses.ADDRESS,
        getter=address_getter,
    )


def _field_window() -> Window:
    return Window(
        Tr("sections-address-field"),
        ERROR,
        MessageInput(ah.on_field_typed),
        Button(Tr("sections-back"), id="back", on_click=ah.to_address),
        state=CardAddresses.FIELD,
        getter=field_getter,
    )


def _new_window() -> Window:
    return Window(
        Tr("sections-address-new"),
        ERROR,
        MessageInput(ah.on_new_typed),
        Button(Tr("sections-cancel"), id="back", on_click=ah.to_list),
        state=CardAddresses.NEW,
        getter=new_getter,
    )


def _delete_window() -> Window:
    return Window(
        Tr("address-card", when="present"),
        Tr("address-delete-confirm", when="present"),
        Tr("address-not-found", when="gone"),
        ERROR,
        Row(
            Button(Tr("address-delete-yes"), id="yes", on_click=ah.on_delete, when="can_edit"),
            Button(Tr("sections-back"), id="back", on_click=ah.to_address),
        ),
        state=CardAddresses.DELETE,
        getter=address_getter,
    )


def card_addresses_dialog() -> Dialog:
    return Dialog(
        _list_window(), _address_window(), _field_window(), _new_window(), _delete_window()
    )
