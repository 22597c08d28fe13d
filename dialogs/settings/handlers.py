"""Settings actions: the menu and the mail server, step by step. Owners only, re-checked in
every action; a refused value gets a localized message and the step stays."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.services.mail import MailError, MailSendFailed, send_test_email
from bot.services.secrets import SecretKeyMissing, encrypt_secret
from bot.services.shop_settings import (
    InvalidSetting,
    MailSecurity,
    MailServer,
    check_secret,
    get_mail_server,
    parse_email,
    parse_host,
    parse_login,
    parse_port,
    save_mail_server,
)
from dialogs.access import require_owner_in, role_in
from dialogs.settings.states import MailSettings, SettingsMenu, SmsSettings


def i18n_of(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def secret_key_of(manager: DialogManager) -> str | None:
    settings: Settings = manager.middleware_data["settings"]
    return settings.secret_key.get_secret_value() if settings.secret_key else None


async def say(message: Message, text: str) -> None:
    """A line in the chat (a refusal, a result); a Telegram error here changes nothing."""
    with suppress(TelegramAPIError, TelegramNetworkError):
        await message.answer(text)


async def delete_quietly(message: Message) -> None:
    """Remove a message that carried a secret; already gone or too old is fine."""
    with suppress(TelegramAPIError, TelegramNetworkError):
        await message.delete()


async def on_not_text(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_owner_in(manager)
    await say(message, i18n_of(manager).get("settings-send-text"))


# --- the menu ------------------------------------------------------------------


async def open_settings(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The desk's ⚙️ button: shown to owners only, and re-checked here."""
    require_owner_in(manager)
    await manager.start(SettingsMenu.MAIN)


async def open_mail(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    await manager.start(MailSettings.MAIN)


async def open_sms(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    await manager.start(SmsSettings.MAIN)


# --- mail server, step by step: nothing is stored before the last step -----------


async def on_mail_setup(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    manager.dialog_data.clear()
    await manager.switch_to(MailSettings.HOST)


async def on_mail_cancel(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    manager.dialog_data.clear()
    await manager.switch_to(MailSettings.MAIN)


async def _typed(
    message: Message, manager: DialogManager, parse: Any, field: str, next_state: Any
) -> None:
    require_owner_in(manager)
    try:
        manager.dialog_data[field] = parse(message.text or "")
    except InvalidSetting as refused:
        await say(message, i18n_of(manager).get(refused.key))
        return
    await manager.switch_to(next_state)


async def on_host(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    await _typed(message, manager, parse_host, "host", MailSettings.PORT)


async def on_port(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    await _typed(message, manager, parse_port, "port", MailSettings.SECURITY)


async def on_security(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    manager.dialog_data["security"] = MailSecurity(button.widget_id.removeprefix("sec_")).value
    await manager.switch_to(MailSettings.USER)


async def on_user(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    await _typed(message, manager, parse_login, "user", MailSettings.PASSWORD)


async def on_no_user(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    manager.dialog_data.update(user=None, password_encrypted=None)
    await manager.switch_to(MailSettings.SENDER)


async def store_secret(message: Message, manager: DialogManager, field: str) -> bool:
    """Delete the message carrying a secret, keep only its Fernet token in the dialog."""
    require_owner_in(manager)
    await delete_quietly(message)
    i18n = i18n_of(manager)
    try:
        secret = check_secret(message.text or "")
        manager.dialog_data[field] = encrypt_secret(secret, secret_key_of(manager))
    except InvalidSetting as refused:
        await say(message, i18n.get(refused.key))
        return False
    except SecretKeyMissing:
        await say(message, i18n.get("settings-secret-key-missing"))
        return False
    return True


async def on_password(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    if await store_secret(message, manager, "password_encrypted"):
        await manager.switch_to(MailSettings.SENDER)


async def on_keep_password(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_owner_in(manager)
    current = await get_mail_server()
    manager.dialog_data["password_encrypted"] = current.password_encrypted if current else None
    await manager.switch_to(MailSettings.SENDER)


async def on_sender(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_owner_in(manager)
    try:
        sender = parse_email(message.text or "")
    except InvalidSetting as refused:
        await say(message, i18n_of(manager).get(refused.key))
        return
    data = manager.dialog_data
    if not {"host", "port", "security"} <= data.keys():  # a stale step: start over
        await manager.switch_to(MailSettings.HOST)
        return
    server = MailServer(
        host=data["host"],
        port=data["port"],
        security=MailSecurity(data["security"]),
        sender=sender,
        user=data.get("user"),
        password_encrypted=data.get("password_encrypted") if data.get("user") else None,
    )
    await save_mail_server(manager.middleware_data.get("client"), role_in(manager), server)
    data.clear()
    data["notice"] = "saved"
    await manager.switch_to(MailSettings.MAIN)


async def on_test(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    await manager.switch_to(MailSettings.TEST_TO)


async def on_test_to(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_owner_in(manager)
    i18n = i18n_of(manager)
    try:
        address = await send_test_email(
            role_in(manager),
            message.text or "",
            i18n.get("mail-test-subject"),
            i18n.get("mail-test-body"),
            secret_key_of(manager),
        )
    except InvalidSetting as refused:
        await say(message, i18n.get(refused.key))
        return
    except MailSendFailed as failed:
        manager.dialog_data.update(notice="test_failed", reason=failed.reason)
    except MailError as error:
        await say(message, i18n.get(error.key))
    else:
        manager.dialog_data.update(notice="test_sent", test_to=address)
    await manager.switch_to(MailSettings.MAIN)
