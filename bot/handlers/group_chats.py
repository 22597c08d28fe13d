"""Groups, supergroups and channels: the bot works in private chats only.

/start and /admin get one line asking to write privately; every other message is ignored
and a button pressed there is answered without a word. ClientMiddleware stores nothing
for these chats. This router comes before all others, so none of them sees a group.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext


async def is_group_message(message: Message) -> bool:
    return message.chat.type != ChatType.PRIVATE


async def is_group_callback(callback: CallbackQuery) -> bool:
    """A press under a message outside a private chat (or an inline-mode message)."""
    return callback.message is None or callback.message.chat.type != ChatType.PRIVATE


async def on_group_command(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("private-only"))


async def ignore_group_message(message: Message) -> None:
    """Handled, so that no other router acts on it."""


async def on_group_callback(callback: CallbackQuery) -> None:
    await callback.answer()


def group_chats_router() -> Router:
    router = Router(name="group-chats")
    router.message.filter(is_group_message)
    router.callback_query.filter(is_group_callback)
    router.message.register(on_group_command, Command("start", "admin"))
    router.message.register(ignore_group_message)
    router.callback_query.register(on_group_callback)
    return router
