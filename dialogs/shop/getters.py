from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram_dialog import DialogManager

from bot.config import SUPPORTED_LOCALES
from bot.services.cart import cart_line_count
from bot.services.clients import REFERRAL_PREFIX, referral_count
from bot.services.roles import Role, can_shop, is_staff
from models import Client

LANGUAGE_NAMES = {"en": "🇬🇧 English", "ru": "🇷🇺 Русский", "pl": "🇵🇱 Polski"}


async def main_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    client: Client = dialog_manager.middleware_data["client"]
    role: Role = dialog_manager.middleware_data["role"]
    shopper = can_shop(client)
    lines = await cart_line_count(client) if shopper else 0
    return {
        "name": client.display_name,
        "is_staff": is_staff(role),
        "can_shop": shopper,
        "no_catalog": not shopper,
        "cart_lines": lines,
    }


async def language_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    current = dialog_manager.middleware_data["i18n"].locale
    return {
        "languages": [
            (code, ("✅ " if code == current else "") + LANGUAGE_NAMES[code])
            for code in SUPPORTED_LOCALES
        ]
    }


async def referral_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    client: Client = dialog_manager.middleware_data["client"]
    bot: Bot = dialog_manager.middleware_data["bot"]
    me = await bot.me()
    return {
        "link": f"https://t.me/{me.username}?start={REFERRAL_PREFIX}{client.referral_code}",
        "joined": await referral_count(client),
    }
