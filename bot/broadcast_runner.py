"""The broadcast sending loop: the one place broadcasts talk to Telegram.

`BroadcastSenders` (one per process, started with the dispatcher) watches the database
for running broadcasts and runs a `BroadcastSender` for each; every sender of the process
shares one `TokenBucket`, since Telegram's limit is per bot. A sender claims a batch of
deliveries (about a second's worth) with a lease, sends them at the bucket's pace with
several requests in flight, and records the results in batches. A 429 holds the whole
bucket for `retry_after` and the message is retried; a 403 fails the delivery and marks
the client bot-blocked; other errors are recorded on the delivery. Stopped or cancelled,
a sender records what it knows and gives back the claims it did not send.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import socket
import time
import uuid
from collections import deque
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from tortoise import Tortoise

from bot.broadcast_progress import ProgressMessage
from bot.services import broadcast as service
from bot.services import broadcast_deliveries as deliveries
from models import Broadcast, BroadcastStatus

FINISHED = (BroadcastStatus.CANCELLED, BroadcastStatus.DONE)

logger = logging.getLogger(__name__)


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def now(self) -> datetime: ...
    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


# A grant counts against the rate for a little more than a second: the request reaches
# Telegram a few ms after its grant, by a delay that varies, and that must not put one
# request more than the rate into one of Telegram's seconds.
GRANT_WINDOW = 1.005


class TokenBucket:
    """A token bucket of one token refilled `rate` times a second, kept as the time the next
    token is due (GCRA): no burst above the rate. The loop may wake a sleeper late, and
    then several due tokens go out together, so the times actually granted are kept too:
    never more than `rate` grants in any one second. `hold` empties the bucket for a
    while (a 429's `retry_after`) for every sender at once."""

    def __init__(self, rate: float, clock: Clock) -> None:
        self.clock = clock
        self.rate = rate
        self._next = clock.monotonic()
        self._held_until = float("-inf")
        self._granted: deque[float] = deque()  # the last second's grants, oldest first
        self._waiting = 0  # takers waiting for room in the second

    def set_rate(self, rate: float) -> None:
        self.rate = rate

    def hold(self, seconds: float) -> None:
        self._held_until = max(self._held_until, self.clock.monotonic() + seconds)

    async def take(self) -> None:
        while True:
            now = self.clock.monotonic()
            slot = max(self._next, now, self._held_until)
            self._next = slot + 1.0 / self.rate
            if slot > now:
                await self.clock.sleep(slot - now)
            if self.clock.monotonic() >= self._held_until:
                break
            # a 429 came while this one waited: queue again behind the hold
        await self._room_in_the_second()

    async def _room_in_the_second(self) -> None:
        """Waits while `rate` grants were made in the last second, then grants this one.
        The slot is kept: a late bunch is spread out, and the schedule goes on. Waiters
        wake one per departing grant (the n-th waiter when the n-th oldest leaves), not
        all at the first departure."""
        most = max(1, math.floor(self.rate))
        while True:
            now = self.clock.monotonic()
            # (a nanosecond's slack: a sleep to the edge may end a rounding error short)
            while self._granted and now - self._granted[0] >= GRANT_WINDOW - 1e-9:
                self._granted.popleft()
            if len(self._granted) < most:
                self._granted.append(now)
                return
            place = min(self._waiting, len(self._granted) - 1)
            self._waiting += 1
            try:
                await self.clock.sleep(GRANT_WINDOW - (now - self._granted[place]))
            finally:
                self._waiting -= 1


@dataclass(frozen=True, slots=True)
class SenderConfig:
    lease: float = 60.0  # seconds a claim is ours; a dead worker's claims free up after it
    batch_seconds: float = 1.0  # a claim is about this much sending at the rate
    max_batch: int = 500
    flush_size: int = 100  # results recorded at least this often
    progress_every: float = 3.0  # seconds between edits of the progress message
    idle_wait: float = 5.0  # seconds to wait while others hold the last pending claims
    max_attempts: int = 3  # network and server errors, then the delivery fails
    max_retry_after: int = 20  # 429s for one message before it fails


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class BroadcastSender:
    def __init__(
        self,
        bot: Bot,
        broadcast_id: int,
        bucket: TokenBucket,
        *,
        worker: str,
        clock: Clock,
        config: SenderConfig | None = None,
        progress: ProgressMessage | None = None,
    ) -> None:
        self.bot, self.broadcast_id, self.bucket = bot, broadcast_id, bucket
        self.worker, self.clock = worker, clock
        self.config = config or SenderConfig()
        self.progress = progress
        self._unsettled: dict[int, asyncio.Task[None]] = {}  # claimed, result not known
        self._in_http: set[int] = set()
        self._sent: list[tuple[int, int]] = []
        self._failed: list[deliveries.Failure] = []
        self._wake = asyncio.Event()
        self._drained = False
        self._stopping = False

    @property
    def batch_size(self) -> int:
        size = math.ceil(self.bucket.rate * self.config.batch_seconds)
        return max(2, min(self.config.max_batch, size))

    def stop(self) -> None:
        """Ends the run soon: claims not yet sent are given back, requests in flight finish."""
        self._stopping = True
        self._wake.set()

    async def run(self) -> BroadcastStatus | None:
        """Sends until the broadcast is done, paused, cancelled or `stop()` is called."""
        status: BroadcastStatus | None = None
        broadcast: Broadcast | None = None
        try:
            while not self._stopping:
                broadcast = await Broadcast.get_or_none(id=self.broadcast_id)
                status = broadcast.status if broadcast else None
                if status is BroadcastStatus.QUEUED:
                    await service.prepare(broadcast)
                    continue
                if status is not BroadcastStatus.RUNNING:
                    break
                if self.progress is not None:
                    await self.progress.tick(broadcast)
                if not await self._fill(broadcast):
                    await self._flush()  # sent while claiming: recorded before judging
                    if await service.finish_if_done(self.broadcast_id):
                        status = BroadcastStatus.DONE
                        break
                    await self.clock.sleep(self.config.idle_wait)  # others hold the rest
                    continue
                await self._wait_for_results()
                await self._flush()
            await self._settle(wait_in_flight=True)
        finally:
            await self._settle(wait_in_flight=False)
        final = await Broadcast.get_or_none(id=self.broadcast_id)
        if final is not None and final.status in FINISHED:
            # requests in flight when it was cancelled settle after the cancel counted
            await service.store_totals(self.broadcast_id)
            await final.refresh_from_db()
        if self.progress is not None and final is not None:
            await self.progress.final(final)
        return status

    async def _fill(self, broadcast: Broadcast) -> bool:
        """Claims more when the claimed are running low; False when there is nothing
        left to send here (none claimed, none unsettled)."""
        if len(self._unsettled) <= self.batch_size // 2:
            now = self.clock.now()
            claimed = await deliveries.claim(
                self.broadcast_id,
                self.worker,
                self.batch_size,
                now,
                now + timedelta(seconds=self.config.lease),
            )
            self._drained = not claimed
            for item in claimed:
                task = asyncio.create_task(self._deliver(broadcast, item))
                self._unsettled[item.id] = task
        return bool(self._unsettled)

    def _should_wake(self) -> bool:
        if self._stopping or not self._unsettled:
            return True
        if len(self._sent) + len(self._failed) >= self.config.flush_size:
            return True
        return not self._drained and len(self._unsettled) <= self.batch_size // 2

    async def _wait_for_results(self) -> None:
        if not self._should_wake():
            self._wake.clear()
            await self._wake.wait()

    async def _deliver(self, broadcast: Broadcast, item: deliveries.Claimed) -> None:
        attempts, retries = 0, 0
        error: str | None = None
        blocked = False
        while True:
            await self.bucket.take()
            attempts += 1
            self._in_http.add(item.id)
            try:
                message_id = await self._send(broadcast, item.chat_id)
            except TelegramRetryAfter as exc:
                self.bucket.hold(exc.retry_after)
                attempts -= 1
                retries += 1
                if retries <= self.config.max_retry_after:
                    logger.info("broadcast %s: 429, waits %ss", self.broadcast_id, exc.retry_after)
                    continue
                error = exc.message
            except TelegramForbiddenError as exc:
                error, blocked = exc.message, True
            except (TelegramNetworkError, TelegramServerError) as exc:
                if attempts < self.config.max_attempts:
                    await self.clock.sleep(float(attempts))
                    continue
                error = str(exc)
            except TelegramAPIError as exc:
                error = exc.message
            else:
                self._settled(item.id)
                self._sent.append((item.id, message_id))
                return
            finally:
                self._in_http.discard(item.id)
            self._settled(item.id)
            logger.info("broadcast %s: telegram id %s failed", self.broadcast_id, item.chat_id)
            self._failed.append(
                deliveries.Failure(
                    item.id, item.chat_id, error[: service.ERROR_LENGTH], attempts, blocked
                )
            )
            return

    def _settled(self, delivery_id: int) -> None:
        self._unsettled.pop(delivery_id, None)
        if self._should_wake():
            self._wake.set()

    async def _send(self, broadcast: Broadcast, chat_id: int) -> int:
        if broadcast.photo_file_id:
            message = await self.bot.send_photo(
                chat_id, photo=broadcast.photo_file_id, caption=broadcast.text
            )
        else:
            message = await self.bot.send_message(chat_id, broadcast.text or "")
        return message.message_id

    async def _flush(self) -> None:
        sent, failed = self._sent, self._failed
        self._sent, self._failed = [], []
        try:
            await deliveries.record_sent(sent, self.clock.now())
            await deliveries.record_failed(failed)
        except BaseException:
            self._sent[:0], self._failed[:0] = sent, failed  # tried again when settling
            raise

    async def _settle(self, *, wait_in_flight: bool) -> None:
        """Not yet sent: cancelled and given back. In flight: awaited (or, when the run
        itself was cancelled, cancelled too and given back: those may repeat)."""
        for delivery_id, task in list(self._unsettled.items()):
            if delivery_id not in self._in_http or not wait_in_flight:
                task.cancel()
        tasks = list(self._unsettled.values())
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        unsent = list(self._unsettled)
        self._unsettled.clear()
        await self._flush()
        await deliveries.release(unsent, self.worker)


class BroadcastSenders:
    """Runs a sender for every running broadcast of the database, in this process."""

    def __init__(
        self,
        *,
        progress_factory: ProgressFactory | None = None,
        clock: Clock | None = None,
        config: SenderConfig | None = None,
        poll_every: float = 5.0,
        rate: float | None = None,
    ) -> None:
        self.clock = clock or SystemClock()
        self.config = config or SenderConfig()
        self.progress_factory = progress_factory
        self.poll_every = poll_every
        self.fixed_rate = rate
        self.worker = worker_name()
        self.bucket = TokenBucket(rate or service.DEFAULT_RATE, self.clock)
        self.senders: dict[int, tuple[BroadcastSender, asyncio.Task[BroadcastStatus | None]]] = {}
        self._bot: Bot | None = None
        self._poke = asyncio.Event()
        self._watcher: asyncio.Task[None] | None = None

    def start(self, bot: Bot) -> None:
        self._bot = bot
        if self._watcher is None:
            self._watcher = asyncio.create_task(self._watch())

    def poke(self) -> None:
        """Look at the database now (a broadcast was started or resumed)."""
        self._poke.set()

    def task_of(self, broadcast_id: int) -> asyncio.Task[BroadcastStatus | None] | None:
        entry = self.senders.get(broadcast_id)
        return entry[1] if entry else None

    async def check(self) -> None:
        """Starts a sender for each running broadcast without one here."""
        if self._bot is None or not Tortoise.is_inited():
            return
        if self.fixed_rate is None:
            self.bucket.set_rate(await service.broadcast_rate())
        for broadcast_id in await service.active_broadcast_ids():
            entry = self.senders.get(broadcast_id)
            if entry is not None and not entry[1].done():
                continue
            progress = self.progress_factory(self._bot) if self.progress_factory else None
            sender = BroadcastSender(
                self._bot,
                broadcast_id,
                self.bucket,
                worker=self.worker,
                clock=self.clock,
                config=self.config,
                progress=progress,
            )
            self.senders[broadcast_id] = (sender, asyncio.create_task(self._guarded(sender)))

    async def _guarded(self, sender: BroadcastSender) -> BroadcastStatus | None:
        try:
            return await sender.run()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("broadcast %s: sender failed; retried later", sender.broadcast_id)
            return None

    async def _watch(self) -> None:
        while True:
            try:
                await self.check()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("broadcast senders: cannot read the broadcasts")
            with suppress(TimeoutError):
                await asyncio.wait_for(self._poke.wait(), self.poll_every)
            self._poke.clear()

    async def stop(self, grace: float = 5.0) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        for sender, task in self.senders.values():
            sender.stop()
            try:
                await asyncio.wait_for(asyncio.shield(task), grace)
            except TimeoutError:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
            except Exception:  # logged by _guarded
                pass
        self.senders.clear()


class ProgressFactory(Protocol):
    def __call__(self, bot: Bot) -> ProgressMessage: ...
