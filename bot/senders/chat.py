"""Telegram side of the chat: the manager's message to the client, the client's to staff.

The manager's message is sent by the bot (never forwarded), so the client sees the shop
and never the manager. A 403 is reported as `Delivery.BLOCKED`, a 429 waits once, any
other Telegram error is `Delivery.FAILED`: sending never crashes the handler.
"""

from __future__ import annotations

import asyncio
import html
import logging
from enum import StrEnum
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n.cores import BaseCore

from bot.config import SUPPORTED_LOCALES
from bot.services.chat import MAX_CAPTION, MAX_TEXT, ChatContent, Recipient, Relay
from bot.services.notices import mark_bot_blocked
from models import ChatMessageKind

logger = logging.getLogger(__name__)
MAX_RETRY_AFTER = 30
CHAT_BUTTON_PREFIX = "chat:"
OPEN_CHAT = f"{CHAT_BUTTON_PREFIX}open:"
OPEN_CARD = f"{CHAT_BUTTON_PREFIX}card:"


class Delivery(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"


async def send_content(
    bot: Bot,
    chat_id: int,
    content: ChatContent,
    *,
    text: str | None = None,
    reply_markup: InlineKeyboardMarkup | None = None,
    parse_mode: str | None = None,
) -> Message:
    """One message of `content`'s kind; `text` replaces its text or caption."""
    body = content.text if text is None else text
    options: dict[str, Any] = {"reply_markup": reply_markup, "parse_mode": parse_mode}
    if content.kind is ChatMessageKind.PHOTO:
        return await bot.send_photo(chat_id, content.file_id, caption=body, **options)
    if content.kind is ChatMessageKind.DOCUMENT:
        return await bot.send_document(chat_id, content.file_id, caption=body, **options)
    if content.kind is ChatMessageKind.VOICE:
        return await bot.send_voice(chat_id, content.file_id, caption=body, **options)
    return await bot.send_message(chat_id, body or "", **options)


async def deliver_to_client(
    bot: Bot, telegram_id: int, content: ChatContent
) -> tuple[Delivery, int | None]:
    """The manager's message, as the shop's; plain text (what they typed, not HTML)."""
    for attempt in range(2):
        try:
            sent = await send_content(bot, telegram_id, content)
            return Delivery.SENT, sent.message_id
        except TelegramRetryAfter as exc:
            if attempt or exc.retry_after > MAX_RETRY_AFTER:
                break
            await asyncio.sleep(exc.retry_after)
        except TelegramForbiddenError:
            logger.info("chat: telegram id %s blocked the bot", telegram_id)
            return Delivery.BLOCKED, None
        except TelegramAPIError as exc:
            logger.warning("chat message to telegram id %s failed: %s", telegram_id, exc)
            break
    return Delivery.FAILED, None


def staff_keyboard(core: BaseCore[Any], locale: str, client_id: int) -> InlineKeyboardMarkup:
    """Reply (enter chat mode) and open the card: checked again for staff when pressed."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=core.get("chat-reply", locale), callback_data=f"{OPEN_CHAT}{client_id}"
                ),
                InlineKeyboardButton(
                    text=core.get("chat-open-card", locale),
                    callback_data=f"{OPEN_CARD}{client_id}",
                ),
            ]
        ]
    )


async def relay_to_staff(
    bot: Bot, core: BaseCore[Any], relay: Relay, default_locale: str = "en"
) -> int:
    """The client's message to each recipient, headed with who wrote it; returns how many
    recipients got it."""
    delivered = 0
    for recipient in relay.recipients:
        if await _relay_one(bot, core, relay, recipient, default_locale):
            delivered += 1
    return delivered


async def _relay_one(
    bot: Bot, core: BaseCore[Any], relay: Relay, recipient: Recipient, default_locale: str
) -> bool:
    locale = recipient.locale if recipient.locale in SUPPORTED_LOCALES else default_locale
    header = core.get(
        "chat-from-client", locale, client=html.escape(relay.client_name), client_id=relay.client_id
    )
    keyboard = staff_keyboard(core, locale, relay.client_id)
    content = relay.content
    body = html.escape(content.text) if content.text else ""
    limit = MAX_TEXT if content.kind is ChatMessageKind.TEXT else MAX_CAPTION
    combined = f"{header}\n{body}" if body else header
    try:
        if len(combined) <= limit:
            await send_content(
                bot,
                recipient.telegram_id,
                content,
                text=combined,
                reply_markup=keyboard,
                parse_mode="HTML",
            )
        else:  # the header alone first: the client's text keeps its full length
            await bot.send_message(recipient.telegram_id, header, parse_mode="HTML")
            await send_content(
                bot,
                recipient.telegram_id,
                content,
                text=body,
                reply_markup=keyboard,
                parse_mode="HTML",
            )
        return True
    except TelegramForbiddenError:
        await mark_bot_blocked(recipient.telegram_id)
    except TelegramAPIError as exc:  # a 429 here: the message stays in the history
        logger.warning("chat relay to telegram id %s failed: %s", recipient.telegram_id, exc)
    return False
