"""Clients, a fake clock and a bot on the wire for the broadcast tests."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from bot.broadcast_runner import BroadcastSender, SenderConfig, TokenBucket
from bot.services.broadcast import start_broadcast
from bot.services.broadcast_recipients import Segment
from bot.services.roles import Role
from models import Broadcast, Client
from tests.fakes.bot_api import FakeBotAPI

WIRE_TOKEN = "4242:BROADCAST-wire-token"
EXCLUDED_FLAGS = (
    {"is_blocked": True},
    {"broadcasts_off": True},
    {"bot_blocked": True},
    {"anonymized_at": datetime(2025, 1, 1, tzinfo=UTC)},
)


@dataclass
class FakeClock:
    """Time moves only when somebody sleeps: no test waits for real time."""

    t: float = 1000.0
    start: datetime = field(default_factory=lambda: datetime.now(UTC))
    sleeps: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.t

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.t - 1000.0)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += max(0.0, seconds)
        await asyncio.sleep(0)


async def make_clients(count: int, first_id: int = 700_000, **values: object) -> list[Client]:
    clients = [
        Client(
            telegram_id=first_id + i,
            first_name=f"C{i}",
            referral_code=f"r{first_id + i}",
            **values,
        )
        for i in range(count)
    ]
    await Client.bulk_create(clients, batch_size=500)
    return await Client.filter(telegram_id__gte=first_id, telegram_id__lt=first_id + count)


async def make_excluded(first_id: int = 800_000) -> list[int]:
    """One client per exclusion with a Telegram id (and one without): none may get a message."""
    chat_ids = []
    for i, values in enumerate(EXCLUDED_FLAGS):
        await make_clients(1, first_id + i, **values)
        chat_ids.append(first_id + i)
    await Client.create(telegram_id=None, first_name="Phone order", referral_code="rnone")
    return chat_ids


def wire_bot(api: FakeBotAPI) -> Bot:
    return Bot(
        WIRE_TOKEN,
        session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


async def new_broadcast(
    text: str = "Sale <b>today</b>", segment: Segment | None = None, photo: str | None = None
) -> Broadcast:
    return await start_broadcast(
        None,
        Role.OWNER,
        text=text,
        photo_file_id=photo,
        segment=segment or Segment(),
        progress_chat_id=None,
    )


def sender_for(
    bot: Bot,
    broadcast: Broadcast,
    clock: FakeClock,
    worker: str = "worker-a",
    rate: float = 1000.0,
    **config: object,
) -> BroadcastSender:
    return BroadcastSender(
        bot,
        broadcast.id,
        TokenBucket(rate, clock),
        worker=worker,
        clock=clock,
        config=SenderConfig(**config),  # type: ignore[arg-type]
    )


def received(api: FakeBotAPI, method: str = "sendMessage") -> list[int]:
    """Chat ids of every message Telegram accepted, repeats included."""
    return [r.result["chat"]["id"] for r in api.requests if r.method == method and r.ok]
