"""Updates per second through the real dispatcher, beside a bare aiogram handler (the floor).

Both sides get the same updates through the same in-process Telegram session (no
network), so the gap is what our middlewares, dialogs and database cost.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import CommandStart
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import EditMessageText, SendMessage
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update, User

from bot.app import build_dispatcher
from bot.config import Settings
from bot.db import close_database, open_database
from tests.fakes.recording_bot import recording_bot

TOKEN = "4242:BENCH-token-for-shopdesk-benchmarks"
_update_ids = count(1)


def _user(user_id: int) -> User:
    return User(id=user_id, is_bot=False, first_name=f"Client{user_id}", language_code="en")


def start_update(user_id: int) -> Update:
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=Chat(id=user_id, type="private"),
        from_user=_user(user_id),
        text="/start",
    )
    return Update(update_id=next(_update_ids), message=message)


def click_update(user_id: int, message: Message, data: str) -> Update:
    callback = CallbackQuery(
        id=str(next(_update_ids)),
        from_user=_user(user_id),
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
    from aiogram.utils.keyboard import InlineKeyboardBuilder

    builder = InlineKeyboardBuilder()
    builder.button(text="Language", callback_data="lang")
    builder.button(text="Back", callback_data="back")
    return builder.as_markup()


async def run_side(dp: Dispatcher, new: int, clicks: int, click_data: Callable[[Message, int], str]
                   ) -> tuple[list[float], list[float]]:
    bot = recording_bot(TOKEN)
    await dp.emit_startup(bot=bot, dispatcher=dp)
    new_samples: list[float] = []
    for user_id in range(10_000, 10_000 + new):
        await timed(lambda u=user_id: dp.feed_update(bot, start_update(u)), new_samples)
        bot.session.requests.clear()
    returning = 10_000
    await dp.feed_update(bot, start_update(returning))
    click_samples: list[float] = []
    for i in range(clicks):
        message = shown_message(bot, returning)
        update = click_update(returning, message, click_data(message, i))
        bot.session.requests.clear()
        await timed(lambda u=update: dp.feed_update(bot, u), click_samples)
    await dp.emit_shutdown(bot=bot, dispatcher=dp)
    return new_samples, click_samples


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
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000
    return per_s, p50, p95


async def main(new: int, clicks: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database_url = f"sqlite://{Path(folder) / 'bench.sqlite3'}"
        await open_database(database_url)
        settings = Settings(bot_token=TOKEN, database_url=database_url, _env_file=None)
        ours = build_dispatcher(settings, storage=MemoryStorage())
        ours_new, ours_clicks = await run_side(ours, new, clicks, ours_click)
        await close_database()
    floor_new, floor_clicks = await run_side(floor_dispatcher(), new, clicks, floor_click)

    rows = {
        "shopdesk /start (new customers)": figures(ours_new),
        "shopdesk menu clicks (returning)": figures(ours_clicks),
        "floor /start": figures(floor_new),
        "floor clicks": figures(floor_clicks),
    }
    for name, (per_s, p50, p95) in rows.items():
        print(f"{name:36} {per_s:8.0f} updates/s   p50 {p50:6.2f} ms   p95 {p95:6.2f} ms")
    returning_rate, _, returning_p95 = rows["shopdesk menu clicks (returning)"]
    floor_rate = rows["floor clicks"][0]
    print(f"returning customers run at {returning_rate / floor_rate:.0%} of the floor (target 50%)")
    print(
        json.dumps(
            {
                "updates_per_s": round(returning_rate, 1),
                "floor_updates_per_s": round(floor_rate, 1),
                "p95_ms": round(returning_p95, 3),
                "new_customer_updates_per_s": round(rows["shopdesk /start (new customers)"][0], 1),
            }
        )
    )
