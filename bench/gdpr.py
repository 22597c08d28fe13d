"""`python -m bench gdpr`: a busy client's personal-data export and anonymization among many.

Each sample makes a new client with 50 orders (two lines and two status changes each),
500 chat messages, a few addresses, emails, SMS and tags, then times, on that client:

- the card's export (`export_client`): every read, the JSON, the XLSX and the ZIP (built
  in a worker thread) and its audit entry;
- `anonymize_client`: one transaction that erases every linked table and checks every
  former value again.

SQLite by default (the desk benchmark's generated file, copied so the original stays as
generated); `--database-url postgres://...` runs on PostgreSQL (filled with
`generate_series`). Last line: `{"db", "clients", "export_p50_ms", "export_p95_ms",
"anonymize_p50_ms", "anonymize_p95_ms", ...}`.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from tortoise import Tortoise

from bench.desk import figures
from bench.desk_data import ensure_database
from bot.db import CONNECTION, apply_migrations, close_database, open_database
from bot.services.anonymize import anonymize_client
from bot.services.client_profile import Actor
from bot.services.clients import refresh_derived
from bot.services.data_rights import export_client
from bot.services.money import configure_currency
from bot.services.roles import Role
from models import (
    Address,
    Category,
    ChatDirection,
    ChatMessage,
    Client,
    EmailMessage,
    Order,
    OrderItem,
    OrderStatus,
    OrderStatusChange,
    Product,
    SmsMessage,
    Tag,
)

ORDERS, MESSAGES = 50, 500
STATUS_CHANGES = ((OrderStatus.CART, OrderStatus.NEW), (OrderStatus.NEW, OrderStatus.DELIVERED))
MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=1)
# far above the generated clients' Telegram ids
VICTIM_TELEGRAM_ID = 9_000_000_000

PG_FILL = """
INSERT INTO clients (telegram_id, first_name, last_name, username, phone, email, source,
    referral_code, is_blocked, broadcasts_off, is_manager, is_viewer, bot_blocked, is_demo,
    created_at, last_seen_at, orders_count, total_spent, search_text, sort_name)
SELECT 100000 + g, 'Имя' || g, 'Nowak' || (g % 997), 'user' || g, '+48600' || lpad(g::text, 6, '0'),
    'client' || g || '@example.org', 'telegram', 'r' || g, FALSE, FALSE, FALSE, FALSE, FALSE,
    FALSE, now() - (g % 1000) * interval '1 day', now(), 0, 0,
    'имя' || g || ' nowak' || (g % 997) || ' @user' || g || ' +48600' || lpad(g::text, 6, '0')
        || ' client' || g || '@example.org',
    'имя' || g
