"""The bulk actions dialog: action → (tag) → confirmation with the exact count → done."""

from __future__ import annotations

from operator import itemgetter

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, ScrollingGroup, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.clients_bulk import getters
from dialogs.clients_bulk import handlers as on
from dialogs.clients_bulk.states import ClientBulk
from dialogs.widgets import Tr

NOT_A_COMMAND = F.text & ~F.text.startswith("/")
TAGS_PER_PAGE = 8


def _action_window() -> Window:
    return Window(
        Tr("bulk-header"),
        Tr("bulk-summary", when="summary"),
        Column(
            Select(
                Format("{item[1]}"),
                id="bulk_act",
                item_id_getter=itemgetter(0),
                items="actions",
                on_click=on.on_action,
            )
        ),
        Cancel(Tr("bulk-back-to-list"), id="bulk_close"),
        state=ClientBulk.ACTION,
        getter=getters.action_getter,
    )


def _tag_window() -> Window:
    return Window(
        Tr("bulk-tag-ask"),
        Tr("bulk-tag-error", when="error"),
        ScrollingGroup(
            Select(
                Format("{item[1]}"),
                id="bulk_tag",
                item_id_getter=itemgetter(0),
                items="tags",
                on_click=on.on_tag_picked,
            ),
            id="bulk_tags",
            width=2,
            height=TAGS_PER_PAGE // 2,
            hide_on_single_page=True,
        ),
        MessageInput(on.on_tag_typed, content_types=ContentType.TEXT, filter=NOT_A_COMMAND),
        SwitchTo(Tr("bulk-back"), id="bulk_tag_back", state=ClientBulk.ACTION),
        state=ClientBulk.TAG,
        getter=getters.tag_getter,
    )


def _confirm_window() -> Window:
    return Window(
        Tr("bulk-confirm", when="count"),
        Tr("bulk-nobody", when=~F["count"]),
        Button(Tr("bulk-yes"), id="bulk_yes", on_click=on.on_confirm, when="count"),
        SwitchTo(Tr("bulk-back"), id="bulk_confirm_back", state=ClientBulk.ACTION),
        state=ClientBulk.CONFIRM,
        getter=getters.confirm_getter,
    )


def _done_window() -> Window:
    return Window(
        Tr("bulk-done"),
        Tr("bulk-done-moved", when="moved"),
        Button(Tr("bulk-back-to-list"), id="bulk_finish", on_click=on.on_finish),
        state=ClientBulk.DONE,
        getter=getters.done_getter,
    )


def client_bulk_dialog() -> Dialog:
    return Dialog(_action_window(), _tag_window(), _confirm_window(), _done_window())
