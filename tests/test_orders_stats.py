"""Property: after any sequence of operations the clients' counters equal a fresh aggregate."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from bot.services import cart as cart_service
from bot.services.cart import CartError
from bot.services.checkout import CheckoutInput, place_order
from bot.services.orders import OPEN_STATUSES, OrderError, cancel_by_client, change_status
from bot.services.roles import Role
from models import Client, Order, OrderStatus, PaymentMethod
from tests.shop_fixtures import HOME, make_client, make_shop

CHECKOUT = CheckoutInput(
    phone="+48600123456", payment_method=PaymentMethod.ON_DELIVERY, new_address=HOME
)
COUNTED = ("new", "confirmed", "shipped", "delivered")


async def fresh_aggregate(client_id: int) -> tuple[int, Decimal, object]:
    orders = await Order.filter(client_id=client_id, status__in=COUNTED)
    total = sum((o.total for o in orders), Decimal("0"))
    last = max((o.placed_at for o in orders), default=None)
    return len(orders), total, last


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_counters_match_a_fresh_aggregate(db: None, seed: int) -> None:
    rng = random.Random(seed)
    shop = await make_shop()
    products = [shop.espresso, shop.filter_, shop.green]
    clients = [await make_client(700 + i) for i in range(3)]
    for _ in range(40):
        client = rng.choice(clients)
        action = rng.choice(("add", "add", "place", "move", "move", "cancel", "reprice"))
        try:
            if action == "add":
                await cart_service.add_to_cart(client, rng.choice(products).id, rng.randint(1, 5))
            elif action == "place":
                await cart_service.accept_current_prices(client)
                await place_order(client, CHECKOUT)
            elif action == "reprice":
                product = rng.choice(products)
                product.price = Decimal(rng.randint(100, 5000)) / 100
                await product.save()
            else:
                orders = await Order.filter(client_id=client.id, status__in=list(OPEN_STATUSES))
                if not orders:
                    continue
                order = rng.choice(orders)
                if action == "cancel":
                    await cancel_by_client(client, order.id)
                else:
                    target = rng.choice(list(OrderStatus))
                    await change_status(order.id, target, actor=None, role=Role.OWNER)
        except (CartError, OrderError):
            pass
    placed = 0
    for client in clients:
        fresh = await Client.get(id=client.id)
        expected = await fresh_aggregate(client.id)
        assert (fresh.orders_count, fresh.total_spent, fresh.last_order_at) == expected
        placed += expected[0]
    assert placed > 0 and await Order.filter(status="cancelled").exists()
