"""Telegram side of notices: renders each in its recipient's language and sends it.

Services decide who is told what (`bot.services.notices.Notice`); this module only
talks to Telegram. A recipient who blocked the bot is marked, a 429 waits once,
any other Telegram error is logged: a notification never crashes the handler.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from decimal import Decimal
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, LabeledPrice
from aiogram_i18n.cores import BaseCore

from bot.config import SUPPORTED_LOCALES
from bot.services.money import format_money
from bot.services.notices import Notice, mark_bot_blocked
from bot.services.payments import Invoice

logger = logging.getLogger(__name__)
MAX_RETRY_AFTER = 30


def render(core: BaseCore[Any], notice: Notice, default_locale: str = "en") -> str:
    locale = notice.locale if notice.locale in SUPPORTED_LOCALES else default_locale
    args: dict[str, Any] = {}
    for name, value in notice.args.items():
        if name.endswith("_key"):
            args[name.removesuffix("_key")] = core.get(value, locale)
        elif isinstance(value, Decimal):
            args[name] = format_money(value, notice.currency, locale)
        elif isinstance(value, str):
            args[name] = html.escape(value, quote=False)
        else:
            args[name] = value
    return core.get(notice.key, locale, **args)


async def send_notices(
    bot: Bot,
    core: BaseCore[Any],
    notices: Iterable[Notice],
    default_locale: str = "en",
    reply_markup: InlineKeyboardMarkup | None = None,
) -> int:
    """Sends each notice (with its own button, if it has one); returns how many arrived."""
    sent = 0
    for notice in notices:
        markup = reply_markup or _button_markup(core, notice, default_locale)
        if await _send(bot, notice.telegram_id, render(core, notice, default_locale), markup):
            sent += 1
    return sent


class BackgroundNotices:
    """Notices sent in tasks of their own, so that the update that caused them answers
    its user first: a customer's confirmed order is shown at once, however many managers
    are told of it and however Telegram paces those messages (a 429 waits up to 30 s).
    Building them may happen there too (`build_and_send`).
    One per dispatcher (`dp["background_notices"]`); shutdown waits for what is left."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[int]] = set()

    def send(
        self, bot: Bot, core: BaseCore[Any], notices: Iterable[Notice], default_locale: str
    ) -> None:
        notices = list(notices)
        if notices:
            self._start(send_notices(bot, core, notices, default_locale))

    def build_and_send(
        self,
        bot: Bot,
        core: BaseCore[Any],
        build: Callable[[], Awaitable[Iterable[Notice]]],
        default_locale: str,
    ) -> None:
        """As `send`, the notices built in the task too (their recipients read there)."""

        async def built_then_sent() -> int:
            return await send_notices(bot, core, await build(), default_locale)

        self._start(built_then_sent())

    def _start(self, sending: Coroutine[Any, Any, int]) -> None:
        task = asyncio.create_task(sending)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[int]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("sending notices failed", exc_info=task.exception())

    async def drain(self) -> None:
        """Waits until every notice handed over so far has been sent (or given up)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)


def _button_markup(
    core: BaseCore[Any], notice: Notice, default_locale: str
) -> InlineKeyboardMarkup | None:
    if notice.button is None:
        return None
    locale = notice.locale if notice.locale in SUPPORTED_LOCALES else default_locale
    button = InlineKeyboardButton(
        text=core.get(notice.button.key, locale), callback_data=notice.button.callback_data
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


async def _send(
    bot: Bot, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None
) -> bool:
    for attempt in range(2):
        try:
            await bot.send_message(chat_id, text, reply_markup=reply_markup)
            return True
        except TelegramRetryAfter as exc:
            if attempt or exc.retry_after > MAX_RETRY_AFTER:
                logger.warning("notice to telegram id %s dropped: 429", chat_id)
                return False
            await asyncio.sleep(exc.retry_after)
        except TelegramForbiddenError:
            logger.info("telegram id %s blocked the bot", chat_id)
            await mark_bot_blocked(chat_id)
            return False
        except TelegramAPIError as exc:
            logger.warning("notice to telegram id %s failed: %s", chat_id, exc)
            return False
    return False


async def send_invoice(
    bot: Bot,
    chat_id: int,
    invoice: Invoice,
    provider_token: str,
    title: str,
    description: str,
) -> bool:
    """Telegram Payments invoice for an order; False when Telegram refused it."""
    try:
        await bot.send_invoice(
            chat_id=chat_id,
            title=title[:32],
            description=description[:255],
            payload=invoice.payload,
            provider_token=provider_token,
            currency=invoice.currency,
            prices=[LabeledPrice(label=title[:32], amount=invoice.amount)],
        )
        return True
    except TelegramAPIError as exc:
        logger.warning("invoice to telegram id %s failed: %s", chat_id, exc)
        return False