FROM generate_series($1::int, $2::int) AS g
"""


async def _pg_fill(clients: int) -> None:
    db = Tortoise.get_connection(CONNECTION)
    _, rows = await db.execute_query("SELECT COUNT(*) AS n FROM clients")
    have = rows[0]["n"]
    if have >= clients:
        return
    started = time.perf_counter()
    await db.execute_query(PG_FILL, [have + 1, clients])  # on top of an earlier, smaller run
    await db.execute_script("ANALYZE")
    print(f"generated {clients} clients in {time.perf_counter() - started:.0f} s")


async def make_victim(number: int, product: Product, tag: Tag) -> int:
    client = Client(
        telegram_id=VICTIM_TELEGRAM_ID + number,
        first_name="Łucja",
        last_name=f"Ofiara{number}",
        username=f"victim_{number}",
        phone=f"+4879{number:07d}",
        email=f"victim{number}@example.org",
        company="Firma",
        referral_code=f"victim{number}",
        last_seen_at=datetime.now(UTC) - timedelta(days=400),
    )
    refresh_derived(client, [tag.name])
    await client.save()
    await client.tags.add(tag)
    for index in range(3):
        await Address.create(client=client, city="Kraków", street=f"Długa {index}")
    orders = [
        Order(
            client=client,
            status=OrderStatus.DELIVERED,
            currency="PLN",
            total=Decimal("20"),
            contact_name="Łucja",
            contact_phone=client.phone,
            address_text="Kraków, Długa 1",
        )
        for _ in range(ORDERS)
    ]
    await Order.bulk_create(orders)
    created = await Order.filter(client=client).values_list("id", flat=True)
    await OrderItem.bulk_create(
        OrderItem(
            order_id=order_id,
            product=product,
            product_name=product.name,
            unit_price=Decimal("10"),
            quantity=1,
            line_total=Decimal("10"),
        )
        for order_id in created
        for _ in range(2)
    )
    await OrderStatusChange.bulk_create(
        OrderStatusChange(order_id=order_id, from_status=before, to_status=after)
        for order_id in created
        for before, after in STATUS_CHANGES
    )
    await ChatMessage.bulk_create(
        ChatMessage(client=client, direction=ChatDirection.INCOMING, text=f"Wiadomość {i}")
        for i in range(MESSAGES)
    )
    for index in range(5):
        await EmailMessage.create(
            client=client, to_address=client.email, subject=f"S{index}", body="Dzień dobry"
        )
        await SmsMessage.create(client=client, to_phone=client.phone, body="Hi", provider="x")
    return client.id


@dataclass
class Timings:
    export: list[float] = field(default_factory=list)  # seconds, as `figures` takes
    anonymize: list[float] = field(default_factory=list)
    zip_bytes: int = 0


async def _measure(samples: int) -> Timings:
    category = await Category.create(name="Bench")
    product = await Product.create(category=category, name="Bench", currency="PLN")
    tag, _ = await Tag.get_or_create(name_folded="bench-gdpr", defaults={"name": "bench-gdpr"})
    timings = Timings()
    stamp = int(time.time()) % 1_000_000
    for sample in range(samples + 1):
        victim = await make_victim(stamp * 100 + sample, product, tag)
        started = time.perf_counter()
        export = await export_client(MANAGER, victim, {})
        exported = time.perf_counter()
        await anonymize_client(victim, MANAGER)
        if sample:  # the first one warms the caches up
            timings.export.append(exported - started)
            timings.anonymize.append(time.perf_counter() - exported)
            timings.zip_bytes = len(export.data)
    return timings


async def _open(clients: int, folder: Path, database_url: str | None) -> str:
    if database_url:
        await apply_migrations(database_url)
        await open_database(database_url, migrate=False)
        await _pg_fill(clients)
        return "postgres"
    original = await ensure_database(folder, clients)
    copy = original.with_name(original.stem + "-gdpr.sqlite3")
    shutil.copyfile(original, copy)
    await open_database(f"sqlite://{copy}", migrate=False)
    return "sqlite"


async def main(clients: int, samples: int, folder: Path, database_url: str | None) -> None:
    configure_currency("PLN")
    kind = await _open(clients, folder, database_url)
    try:
        timings = await _measure(samples)
    finally:
        await close_database()
    export_p50, export_p95 = figures(timings.export)
    anonymize_p50, anonymize_p95 = figures(timings.anonymize)
    size = f"{ORDERS} orders, {MESSAGES} messages"
    print(f"export ({size}): p50 {export_p50:.1f} ms, p95 {export_p95:.1f} ms")
    print(f"anonymize ({size}): p50 {anonymize_p50:.1f} ms, p95 {anonymize_p95:.1f} ms")
    result = {
        "db": kind,
        "clients": clients,
        "samples": samples,
        "orders": ORDERS,
        "chat_messages": MESSAGES,
        "zip_bytes": timings.zip_bytes,
        "export_p50_ms": export_p50,
        "export_p95_ms": export_p95,
        "anonymize_p50_ms": anonymize_p50,
        "anonymize_p95_ms": anonymize_p95,
    }
    print(json.dumps(result))
