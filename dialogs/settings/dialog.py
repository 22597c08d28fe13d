"""Settings (owners only): the menu, Mail server and SMS gateway dialogs."""

from __future__ import annotations

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.input.base import MessageHandlerFunc
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Keyboard, Row
from aiogram_dialog.widgets.utils import GetterVariant

from dialogs.retention.handlers import open_retention
from dialogs.settings import handlers as mail
from dialogs.settings import rate_handlers as rate
from dialogs.settings import sms_handlers as sms
from dialogs.settings.getters import (
    mail_getter,
    owner_getter,
    password_step_getter,
    sms_getter,
    sms_sender_getter,
)
from dialogs.settings.states import MailSettings, RateSettings, SettingsMenu, SmsSettings
from dialogs.widgets import Tr


def settings_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("settings-title"),
            Column(
                Button(Tr("settings-mail"), id="mail", on_click=mail.open_mail),
                Button(Tr("settings-sms"), id="sms", on_click=mail.open_sms),
                Button(Tr("settings-retention"), id="retention", on_click=open_retention),
                Button(Tr("settings-rate"), id="rate", on_click=rate.open_rate),
            ),
            Cancel(Tr("back")),
            state=SettingsMenu.MAIN,
            getter=owner_getter,
        ),
    )


def _step(
    text: str,
    state: State,
    on_text: MessageHandlerFunc,
    *buttons: Keyboard,
    getter: GetterVariant = owner_getter,
) -> Window:
    """A step that waits for typed text; anything but text gets a clear line."""
    return Window(
        Tr(text),
        MessageInput(on_text, content_types=[ContentType.TEXT]),
        MessageInput(mail.on_not_text),
        *buttons,
        state=state,
        getter=getter,
    )


def mail_settings_dialog() -> Dialog:
    def cancel() -> Button:
        return Button(Tr("settings-cancel"), id="cancel", on_click=mail.on_mail_cancel)

    return Dialog(
        Window(
            Tr("settings-saved", when="saved"),
            Tr("mail-test-sent", when="test_sent"),
            Tr("mail-test-failed", when="test_failed"),
            Tr("mail-settings-current", when="configured"),
            Tr("mail-settings-empty", when="not_configured"),
            Tr("mail-password-reenter", when="password_unreadable"),
            Button(Tr("mail-setup"), id="setup", on_click=mail.on_mail_setup),
            Button(Tr("mail-send-test"), id="test", on_click=mail.on_test, when="configured"),
            Cancel(Tr("back")),
            state=MailSettings.MAIN,
            getter=mail_getter,
        ),
        _step("mail-step-host", MailSettings.HOST, mail.on_host, cancel()),
        _step("mail-step-port", MailSettings.PORT, mail.on_port, cancel()),
        Window(
            Tr("mail-step-security"),
            Column(
                Button(Tr("mail-security-none"), id="sec_none", on_click=mail.on_security),
                Button(Tr("mail-security-starttls"), id="sec_starttls", on_click=mail.on_security),
                Button(Tr("mail-security-tls"), id="sec_tls", on_click=mail.on_security),
            ),
            cancel(),
            state=MailSettings.SECURITY,
            getter=owner_getter,
        ),
        _step(
            "mail-step-user",
            MailSettings.USER,
            mail.on_user,
            Button(Tr("mail-no-login"), id="no_login", on_click=mail.on_no_user),
            cancel(),
        ),
        _step(
            "mail-step-password",
            MailSettings.PASSWORD,
            mail.on_password,
            Button(
                Tr("mail-keep-password"),
                id="keep",
                on_click=mail.on_keep_password,
                when="has_password",
            ),
            cancel(),
            getter=password_step_getter,
        ),
        _step("mail-step-sender", MailSettings.SENDER, mail.on_sender, cancel()),
        _step("mail-step-test", MailSettings.TEST_TO, mail.on_test_to, cancel()),
    )


def sms_settings_dialog() -> Dialog:
    def cancel() -> Button:
        return Button(Tr("settings-cancel"), id="cancel", on_click=sms.on_sms_cancel)

    return Dialog(
        Window(
            Tr("settings-saved", when="saved"),
            Tr("sms-removed", when="removed"),
            Tr("sms-settings-current", when="configured"),
            Tr("sms-settings-twilio", when="twilio"),
            Tr("sms-settings-smsapi", when="smsapi"),
            Tr("sms-settings-token", when="configured"),
            Tr("sms-settings-empty", when="not_configured"),
            Tr("sms-token-reenter", when="token_unreadable"),
            Button(Tr("sms-setup"), id="setup", on_click=sms.on_sms_setup),
            Button(Tr("sms-remove"), id="remove", on_click=sms.on_sms_remove, when="configured"),
            Cancel(Tr("back")),
            state=SmsSettings.MAIN,
            getter=sms_getter,
        ),
        Window(
            Tr("sms-step-provider"),
            Column(
                Button(Tr("sms-provider-smsapi-pl"), id="smsapi_pl", on_click=sms.on_provider),
                Button(Tr("sms-provider-smsapi-com"), id="smsapi_com", on_click=sms.on_provider),
                Button(Tr("sms-provider-twilio"), id="twilio", on_click=sms.on_provider),
            ),
            cancel(),
            state=SmsSettings.PROVIDER,
            getter=owner_getter,
        ),
        _step("sms-step-account-sid", SmsSettings.ACCOUNT_SID, sms.on_account_sid, cancel()),
        _step("sms-step-token", SmsSettings.TOKEN, sms.on_token, cancel()),
        Window(
            Tr("sms-step-from-number", when="twilio"),
            Tr("sms-step-sender-name", when="smsapi"),
            MessageInput(sms.on_sender, content_types=[ContentType.TEXT]),
            MessageInput(mail.on_not_text),
            Row(
                Button(
                    Tr("sms-no-sender"), id="no_sender", on_click=sms.on_no_sender, when="smsapi"
                ),
                cancel(),
            ),
            state=SmsSettings.SENDER,
            getter=sms_sender_getter,
        ),
    )


def rate_settings_dialog() -> Dialog:
    return Dialog(
        _step(
            "rate-current",
            RateSettings.MAIN,
            rate.on_rate,
            Cancel(Tr("back")),
            getter=rate.rate_getter,
        ),
    )
