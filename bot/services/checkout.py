"""Checkout: the cart becomes an order `new` with the contact and the address copied in.

Everything happens in one transaction: prices re-read (a flagged cart is refused), the
promo code re-checked and redeemed (guarded), the cart claimed by a guarded UPDATE (a
double confirm places one order), the client's empty phone/email filled, history and
stats written. The managers' notices are returned for `bot.notify` to send.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from bot.db import first_model
from bot.services.addresses import AddressInput, add_address, address_text, owned_address
from bot.services.cart import CartError, current_cart, view_of
from bot.services.catalog import require_shopper
from bot.services.client_query import Params
from bot.services.clients import search_text_of
from bot.services.notices import Notice, to_staff
from bot.services.order_desk import open_order_button
from bot.services.orders import lock_client, record_placement
from bot.services.promo import check_promo, redeem
from models import Address, Client, Order, PaymentMethod, PromoCode
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
    notices: list[Notice]


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
    now = now or datetime.now(UTC)
    comment = clean_comment(data.comment)
    if not data.phone:
        raise CartError("phone-invalid")
    async with in_transaction() as connection:
        await lock_client(client.id, connection)  # a double confirm waits here, then finds no cart
        cart = await current_cart(client)
        view = await view_of(cart, client)
        if cart is None or view.is_empty:
            raise CartError("cart-empty")
        if view.has_issues:
            raise CartError("checkout-cart-changed")
        quote = None
        if cart.promo_code_id is not None:
            promo = await PromoCode.get(id=cart.promo_code_id).using_db(connection)
            quote = await check_promo(
                promo.code, client, view.subtotal, view.currency, now=now,
                order_id=cart.id, connection=connection,
            )  # fmt: skip
        discount = quote.discount if quote else Decimal("0")
        address = await delivery_address(client, data.address_id, data.new_address)
        order = await _claim(
            connection,
            cart,
            placed_at=now,
            contact_name=(address.recipient or client.display_name)[:255],
            contact_phone=data.phone,
            contact_email=data.email,
            address_id=address.id,
            address_text=address_text(address),
            comment=comment,
            subtotal=to_minor(view.subtotal),
            discount=to_minor(discount),
            total=to_minor(view.subtotal - discount),
            payment_method=data.payment_method.value,
        )
        if order is None:
            raise CartError("checkout-cart-changed")
        if quote is not None:
            await redeem(quote, client, order, connection)
        await _fill_contact(client, data, connection)
        await record_placement(order, client, connection)
    lines = "\n".join(f"{line.quantity} × {line.name}" for line in view.lines)
    return PlacedOrder(order=order, notices=await staff_notices(owner_ids, order, client, lines))


async def _claim(connection: BaseDBAsyncClient, cart: Order, **columns: Any) -> Order | None:
    """The cart becomes the order `new` with these column values, unless another update
    got to it first (status or version changed): None then. Plain SQL (money in minor
    units): tortoise would build this UPDATE's SQL anew on every checkout."""
    p = Params(connection.capabilities.dialect)
    sets = ", ".join(f'"{column}" = {p(value)}' for column, value in columns.items())
    claimed, _ = await connection.execute_query(
        f'UPDATE "orders" SET "status" = \'new\', "version" = "version" + 1, {sets} '
        f'WHERE "id" = {p(cart.id)} AND "status" = \'cart\' AND "version" = {p(cart.version)}',
        p.values,
    )
    if not claimed:
        return None
    p = Params(connection.capabilities.dialect)
    return await first_model(
        Order, connection, f'SELECT * FROM "orders" WHERE "id" = {p(cart.id)}', p.values
    )


async def delivery_address(
    client: Client, address_id: int | None, new_address: AddressInput | None
) -> Address:
    """The client's saved address, or the new one saved now (inside the order's transaction)."""
    if address_id is not None:
        return await owned_address(client, address_id)
    if new_address is not None:
        return await add_address(client, new_address)
    raise CartError("checkout-address-missing")


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


async def _fill_contact(client: Client, data: CheckoutInput, connection) -> None:
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
    tags = await client.tags.all().using_db(connection).values_list("name", flat=True)
    changes["search_text"] = search_text_of(client, tags)
    await Client.filter(id=client.id).using_db(connection).update(**changes)
