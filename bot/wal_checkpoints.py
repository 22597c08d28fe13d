"""SQLite's WAL checkpoints, moved off the commits that answer users.

By default the commit that takes the write-ahead log past 1,000 pages copies them back
into the database file and syncs it, in that commit: on the bench machine one checkout
in thirty took 3-10 ms instead of 0.3 ms, and that was the checkout's p95. The app's
connection checkpoints only as a safety net (`SAFETY_NET_PAGES`) and this checkpointer
does it every second from a connection of its own in a worker thread. PASSIVE: it
neither waits for nor blocks the app's writer and readers, and copies what it can.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from pathlib import Path

logger = logging.getLogger(__name__)

EVERY_SECONDS = 1.0
# the app's own connection checkpoints only when the log got this long (40 MB): if this
# checkpointer fell behind, never
SAFETY_NET_PAGES = 10_000
BUSY_TIMEOUT = 5.0


class Checkpointer:
    """Runs `PRAGMA wal_checkpoint(PASSIVE)` on `path` every `every` seconds until stopped."""

    def __init__(self, path: Path, every: float | None = None) -> None:
        self._every = every or EVERY_SECONDS
        self._connection = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name="sqlite-wal-checkpoints")

    async def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self._every)
            await self.checkpoint()

    async def checkpoint(self) -> tuple[int, int]:
        """One checkpoint now: (pages in the log, pages copied into the file so far)."""
        try:
            return await asyncio.to_thread(self._checkpoint)
        except sqlite3.Error:
            logger.warning("WAL checkpoint failed", exc_info=True)
            return (0, 0)

    def _checkpoint(self) -> tuple[int, int]:
        _busy, log, copied = self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return log, copied

    async def stop(self) -> None:
        """Ends the loop after a last checkpoint (none is left halfway), then the connection."""
        self._stop.set()
        try:
            await self._task
        finally:
            self._connection.close()
