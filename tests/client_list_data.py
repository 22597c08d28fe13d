"""Clients for the list's tests: names in three alphabets, tags, flags, orders, dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from bot.services.clients import search_text_of, sort_name_of
from models import Address, Client, Tag

# dates are relative to the real clock: the period filters count back from it
NOW = datetime.now(UTC)


async def make_client(
    first_name: str,
    *,
    tags: tuple[Tag, ...] = (),
    created_days_ago: float = 100,
    seen_days_ago: float | None = None,
    **fields: Any,
) -> Client:
    client = Client(first_name=first_name, **fields)
    client.search_text = search_text_of(client, [t.name for t in tags])
    client.sort_name = sort_name_of(client)
    await client.save()
    if tags:
        await client.tags.add(*tags)
    client.created_at = NOW - timedelta(days=created_days_ago)
    client.last_seen_at = None if seen_days_ago is None else NOW - timedelta(days=seen_days_ago)
    await client.save(update_fields=["created_at", "last_seen_at"])
    return client


async def make_tag(name: str) -> Tag:
    return await Tag.create(name=name, name_folded=name.casefold())


async def crowd(count: int = 27) -> list[Client]:
    """`count` plain clients: distinct names, dates, orders and totals (all different)."""
    clients = []
    for i in range(count):
        clients.append(
            await make_client(
                f"Person{i:02d}",
                telegram_id=5_000_000 + i,
                username=f"person{i:02d}",
                language_code="en",
                created_days_ago=200 - i * 3,
                seen_days_ago=None if i % 5 == 0 else (i * 7) % 31 + 0.5,
                orders_count=(i * 11) % 29,
                total_spent=Decimal((i * 37) % 101) + Decimal("0.25"),
            )
        )
    return clients


async def add_address(client: Client, city: str, street: str, *, default: bool = True) -> None:
    await Address.create(client=client, city=city, street=street, is_default=default)
