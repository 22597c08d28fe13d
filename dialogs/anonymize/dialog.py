"""Anonymize (GDPR) and delete a client: a warning that says what goes and what stays,
YES / NO, then what was done."""

from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format

from dialogs.anonymize.getters import erasure_getter
from dialogs.anonymize.handlers import back_to_card, on_anonymize, on_delete
from dialogs.anonymize.states import ClientErasure
from dialogs.widgets import Tr


def _no() -> Button:
    return Button(Tr("gdpr-no"), id="no", on_click=back_to_card)


def client_erasure_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("gdpr-anonymize-warning", when="present"),
            Tr("card-missing", when=lambda data, *_: not data["present"]),
            Format("\n{error_text}", when="error_text"),
            Button(Tr("gdpr-anonymize-yes"), id="yes", on_click=on_anonymize, when="anonymizable"),
            _no(),
            state=ClientErasure.ANONYMIZE,
            getter=erasure_getter,
        ),
        Window(
            Tr("gdpr-anonymized"),
            Format("{checks_text}"),
            Button(Tr("gdpr-back-to-card"), id="done", on_click=back_to_card),
            state=ClientErasure.ANONYMIZED,
            getter=erasure_getter,
        ),
        Window(
            Tr("gdpr-delete-warning", when="present"),
            Tr("card-missing", when=lambda data, *_: not data["present"]),
            Format("\n{error_text}", when="error_text"),
            Button(Tr("gdpr-delete-yes"), id="yes", on_click=on_delete, when="can_act"),
            _no(),
            state=ClientErasure.DELETE,
            getter=erasure_getter,
        ),
        Window(
            Tr("gdpr-deleted"),
            Button(Tr("gdpr-back-to-card"), id="done", on_click=back_to_card),
            state=ClientErasure.DELETED,
            getter=erasure_getter,
        ),
    )
