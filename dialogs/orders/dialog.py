"""The order desk: the list (by status, or one client's), the status picker, the card."""

from __future__ import annotations

from operator import itemgetter

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Column, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Const, Format

from dialogs.orders import getters
from dialogs.orders import handlers as on
from dialogs.orders.states import OrderList, OrderView
from dialogs.widgets import Tr

NOT_A_COMMAND = F.text & ~F.text.startswith("/")


def _list_window() -> Window:
    return Window(
        Format("{client_header}", when="for_client"),
        Tr("orders-desk-list-header"),
        Tr("orders-desk-none", when="empty"),
        Column(
            Select(
                Format("{item[1]}"),
                id="order",
                item_id_getter=itemgetter(0),
                items="rows",
                type_factory=int,
                on_click=on.on_order_picked,
            )
        ),
        Row(
            Button(Const("◀"), id="prev", on_click=on.on_page, when="has_prev"),
            Button(Const("▶"), id="next", on_click=on.on_page, when="has_next"),
        ),
        SwitchTo(
            Tr("orders-desk-pick-status"),
            id="status",
            state=OrderList.STATUS,
            when=~F["for_client"],
        ),
        Button(Tr("orders-desk-back"), id="close", on_click=on.close_screen),
        state=OrderList.MAIN,
        getter=getters.list_getter,
    )


def _status_window() -> Window:
    return Window(
        Tr("orders-desk-status-header"),
        Column(
            Select(
                Format("{item[1]}"),
                id="choice",
                item_id_getter=itemgetter(0),
                items="options",
                on_click=on.on_status_picked,
            )
        ),
        SwitchTo(Tr("orders-desk-back"), id="back", state=OrderList.MAIN),
        state=OrderList.STATUS,
        getter=getters.status_getter,
    )


def order_list_dialog() -> Dialog:
    return Dialog(_list_window(), _status_window())


def _card_window() -> Window:
    return Window(
        Format("{card_text}"),
        Column(
            Select(
                Format("{item[1]}"),
                id="move",
                item_id_getter=itemgetter(0),
                items="next_statuses",
                on_click=on.on_status_change,
            ),
            when="can_edit",
        ),
        Row(
            Button(Tr("orders-desk-note-button"), id="note", on_click=on.to_note, when="can_edit"),
            Button(
                Tr("orders-desk-client-button"),
                id="client",
                on_click=on.open_order_client,
                when="has_client",
            ),
        ),
        Button(Tr("orders-desk-back"), id="close", on_click=on.close_screen),
        state=OrderView.MAIN,
        getter=getters.card_getter,
    )


def _note_window() -> Window:
    return Window(
        Tr("orders-desk-note-prompt"),
        Format("\n⚠️ {error_text}", when="error_text"),
        MessageInput(on.on_note_typed, content_types=ContentType.TEXT, filter=NOT_A_COMMAND),
        MessageInput(on.on_note_not_text, content_types=ContentType.ANY, filter=~F.text),
        Button(Tr("orders-desk-note-clear"), id="clear", on_click=on.on_note_cleared),
        Button(Tr("orders-desk-back"), id="back", on_click=on.to_card),
        state=OrderView.NOTE,
        getter=getters.note_getter,
    )


def order_view_dialog() -> Dialog:
    return Dialog(_card_window(), _note_window())
