"""Anything no one else handled: an unknown command or text gets the menu, never an error."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_i18n import I18nContext

from bot.filters import in_private_chat
from dialogs.shop.states import MainMenu


async def on_unknown_message(
    message: Message, i18n: I18nContext, dialog_manager: DialogManager
) -> None:
    await message.answer(i18n.get("unknown-input"))
    await dialog_manager.start(MainMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_unknown_callback(
    callback: CallbackQuery, i18n: I18nContext, aiogd_stack_forbidden: bool = False
) -> None:
    """A press nobody handled: a staff button for someone who is not staff (refused and
    logged by the access validator), or a button of a dialog that is gone."""
    if aiogd_stack_forbidden:
        await callback.answer(i18n.get("button-not-allowed"))
    else:
        await callback.answer(i18n.get("button-expired"))


def fallback_router() -> Router:
    router = Router(name="fallback")
    router.message.register(on_unknown_message, in_private_chat)
    router.callback_query.register(on_unknown_callback)
    return router
