"""Checkout: the cart becomes an order `new` with the contact and the address copied in.

Everything happens in one transaction: prices re-read (a flagged cart is refused), the
promo code re-checked and redeemed (guarded), the cart claimed by a guarded UPDATE (a
double confirm places one order), the client's empty phone/email filled, history and
stats written. The managers' notices are built and sent afterwards (`PlacedOrder`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.db import dialect
from bot.services.addresses import (
    AddressInput,
    add_address_steps,
    address_text,
    owned_address_steps,
)
from bot.services.cart import CartError, CartView, cart_steps, view_and_quote_steps
from bot.services.catalog import require_shopper
from bot.services.client_query import Params
from bot.services.clients import search_text_of
from bot.services.notices import Notice, to_staff
from bot.services.order_desk import open_order_button
from bot.services.orders import lock_client_steps, placement_steps
from bot.services.promo import redeem_steps
from bot.transaction_steps import Steps, run_steps
from models import Address, Client, Order, PaymentMethod
from models.money import to_minor

MAX_COMMENT = 1000


@dataclass(frozen=True)
class CheckoutInput:
    phone: str  # normalized by bot.services.contact
    payment_method: PaymentMethod
    address_id: int | None = None
    new_address: AddressInput | None = None
    email: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class PlacedOrder:
    order: Order
    client: Client
    items: str  # "2 × Espresso" lines, for the staff's notice
    owner_ids: Collection[int]

    async def staff_notices(self) -> list[Notice]:
        """The "new order" notice for every owner and manager. Asked for by whoever sends
        them (in the background): the customer's confirm does not wait for the staff list."""
        return await staff_notices(self.owner_ids, self.order, self.client, self.items)


def clean_comment(text: str | None) -> str | None:
    text = (text or "").strip()
    if len(text) > MAX_COMMENT:
        raise CartError("checkout-comment-too-long")
    return text or None


async def place_order(
    client: Client | None,
    data: CheckoutInput,
    owner_ids: Collection[int] = (),
    now: datetime | None = None,
) -> PlacedOrder:
    require_shopper(client)
    comment = clean_comment(data.comment)
    if not data.phone:
        raise CartError("phone-invalid")
    placing = _placement(client, data, comment, now or datetime.now(UTC))
    order, view = await run_steps(placing)  # one transaction: one hop on SQLite
    items = "\n".join(f"{line.quantity} × {line.name}" for line in view.lines)
    return PlacedOrder(order=order, client=client, items=items, owner_ids=owner_ids)


def _placement(
    client: Client, data: CheckoutInput, comment: str | None, now: datetime
) -> Steps[tuple[Order, CartView]]:
    yield from lock_client_steps(client.id)  # a double confirm waits here, then finds no cart
    cart = yield from cart_steps(client.id)
    view, quote = yield from view_and_quote_steps(cart, client.id, now)
    if cart is None or view.is_empty:
        raise CartError("cart-empty")
    if view.has_issues:
        raise CartError("checkout-cart-changed")
    if view.promo_error is not None:
        raise view.promo_error
    address = yield from _delivery_address(client.id, data.address_id, data.new_address, now)
    order = yield from _claim(
        cart,
        placed_at=now,
        contact_name=(address.recipient or client.display_name)[:255],
        contact_phone=data.phone,
        contact_email=data.email,
        address_id=address.id,
        address_text=address_text(address),
        comment=comment,
        subtotal=to_minor(view.subtotal),
        discount=to_minor(view.discount),
        total=to_minor(view.total),
        payment_method=data.payment_method.value,
        updated_at=now,
    )
    if order is None:
        raise CartError("checkout-cart-changed")
    if quote is not None:
        yield from redeem_steps(quote, client.id, order.id, order.currency, now)
    yield from _fill_contact(client, data)
    yield from placement_steps(order.id, client.id, None, now)
    return order, view


def _claim(cart: Order, **columns: Any) -> Steps[Order | None]:
    """The cart becomes the order `new` with these column values, unless another update
    got to it first (status or version changed): None then."""
    p = Params(dialect())
    sets = ", ".join(f'"{column}" = {p(value)}' for column, value in columns.items())
    rows = yield (
        f'UPDATE "orders" SET "status" = \'new\', "version" = "version" + 1, {sets} '
        f'WHERE "id" = {p(cart.id)} AND "status" = \'cart\' AND "version" = {p(cart.version)} '
        "RETURNING *",
        p.values,
    )
    return Order._init_from_db(**rows[0]) if rows else None


def _delivery_address(
    client_id: int, address_id: int | None, new_address: AddressInput | None, now: datetime
) -> Steps[Address]:
    """The client's saved address, or the new one saved now (inside the order's transaction)."""
    if address_id is not None:
        return (yield from owned_address_steps(client_id, address_id))
    if new_address is not None:
        return (yield from add_address_steps(client_id, new_address, now))
    raise CartError("checkout-address-missing")


async def delivery_address(
    client: Client, address_id: int | None, new_address: AddressInput | None
) -> Address:
    """`_delivery_address` inside the caller's transaction (a manager's order)."""
    now = datetime.now(UTC)
    return await run_steps(_delivery_address(client.id, address_id, new_address, now))


async def staff_notices(
    owner_ids: Collection[int], order: Order, client: Client, lines: str
) -> list[Notice]:
    """The "new order #N" notice for every owner and manager."""
    return await to_staff(
        owner_ids,
        "order-placed-staff",
        currency=order.currency,
        button=open_order_button(order.id),
        order_id=order.id,
        client=client.display_name,
        client_id=client.id,
        username=f"@{client.username}" if client.username else "",
        items=lines,
        total=order.total,
        phone=order.contact_phone or "",
        address=order.address_text or "",
        payment_key=f"payment-{order.payment_method}",
    )


def _fill_contact(client: Client, data: CheckoutInput) -> Steps[None]:
    """The client's phone and email, when they had none."""
    changes: dict[str, str] = {}
    if not client.phone and data.phone:
        changes["phone"] = data.phone
    if not client.email and data.email:
        changes["email"] = data.email
    if not changes:
        return
    for name, value in changes.items():
        setattr(client, name, value)
    p = Params(dialect())
    tags = yield (
        'SELECT t."name" FROM "tags" t JOIN "clients_tags" ct ON ct."tag_id" = t."id" '
        f'WHERE ct."client_id" = {p(client.id)} ORDER BY t."id"',
        p.values,
    )
    changes["search_text"] = search_text_of(client, [tag["name"] for tag in tags])
    p = Params(dialect())
    sets = ", ".join(f'"{name}" = {p(value)}' for name, value in changes.items())
    yield f'UPDATE "clients" SET {sets} WHERE "id" = {p(client.id)}', p.values
