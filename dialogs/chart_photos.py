"""Charts into the chat: rendered off the event loop, sent as photos, failures reported.

Shared by the client's and the shop's analytics screens; the drawing itself is
`bot.services.charts` (data in, PNG out).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import BufferedInputFile
from aiogram_dialog import DialogManager
from babel.dates import format_date

from bot.services.charts import BarChart, bar_chart_png

logger = logging.getLogger(__name__)


def month_labels(months: list[date], locale: str) -> list[str]:
    """'Nov 2026', 'нояб. 2026', 'lis 2026'."""
    return [format_date(month, "LLL yyyy", locale=locale) for month in months]


def week_labels(mondays: list[date], locale: str) -> list[str]:
    return [format_date(monday, "d MMM", locale=locale) for monday in mondays]


async def send_charts(
    manager: DialogManager, chat_id: int, charts: list[tuple[BarChart, str]]
) -> bool:
    """Each (chart, caption) as a photo, in order; False once Telegram refuses one."""
    bot: Bot = manager.middleware_data["bot"]
    for number, (chart, caption) in enumerate(charts, start=1):
        png = await asyncio.to_thread(bar_chart_png, chart)
        photo = BufferedInputFile(png, filename=f"chart-{number}.png")
        try:
            await bot.send_photo(chat_id, photo, caption=caption)
        except (TelegramAPIError, TelegramNetworkError) as error:
            logger.warning("chart for telegram id %s not sent: %s", chat_id, error)
            return False
    return True
