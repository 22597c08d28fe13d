"""The shop's hot clicks through the dialog machinery, beside a bare aiogram-dialog click.

SQLite with 10,000 products (50 categories of 200), added to a copy of `python -m bench
desk`'s file when there is one (1M clients with their orders, and a hundred managers),
else to an empty database. Measured as the desk benchmark measures (`bench.desk`'s
`ChatUser` and `handled`): the real dispatcher with production's memory storage and
aiogram-dialog's own message manager on a recording bot, each update parsed beforehand
and timed from `feed_update` to its end; so the figures are handler + getter + database
+ rendering + the Bot API calls' building. The floor: the desk benchmark's bare
aiogram-dialog window with one static button, clicked, in the same rounds. Timed: a page
of a category (▶️), a product card, "add to cart" (quantity 1), and the checkout's
Confirm (order placed; the owner and the managers are told in the background, as in
production). The steps in between (back, opening the cart, checkout steps) run untimed.
"""

from __future__ import annotations

import gc
import json
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from decimal import Decimal
from pathlib import Path

from aiogram.fsm.storage.memory import MemoryStorage

from bench.desk import TOKEN, ChatUser, figures, floor_user, handled
from bench.desk_data import database_path
from bot.app import build_dispatcher
from bot.config import Settings
from bot.db import close_database, open_database
from bot.runner import keep_startup_objects
from bot.services.addresses import add_address
from bot.services.cart import add_to_cart
from models import Category, Client, Product
from tests.shop_fixtures import HOME

CATEGORIES = 50
PER_CATEGORY = 200
OWNER = 900_001
ANNA = 10_000


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
            settings = Settings(bot_token=TOKEN, admin_ids=frozenset({OWNER}), _env_file=None)
            anna = ChatUser(
                build_dispatcher(settings, storage=MemoryStorage()), ANNA, language_code="pl"
            )
            await anna.start()
            keep_startup_objects()  # as `serve` does once the bot is assembled
            await anna.send("/start")
            client = await Client.get(telegram_id=ANNA)
            await Client.filter(id=client.id).update(phone="+48600123456")
            await add_address(client, HOME)
            floor = await floor_user()
            for number in range(rounds + 1):
                record = number > 0  # round 0 warms up
                await one_round(anna, floor, clicks if record else warmup, samples, record)
            await anna.dp.emit_shutdown(bot=anna.bot, dispatcher=anna.dp)
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
    anna: ChatUser, floor: ChatUser, clicks: int, samples: dict[str, list[float]], record: bool
) -> None:
    def bucket(name: str) -> list[float]:
        return samples[name] if record else []

    gc.collect()
    await anna.send("/start")
    await anna.click("Katalog")
    await anna.press(lambda button: button.text == "Category 03")
    for i in range(clicks):
        arrow = "▶️" if (i // 24) % 2 == 0 else "◀️"
        await handled(anna, lambda a=arrow: anna.click(a), bucket("catalog_page"))
    for _ in range(clicks):
        await handled(anna, lambda: anna.click("Product 03-"), bucket("product"))
        await anna.click("Wstecz")
    await anna.click("Product 03-")
    for _ in range(clicks):
        await anna.click("Dodaj do koszyka")
        await handled(anna, lambda: anna.press(lambda b: b.text == "1"), bucket("add_to_cart"))
    for _ in range(max(clicks // 5, 1)):
        await checkout_ready(anna)
        await handled(anna, lambda: anna.click("Potwierdź"), bucket("checkout"))
        # the staff's notices, sent in the background after the answer (untimed)
        await anna.dp["background_notices"].drain()
    gc.collect()
    for _ in range(clicks):
        await handled(floor, lambda: floor.click("x"), bucket("floor"))


async def checkout_ready(person: ChatUser) -> None:
    """Untimed: a product in the cart and the checkout up to its summary (Polish UI)."""
    client = await Client.get(telegram_id=person.user_id)
    product = await Product.filter(name="Product 07-000").first()
    await add_to_cart(client, product.id, 1)
    await person.send("/start")
    await person.click("Koszyk")
    await person.click("Zamów")
    await person.click("Kraków")
    await person.click("+48")
    await person.click("Pomiń")
    await person.click("Pomiń")
    await person.click("Pomiń")
    await person.click("Przy odbiorze")
