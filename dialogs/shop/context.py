"""What shop getters and handlers read from the dialog manager: who, in which language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.services.money import format_money
from models import Client


def client_of(manager: DialogManager) -> Client:
    return manager.middleware_data["client"]


def i18n_of(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def settings_of(manager: DialogManager) -> Settings:
    return manager.middleware_data["settings"]


def money(manager: DialogManager, amount: Decimal, currency: str | None = None) -> str:
    return format_money(amount, currency, i18n_of(manager).locale)


def tr(manager: DialogManager, key: str, **args: Any) -> str:
    return i18n_of(manager).get(key, **args)


def int_arg(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
