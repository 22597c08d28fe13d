"""Telegram side of personal-data exports: the ZIP goes to a chat as a document."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramRetryAfter
from aiogram.types import BufferedInputFile

from bot.services.data_rights import ExportFile

logger = logging.getLogger(__name__)
MAX_RETRY_AFTER = 30


async def send_export(bot: Bot, chat_id: int, export: ExportFile, caption: str) -> bool:
    """True when the file arrived; a Telegram error is logged (no personal data), not raised."""
    for attempt in range(2):
        try:
            await bot.send_document(
                chat_id, BufferedInputFile(export.data, filename=export.name), caption=caption
            )
            return True
        except TelegramRetryAfter as error:
            if attempt or error.retry_after > MAX_RETRY_AFTER:
                break
            await asyncio.sleep(error.retry_after)
        except (TelegramAPIError, TelegramNetworkError) as error:
            logger.warning("export to telegram id %s failed: %s", chat_id, type(error).__name__)
            return False
    logger.warning("export to telegram id %s dropped: 429", chat_id)
    return False
