"""/admin: the client desk, for owners, managers and viewers only."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.handlers.access import StaffFilter
from dialogs.desk.states import DeskMenu


async def on_admin(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(DeskMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


def desk_router() -> Router:
    """Every staff handler and dialog lives under this router; its filters guard them all."""
    router = Router(name="desk")
    for observer in (router.message, router.callback_query, router.inline_query):
        observer.filter(StaffFilter())
    # staff screens only in private chats (inline queries come from a user, not a chat)
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    router.message.register(on_admin, Command("admin"))
    return router
