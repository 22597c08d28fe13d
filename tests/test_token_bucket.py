"""The broadcast's token bucket: never more than `rate` grants in any one second, even
when the event loop wakes sleepers late and several due tokens would go out at once."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from datetime import UTC, datetime

from bot.broadcast_runner import TokenBucket


class LateClock:
    """Simulated time: a sleep ends `late` seconds after it should (a busy event loop);
    when every sender sleeps, time jumps to the earliest wake-up."""

    def __init__(self, late: float) -> None:
        self.late = late
        self.t = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        return self.t

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        woken = asyncio.get_running_loop().create_future()
        wake = self.t + max(0.0, seconds) + self.late
        heapq.heappush(self._sleepers, (wake, next(self._order), woken))
        await woken

    async def drive(self, senders: asyncio.Future[object]) -> None:
        while not senders.done():
            for _ in range(20):  # let every sender run until it sleeps
                await asyncio.sleep(0)
            if self._sleepers:
                wake, _, woken = heapq.heappop(self._sleepers)
                self.t = max(self.t, wake)
                woken.set_result(None)


def most_in_a_second(times: list[float]) -> int:
    times = sorted(times)
    most, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


async def _grants(rate: float, senders: int, each: int, late: float) -> list[float]:
    clock = LateClock(late=late)
    bucket = TokenBucket(rate, clock)
    times: list[float] = []

    async def sender() -> None:
        for _ in range(each):
            await bucket.take()
            times.append(clock.monotonic())

    everyone = asyncio.gather(*(sender() for _ in range(senders)))
    await clock.drive(everyone)
    await everyone
    return times


async def test_late_wakeups_never_put_more_than_the_rate_in_a_second() -> None:
    times = await _grants(rate=20, senders=30, each=10, late=0.013)
    assert len(times) == 300
    assert most_in_a_second(times) <= 20


async def test_on_time_it_keeps_the_rate() -> None:
    times = await _grants(rate=50, senders=10, each=50, late=0.0)
    assert most_in_a_second(times) <= 50
    assert max(times) - min(times) < 500 / 50 + 0.1  # not slower than the rate either
