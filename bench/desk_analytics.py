"""The analytics actions of `python -m bench desk`: a client's analytics from the card and
the shop's analytics from the desk, through the real dispatcher; charts timed apart.

- `analytics_card`: the card's "Analytics" button on the client with the most orders
  (its queries walk that client's orders); naive twin: the same figures from the ORM,
  every order and line loaded and summed in Python.
- `orders_list`: the card's "Orders" button on the same client (the first keyset page of
  their orders); naive twin: a count and an OFFSET page with the lines prefetched.
- `shop_analytics`: the desk's "Shop analytics" button, served from the snapshot cached
  "as of" its computation; naive twin: computing the figures afresh on every tap (what
  the cache saves), also reported as `shop_analytics_uncached`.
- `chart_ms`: drawing one 12-bar chart to PNG (the client's spend chart and the shop's
  two charts are the same work), in the calling thread, no Telegram.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aiogram.fsm.storage.memory import MemoryStorage
from tortoise import Tortoise

from bench.desk import OWNER, TOKEN, ChatUser, handled, timed
from bot.app import build_dispatcher
from bot.config import Settings
from bot.db import CONNECTION
from bot.runner import keep_startup_objects
from bot.services.calendar_buckets import last_months
from bot.services.charts import BarChart, bar_chart_png
from bot.services.client_analytics import (
    SPENDING_STATUSES,
    client_analytics,
    client_monthly_spend,
)
from bot.services.shop_analytics import (
    compute_shop_analytics,
    forget_shop_analytics,
    shop_analytics,
)
from models import Order, OrderStatus

WARMUP = 3
ACTIONS = ("analytics_card", "orders_list", "shop_analytics")


async def busiest_client() -> dict[str, Any]:
    rows = await Tortoise.get_connection(CONNECTION).execute_query_dict(
        "SELECT id, telegram_id, first_name, last_name, orders_count FROM clients "
        "WHERE anonymized_at IS NULL ORDER BY orders_count DESC, id DESC LIMIT 1"
    )
    return rows[0]


async def ours(samples: int, client: dict[str, Any]) -> dict[str, list[float]]:
    settings = Settings(bot_token=TOKEN, admin_ids=frozenset({OWNER}), _env_file=None)
    owner = ChatUser(build_dispatcher(settings, storage=MemoryStorage()))
    await owner.start()
    keep_startup_objects()  # as `serve` does once the bot is assembled
    results: dict[str, list[float]] = {name: [] for name in ACTIONS}
    forget_shop_analytics()
    await owner.send("/admin")
    await owner.click("Clients")
    await owner.send(str(client["telegram_id"]))
    await owner.click(f"{client['first_name']} {client['last_name']}")
    for i in range(samples + WARMUP):
        gc.collect()
        await handled(
            owner,
            lambda: owner.click("Analytics"),
            results["analytics_card"] if i >= WARMUP else [],
        )
        assert f"#{client['id']}: analytics" in owner.text(), owner.text()[:200]
        await owner.click("Back")
    for i in range(samples + WARMUP):
        gc.collect()
        await handled(
            owner, lambda: owner.click("📦 Orders"), results["orders_list"] if i >= WARMUP else []
        )
        assert "Page 1 of" in owner.text(), owner.text()[:200]
        await owner.click("Back")
    await owner.send("/admin")
    for i in range(samples + WARMUP):
        gc.collect()
        await handled(
            owner,
            lambda: owner.click("Shop analytics"),
            results["shop_analytics"] if i >= WARMUP else [],
        )
        assert "Shop analytics" in owner.text()
        await owner.click("Back")
    await owner.dp.emit_shutdown(bot=owner.bot, dispatcher=owner.dp)
    return results


async def naive(samples: int, client_id: int) -> dict[str, list[float]]:
    async def card() -> None:
        orders = await Order.filter(client_id=client_id).prefetch_related("items")
        spending = [o for o in orders if o.status in SPENDING_STATUSES]
        total = sum((o.total for o in spending), Decimal(0))
        _ = total / len(spending) if spending else 0
        products: dict[str, int] = {}
        for order in spending:
            for item in order.items:
                products[item.product_name] = products.get(item.product_name, 0) + item.quantity
        sorted(products.items(), key=lambda pair: -pair[1])[:5]

    async def shop() -> None:
        await compute_shop_analytics(datetime.now(UTC))

    async def orders() -> None:
        # OFFSET paging with a count, the order lines fetched along
        mine = Order.filter(client_id=client_id).exclude(status=OrderStatus.CART)
        await mine.count()
        await mine.order_by("-created_at").offset(0).limit(10).prefetch_related("items")

    actions: dict[str, Callable[[], Awaitable[None]]] = {
        "analytics_card": card,
        "orders_list": orders,
        "shop_analytics": shop,
    }
    results: dict[str, list[float]] = {}
    for name, action in actions.items():
        results[name] = []
        for i in range(samples + 1):
            await timed(action, results[name] if i else [])
    return results


async def service_samples(samples: int, client_id: int) -> dict[str, list[float]]:
    """The services alone, without the dialog around them."""
    results: dict[str, list[float]] = {"client_analytics": [], "client_monthly_spend": []}
    results["shop_analytics_cached"] = []
    for _ in range(samples):
        await timed(lambda: client_analytics(client_id), results["client_analytics"])
        await timed(lambda: client_monthly_spend(client_id), results["client_monthly_spend"])
        await timed(shop_analytics, results["shop_analytics_cached"])
    return results


async def chart_samples(samples: int, client_id: int) -> list[float]:
    spend = await client_monthly_spend(client_id)
    labels = [f"{month:%b %Y}" for month in last_months(datetime.now(UTC), 12)]
    chart = BarChart("Spend per month, last 12 months", labels, spend.amounts or {"": [0] * 12})
    bar_chart_png(chart)  # imports matplotlib: not timed
    result: list[float] = []

    async def draw() -> None:
        bar_chart_png(chart)

    for _ in range(samples):
        await timed(draw, result)
    return result
