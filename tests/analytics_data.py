"""Orders with items, placed at chosen moments, for the analytics tests."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from models import Client, Order, OrderItem, OrderStatus, Product


async def place(
    client: Client,
    status: OrderStatus,
    placed_at: datetime | None,
    lines: list[tuple[Product | None, str, int, str]],
    currency: str = "USD",
) -> Order:
    """An order of `lines` (product, name, quantity, unit price) as if placed at `placed_at`."""
    total = sum((Decimal(price) * quantity for _, _, quantity, price in lines), Decimal(0))
    order = await Order.create(
        client=client, status=status, currency=currency, subtotal=total, total=total,
        placed_at=placed_at,
    )  # fmt: skip
    for product, name, quantity, price in lines:
        await OrderItem.create(
            order=order, product=product, product_name=name, quantity=quantity,
            unit_price=Decimal(price), line_total=Decimal(price) * quantity,
        )  # fmt: skip
    return order
