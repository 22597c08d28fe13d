"""The bot's command menu in Telegram: /start and /menu for everybody in every language,
/admin added in the chats of owners and staff (a per-chat scope), kept in step with roles.

Call `CommandMenu.sync(bot, client)` after a role changes (see
`bot.services.roles.set_staff_role`); startup sets everybody's and current staff's menus.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import BotCommand, BotCommandScopeChat
from aiogram_i18n.cores import BaseCore

from bot.config import SUPPORTED_LOCALES
from bot.i18n import locale_for
from bot.services.roles import is_staff, role_of, staff_rows
from models import Client

logger = logging.getLogger(__name__)

EVERYBODY = ("start", "menu")
STAFF = (*EVERYBODY, "admin")


class CommandMenu:
    def __init__(self, core: BaseCore[object], default_locale: str, owner_ids: Collection[int]):
        self.core = core
        self.default_locale = default_locale
        self.owner_ids = frozenset(owner_ids)

    def commands(self, names: Iterable[str], locale: str) -> list[BotCommand]:
        return [
            BotCommand(command=name, description=self.core.get(f"command-{name}", locale))
            for name in names
        ]

    async def startup(self, bot: Bot) -> None:
        """Everybody's menu per language (and the default one), then each staff chat's."""
        try:
            await bot.set_my_commands(self.commands(EVERYBODY, self.default_locale))
            for locale in SUPPORTED_LOCALES:
                await bot.set_my_commands(self.commands(EVERYBODY, locale), language_code=locale)
            for telegram_id, client in (await self._staff()).items():
                await self._set_staff_menu(bot, telegram_id, client)
        except (TelegramAPIError, TelegramNetworkError) as error:
            logger.warning("could not set the bot's commands: %s", error)

    async def sync(self, bot: Bot, client: Client) -> None:
        """After a role change: /admin in this client's chat if they are staff, else not."""
        if client.telegram_id is None:
            return
        if is_staff(role_of(client, self.owner_ids)):
            await self._set_staff_menu(bot, client.telegram_id, client)
        else:
            await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id=client.telegram_id))

    async def _set_staff_menu(self, bot: Bot, telegram_id: int, client: Client | None) -> None:
        language = client.language_code if client else None
        locale = locale_for(client, language, self.default_locale)
        await bot.set_my_commands(
            self.commands(STAFF, locale), scope=BotCommandScopeChat(chat_id=telegram_id)
        )

    async def _staff(self) -> dict[int, Client | None]:
        """Owners (with or without a client row) and unblocked managers and viewers."""
        staff: dict[int, Client | None] = dict.fromkeys(sorted(self.owner_ids))
        for client in await staff_rows(self.owner_ids):
            if client.telegram_id is not None and is_staff(role_of(client, self.owner_ids)):
                staff[client.telegram_id] = client
        return staff
