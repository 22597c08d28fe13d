"""Realistic ru/pl/en clients for the desk benchmark, bulk-inserted into a reusable SQLite file.

Names, streets and cities come from Faker pools drawn once per language (Faker per row
would take minutes at a million); rows go in with raw multi-row INSERTs through sqlite3
in large transactions. The FTS5 triggers of the migrations index every row as it lands.
Clients with orders get order rows too, whose totals add up to the client's
denormalized `total_spent`, so the naive "sum the orders" sort sees the same numbers;
each order has one to three lines (the analytics' top products), placed at a moment of
its own between registration and now. A fifth of the clients carry tags, and clients who
came by "referral" have a referrer (the shop analytics' top tags and referrers).
"""

from __future__ import annotations

import itertools
import random
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from faker import Faker

from bot.db import apply_migrations
from bot.services.clients import search_text_of, sort_name_of
from bot.services.demo_data import _latin, _phone
from models import Client

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
SEED = 20261123
POOL = 400
ROWS_PER_INSERT = 400
BATCH = 20_000
TELEGRAM_ID_BASE = 7_000_000_000
HISTORY_DAYS = 3 * 365
SOURCES = (
    ("telegram", 60), ("instagram", 15), ("facebook", 8), ("referral", 7), ("google", 5),
    ("manual", 5),
)  # fmt: skip
LANGUAGES = (("ru", "ru_RU", 40), ("pl", "pl_PL", 35), ("en", "en_US", 25))
# bumped when the generated data changes shape: an older file is then not reused
DATA_VERSION = 3
PRODUCTS = tuple(
    (f"{kind} {grade}", price)
    for kind, price in (("Coffee", 1250), ("Tea", 450), ("Mug", 1900), ("Beans", 2400))
    for grade in ("classic", "gold", "bio", "mini", "max")
)
TAGS = ("VIP", "wholesale", "newsletter", "b2b", "returns", "slow payer", "gift", "Kraków")
TAGGED_SHARE = 0.2


@dataclass
class NamePool:
    first: list[str]
    last: list[str]
    cities: list[str]
    streets: list[str]


