"""What the settings screens show; owners only, checked in every getter."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.secrets import SecretKeyMissing, SecretUnreadable, decrypt_secret
from bot.services.shop_settings import SmsProvider, get_mail_server, get_sms_gateway
from dialogs.access import is_owner_in, require_owner_in
from dialogs.settings.handlers import secret_key_of


def owner_only(_data: dict[str, Any], _widget: Any, manager: DialogManager) -> bool:
    """`when=` for the desk's ⚙️ button (hides it; the click is checked again)."""
    return is_owner_in(manager)


async def owner_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_owner_in(dialog_manager)
    return {}


def secret_state(token: str | None, secret_key: str | None) -> str:
    """`none`, `set` or `unreadable` (SECRET_KEY unset or changed since it was stored)."""
    if not token:
        return "none"
    try:
        decrypt_secret(token, secret_key)
    except (SecretKeyMissing, SecretUnreadable):
        return "unreadable"
    return "set"


def _notice(manager: DialogManager) -> dict[str, Any]:
    """A one-time line above the screen (saved, test sent or failed, removed)."""
    notice = manager.dialog_data.pop("notice", None)
    result: dict[str, Any] = {name: notice == name for name in ("saved", "removed")}
    result["test_sent"] = notice == "test_sent"
    result["test_failed"] = notice == "test_failed"
    result["test_to"] = manager.dialog_data.pop("test_to", "") if result["test_sent"] else ""
    result["reason"] = manager.dialog_data.pop("reason", "") if result["test_failed"] else ""
    return result


async def mail_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_owner_in(dialog_manager)
    server = await get_mail_server()
    data = _notice(dialog_manager)
    data["configured"] = server is not None
    data["not_configured"] = server is None
    if server is not None:
        password = secret_state(server.password_encrypted, secret_key_of(dialog_manager))
        data.update(
            host=server.host,
            port=str(server.port),  # a number would be shown as 36,529
            security=server.security.value,
            user=server.user or "-",
            password=password,
            sender=server.sender,
            password_unreadable=password == "unreadable",
        )
    return data


async def password_step_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_owner_in(dialog_manager)
    server = await get_mail_server()
    return {"has_password": bool(server and server.password_encrypted)}


async def sms_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_owner_in(dialog_manager)
    gateway = await get_sms_gateway()
    data = _notice(dialog_manager)
    data["configured"] = gateway is not None
    data["not_configured"] = gateway is None
    if gateway is not None:
        token = secret_state(gateway.token_encrypted, secret_key_of(dialog_manager))
        data.update(
            provider=gateway.provider.value,
            api_url=gateway.api_url,
            sender=gateway.sender or "-",
            account_sid=gateway.account_sid or "-",
            token=token,
            token_unreadable=token == "unreadable",
            twilio=gateway.provider is SmsProvider.TWILIO,
            smsapi=gateway.provider is SmsProvider.SMSAPI,
        )
    return data


async def sms_sender_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_owner_in(dialog_manager)
    twilio = dialog_manager.dialog_data.get("provider") == SmsProvider.TWILIO
    return {"twilio": twilio, "smsapi": not twilio}
