"""The live progress message a manager watches: a bar, sent / failed / left, rate, ETA.

Edited at most every few seconds; "message is not modified" is fine, and no Telegram
error here ever stops a broadcast.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramNetworkError
from aiogram_i18n.cores import BaseCore

from bot.i18n import locale_for
from bot.services import broadcast as service
from models import Broadcast, BroadcastStatus, Client

logger = logging.getLogger(__name__)

BAR_CELLS = 10
NOT_MODIFIED = "message is not modified"


class Ticking(Protocol):
    def monotonic(self) -> float: ...


def progress_bar(done: int, total: int) -> str:
    filled = BAR_CELLS if total == 0 else min(BAR_CELLS, done * BAR_CELLS // total)
    return "▓" * filled + "░" * (BAR_CELLS - filled)


def eta_text(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressMessage:
    def __init__(
        self, bot: Bot, core: BaseCore[Any], default_locale: str, clock: Ticking, every: float
    ) -> None:
        self.bot, self.core, self.default_locale = bot, core, default_locale
        self.clock, self.every = clock, every
        self._last: tuple[float, int] | None = None  # (when, how many were done)
        self._rate = 0.0
        self._locale: str | None = None

    async def tick(self, broadcast: Broadcast) -> None:
        """Edits the message when the last edit is older than `every` seconds."""
        now = self.clock.monotonic()
        if self._last is not None and now - self._last[0] < self.every:
            return
        await self._show(broadcast, now)

    async def final(self, broadcast: Broadcast) -> None:
        await self._show(broadcast, self.clock.monotonic())

    async def _show(self, broadcast: Broadcast, now: float) -> None:
        if broadcast.progress_chat_id is None:
            return
        totals = await service.totals(broadcast.id)
        if self._last is not None and now > self._last[0]:
            self._rate = max(0.0, (totals.done - self._last[1]) / (now - self._last[0]))
        self._last = (now, totals.done)
        text = await self.render(broadcast, totals)
        await self._put(broadcast, text)

    async def render(self, broadcast: Broadcast, totals: service.Totals) -> str:
        locale = await self._locale_of(broadcast)
        running = broadcast.status is BroadcastStatus.RUNNING
        eta = totals.pending / self._rate if running and self._rate > 0 else None
        percent = 100 if totals.total == 0 else totals.done * 100 // totals.total
        return self.core.get(
            "broadcast-progress",
            locale,
            id=str(broadcast.id),
            state=self.core.get(f"broadcast-status-{broadcast.status.value}", locale),
            bar=progress_bar(totals.done, totals.total),
            percent=percent,
            sent=totals.sent,
            failed=totals.failed,
            left=totals.pending,
            rate=f"{self._rate:.1f}" if running else "0",
            eta=eta_text(eta),
        )

    async def _locale_of(self, broadcast: Broadcast) -> str:
        if self._locale is None:
            author = await Client.get_or_none(id=broadcast.created_by_id)  # type: ignore[attr-defined]
            language = author.language_code if author else None
            self._locale = locale_for(author, language, self.default_locale)
        return self._locale

    async def _put(self, broadcast: Broadcast, text: str) -> None:
        chat_id = broadcast.progress_chat_id
        try:
            if broadcast.progress_message_id is None:
                message = await self.bot.send_message(chat_id, text)
                broadcast.progress_message_id = message.message_id
                await service.set_progress_message(broadcast.id, message.message_id)
            else:
                await self.bot.edit_message_text(
                    text=text, chat_id=chat_id, message_id=broadcast.progress_message_id
                )
        except TelegramBadRequest as exc:
            if NOT_MODIFIED not in exc.message:
                logger.warning("broadcast %s: progress not shown: %s", broadcast.id, exc.message)
        except (TelegramAPIError, TelegramNetworkError) as exc:
            logger.warning("broadcast %s: progress not shown: %s", broadcast.id, exc)


def progress_factory(core: BaseCore[Any], default_locale: str, clock: Ticking, every: float):
    """What `BroadcastSenders` calls to make each sender's progress message."""

    def make(bot: Bot) -> ProgressMessage:
        return ProgressMessage(bot, core, default_locale, clock, every)

    return make
