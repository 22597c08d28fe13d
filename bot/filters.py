"""Filters checked on the event loop.

aiogram runs a filter that is not a coroutine function (a plain function, a magic `F`
expression, a `State`) in a worker thread, a thread hop per update that reaches it: more
than the check itself costs, on every button press and message. Routers use these
instead; `tests/test_filters_on_loop.py` finds any filter or handler that would hop.
"""

from __future__ import annotations

from typing import Any

from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message, TelegramObject
from magic_filter import MagicFilter


class OnLoop(Filter):
    """A magic filter (`F.text`, `F.data.startswith(...)`) resolved on the event loop."""

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)


async def in_private_chat(message: Message) -> bool:
    return message.chat.type == ChatType.PRIVATE


async def pressed_in_private_chat(callback: CallbackQuery) -> bool:
    return callback.message is not None and callback.message.chat.type == ChatType.PRIVATE
