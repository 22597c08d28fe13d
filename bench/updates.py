"""Updates per second through the real dispatcher, beside a bare aiogram handler (the floor).

Both sides get the same updates through the same in-process Telegram session (no
network), so the gap is what our middlewares, dialogs and database cost.
"""

from __future__ import annotations

import gc
import json
import math
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import CommandStart
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import EditMessageText, SendMessage
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update, User
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.app import build_dispatcher
from bot.config import Settings
from bot.db import close_database, open_database
from tests.fakes.recording_bot import recording_bot

TOKEN = "4242:BENCH-token-for-shopdesk-benchmarks"
_update_ids = count(1)


def telegram_user(user_id: int, language_code: str = "en") -> User:
    """The same person in every update (a changed name would be written to the DB)."""
    return User(
        id=user_id, is_bot=False, first_name=f"Client{user_id}", language_code=language_code
    )


def start_update(user_id: int) -> Update:
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=Chat(id=user_id, type="private"),
        from_user=telegram_user(user_id),
        text="/start",
    )
    return Update(update_id=next(_update_ids), message=message)


def click_update(user_id: int, message: Message, data: str, language_code: str = "en") -> Update:
    callback = CallbackQuery(
        id=str(next(_update_ids)),
        from_user=telegram_user(user_id, language_code),
        chat_instance="bench",
        message=message,
        data=data,
    )
    return Update(update_id=next(_update_ids), callback_query=callback)


def shown_message(bot: Bot, user_id: int) -> Message:
    """The last message the bot sent or edited in this chat, with its keyboard."""
    for request in reversed(bot.session.requests):
        if isinstance(request, SendMessage | EditMessageText) and request.chat_id == user_id:
            markup = request.reply_markup
            message_id = getattr(request, "message_id", None) or _last_sent_id(bot, user_id)
            return Message(
                message_id=message_id,
                date=datetime.now(UTC),
                chat=Chat(id=user_id, type="private"),
                text=request.text,
                reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
            )
    raise RuntimeError("the bot showed nothing")


def _last_sent_id(bot: Bot, chat_id: int) -> int:
    return bot.session.telegram._last_message_id[chat_id]  # type: ignore[attr-defined]


async def timed(feed: Callable[[], Awaitable[object]], samples: list[float]) -> None:
    started = time.perf_counter()
    await feed()
    samples.append(time.perf_counter() - started)


def floor_dispatcher() -> Dispatcher:
    """A bare aiogram bot doing the same Telegram calls, and nothing else."""
    router = Router()

    @router.message(CommandStart())
    async def on_start(message: Message) -> None:
        await message.answer("Hello!", reply_markup=_keyboard())

    @router.callback_query(F.data)
    async def on_click(callback: CallbackQuery) -> None:
        await callback.message.edit_text(f"Clicked {callback.data}", reply_markup=_keyboard())
        await callback.answer()

    dp = Dispatcher(storage=MemoryStorage())
    dp.include_router(router)
    return dp


def _keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text="Language", callback_data="lang")
    builder.button(text="Back", callback_data="back")
    return builder.as_markup()


@dataclass
class Side:
    """One dispatcher with its own recording bot, fed in measured blocks."""

    name: str
    dp: Dispatcher
    click_data: Callable[[Message, int], str]
    first_user: int
    bot: Bot = field(init=False)
    next_user: int = field(init=False)
    shown: Message | None = None  # what the returning customer sees now
    clicks_done: int = 0
    new_samples: list[float] = field(default_factory=list)
    click_samples: list[float] = field(default_factory=list)
    click_rounds: list[float] = field(default_factory=list)  # updates/s of each block

    def __post_init__(self) -> None:
        self.bot = recording_bot(TOKEN)
        self.next_user = self.first_user

    @property
    def returning(self) -> int:
        return self.first_user

    async def start(self) -> None:
        await self.dp.emit_startup(bot=self.bot, dispatcher=self.dp)
        await self.dp.feed_update(self.bot, start_update(self.returning))
        self.next_user = self.returning + 1
        self.shown = shown_message(self.bot, self.returning)
        self.bot.session.requests.clear()

    async def stop(self) -> None:
        await self.dp.emit_shutdown(bot=self.bot, dispatcher=self.dp)

    async def new_customers(self, count: int, *, record: bool = True) -> None:
        samples = self.new_samples if record else []
        for _ in range(count):
            update = start_update(self.next_user)
            self.next_user += 1
            await timed(lambda u=update: self.dp.feed_update(self.bot, u), samples)
            self.bot.session.requests.clear()

    async def clicks(self, count: int, *, record: bool = True) -> None:
        """The returning customer clicks on through the menu; unrecorded clicks warm up."""
        samples: list[float] = []
        for _ in range(count):
            assert self.shown is not None, "start() first"
            data = self.click_data(self.shown, self.clicks_done)
            update = click_update(self.returning, self.shown, data)
            self.clicks_done += 1
            await timed(lambda u=update: self.dp.feed_update(self.bot, u), samples)
            self.shown = shown_message(self.bot, self.returning)
            self.bot.session.requests.clear()
        if record:
            self.click_samples += samples
            self.click_rounds.append(len(samples) / sum(samples))


