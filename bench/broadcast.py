"""A broadcast to N clients through the real sender, on the wire, against the fake Bot API.

`python -m bench broadcast --recipients 100000 --rate 1000`

The fake Bot API (`tests.fakes.bot_api`) runs in a subprocess on 127.0.0.1, so this
process's event loop only does what a worker does: aiogram's aiohttp session, the token
bucket, the claims and the bookkeeping. Measured:

- `achieved_rate`: recipients / the sending (first request to `done`; the copy of the
  recipients into deliveries before it is `snapshot_s`, and `seconds` is the whole
  run), and `max_in_a_second`: the most requests started within one wall-clock second;
- `queries_per_recipient`: every statement sent to the database (the connection's
  execute methods wrapped) from the start of the broadcast (its recipients snapshot
  included) to the end, divided by N;
- `rss_mb`: this process's peak RSS (`resource.getrusage`), taken before the fake's
  request log is fetched for checking;
- `lost` / `duplicates`: from the fake's log: eligible clients without a message, and
  messages beyond one per client.

The database is a new SQLite file (or `--database-url`, e.g. a PostgreSQL schema); the
clients are made in bulk, 5 % of them excluded (blocked, broadcasts off, bot blocked).
The last line is JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiohttp import ClientSession
from tortoise import Tortoise

from bot.broadcast_runner import BroadcastSender, SenderConfig, SystemClock, TokenBucket
from bot.db import CONNECTION, close_database, open_database
from bot.runner import keep_startup_objects
from bot.services.broadcast import start_broadcast
from bot.services.broadcast_recipients import Segment
from bot.services.roles import Role
from models import Client

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "4242:BENCH-broadcast-token"
FIRST_ID = 10_000_000
EXECUTE_METHODS = (
    "execute_query",
    "execute_query_dict",
    "execute_insert",
    "execute_many",
    "execute_script",
)


class QueryCounter:
    """Counts statements by wrapping the connection class's execute methods."""

    def __init__(self) -> None:
        self.count = 0
        self._originals: list[tuple[type, str, Callable[..., Any]]] = []

    def install(self) -> None:
        cls = type(Tortoise.get_connection(CONNECTION))
        for name in EXECUTE_METHODS:
            original = getattr(cls, name)
            self._originals.append((cls, name, original))
            setattr(cls, name, self._counting(original))

    def _counting(self, original: Callable[..., Any]) -> Callable[..., Any]:
        async def counted(client: Any, *args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return await original(client, *args, **kwargs)

        return counted

    def uninstall(self) -> None:
        for cls, name, original in self._originals:
            setattr(cls, name, original)


class PerSecond(BaseRequestMiddleware):
    """Counts the Bot API requests started in each wall-clock second."""

    def __init__(self) -> None:
        self.seconds: Counter[int] = Counter()
        self.first: float | None = None  # perf_counter of the first request

    async def __call__(self, make_request, bot, method):  # type: ignore[no-untyped-def]
        if self.first is None:
            self.first = time.perf_counter()
        self.seconds[int(time.time())] += 1
        return await make_request(bot, method)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def _start_fake_api() -> tuple[asyncio.subprocess.Process, str]:
    port = _free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.fakes.bot_api", "--port", str(port),
        cwd=ROOT, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    line = await process.stdout.readline()  # type: ignore[union-attr]
    match = re.search(rb"listening on (\S+)", line)
    if not match:
        process.kill()
        raise RuntimeError(f"the fake Bot API did not start: {line!r}")
    return process, match.group(1).decode()


async def _make_clients(count: int) -> set[int]:
    """`count` eligible clients and 5 % more excluded ones (blocked, broadcasts off, bot
    blocked), interleaved. Returns the eligible Telegram ids."""
    exclusions = ({"is_blocked": True}, {"broadcasts_off": True}, {"bot_blocked": True})
    eligible: set[int] = set()
    made = 0
    total = count + count // 20
    while made < total:
        batch = []
        for i in range(made, min(total, made + 5000)):
            excluded = exclusions[i % 3] if i % 21 == 20 and len(eligible) + i // 21 < total else {}
            if not excluded:
                if len(eligible) == count:
                    excluded = exclusions[i % 3]
                else:
                    eligible.add(FIRST_ID + i)
            batch.append(
                Client(
                    telegram_id=FIRST_ID + i,
                    first_name=f"Client {i}",
                    referral_code=f"b{i}",
                    **excluded,
                )
            )
        await Client.bulk_create(batch, batch_size=1000)
        made += len(batch)
    return eligible


async def _fetch_log(base_url: str) -> Counter[int]:
    async with ClientSession() as session, session.get(f"{base_url}/_fake/requests") as r:
        requests = await r.json()
    return Counter(
        r["result"]["chat"]["id"]
        for r in requests
        if r["method"] == "sendMessage" and r["error"] is None
    )


async def run(recipients: int, rate: float, database_url: str | None) -> dict[str, Any]:
    folder = tempfile.mkdtemp(prefix="bench-broadcast-")
    await open_database(database_url or f"sqlite://{folder}/bench.sqlite3")
    process, base_url = await _start_fake_api()
    bot = Bot(
        TOKEN,
        session=AiohttpSession(api=TelegramAPIServer.from_base(base_url)),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    per_second = PerSecond()
    bot.session.middleware(per_second)
    counter = QueryCounter()
    try:
        started = time.perf_counter()
        eligible = await _make_clients(recipients)
        print(f"{recipients} clients made in {time.perf_counter() - started:.1f} s", flush=True)
        counter.install()
        broadcast = await start_broadcast(
            None,
            Role.OWNER,
            text="Spring <b>sale</b>",
            photo_file_id=None,
            segment=Segment(),
            progress_chat_id=None,
        )
        clock = SystemClock()
        sender = BroadcastSender(
            bot, broadcast.id, TokenBucket(rate, clock), worker="bench", clock=clock,
            config=SenderConfig(),
        )  # fmt: skip
        keep_startup_objects()  # as the bot's process does once it is assembled
        began, cpu_began = time.perf_counter(), time.process_time()
        status = await sender.run()
        ended, cpu = time.perf_counter(), time.process_time() - cpu_began
        sending = ended - (per_second.first or began)
        elapsed = ended - began
        queries = counter.count
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        received = await _fetch_log(base_url)
    finally:
        counter.uninstall()
        await bot.session.close()
        process.terminate()
        await asyncio.wait_for(process.wait(), 10)
        await close_database()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    lost = len(eligible - set(received))
    return {
        "recipients": len(eligible),
        "rate_cap": rate,
        "achieved_rate": round(len(eligible) / sending, 1),
        "snapshot_s": round(elapsed - sending, 1),
        "max_in_a_second": max(per_second.seconds.values(), default=0),
        "queries_per_recipient": round(queries / max(1, len(eligible)), 4),
        "rss_mb": round(rss_mb, 1),
        "lost": lost,
        "duplicates": sum(received.values()) - len(received),
        "unexpected": len(set(received) - eligible),
        "status": str(status),
        "seconds": round(elapsed, 1),
        "cpu_seconds": round(cpu, 1),
        "fake_api_cpu_seconds": round(children.ru_utime + children.ru_stime, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main(recipients: int, rate: float, database_url: str | None = None) -> None:
    result = asyncio.run(run(recipients, rate, database_url))
    print(json.dumps(result))
