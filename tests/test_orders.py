"""The order service against the real database: checkout, status flow, stats, history."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from bot.services import cart as cart_service
from bot.services.cart import CartError
from bot.services.catalog import ShopClosed
from bot.services.checkout import CheckoutInput, place_order
from bot.services.orders import (
    IllegalTransition,
    OrderError,
    StaleOrder,
    cancel_by_client,
    change_status,
)
from bot.services.roles import AccessDenied, Role
from models import Client, Order, OrderStatus, OrderStatusChange, PaymentMethod
from tests.shop_fixtures import HOME, make_client, make_shop

PAY = PaymentMethod.ON_DELIVERY


async def placed_order(client: Client, product_id: int, quantity: int = 1) -> Order:
    await cart_service.add_to_cart(client, product_id, quantity)
    placed = await place_order(
        client, CheckoutInput(phone="+48600123456", payment_method=PAY, new_address=HOME)
    )
    return placed.order


async def test_checkout_places_the_order_and_counts_it(db: None) -> None:
    shop = await make_shop()
    client = await make_client(11)
    manager = await make_client(12, is_manager=True)
    await cart_service.add_to_cart(client, shop.espresso.id, 2)
    await cart_service.add_to_cart(client, shop.green.id, 1)

    placed = await place_order(
        client,
        CheckoutInput(phone="+48600123456", payment_method=PAY, new_address=HOME, email="a@b.pl"),
        owner_ids={900},
    )

    order = await Order.get(id=placed.order.id)
    assert order.status == OrderStatus.NEW
    assert order.total == Decimal("29.05")
    assert order.contact_phone == "+48600123456"
    assert "ul. Długa 5" in order.address_text
    client = await Client.get(id=client.id)
    assert (client.orders_count, client.total_spent) == (1, Decimal("29.05"))
    assert client.phone == "+48600123456" and client.email == "a@b.pl"
    assert "+48600123456" in client.search_text
    assert {n.telegram_id for n in await placed.staff_notices()} == {900, manager.telegram_id}
    assert await OrderStatusChange.filter(order_id=order.id).count() == 1
    assert await cart_service.current_cart(client) is None


async def test_status_flow_history_and_notice(db: None) -> None:
    shop = await make_shop()
    client = await make_client(21, locale="pl")
    manager = await make_client(22, is_manager=True)
    order = await placed_order(client, shop.green.id)

    changed = await change_status(
        order.id, OrderStatus.CONFIRMED, actor=manager, role=Role.MANAGER, expected_version=1
    )
    assert changed.order.status == OrderStatus.CONFIRMED
    [notice] = changed.notices
    assert (notice.telegram_id, notice.locale, notice.args["status_key"]) == (
        21, "pl", "order-status-confirmed",
    )  # fmt: skip
    with pytest.raises(IllegalTransition):
        await change_status(order.id, OrderStatus.NEW, actor=manager, role=Role.MANAGER)
    with pytest.raises(StaleOrder):
        await change_status(
            order.id, OrderStatus.SHIPPED, actor=manager, role=Role.MANAGER, expected_version=1
        )
    with pytest.raises(AccessDenied):
        await change_status(order.id, OrderStatus.SHIPPED, actor=client, role=Role.VIEWER)
    history = await OrderStatusChange.filter(order_id=order.id).order_by("id")
    assert [(h.from_status, h.to_status) for h in history] == [
        ("cart", "new"), ("new", "confirmed"),
    ]  # fmt: skip
    assert history[1].changed_by_id == manager.id


async def test_two_managers_at_once_one_wins(db: None) -> None:
    shop = await make_shop()
    client = await make_client(31)
    a, b = await make_client(32, is_manager=True), await make_client(33, is_manager=True)
    order = await placed_order(client, shop.green.id)

    results = await asyncio.gather(
        change_status(
            order.id, OrderStatus.CONFIRMED, actor=a, role=Role.MANAGER, expected_version=1
        ),
        change_status(
            order.id, OrderStatus.CANCELLED, actor=b, role=Role.MANAGER, expected_version=1
        ),
        return_exceptions=True,
    )
    assert sum(isinstance(r, StaleOrder) for r in results) == 1
    assert await OrderStatusChange.filter(order_id=order.id).count() == 2


async def test_cancelling_uncounts_and_the_client_can_cancel_only_new(db: None) -> None:
    shop = await make_shop()
    client = await make_client(41)
    other = await make_client(42)
    order = await placed_order(client, shop.espresso.id, 2)
    with pytest.raises(OrderError):
        await cancel_by_client(other, order.id)
    await cancel_by_client(client, order.id)
    client = await Client.get(id=client.id)
    assert (client.orders_count, client.total_spent, client.last_order_at) == (0, Decimal(0), None)
    with pytest.raises(IllegalTransition):
        await change_status(order.id, OrderStatus.CONFIRMED, actor=None, role=Role.OWNER)


async def test_a_double_confirm_places_one_order(db: None) -> None:
    shop = await make_shop()
    client = await make_client(51)
    await cart_service.add_to_cart(client, shop.green.id, 1)
    checkout = CheckoutInput(phone="+48600123456", payment_method=PAY, new_address=HOME)

    results = await asyncio.gather(
        place_order(client, checkout), place_order(client, checkout), return_exceptions=True
    )

    assert sum(isinstance(r, CartError) for r in results) == 1, results
    assert await Order.filter(client_id=client.id).exclude(status="cart").count() == 1
    assert (await Client.get(id=client.id)).orders_count == 1
    assert await OrderStatusChange.filter(order__client_id=client.id).count() == 1


async def test_checkout_needs_a_phone_and_refuses_a_blocked_client(db: None) -> None:
    shop = await make_shop()
    client = await make_client(52)
    await cart_service.add_to_cart(client, shop.green.id, 1)
    with pytest.raises(CartError):
        await place_order(client, CheckoutInput(phone="", payment_method=PAY, new_address=HOME))
    client.is_blocked = True
    with pytest.raises(ShopClosed):
        await place_order(
            client, CheckoutInput(phone="+48600123456", payment_method=PAY, new_address=HOME)
        )
    assert await cart_service.current_cart(client) is not None