def name_pools(rng: random.Random) -> dict[str, NamePool]:
    pools = {}
    for code, locale, _ in LANGUAGES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(2**32))
        pools[code] = NamePool(
            first=[fake.first_name() for _ in range(POOL)],
            last=[fake.last_name() for _ in range(POOL)],
            cities=[fake.city() for _ in range(POOL // 4)],
            streets=[fake.street_address() for _ in range(POOL)],
        )
    return pools


def database_path(folder: Path, clients: int) -> Path:
    """Named after the latest migration too: a file made for an older schema is not reused."""
    latest = max(p.stem for p in MIGRATIONS.glob("0*.py"))
    return folder / f"bench-desk-{clients}-{latest}-v{DATA_VERSION}.sqlite3"


def _prepare(folder: Path, clients: int) -> tuple[Path, bool]:
    """The file's path, and whether it already holds `clients` clients (else it is removed)."""
    path = database_path(folder, clients)
    if path.exists() and _count(path) == clients:
        return path, True
    path.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    return path, False


async def ensure_database(folder: Path, clients: int) -> Path:
    """The benchmark's database with `clients` clients: reused when it is already there."""
    path, ready = _prepare(folder, clients)
    if ready:
        return path
    await apply_migrations(f"sqlite://{path}")
    started = time.perf_counter()
    _fill(path, clients)
    print(f"generated {clients} clients in {time.perf_counter() - started:.0f} s: {path}")
    return path


def _count(path: Path) -> int:
    """The generated clients in the file (the benchmarks' own users, e.g. the owner who
    opens the desk, become clients too and are not counted)."""
    with sqlite3.connect(path) as db:
        try:
            return db.execute(
                "SELECT COUNT(*) FROM clients WHERE telegram_id > ?", (TELEGRAM_ID_BASE,)
            ).fetchone()[0]
        except sqlite3.Error:
            return -1


def _insert(db: sqlite3.Connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    one = "(" + ", ".join("?" * len(columns)) + ")"
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start : start + ROWS_PER_INSERT]
        db.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


CLIENT_COLUMNS = [
    "id", "telegram_id", "first_name", "last_name", "username", "language_code", "locale",
    "phone", "email", "source", "referral_code", "is_blocked", "broadcasts_off", "is_manager",
    "is_viewer", "bot_blocked", "created_at", "last_seen_at", "orders_count", "total_spent",
    "last_order_at", "search_text", "sort_name",
]  # fmt: skip
ORDER_COLUMNS = [
    "id", "client_id", "status", "currency", "subtotal", "discount", "total", "created_at",
    "updated_at", "placed_at",
]  # fmt: skip
ADDRESS_COLUMNS = ["client_id", "city", "street", "is_default", "created_at"]
ITEM_COLUMNS = ["order_id", "product_name", "unit_price", "quantity", "line_total"]


def _stamp(moment: datetime) -> str:
    return moment.isoformat(" ")  # how tortoise's sqlite adapter stores datetimes


def _fill(path: Path, clients: int) -> None:
    rng = random.Random(SEED)
    pools = name_pools(rng)
    now = datetime.now(UTC)
    languages = [code for code, _, weight in LANGUAGES for _ in range(weight)]
    sources = [name for name, weight in SOURCES for _ in range(weight)]
    order_ids = itertools.count(1)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    try:
        _insert(db, "tags", ["id", "name", "name_folded", "created_at"], _tags(now))
        for first_id in range(1, clients + 1, BATCH):
            batch = range(first_id, min(first_id + BATCH, clients + 1))
            rows, orders, addresses, items, links = [], [], [], [], []
            for client_id in batch:
                row, client_orders, address = _client(
                    rng, pools, languages, sources, now, client_id
                )
                row = _with_referrer(rng, row, client_id)
                rows.append(row)
                for order in client_orders:
                    order_id = next(order_ids)
                    orders.append((order_id, *order))
                    items += _items(rng, order_id, order[5])  # its total
                if address:
                    addresses.append(address)
                if rng.random() < TAGGED_SHARE:
                    tag_ids = rng.sample(range(1, len(TAGS) + 1), rng.randint(1, 3))
                    links += [(client_id, tag_id) for tag_id in tag_ids]
            db.execute("BEGIN")
            _insert(db, "clients", [*CLIENT_COLUMNS, "referrer_id"], rows)
            _insert(db, "orders", ORDER_COLUMNS, orders)
            _insert(db, "order_items", ITEM_COLUMNS, items)
            _insert(db, "addresses", ADDRESS_COLUMNS, addresses)
            _insert(db, "clients_tags", ["client_id", "tag_id"], links)
            db.execute("COMMIT")
        db.execute("ANALYZE")
    finally:
        db.close()


def _client(rng, pools, languages, sources, now, client_id):  # type: ignore[no-untyped-def]
    language = rng.choice(languages)
    pool = pools[language]
    first, last = rng.choice(pool.first), rng.choice(pool.last)
    username = f"{_latin(first)}_{_latin(last)}{client_id % 1000}" if rng.random() < 0.7 else None
    created = now - timedelta(seconds=rng.randrange(HISTORY_DAYS * 86400))
    seen = None if rng.random() < 0.1 else created + (now - created) * rng.random()
    # about five orders a client on average (the shape): most buy, a few buy a lot
    orders_count = 0 if rng.random() < 0.15 else min(int(rng.expovariate(1 / 5.4)) + 1, 60)
    order_totals = [rng.randrange(1000, 30000) for _ in range(orders_count)]
    client = Client(
        id=client_id,
        telegram_id=TELEGRAM_ID_BASE + client_id,
        first_name=first,
        last_name=last,
        username=username,
        phone=_phone(rng, language) if rng.random() < 0.6 else None,
        email=f"{_latin(first)}.{_latin(last)}{client_id}@example.com"
        if rng.random() < 0.4
        else None,
    )
    flags = [rng.random() < p for p in (0.02, 0.05, 0.0001, 0.0001, 0.04)]
    placed = sorted(created + (now - created) * rng.random() for _ in range(orders_count))
    last_order = placed[-1] if placed else None
    row = (
        client_id, client.telegram_id, first, last, username, language,
        language if rng.random() < 0.2 else None, client.phone, client.email,
        rng.choice(sources), f"b{client_id:09d}", *flags, _stamp(created),
        _stamp(seen) if seen else None, orders_count, sum(order_totals),
        _stamp(last_order) if last_order else None,
        search_text_of(client), sort_name_of(client),
    )  # fmt: skip
    orders = [
        (client_id, "delivered", "USD", total, 0, total, _stamp(at), _stamp(at), _stamp(at))
        for total, at in zip(order_totals, placed, strict=True)
    ]
    address = None
    if rng.random() < 0.5:
        address = (client_id, rng.choice(pool.cities), rng.choice(pool.streets), 1, _stamp(created))
    return row, orders, address


def _tags(now: datetime) -> list[tuple]:
    return [(n, name, name.casefold(), _stamp(now)) for n, name in enumerate(TAGS, start=1)]


def _with_referrer(rng: random.Random, row: tuple, client_id: int) -> tuple:
    """Clients who came by "referral" were brought by an earlier client."""
    came_by_referral = row[CLIENT_COLUMNS.index("source")] == "referral"
    referrer = rng.randrange(1, client_id) if came_by_referral and client_id > 1 else None
    return (*row, referrer)


def _items(rng: random.Random, order_id: int, total: int) -> list[tuple]:
    """One to three lines adding up to the order's total (minor units): the last line
    takes the remainder, so `total_spent` and the lines agree."""
    lines = rng.sample(PRODUCTS, rng.randint(1, 3))
    rows, left = [], total
    for index, (name, price) in enumerate(lines):
        if index == len(lines) - 1 or left <= price:
            rows.append((order_id, name, left, 1, left))
            break
        quantity = max(1, min(3, left // price // 2))
        rows.append((order_id, name, price, quantity, price * quantity))
        left -= price * quantity
    return rows
