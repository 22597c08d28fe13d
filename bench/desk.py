"""The client desk at scale: p50/p95 per action through the real dispatcher and dialogs.

`python -m bench desk --clients N` makes (or reuses) a SQLite file of N realistic clients
(`bench.desk_data`), then an owner drives the desk as in Telegram: the first screen, the
list, a page at depth 50,000, searches, a sort. Beside each action, a naive twin (the
same question asked the obvious way: OFFSET, icontains, GROUP BY over orders; timed as
bare queries, no dialog around them) and a floor: a bare aiogram-dialog window with one
static button, clicked, i.e. what any dialog update costs before our work.
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiogram import Dispatcher
from aiogram.filters import CommandStart
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import Chat, InlineKeyboardButton, Message, Update
from aiogram_dialog import Dialog, DialogManager, StartMode, Window, setup_dialogs
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Const
from tortoise import Tortoise
from tortoise.expressions import Q

from bench.desk_bulk import bulk_figures, export_figures, large_export_figures
from bench.desk_data import ensure_database
from bench.desk_postgres import ensure_postgres
from bench.updates import click_update, shown_message, telegram_user
from bot.app import build_dispatcher
from bot.config import Settings
from bot.db import CONNECTION, close_database, open_database
from bot.runner import keep_startup_objects
from bot.services.client_list import list_page
from bot.services.client_query import ClientQuery
from bot.services.overview import desk_overview, forget_overview
from models import Client
from tests.fakes.recording_bot import recording_bot

TOKEN = "4242:BENCH-token-for-shopdesk-benchmarks"
OWNER = 1_000
DEPTH = 50_000
_message_ids = itertools.count(1_000_000)
SEARCHES = {
    "search_latin": "smith",
    "search_cyrillic": "иван",
    "search_polish": "łukasz",
}


def figures(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[max(math.ceil(len(ordered) * 0.95) - 1, 0)]
    return round(statistics.median(ordered) * 1000, 3), round(p95 * 1000, 3)


async def timed(action: Callable[[], Awaitable[Any]], samples: list[float]) -> None:
    started = time.perf_counter()
    await action()
    samples.append(time.perf_counter() - started)


async def handled(
    owner: ChatUser, action: Callable[[], Awaitable[Any]], samples: list[float]
) -> None:
    """`action` (a ChatUser's message or press), timed from `feed_update` to its end."""
    await action()
    samples.append(owner.handled_in)


class ChatUser:
    """Somebody (the owner, by default) in a private chat with the real dispatcher.

    An update is built and parsed with the bot's context before it is timed, as polling
    and the webhook parse Telegram's JSON before `feed_update` (an update that is not
    the bot's own would be dumped and parsed again inside `feed_update`). `handled_in`:
    the seconds the last update took from there. Messages are shown by aiogram-dialog's
    own message manager through the recording bot, as in production.
    """

    def __init__(self, dp: Dispatcher, user_id: int = OWNER, language_code: str = "en") -> None:
        self.dp = dp
        self.bot = recording_bot(TOKEN)
        self.user_id, self.language_code = user_id, language_code
        self.handled_in = 0.0

    async def start(self) -> None:
        await self.dp.emit_startup(bot=self.bot, dispatcher=self.dp)

    async def send(self, text: str) -> None:
        await self._feed(message_update(self.user_id, text, self.language_code))

    async def _feed(self, update: Update) -> None:
        update = Update.model_validate(update.model_dump(), context={"bot": self.bot})
        self.bot.session.requests.clear()
        started = time.perf_counter()
        await self.dp.feed_update(self.bot, update)
        self.handled_in = time.perf_counter() - started

    async def click(self, label: str) -> None:
        await self.press(lambda button: label in button.text)

    async def press(self, which: Callable[[InlineKeyboardButton], bool]) -> None:
        """The first button of the shown message that `which` picks."""
        shown = shown_message(self.bot, self.user_id)
        buttons = [b for row in shown.reply_markup.inline_keyboard for b in row]
        data = next(b.callback_data for b in buttons if which(b))
        await self._feed(click_update(self.user_id, shown, data, self.language_code))

    def text(self) -> str:
        return shown_message(self.bot, self.user_id).text or ""


def a_client_row(button: InlineKeyboardButton) -> bool:
    """A row of the client list (its label has the name, @username and language)."""
    return (button.callback_data or "").endswith(":open")


def message_update(user_id: int, text: str, language_code: str = "en") -> Update:
    message = Message(
        message_id=next(_message_ids),
        date=datetime.now(UTC),
        chat=Chat(id=user_id, type="private"),
        # as in the clicks: the profile stays unchanged
        from_user=telegram_user(user_id, language_code),
        text=text,
    )
    return Update(update_id=next(_message_ids), message=message)


def list_context(storage: MemoryStorage) -> dict[str, Any]:
    """The client list's dialog data in the storage (to place the list at a depth)."""
    for record in storage.storage.values():
        data = record.data
        if str(data.get("state", "")).startswith("ClientList") and "list" in data.get(
            "dialog_data", {}
        ):
            return data["dialog_data"]["list"]
    raise RuntimeError("the list is not open")


async def cursor_at(depth: int) -> list[Any]:
    """The default list's cursor after `depth` rows (found once, by OFFSET, untimed)."""
    rows = await Tortoise.get_connection(CONNECTION).execute_query_dict(
        "SELECT id, created_at FROM clients WHERE anonymized_at IS NULL "
        f"ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET {depth - 1}"
    )
    created = rows[0]["created_at"]  # a string on SQLite, a datetime on PostgreSQL
    return [0, created.isoformat() if isinstance(created, datetime) else created, rows[0]["id"]]


async def a_phone() -> str:
    rows = await Tortoise.get_connection(CONNECTION).execute_query_dict(
        "SELECT phone FROM clients WHERE phone LIKE '+48%' ORDER BY id LIMIT 1 OFFSET 77"
    )
    digits = rows[0]["phone"][3:]
    return f"+48 {digits[:3]}-{digits[3:6]}-{digits[6:]}"


async def ours(samples: int, phone: str) -> dict[str, list[float]]:
    storage = MemoryStorage()
    settings = Settings(bot_token=TOKEN, admin_ids=frozenset({OWNER}), _env_file=None)
    owner = ChatUser(build_dispatcher(settings, storage=storage))
    await owner.start()
    keep_startup_objects()  # as `serve` does once the bot is assembled
    names = ("overview", "first_page", "card", "deep_page")
    results: dict[str, list[float]] = {name: [] for name in names}
    depth = min(DEPTH, await Client.all().count() // 2)
    deep = await cursor_at(depth)
    searches = {**SEARCHES, "search_phone": phone}
    for name in [*searches, "sort_total"]:
        results[name] = []
    for i in range(samples + 3):
        keep = i >= 3  # three warm-up rounds
        gc.collect()
        await handled(owner, lambda: owner.send("/admin"), results["overview"] if keep else [])
        await handled(owner, lambda: owner.click("Clients"), results["first_page"] if keep else [])
        await handled(owner, lambda: owner.press(a_client_row), results["card"] if keep else [])
        await owner.click("Back to the list")
        view = list_context(storage)
        view.update(page=depth // 10, last=deep, has_next=True)
        await handled(owner, lambda: owner.click("▶"), results["deep_page"] if keep else [])
        for name, text in searches.items():
            await handled(owner, lambda t=text: owner.send(t), results[name] if keep else [])
        await owner.click("Reset")
        await owner.click("Sort")
        await handled(
            owner, lambda: owner.click("total spent ↓"), results["sort_total"] if keep else []
        )
    await owner.dp.emit_shutdown(bot=owner.bot, dispatcher=owner.dp)
    return results


async def naive(samples: int, phone: str) -> dict[str, list[float]]:
    """The same questions asked the obvious way, as bare ORM queries."""
    conn = Tortoise.get_connection(CONNECTION)
    people = Client.filter(anonymized_at=None)

    async def overview() -> None:
        await people.count()
        await people.filter(created_at__gte=time_ago(1)).count()
        await people.filter(last_seen_at__gte=time_ago(7)).count()
        await people.filter(is_blocked=True).count()
        await people.filter(Q(is_manager=True) | Q(is_viewer=True)).count()

    async def page(offset: int) -> None:
        await people.count()
        await people.order_by("-created_at").offset(offset).limit(10)

    def search(text: str) -> Callable[[], Awaitable[None]]:
        condition = (
            Q(first_name__icontains=text)
            | Q(last_name__icontains=text)
            | Q(custom_name__icontains=text)
            | Q(username__icontains=text)
            | Q(phone__icontains=text)
            | Q(email__icontains=text)
        )

        async def run() -> None:
            await people.filter(condition).count()
            await people.filter(condition).order_by("-created_at").limit(10)

        return run

    async def sort_total() -> None:
        await conn.execute_query_dict(
            "SELECT c.id, SUM(o.total) AS spent FROM clients c "
            "LEFT JOIN orders o ON o.client_id = c.id AND o.status <> 'cart' "
            "WHERE c.anonymized_at IS NULL GROUP BY c.id ORDER BY spent DESC LIMIT 10"
        )

    actions: dict[str, Callable[[], Awaitable[None]]] = {
        "overview": overview,
        "first_page": lambda: page(0),
        "deep_page": lambda: page(DEPTH),
        **{name: search(text) for name, text in SEARCHES.items()},
        "search_phone": search(phone.replace(" ", "").replace("-", "")),
        "sort_total": sort_total,
    }
    results: dict[str, list[float]] = {}
    for name, action in actions.items():
        results[name] = []
        for i in range(samples + 1):
            await timed(action, results[name] if i else [])
    return results


def time_ago(days: int) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


class FloorMenu(StatesGroup):
    MAIN = State()


async def floor_user() -> ChatUser:
    """A bare aiogram-dialog: one window with one static button, after /start."""

    async def on_start(message: Any, dialog_manager: DialogManager) -> None:
        await dialog_manager.start(FloorMenu.MAIN, mode=StartMode.RESET_STACK)

    dp = Dispatcher(storage=MemoryStorage())
    dp.message.register(on_start, CommandStart())
    dp.include_router(
        Dialog(Window(Const("floor"), Button(Const("x"), id="x"), state=FloorMenu.MAIN))
    )
    setup_dialogs(dp)
    user = ChatUser(dp)
    await user.start()
    await user.send("/start")
    return user


async def floor(samples: int) -> list[float]:
    """The bare click, measured as the desk's actions are."""
    user = await floor_user()
    result: list[float] = []
    for i in range(samples + 20):
        await handled(user, lambda: user.click("x"), result if i >= 20 else [])
    return result


async def open_clients(clients: int, folder: Path, database_url: str | None) -> str:
    """The generated clients opened on SQLite, or copied to `database_url` and opened there."""
    path = await ensure_database(folder, clients)
    if database_url:
        await ensure_postgres(database_url, path, clients)
        await open_database(database_url, migrate=False)
        return "postgres"
    await open_database(f"sqlite://{path}", migrate=False)
    return "sqlite"


async def main(clients: int, samples: int, folder: Path, database_url: str | None) -> None:
    kind = await open_clients(clients, folder, database_url)
    try:
        phone = await a_phone()
        forget_overview()
        started = time.perf_counter()
        ours_samples = await ours(samples, phone)
        print(f"ours: {time.perf_counter() - started:.1f} s")
        naive_samples = await naive(max(3, samples // 5), phone)
        floor_samples = await floor(samples * 5)
        uncached: list[float] = []
        for _ in range(10):
            forget_overview()
            await timed(desk_overview, uncached)
        page_only: list[float] = []
        for _ in range(samples):
            await timed(lambda: list_page(ClientQuery()), page_only)
        from bench import desk_analytics  # it imports this module's ChatUser

        busiest = await desk_analytics.busiest_client()
        ours_samples.update(await desk_analytics.ours(samples, busiest))
        naive_samples.update(await desk_analytics.naive(max(3, samples // 5), busiest["id"]))
        chart = await desk_analytics.chart_samples(max(5, samples // 4), busiest["id"])
        services = await desk_analytics.service_samples(samples, busiest["id"])
        heavy = {
            **await bulk_figures(),
            **await export_figures(),
            **await large_export_figures(),
        }
    finally:
        await close_database()
    actions = {}
    for name, values in ours_samples.items():
        p50, p95 = figures(values)
        naive_p95 = figures(naive_samples[name])[1] if name in naive_samples else None
        actions[name] = {"p50_ms": p50, "p95_ms": p95, "naive_p95_ms": naive_p95}
        print(
            f"{name:16} p50 {p50:8.2f} ms  p95 {p95:8.2f} ms  naive p95 "
            + (f"{naive_p95:9.2f} ms" if naive_p95 is not None else "        -")
        )
    print(f"analytics: the busiest client has {busiest['orders_count']} orders")
    print(f"chart rendering (one 12-bar PNG): p50/p95 {figures(chart)} ms")
    for name, values in services.items():
        print(f"{name} service call alone: p50/p95 {figures(values)} ms")
    print(f"desk counts uncached (one query): p50/p95 {figures(uncached)} ms")
    print(f"list_page service call alone: p50/p95 {figures(page_only)} ms")
    print(
        f"bulk tag on the last 90 days' sign-ups: {heavy['bulk_tag_clients']} clients "
        f"in {heavy['bulk_tag_ms']} ms (removed again in {heavy['bulk_untag_ms']} ms)"
    )
    print(
        f"export of {heavy['export_10k_rows']} clients: {heavy['export_10k_ms']} ms, "
        f"{heavy['export_10k_bytes']} bytes, peak RSS {heavy['export_10k_peak_rss_mb']} MB "
        f"(RSS before {heavy['export_10k_rss_before_mb']} MB)"
    )
    print(
        f"export of {heavy['export_100k_rows']} clients: {heavy['export_100k_s']} s; "
        f"openpyxl alone writing the same cells: {heavy['export_floor_s']} s "
        "(medians of three runs of each, in turns)"
    )
    print(
        json.dumps(
            {
                "db": kind,
                "clients": clients,
                "floor_p95_ms": figures(floor_samples)[1],
                "actions": actions,
                "chart_ms": dict(zip(("p50", "p95"), figures(chart), strict=True)),
                "shop_analytics_uncached_p95_ms": figures(naive_samples["shop_analytics"])[1],
                **heavy,
            }
        )
    )
