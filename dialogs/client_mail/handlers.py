"""Writing an email or an SMS to a client, and retrying a failed email; editors only."""

from __future__ import annotations

from contextlib import suppress

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services.mail import (
    MailError,
    check_body,
    check_subject,
    email_blocker,
    retry_email,
    send_client_email,
)
from bot.services.sms import (
    SmsError,
    check_sms_text,
    retry_sms,
    send_client_sms,
    sms_available,
    sms_blocker,
)
from dialogs.access import require_editor_in, require_staff_in, role_in
from dialogs.client_mail.getters import client_id_in, client_in
from dialogs.client_mail.states import ClientMail, ClientSms
from dialogs.settings.handlers import i18n_of, say, secret_key_of
from models import EmailMessage, OutboxStatus, SmsMessage


async def _alert(callback: CallbackQuery, text: str) -> None:
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer(text, show_alert=True)


async def _answer_now(callback: CallbackQuery) -> None:
    """Sending may take a while (SMTP, a gateway): stop the button's spinner first."""
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer()


async def _tell(callback: CallbackQuery, manager: DialogManager, key: str) -> None:
    """A refusal after the press was already answered: a line in the chat."""
    with suppress(TelegramAPIError, TelegramNetworkError):
        await manager.middleware_data["bot"].send_message(
            callback.from_user.id, i18n_of(manager).get(key)
        )


def _outcome(manager: DialogManager, message: EmailMessage | SmsMessage) -> None:
    sent = message.status is OutboxStatus.SENT
    manager.dialog_data.update(notice="sent" if sent else "failed", reason=message.error or "")


# --- from the client card (started with the same `client_id`) --------------------


async def open_client_email(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_staff_in(manager)
    client_id = client_id_in(manager)
    if client_id is not None:
        await manager.start(ClientMail.EMAILS, data={"client_id": client_id})


async def open_client_sms(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    client_id = client_id_in(manager)
    if client_id is None:
        return
    if not await sms_available():  # the button is hidden then; a stale one says why
        await _alert(callback, i18n_of(manager).get("sms-not-configured"))
        return
    await manager.start(ClientSms.MESSAGES, data={"client_id": client_id})


# --- email ---------------------------------------------------------------------


async def on_write_email(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client = await client_in(manager)
    blocker = await email_blocker(client) if client else "outbox-client-gone"
    if blocker:
        await _alert(callback, i18n_of(manager).get(blocker))
        return
    manager.dialog_data.clear()
    await manager.switch_to(ClientMail.SUBJECT)


async def on_subject(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    try:
        manager.dialog_data["subject"] = check_subject(message.text or "")
    except MailError as refused:
        await say(message, i18n_of(manager).get(refused.key))
        return
    await manager.switch_to(ClientMail.BODY)


async def on_body(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    try:
        manager.dialog_data["body"] = check_body(message.text or "")
    except MailError as refused:
        await say(message, i18n_of(manager).get(refused.key))
        return
    await manager.switch_to(ClientMail.CONFIRM)


async def on_send_email(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    data, client_id = manager.dialog_data, client_id_in(manager)
    if client_id is None or not {"subject", "body"} <= data.keys():
        await manager.switch_to(ClientMail.EMAILS)
        return
    await _answer_now(callback)
    try:
        email = await send_client_email(
            manager.middleware_data.get("client"),
            role_in(manager),
            client_id,
            data["subject"],
            data["body"],
            secret_key_of(manager),
        )
    except MailError as refused:
        await _tell(callback, manager, refused.key)
        return
    data.clear()
    _outcome(manager, email)
    await manager.switch_to(ClientMail.EMAILS)


async def on_retry(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, email_id: int
) -> None:
    require_editor_in(manager)
    client_id = client_id_in(manager)
    if client_id is None:
        return
    await _answer_now(callback)
    try:
        email = await retry_email(
            manager.middleware_data.get("client"),
            role_in(manager),
            int(email_id),
            secret_key_of(manager),
            client_id=client_id,
        )
    except MailError as refused:
        await _tell(callback, manager, refused.key)
        return
    _outcome(manager, email)


async def to_emails(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    manager.dialog_data.clear()
    await manager.switch_to(ClientMail.EMAILS)


# --- SMS -------------------------------------------------------------------------


async def on_write_sms(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client = await client_in(manager)
    blocker = await sms_blocker(client) if client else "outbox-client-gone"
    if blocker:
        await _alert(callback, i18n_of(manager).get(blocker))
        return
    manager.dialog_data.clear()
    await manager.switch_to(ClientSms.TEXT)


async def on_sms_text(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    try:
        manager.dialog_data["text"] = check_sms_text(message.text or "")
    except SmsError as refused:
        await say(message, i18n_of(manager).get(refused.key))
        return
    await manager.switch_to(ClientSms.CONFIRM)


async def on_send_sms(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    text, client_id = manager.dialog_data.get("text"), client_id_in(manager)
    if client_id is None or not text:
        await manager.switch_to(ClientSms.MESSAGES)
        return
    await _answer_now(callback)
    try:
        sms = await send_client_sms(
            manager.middleware_data.get("client"),
            role_in(manager),
            client_id,
            text,
            secret_key_of(manager),
        )
    except SmsError as refused:
        await _tell(callback, manager, refused.key)
        return
    manager.dialog_data.clear()
    _outcome(manager, sms)
    await manager.switch_to(ClientSms.MESSAGES)


async def on_retry_sms(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, sms_id: int
) -> None:
    require_editor_in(manager)
    client_id = client_id_in(manager)
    if client_id is None:
        return
    await _answer_now(callback)
    try:
        sms = await retry_sms(
            manager.middleware_data.get("client"),
            role_in(manager),
            int(sms_id),
            secret_key_of(manager),
            client_id=client_id,
        )
    except SmsError as refused:
        await _tell(callback, manager, refused.key)
        return
    _outcome(manager, sms)


async def to_sms(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    manager.dialog_data.clear()
    await manager.switch_to(ClientSms.MESSAGES)
