"""The shop's hot clicks through the dialog machinery, beside a bare aiogram-dialog click.

SQLite with 10,000 products (50 categories of 200), added to a copy of `python -m bench
desk`'s file when there is one (1M clients with their orders, and a hundred managers),
else to an empty database. Both sides run the real dispatcher with aiogram-dialog's test
tools (`BotClient`, `MockMessageManager`) and production's memory storage, so the figures
are handler + getter + database + rendering; the floor is one aiogram-dialog window
switching to another with no middleware and no database. Timed: a page of a category
(▶️), a product card, "add to cart" (quantity 1), and the checkout's Confirm (order
placed; the owner and the managers are told in the background, as in production). The
steps in between (back, opening the cart, checkout steps) run untimed.
"""

from __future__ import annotations

import gc
import json
import math
import re
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from contextlib import closing
from decimal import Decimal
from pathlib import Path

from aiogram import Dispatcher
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import Message
from aiogram_dialog import Dialog, DialogManager, StartMode, Window, setup_dialogs
from aiogram_dialog.test_tools import MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from aiogram_dialog.widgets.kbd import SwitchTo
from aiogram_dialog.widgets.text import Const

from bench.desk_data import database_path
from bot.db import close_database, open_database
from bot.services.addresses import add_address
from bot.services.cart import add_to_cart
from models import Category, Client, Product
from tests.fakes.recording_bot import recording_bot
from tests.harness import App, Person, make_settings, start_app
from tests.shop_fixtures import HOME

TOKEN = "4242:BENCH-token-for-shopdesk-benchmarks"
CATEGORIES = 50
PER_CATEGORY = 200
OWNER = 900_001


async def fill_catalog() -> None:
    categories = await Category.bulk_create(
        [Category(name=f"Category {i:02}", position=i) for i in range(CATEGORIES)]
    )
    categories = await Category.all().order_by("id")
    products = [
        Product(
            category_id=category.id,
            name=f"Product {c:02}-{p:03}",
            description="A fine thing",
            price=Decimal(100 + p) / 4,
            currency="USD",
            photo_file_id=f"photo-{c}-{p}" if p % 2 else None,
            position=p,
        )
        for c, category in enumerate(categories)
        for p in range(PER_CATEGORY)
    ]
    await Product.bulk_create(products, batch_size=1000)


async def timed(action: Callable[[], Awaitable[object]], samples: list[float]) -> None:
    started = time.perf_counter()
    await action()
    samples.append(time.perf_counter() - started)


class FloorStates(StatesGroup):
    ONE = State()
    TWO = State()


async def floor_person() -> Person:
    """A bare aiogram-dialog: two windows, a button switching between them."""
    dp = Dispatcher(storage=MemoryStorage())
    dp.include_router(
        Dialog(
            Window(
                Const("One"),
                SwitchTo(Const("Two"), id="two", state=FloorStates.TWO),
                state=FloorStates.ONE,
            ),
            Window(
                Const("Two"),
                SwitchTo(Const("One"), id="one", state=FloorStates.ONE),
                state=FloorStates.TWO,
            ),
        )
    )
    messages = MockMessageManager()
    setup_dialogs(dp, message_manager=messages)

    @dp.message()
    async def start(message: Message, dialog_manager: DialogManager) -> None:
        await dialog_manager.start(FloorStates.ONE, mode=StartMode.RESET_STACK)

    bot = recording_bot(TOKEN)
    await dp.emit_startup(bot=bot, dispatcher=dp)
    app = App(dp=dp, bot=bot, messages=messages)
    person = app.person(user_id=555)
    await person.send("/start")
    return person


