"""The client card: every fact about a client, and its edit actions (staff)."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Column, Group, Row, ScrollingGroup, Select
from aiogram_dialog.widgets.text import Format

from dialogs.anonymize.getters import can_delete_here
from dialogs.anonymize.handlers import open_anonymize, open_delete
from dialogs.card_sections.dialog import card_section_rows
from dialogs.chat.handlers import open_chat_from_card
from dialogs.client_analytics.handlers import open_client_analytics
from dialogs.client_card.export_handlers import on_export_client
from dialogs.client_card.getters import card_getter, field_getter, general_getter, tags_getter
from dialogs.client_card.handlers import (
    close_card,
    on_field_chosen,
    on_field_cleared,
    on_field_typed,
    on_flag_chosen,
    to_general,
    to_main,
    to_tags,
)
from dialogs.client_card.states import ClientCard
from dialogs.client_card.tag_handlers import on_tag_added, on_tag_removed, on_tags_typed
from dialogs.client_mail.handlers import open_client_email, open_client_sms
from dialogs.create_order.handlers import open_create_order
from dialogs.orders.handlers import open_client_orders
from dialogs.widgets import Tr

TAG_COLUMNS = 2
TAG_ROWS = 4


def card_window() -> Window:
    return Window(
        Tr("card-main", when="present"),
        Tr("card-anonymized", when="anonymized"),
        Tr("card-missing", when="missing"),
        Format("{card_emails}", when="card_emails"),
        Row(
            Button(Tr("card-edit-general"), id="general", on_click=to_general, when="can_edit"),
            Button(Tr("card-edit-tags"), id="tags", on_click=to_tags, when="can_edit"),
        ),
        Row(
            Button(Tr("chat-open"), id="chat", on_click=open_chat_from_card, when="present"),
            Button(
                Tr("card-email"), id="email", on_click=open_client_email, when="card_email_action"
            ),
            Button(Tr("card-sms"), id="sms", on_click=open_client_sms, when="card_sms_action"),
        ),
        Row(
            Button(
                Tr("orders-desk-client-orders"),
                id="orders",
                on_click=open_client_orders,
                when=lambda data, *_: not data["missing"],
            ),
            Button(
                Tr("analytics-card-button"),
                id="analytics",
                on_click=open_client_analytics,
                when=lambda data, *_: not data["missing"],
            ),
            Button(
                Tr("create-order-open"),
                id="create_order",
                on_click=open_create_order,
                when="can_edit",
            ),
        ),
        *card_section_rows(),
        Row(
            Button(Tr("card-anonymize"), id="anonymize", on_click=open_anonymize, when="can_edit"),
            Button(Tr("card-delete"), id="delete", on_click=open_delete, when=can_delete_here),
        ),
        Row(
            Button(
                Tr("card-export-data"), id="export_data", on_click=on_export_client, when="can_edit"
            ),
        ),
        Button(Tr("card-close"), id="close", on_click=close_card),
        state=ClientCard.MAIN,
        getter=card_getter,
    )


def general_window() -> Window:
    return Window(
        Tr("card-general", when="present"),
        Tr("card-missing", when=lambda data, *_: not data["present"]),
        Group(
            Select(
                Format("{item[1]}"),
                id="field",
                item_id_getter=itemgetter(0),
                items="field_items",
                on_click=on_field_chosen,
            ),
            width=2,
        ),
        Column(
            Select(
                Format("{item[1]}"),
                id="flag",
                item_id_getter=itemgetter(0),
                items="flag_items",
                on_click=on_flag_chosen,
            ),
        ),
        Button(Tr("card-back"), id="back", on_click=to_main),
        state=ClientCard.GENERAL,
        getter=general_getter,
    )


def field_window() -> Window:
    return Window(
        Tr("card-field-prompt"),
        Format("\n⚠️ {error_text}", when="error_text"),
        MessageInput(on_field_typed),
        Button(Tr("card-clear"), id="clear", on_click=on_field_cleared, when="clearable"),
        Button(Tr("card-back"), id="back", on_click=to_general),
        state=ClientCard.FIELD,
        getter=field_getter,
    )


def tags_window() -> Window:
    return Window(
        Tr("card-tags"),
        Format("\n⚠️ {error_text}", when="error_text"),
        MessageInput(on_tags_typed),
        ScrollingGroup(
            Select(
                Format("✖ {item[1]}"),
                id="untag",
                item_id_getter=itemgetter(0),
                items="own_tags",
                on_click=on_tag_removed,
            ),
            id="own_tag_pages",
            width=TAG_COLUMNS,
            height=TAG_ROWS,
            hide_on_single_page=True,
        ),
        ScrollingGroup(
            Select(
                Format("➕ {item[1]}"),
                id="tag",
                item_id_getter=itemgetter(0),
                items="other_tags",
                on_click=on_tag_added,
            ),
            id="tag_pages",
            width=TAG_COLUMNS,
            height=TAG_ROWS,
            hide_on_single_page=True,
        ),
        Button(Tr("card-back"), id="back", on_click=to_main),
        state=ClientCard.TAGS,
        getter=tags_getter,
    )


def client_card_dialog() -> Dialog:
    return Dialog(card_window(), general_window(), field_window(), tags_window())
