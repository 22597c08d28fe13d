"""/admin: the client desk, for owners, managers and viewers only."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.filters import in_private_chat, pressed_in_private_chat
from bot.handlers.access import StaffFilter
from dialogs.desk.states import DeskMenu


async def on_admin(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(DeskMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


def staff_in_private_chats(router: Router) -> Router:
    """The staff filters, read from the database per update, on a router."""
    for observer in (router.message, router.callback_query, router.inline_query):
        observer.filter(StaffFilter())
    # staff screens only in private chats (inline queries come from a user, not a chat)
    router.message.filter(in_private_chat)
    router.callback_query.filter(pressed_in_private_chat)
    return router


def admin_command_router() -> Router:
    """`/admin`, among the commands: it must reach staff whatever dialog is open."""
    router = staff_in_private_chats(Router(name="admin-command"))
    router.message.register(on_admin, Command("admin"))
    return router


def desk_router() -> Router:
    """Every staff dialog lives under this router; its filters guard them all."""
    return staff_in_private_chats(Router(name="desk"))
