"""Languages: Fluent catalogs in locales/<lang>/, picked per client."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager

from bot.config import SUPPORTED_LOCALES
from bot.services.clients import set_locale
from models import Client

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


def locale_for(client: Client | None, telegram_language: str | None, default: str) -> str:
    """The client's own choice, else their Telegram language, else the shop's default."""
    if client is not None and client.locale in SUPPORTED_LOCALES:
        return client.locale
    language = (telegram_language or "").split("-")[0].lower()
    return language if language in SUPPORTED_LOCALES else default


class ClientLocaleManager(BaseManager):
    """Reads and stores the locale on the client row loaded by ClientMiddleware."""

    async def get_locale(self, **data: Any) -> str:
        user = data.get("event_from_user")
        language = user.language_code if user is not None else None
        return locale_for(data.get("client"), language, self.default_locale or "en")

    async def set_locale(self, locale: str, **data: Any) -> None:
        client: Client | None = data.get("client")
        if client is not None:
            await set_locale(client, locale)


def build_i18n(default_locale: str) -> I18nMiddleware:
    core = FluentRuntimeCore(path=LOCALES_DIR / "{locale}", default_locale=default_locale)
    return I18nMiddleware(
        core=core, manager=ClientLocaleManager(default_locale), default_locale=default_locale
    )