async def measured_round(side: Side, new: int, clicks: int, settle: int) -> None:
    # Both sides start a block alike: no garbage of the other side, caches warm again.
    gc.collect()
    await side.clicks(settle, record=False)
    await side.new_customers(new)
    await side.clicks(settle, record=False)
    await side.clicks(clicks)


def ours_click(message: Message, i: int) -> str:
    """Alternate Language (row 2) and Back, as a person browsing the menu would."""
    rows = message.reply_markup.inline_keyboard
    wanted = "Language" if i % 2 == 0 else "Back"
    for row in rows:
        for button in row:
            if wanted in button.text:
                return button.callback_data
    raise RuntimeError(f"no {wanted} button in {[b.text for r in rows for b in r]}")


def floor_click(message: Message, i: int) -> str:
    return "lang" if i % 2 == 0 else "back"


def figures(samples: list[float]) -> tuple[float, float, float]:
    per_s = len(samples) / sum(samples)
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[max(math.ceil(len(ordered) * 0.95) - 1, 0)] * 1000
    return per_s, p50, p95


async def main(new: int, clicks: int, rounds: int = 20, warmup: int = 300) -> None:
    """`new` /start updates and `clicks` clicks per side in each of `rounds` rounds.

    Each side first gets `warmup` unrecorded clicks. Then the rounds alternate the
    sides (ours, floor; then floor, ours; ...) so drift in machine speed hits both
    alike, and the rates reported are the medians of the rounds' rates: one slow
    round (another process, a GC pass) moves neither the rate nor the ratio.
    """
    settle = 20
    with tempfile.TemporaryDirectory() as folder:
        database_url = f"sqlite://{Path(folder) / 'bench.sqlite3'}"
        await open_database(database_url)
        try:
            settings = Settings(bot_token=TOKEN, database_url=database_url, _env_file=None)
            ours = Side(
                "shopdesk", build_dispatcher(settings, storage=MemoryStorage()), ours_click, 10_000
            )
            floor = Side("floor", floor_dispatcher(), floor_click, 10_000)
            sides = (ours, floor)
            for side in sides:
                await side.start()
                await side.clicks(warmup, record=False)
            for number in range(rounds):
                for side in sides if number % 2 == 0 else reversed(sides):
                    await measured_round(side, new, clicks, settle)
            for side in sides:
                await side.stop()
        finally:
            await close_database()

    rows = {
        "shopdesk /start (new customers)": figures(ours.new_samples),
        "shopdesk menu clicks (returning)": figures(ours.click_samples),
        "floor /start": figures(floor.new_samples),
        "floor clicks": figures(floor.click_samples),
    }
    print(
        f"{rounds} rounds, alternating sides; each side per round: {new} new customers' "
        f"/start, {clicks} clicks; after {warmup} warm-up clicks"
    )
    for name, (per_s, p50, p95) in rows.items():
        print(f"{name:36} {per_s:8.0f} updates/s   p50 {p50:6.2f} ms   p95 {p95:6.2f} ms")
    ratios = [o / f for o, f in zip(ours.click_rounds, floor.click_rounds, strict=True)]
    print(
        "clicks per round, updates/s: shopdesk "
        + " ".join(f"{r:.0f}" for r in ours.click_rounds)
        + " | floor "
        + " ".join(f"{r:.0f}" for r in floor.click_rounds)
        + " | ratio "
        + " ".join(f"{r:.0%}" for r in ratios)
    )
    returning_rate = statistics.median(ours.click_rounds)
    floor_rate = statistics.median(floor.click_rounds)
    verdict = "met" if returning_rate >= 0.5 * floor_rate else "NOT met"
    print(
        f"returning customers run at {returning_rate / floor_rate:.0%} of the floor "
        f"(medians of the rounds; rounds {min(ratios):.0%}..{max(ratios):.0%}); "
        f"target 50%: {verdict}"
    )
    print(
        json.dumps(
            {
                "updates_per_s": round(returning_rate, 1),
                "floor_updates_per_s": round(floor_rate, 1),
                "ratio": round(returning_rate / floor_rate, 3),
                "round_ratios": [round(r, 3) for r in ratios],
                "p95_ms": round(rows["shopdesk menu clicks (returning)"][2], 3),
                "p50_ms": round(rows["shopdesk menu clicks (returning)"][1], 3),
                "floor_p95_ms": round(rows["floor clicks"][2], 3),
                "new_customer_updates_per_s": round(rows["shopdesk /start (new customers)"][0], 1),
                "floor_new_updates_per_s": round(rows["floor /start"][0], 1),
            }
        )
    )
