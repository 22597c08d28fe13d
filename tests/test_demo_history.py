"""Demo orders follow the order service's rules: legal status steps, versions, promo uses."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, datetime

from bot.services.demo_data import fill_demo_shop
from bot.services.demo_history import forward_path, status_history, status_path
from bot.services.order_desk import order_card
from bot.services.orders import TRANSITIONS
from models import Order, OrderStatus, OrderStatusChange, PromoRedemption

S = OrderStatus
NOW = datetime(2026, 3, 1, tzinfo=UTC)


async def test_paths_take_only_legal_steps(db: None) -> None:  # models bound
    assert forward_path() == [S.NEW, S.CONFIRMED, S.SHIPPED, S.DELIVERED]
    rng = random.Random(1)
    assert status_path(S.SHIPPED, rng) == [S.NEW, S.CONFIRMED, S.SHIPPED]
    cancelled = {tuple(status_path(S.CANCELLED, rng)) for _ in range(200)}
    assert cancelled == {
        (S.NEW, S.CANCELLED),
        (S.NEW, S.CONFIRMED, S.CANCELLED),
        (S.NEW, S.CONFIRMED, S.SHIPPED, S.CANCELLED),
    }
    rows = status_history(7, S.DELIVERED, NOW, NOW, rng, [3])
    assert [(r.from_status, r.to_status) for r in rows] == [
        (S.CART, S.NEW), (S.NEW, S.CONFIRMED), (S.CONFIRMED, S.SHIPPED), (S.SHIPPED, S.DELIVERED),
    ]  # fmt: skip
    assert [r.changed_by_id for r in rows] == [None, 3, 3, 3]
    assert all(r.created_at == NOW for r in rows)  # never after now


async def test_demo_orders_have_their_history_and_no_released_uses(db: None) -> None:
    await fill_demo_shop(clients=80, seed=5)
    steps = defaultdict(list)
    for change in await OrderStatusChange.all().order_by("created_at", "id"):
        steps[change.order_id].append(change)
    orders = await Order.exclude(status=S.CART)
    assert orders and len(steps) == len(orders)
    for order in orders:
        history = steps[order.id]
        assert history[0].from_status == S.CART and history[-1].to_status == order.status
        assert order.version == len(history)
        for change in history:
            assert change.to_status in TRANSITIONS[change.from_status]
            assert change.created_at >= order.placed_at
    cancelled = {o.id for o in orders if o.status == S.CANCELLED}
    assert cancelled
    assert not await PromoRedemption.filter(order_id__in=list(cancelled)).exists()
    card = await order_card(orders[0].id)
    assert card.history and card.history[0].to_status == S.NEW
