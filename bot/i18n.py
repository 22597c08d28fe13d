"""Languages: Fluent catalogs in locales/<lang>/, picked per client."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiogram.types import TelegramObject
from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager
from babel.numbers import format_decimal
from fluent.runtime import FluentBundle

from bot.config import SUPPORTED_LOCALES
from bot.services.clients import set_locale
from models import Client

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"

# parsed catalogs by what they were parsed from: (directory, isolating, file stamps)
_parsed: dict[tuple[Any, ...], dict[str, FluentBundle]] = {}


def count_text(number: int, locale: str) -> str:
    """An integer as Fluent would show it in `locale` ('1,234', '1 234', '12 345'), for
    texts built many times per screen: Fluent formats an int through babel on every
    use, a string it inserts as it is (and below 1,000 every supported locale writes
    the digits alone)."""
    if 0 <= number < 1000:
        return str(number)
    return format_decimal(number, locale=locale)


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


class ClientI18nMiddleware(I18nMiddleware):
    """aiogram-i18n's middleware, minus the garbage cycle it leaves behind each update.

    It puts an I18nContext holding `data` into `data` itself, so every update's data
    (client row, FSM context, ...) outlives the update until the cyclic GC runs; the
    extra collections also drop pydantic's weakly cached `Response[...]` classes, which
    aiogram then rebuilds (milliseconds each). Dropping the context once the update
    has been handled lets reference counting free it all at once. On an exception it
    stays: the errors middleware outside passes the same `data` to error handlers.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        result = await super().__call__(handler, event, data)
        data.pop(self.context_key, None)
        return result


class ParsedOnceFluentCore(FluentRuntimeCore):
    """Parses the .ftl files once per process while they stay unchanged.

    Parsing and compiling every catalog takes most of a second; a dispatcher built again
    in the same process (the test suite builds hundreds) reuses the bundles, which are
    not changed after loading.
    """

    def find_locales(self) -> dict[str, FluentBundle]:
        stamps = ((f, f.stat()) for f in sorted(LOCALES_DIR.rglob("*.ftl")))
        key = (
            str(self.path),
            self.use_isolating,
            tuple((str(f), stat.st_mtime_ns, stat.st_size) for f, stat in stamps),
        )
        if (bundles := _parsed.get(key)) is None:
            bundles = _parsed[key] = super().find_locales()
        return dict(bundles)


def build_i18n(default_locale: str) -> I18nMiddleware:
    core = ParsedOnceFluentCore(path=LOCALES_DIR / "{locale}", default_locale=default_locale)
    return ClientI18nMiddleware(
        core=core, manager=ClientLocaleManager(default_locale), default_locale=default_locale
    )
