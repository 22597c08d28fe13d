"""The main menu's cart count: only this client's cart lines, never placed orders."""

from __future__ import annotations

from bot.services.cart import add_to_cart, cart_line_count
from models import Order, OrderStatus
from tests.shop_fixtures import make_client, make_shop


async def test_the_cart_count_counts_only_the_clients_cart_lines(db: None) -> None:
    shop = await make_shop()
    anna, boris = await make_client(1001), await make_client(1002)
    assert await cart_line_count(anna) == 0

    await add_to_cart(anna, shop.espresso.id, 2)
    await add_to_cart(anna, shop.green.id, 1)
    await add_to_cart(boris, shop.espresso.id, 5)
    assert await cart_line_count(anna) == 2
    assert await cart_line_count(boris) == 1

    await Order.filter(client_id=anna.id).update(status=OrderStatus.NEW)  # placed: no cart
    assert await cart_line_count(anna) == 0
