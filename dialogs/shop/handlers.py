from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import ManagedTextInput, MessageInput
from aiogram_dialog.widgets.kbd import Select
from aiogram_i18n import I18nContext

from bot.commands import CommandMenu
from bot.config import SUPPORTED_LOCALES, Settings
from bot.handlers.chat import client_writes
from bot.senders.chat import relay_to_staff
from bot.services.contact import ContactError, contact_shop
from bot.services.roles import is_staff
from dialogs.shop.states import MainMenu


async def on_language_chosen(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, locale: str
) -> None:
    if locale not in SUPPORTED_LOCALES:
        return
    i18n: I18nContext = manager.middleware_data["i18n"]
    await i18n.set_locale(locale)
    await callback.answer(i18n.get("language-saved"))
    await manager.switch_to(MainMenu.MAIN)
    if is_staff(manager.middleware_data["role"]):  # their /admin entry, in the new language
        command_menu: CommandMenu = manager.middleware_data["command_menu"]
        await command_menu.sync(manager.middleware_data["bot"], manager.middleware_data["client"])


async def on_contact_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    """Contact the shop: allowed to every client, blocked ones included."""
    i18n: I18nContext = manager.middleware_data["i18n"]
    settings: Settings = manager.middleware_data["settings"]
    try:
        relay = await contact_shop(
            manager.middleware_data["client"], text, settings.admin_ids, message.message_id
        )
    except ContactError as error:
        await message.answer(i18n.get(error.key))
        return
    await relay_to_staff(message.bot, i18n.core, relay, settings.default_locale)
    await message.answer(i18n.get("contact-sent"))
    await manager.switch_to(MainMenu.MAIN)


async def on_menu_message(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    """Free text (or a photo...) in the main menu: a customer's goes to the shop chat."""
    if is_staff(manager.middleware_data["role"]):
        return  # the desk has its own chat screens
    data = manager.middleware_data
    await client_writes(message, data["i18n"], data["settings"], data["client"])
