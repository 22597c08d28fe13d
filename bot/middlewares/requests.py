"""Middlewares on the Bot's session: they see every Bot API call, from a handler, a
dialog or a background task alike.

- `BotBlockedMiddleware`: a 403 for a user's chat means they blocked the bot (or deleted
  their account); the client is marked `bot_blocked`, whichever call hit it.
- `AnswerCallbackOnce`: a callback query is answered once. A handler that answers with
  a notice (\"Language saved\") is followed by aiogram-dialog's own plain answer, which
  Telegram would reject; the first answer wins and later ones are not sent.
- `KeepResponseModels`: aiogram parses each answer with `Response[<the method's result
  type>]`, a pydantic model class made on first use and cached only weakly: every full
  garbage collection drops it and the next call builds it again (several ms each, on
  the update's path). Holding each one used keeps that off the hot path.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response, TelegramType

from bot.services.clients import mark_bot_blocked

logger = logging.getLogger(__name__)


class BotBlockedMiddleware(BaseRequestMiddleware):
    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        try:
            return await make_request(bot, method)
        except TelegramForbiddenError:
            chat_id: Any = getattr(method, "chat_id", None)
            # private chats have the user's id; groups and channels are negative
            if isinstance(chat_id, int) and chat_id > 0 and await mark_bot_blocked(chat_id):
                logger.info("telegram id %s blocked the bot: marked", chat_id)
            raise


class AnswerCallbackOnce(BaseRequestMiddleware):
    def __init__(self, remember: int = 10_000) -> None:
        self.remember = remember
        self._answered: OrderedDict[str, None] = OrderedDict()

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        if isinstance(method, AnswerCallbackQuery):
            if method.callback_query_id in self._answered:
                return True  # what Telegram returns for an answer
            self._answered[method.callback_query_id] = None
            if len(self._answered) > self.remember:
                self._answered.popitem(last=False)
        return await make_request(bot, method)


class KeepResponseModels(BaseRequestMiddleware):
    _held: dict[Any, type] = {}  # result type -> its Response model, for the process

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        returning = method.__returning__
        if returning not in self._held:
            self._held[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)


def install_request_middlewares(bot: Bot) -> None:
    """Once per bot (startup may run again for the same bot)."""
    installed = {type(middleware) for middleware in bot.session.middleware}
    for middleware_type in (KeepResponseModels, AnswerCallbackOnce, BotBlockedMiddleware):
        if middleware_type not in installed:
            bot.session.middleware(middleware_type())
