"""The daily retention job: started with the dispatcher, like the broadcast senders.

It looks once an hour whether a run is due (one small read while retention is off) and
lets `bot.services.retention` claim and run it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from contextlib import suppress

from aiogram import Bot
from aiogram.fsm.storage.base import BaseStorage
from tortoise import Tortoise

from bot.services.retention import run_if_due
from bot.session_erasure import Forget, session_forgetter

logger = logging.getLogger(__name__)
CHECK_EVERY = 3600.0


class RetentionJob:
    def __init__(
        self,
        owner_ids: Collection[int],
        check_every: float = CHECK_EVERY,
        storage: BaseStorage | None = None,
    ) -> None:
        self.owner_ids = frozenset(owner_ids)
        self.check_every = check_every
        self.storage = storage
        self._forget: Forget | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    def start(self, bot: Bot | None = None) -> None:
        """`bot` and the storage given: the anonymized people's bot sessions go too."""
        if bot is not None and self.storage is not None:
            self._forget = session_forgetter(self.storage, bot.id)
        if self._task is None:
            self._stopping.clear()
            self._task = asyncio.create_task(self._loop())

    async def stop(self, grace: float = 10.0) -> None:
        """Lets a look in progress finish (a task cancelled inside a transaction could
        leave SQLite's connection locked), then ends the loop."""
        if self._task is None:
            return
        self._stopping.set()
        try:
            await asyncio.wait_for(asyncio.shield(self._task), grace)
        except TimeoutError:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
        self._task = None

    async def check(self) -> None:
        """One look: run the day's retention if it is due."""
        if not Tortoise.is_inited():
            return
        run = await run_if_due(self.owner_ids, forget=self._forget)
        if run is not None:
            logger.info("retention: %d anonymized, %d skipped", run.anonymized, run.skipped)

    async def _loop(self) -> None:
        while True:
            try:
                await self.check()
            except Exception:  # the next look tries again; the bot keeps running
                logger.exception("retention check failed")
            with suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.check_every)
            if self._stopping.is_set():
                return
