"""Settings → SMS gateway, step by step: SMSAPI (token, sender name) or Twilio (account SID,
auth token, From number). Owners only; nothing is stored before the last step."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.services.shop_settings import (
    SMSAPI_DOMAINS,
    TWILIO_API,
    InvalidSetting,
    SmsGateway,
    SmsProvider,
    parse_sender_phone,
    parse_smsapi_sender,
    parse_twilio_sid,
    remove_sms_gateway,
    save_sms_gateway,
)
from dialogs.access import require_owner_in, role_in
from dialogs.settings.handlers import i18n_of, say, store_secret
from dialogs.settings.states import SmsSettings

# button id -> (provider, API address)
PROVIDER_BUTTONS = {
    "smsapi_pl": (SmsProvider.SMSAPI, SMSAPI_DOMAINS["pl"]),
    "smsapi_com": (SmsProvider.SMSAPI, SMSAPI_DOMAINS["com"]),
    "twilio": (SmsProvider.TWILIO, TWILIO_API),
}


async def on_sms_setup(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    manager.dialog_data.clear()
    await manager.switch_to(SmsSettings.PROVIDER)


async def on_sms_cancel(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    manager.dialog_data.clear()
    await manager.switch_to(SmsSettings.MAIN)


async def on_provider(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    provider, api_url = PROVIDER_BUTTONS[button.widget_id]
    manager.dialog_data.update(provider=provider.value, api_url=api_url)
    first = SmsSettings.ACCOUNT_SID if provider is SmsProvider.TWILIO else SmsSettings.TOKEN
    await manager.switch_to(first)


async def on_account_sid(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_owner_in(manager)
    try:
        manager.dialog_data["account_sid"] = parse_twilio_sid(message.text or "")
    except InvalidSetting as refused:
        await say(message, i18n_of(manager).get(refused.key))
        return
    await manager.switch_to(SmsSettings.TOKEN)


async def on_token(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    if await store_secret(message, manager, "token_encrypted"):
        await manager.switch_to(SmsSettings.SENDER)


async def _save(manager: DialogManager, sender: str | None) -> None:
    data = manager.dialog_data
    gateway = SmsGateway(
        provider=SmsProvider(data["provider"]),
        token_encrypted=data["token_encrypted"],
        api_url=data["api_url"],
        sender=sender,
        account_sid=data.get("account_sid"),
    )
    await save_sms_gateway(manager.middleware_data.get("client"), role_in(manager), gateway)
    data.clear()
    data["notice"] = "saved"
    await manager.switch_to(SmsSettings.MAIN)


def _complete(manager: DialogManager) -> bool:
    data = manager.dialog_data
    if not {"provider", "api_url", "token_encrypted"} <= data.keys():
        return False
    return data["provider"] != SmsProvider.TWILIO or "account_sid" in data


async def on_sender(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_owner_in(manager)
    if not _complete(manager):  # a stale step: start over
        await manager.switch_to(SmsSettings.PROVIDER)
        return
    twilio = manager.dialog_data["provider"] == SmsProvider.TWILIO
    parse = parse_sender_phone if twilio else parse_smsapi_sender
    try:
        sender = parse(message.text or "")
    except InvalidSetting as refused:
        await say(message, i18n_of(manager).get(refused.key))
        return
    await _save(manager, sender)


async def on_no_sender(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """SMSAPI only: the account's default sender name."""
    require_owner_in(manager)
    if not _complete(manager) or manager.dialog_data["provider"] != SmsProvider.SMSAPI:
        await manager.switch_to(SmsSettings.PROVIDER)
        return
    await _save(manager, None)


async def on_sms_remove(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    await remove_sms_gateway(manager.middleware_data.get("client"), role_in(manager))
    manager.dialog_data.clear()
    manager.dialog_data["notice"] = "removed"
    await manager.switch_to(SmsSettings.MAIN)