def figures(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[max(math.ceil(len(ordered) * 0.95) - 1, 0)] * 1000
    return p50, p95


def copy_desk_data(folder: Path, clients: int, into: Path) -> Path | None:
    """A copy of `python -m bench desk`'s generated file, if there is one: its clients,
    orders and staff (whom every checkout notifies) around the shop's clicks."""
    source = database_path(folder, clients)
    if not source.exists():
        return None
    target = into / "bench.sqlite3"
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    # the generator's log folded into the file first: a running shop's log stays small
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return target


def scratch_parent(desk_folder: Path) -> str | None:
    # beside the desk's file: the same disk (a 4 GB copy; /tmp may be small)
    return str(desk_folder) if desk_folder.is_dir() else None


async def main(
    clicks: int = 60,
    rounds: int = 5,
    warmup: int = 20,
    desk_folder: Path = Path("data"),
    desk_clients: int = 1_000_000,
) -> None:
    """`rounds` rounds of `clicks` timed clicks of each kind (checkout: a fifth of that,
    since every checkout sample needs ten untimed steps first)."""
    samples: dict[str, list[float]] = {
        k: [] for k in ("catalog_page", "product", "add_to_cart", "checkout", "floor")
    }
    with tempfile.TemporaryDirectory(dir=scratch_parent(desk_folder)) as folder:
        started = time.perf_counter()
        path = copy_desk_data(desk_folder, desk_clients, Path(folder))
        if path is None:
            print(f"no desk data in {desk_folder} ({desk_clients} clients): an empty shop")
            path = Path(folder) / "bench.sqlite3"
        else:
            copied = time.perf_counter() - started
            print(f"on a copy of {database_path(desk_folder, desk_clients)} ({copied:.0f} s)")
        database_url = f"sqlite://{path}"
        await open_database(database_url)
        try:
            await fill_catalog()
            staff = await Client.filter(is_manager=True, is_blocked=False).count()
            print(f"{await Client.all().count()} clients, {staff} managers told of each order")
            # production's storage for SQLite (bot.app.build_storage without Redis)
            app = await start_app(
                make_settings(database_url=database_url, admin_ids=frozenset({OWNER})),
                storage=MemoryStorage(),
            )
            anna = app.person(user_id=10_000, first_name="Anna", language_code="pl")
            await anna.send("/start")
            client = await Client.get(telegram_id=anna.id)
            await Client.filter(id=client.id).update(phone="+48600123456")
            await add_address(client, HOME)
            floor = await floor_person()
            for number in range(rounds + 1):
                record = number > 0  # round 0 warms up
                await one_round(anna, floor, clicks if record else warmup, samples, record)
        finally:
            await close_database()

    print(
        f"{CATEGORIES * PER_CATEGORY} products on SQLite; {rounds} rounds of {clicks} clicks "
        f"of each kind (checkout {max(clicks // 5, 1)}), after a warm-up round"
    )
    result = {}
    for name, values in samples.items():
        p50, p95 = figures(values)
        print(f"{name:14} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   ({len(values)} clicks)")
        result[f"{name}_p95_ms"] = round(p95, 3)
    floor_p95 = result["floor_p95_ms"]
    for name in ("catalog_page", "product", "add_to_cart", "checkout"):
        ratio = result[f"{name}_p95_ms"] / floor_p95
        verdict = "met" if ratio <= 3 else "NOT met"
        print(f"{name:14} p95 = {ratio:.1f}× the floor (target 3×: {verdict})")
    print(json.dumps(result))


async def one_round(
    anna: Person, floor: Person, clicks: int, samples: dict[str, list[float]], record: bool
) -> None:
    def bucket(name: str) -> list[float]:
        return samples[name] if record else []

    gc.collect()
    await anna.send("/start")
    await anna.click("Katalog")
    await anna.click("^Category 03$")
    for i in range(clicks):
        arrow = "▶️" if (i // 24) % 2 == 0 else "◀️"
        await timed(lambda a=arrow: anna.click(a), bucket("catalog_page"))
    for _ in range(clicks):
        await timed(lambda: anna.click("Product 03-"), bucket("product"))
        await anna.click("Wstecz")
    await anna.click("Product 03-")
    for _ in range(clicks):
        await anna.click("Dodaj do koszyka")
        await timed(lambda: anna.click("^1$"), bucket("add_to_cart"))
    for _ in range(max(clicks // 5, 1)):
        await checkout_ready(anna)
        await timed(lambda: answered(anna, "Potwierdź"), bucket("checkout"))
        await anna.app.notices_sent()  # the staff's notices, sent after the answer
    gc.collect()
    for _ in range(clicks):
        await timed(lambda: floor.click("One|Two"), bucket("floor"))


async def answered(person: Person, pattern: str) -> None:
    """A click up to the person's answer: `Person.click` also waits for the notices the
    click sends others in the background (what tests look at, not what the person waits
    for)."""
    locator = InlineButtonTextLocator(re.escape(person.button(pattern).text))
    await person.client.click(person.screen(), locator)


async def checkout_ready(person: Person) -> None:
    """Untimed: a product in the cart and the checkout up to its summary (Polish UI)."""
    client = await Client.get(telegram_id=person.id)
    product = await Product.filter(name="Product 07-000").first()
    await add_to_cart(client, product.id, 1)
    await person.send("/start")
    await person.click("Koszyk")
    await person.click("Zamów")
    await person.click("Kraków")
    await person.click("\\+48")
    await person.click("Pomiń")
    await person.click("Pomiń")
    await person.click("Pomiń")
    await person.click("Przy odbiorze")
