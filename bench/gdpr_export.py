"""The personal-data export at scale: p50/p95 of one client's export among N clients.

`python -m bench gdpr-export --clients N` fills a new database (SQLite file by default, or
`--database-url`) with N clients, every tenth with two orders and ten chat messages,
and one client with 50 orders (two lines and two status changes each) and 500 chat
messages, then times the card's export of that client: every read, the JSON, the
XLSX and the ZIP (built in a worker thread) and its audit entry. Last line: one JSON
object.
"""

from __future__ import annotations

import json
import math
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from bot.db import close_database, open_database
from bot.services.client_profile import Actor
from bot.services.data_rights import export_client
from bot.services.money import configure_currency
from bot.services.roles import Role
from models import (
    Address,
    ChatDirection,
    ChatMessage,
    Client,
    EmailMessage,
    Order,
    OrderItem,
    OrderStatus,
    OrderStatusChange,
)

BATCH = 2_000
TARGET_ORDERS = 50
TARGET_MESSAGES = 500
MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=1)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(math.ceil(len(ordered) * 0.95) - 1, 0)]


async def _crowd(count: int) -> None:
    for start in range(0, count, BATCH):
        clients = [
            Client(
                telegram_id=10_000_000 + i,
                first_name=f"Klient{i}",
                last_name="Kowalski" if i % 2 else "Иванов",
                phone=f"+48600{i:06d}",
                search_text=f"klient{i}",
                sort_name=f"klient{i}",
            )
            for i in range(start, min(start + BATCH, count))
        ]
        await Client.bulk_create(clients)
    busy = await Client.filter(id__lte=count).values_list("id", flat=True)
    for start in range(0, len(busy), BATCH):
        ids = [i for i in busy[start : start + BATCH] if i % 10 == 0]
        await Order.bulk_create(
            [
                Order(client_id=i, status=OrderStatus.DELIVERED, currency="PLN", total=Decimal(9))
                for i in ids
                for _ in range(2)
            ]
        )
        await ChatMessage.bulk_create(
            [
                ChatMessage(client_id=i, direction=ChatDirection.INCOMING, text=f"Dzień dobry {n}")
                for i in ids
                for n in range(10)
            ]
        )


async def _target() -> Client:
    client = await Client.create(
        telegram_id=9_999_999, first_name="Zofia", last_name="Żółkiewska", phone="+48601234567"
    )
    await Address.create(client=client, city="Kraków", street="ul. Długa 1")
    for n in range(TARGET_ORDERS):
        order = await Order.create(
            client=client,
            status=OrderStatus.DELIVERED,
            currency="PLN",
            total=Decimal("25.00"),
            contact_name="Zofia Żółkiewska",
            address_text="Kraków, ul. Długa 1",
        )
        await OrderItem.bulk_create(
            [
                OrderItem(
                    order=order,
                    product_name=f"Herbata {n}-{line}",
                    unit_price=Decimal("12.50"),
                    quantity=1,
                    line_total=Decimal("12.50"),
                )
                for line in range(2)
            ]
        )
        await OrderStatusChange.bulk_create(
            [
                OrderStatusChange(order=order, from_status=a, to_status=b)
                for a, b in ((OrderStatus.CART, OrderStatus.NEW), (OrderStatus.NEW, "delivered"))
            ]
        )
    await ChatMessage.bulk_create(
        [
            ChatMessage(
                client=client,
                direction=ChatDirection.INCOMING if n % 2 else ChatDirection.OUTGOING,
                text=f"Wiadomość {n}: zażółć gęślą jaźń / съешь ещё этих булок",
            )
            for n in range(TARGET_MESSAGES)
        ]
    )
    await EmailMessage.create(
        client=client, to_address="zofia@example.com", subject="Zamówienie", body="Dziękujemy"
    )
    return client


async def main(clients: int, samples: int, database_url: str | None) -> None:
    configure_currency("PLN")
    folder = None
    if database_url is None:
        folder = tempfile.TemporaryDirectory()
        database_url = f"sqlite://{Path(folder.name) / 'gdpr.sqlite3'}"
    await open_database(database_url)
    try:
        started = time.perf_counter()
        await _crowd(clients)
        target = await _target()
        fill_s = time.perf_counter() - started
        timings: list[float] = []
        size = 0
        for _ in range(samples + 1):  # the first run warms up (imports, caches)
            began = time.perf_counter()
            export = await export_client(MANAGER, target.id, {})
            timings.append(time.perf_counter() - began)
            size = len(export.data)
        timings = timings[1:]
    finally:
        await close_database()
        if folder is not None:
            folder.cleanup()
    result = {
        "clients": clients + 1,
        "database": database_url.split(":", 1)[0],
        "orders": TARGET_ORDERS,
        "chat_messages": TARGET_MESSAGES,
        "zip_bytes": size,
        "fill_s": round(fill_s, 1),
        "export_p50_ms": round(statistics.median(timings) * 1000, 1),
        "export_p95_ms": round(p95(timings) * 1000, 1),
    }
    print(json.dumps(result))
