"""The client's emails and SMS: the log with statuses, writing, retrying a failed email."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.input.base import MessageHandlerFunc
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Row, Select
from aiogram_dialog.widgets.text import Format

from dialogs.client_mail import handlers
from dialogs.client_mail.getters import (
    editor_getter,
    email_confirm_getter,
    emails_getter,
    sms_confirm_getter,
    sms_getter,
)
from dialogs.client_mail.states import ClientMail, ClientSms
from dialogs.settings.handlers import on_not_text
from dialogs.widgets import Tr


def _editor_step(text: str, state: State, on_text: MessageHandlerFunc, back: Button) -> Window:
    return Window(
        Tr(text),
        MessageInput(on_text, content_types=[ContentType.TEXT]),
        MessageInput(on_not_text),
        back,
        state=state,
        getter=editor_getter,
    )


def client_mail_dialog() -> Dialog:
    def back() -> Button:
        return Button(Tr("settings-cancel"), id="cancel", on_click=handlers.to_emails)

    return Dialog(
        Window(
            Tr("client-mail-sent", when="just_sent"),
            Tr("client-mail-failed", when="just_failed"),
            Tr("client-mail-header", when="present"),
            Format("{lines}", when="lines"),
            Format("{blocker_text}", when="blocker_text"),
            Tr("outbox-client-gone", when="missing"),
            Button(
                Tr("client-mail-write"),
                id="write",
                on_click=handlers.on_write_email,
                when="can_write",
            ),
            Column(
                Select(
                    Format("🔁 {item[1]}"),
                    id="retry",
                    item_id_getter=itemgetter(0),
                    items="failed",
                    type_factory=int,
                    on_click=handlers.on_retry,
                )
            ),
            Cancel(Tr("back")),
            state=ClientMail.EMAILS,
            getter=emails_getter,
        ),
        _editor_step("client-mail-step-subject", ClientMail.SUBJECT, handlers.on_subject, back()),
        _editor_step("client-mail-step-body", ClientMail.BODY, handlers.on_body, back()),
        Window(
            Tr("client-mail-confirm"),
            Row(
                Button(Tr("client-mail-send"), id="send", on_click=handlers.on_send_email),
                back(),
            ),
            state=ClientMail.CONFIRM,
            getter=email_confirm_getter,
        ),
    )


def client_sms_dialog() -> Dialog:
    def back() -> Button:
        return Button(Tr("settings-cancel"), id="cancel", on_click=handlers.to_sms)

    return Dialog(
        Window(
            Tr("client-sms-sent", when="just_sent"),
            Tr("client-sms-failed", when="just_failed"),
            Tr("client-sms-header", when="present"),
            Format("{lines}", when="lines"),
            Format("{blocker_text}", when="blocker_text"),
            Tr("outbox-client-gone", when="missing"),
            Button(
                Tr("client-sms-write"), id="write", on_click=handlers.on_write_sms, when="can_write"
            ),
            Column(
                Select(
                    Format("🔁 {item[1]}"),
                    id="retry",
                    item_id_getter=itemgetter(0),
                    items="failed",
                    type_factory=int,
                    on_click=handlers.on_retry_sms,
                )
            ),
            Cancel(Tr("back")),
            state=ClientSms.MESSAGES,
            getter=sms_getter,
        ),
        _editor_step("client-sms-step-text", ClientSms.TEXT, handlers.on_sms_text, back()),
        Window(
            Tr("client-sms-confirm"),
            Row(Button(Tr("client-sms-send"), id="send", on_click=handlers.on_send_sms), back()),
            state=ClientSms.CONFIRM,
            getter=sms_confirm_getter,
        ),
    )
