from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select
from aiogram_i18n import I18nContext

from bot.config import SUPPORTED_LOCALES
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
