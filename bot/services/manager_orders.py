"""A manager places an order on a client's behalf: the draft becomes an order `new`.

The same rules as the client's own checkout, from the same services: the client's row
lock first, prices re-read (a product hidden, deleted or re-priced since it was picked
refuses the whole order, naming it), the promo code re-checked against the client's
limits and redeemed by the guarded increment, the address saved only now, history and
stats written by the order service. The client's cart is not touched: this order never
was a cart.

Blocked clients: the block closes the catalog to the client, not the shop to its
managers; a manager taking a phone order from a blocked client may place it (the
summary warns). Anonymized clients are refused: nobody is left to deliver to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from bot.services.addresses import address_text
from bot.services.audit import record_audit
from bot.services.checkout import clean_comment, delivery_address, staff_notices
from bot.services.client_profile import Actor
from bot.services.notices import Notice, to_client
from bot.services.order_drafts import DraftError, DraftQuote, OrderDraft, quote_draft
from bot.services.orders import lock_client, record_placement
from bot.services.promo import redeem
from bot.services.roles import require_editor
from models import Client, Order, OrderItem, OrderStatus


@dataclass(frozen=True)
class ManagerPlacement:
    order: Order
    client_notices: list[Notice]  # empty when the client cannot be reached in Telegram
    staff_notices: list[Notice]


async def order_target(
    client_id: int | None, connection: BaseDBAsyncClient | None = None
) -> Client:
    """The client an order may be created for; DraftError for a missing or anonymized one."""
    client = None
    if isinstance(client_id, int) and 0 < client_id < 2**31:
        query = Client.filter(id=client_id)
        client = await (query.using_db(connection) if connection else query).first()
    if client is None:
        raise DraftError("create-order-client-gone")
    if client.anonymized_at is not None:
        raise DraftError("create-order-anonymized")
    return client


def _refuse_changed(quote: DraftQuote) -> None:
    if quote.gone:
        raise DraftError("create-order-gone", names=", ".join(quote.gone))
    if quote.repriced:
        raise DraftError("create-order-repriced", names=", ".join(quote.repriced))
    if quote.promo_error is not None:
        raise quote.promo_error


async def place_for_client(
    actor: Actor, client_id: int, draft: OrderDraft, now: datetime | None = None
) -> ManagerPlacement:
    """Raises AccessDenied, DraftError, PromoError, AddressError or CartError; on any of
    them nothing is written."""
    require_editor(actor.role)
    comment = clean_comment(draft.comment)
    if not draft.lines:
        raise DraftError("create-order-no-items")
    if not draft.has_address:
        raise DraftError("create-order-no-address")
    now = now or datetime.now(UTC)
    async with in_transaction() as connection:
        await lock_client(client_id, connection)
        client = await order_target(client_id, connection)
        quote = await quote_draft(client, draft, connection=connection, now=now)
        _refuse_changed(quote)
        address = await delivery_address(client, draft.address_id, draft.new_address)
        order = await Order.create(
            client_id=client.id,
            status=OrderStatus.NEW,
            created_by_id=actor.client_id,
            placed_at=now,
            contact_name=(address.recipient or client.display_name)[:255],
            contact_phone=client.phone,
            contact_email=client.email,
            address_id=address.id,
            address_text=address_text(address),
            promo_code_id=quote.promo.promo.id if quote.promo else None,
            comment=comment,
            currency=quote.currency,
            subtotal=quote.subtotal,
            discount=quote.discount,
            total=quote.total,
            payment_method=draft.payment_method,
            using_db=connection,
        )
        await OrderItem.bulk_create(
            [
                OrderItem(
                    order_id=order.id,
                    product_id=q.line.product_id,
                    product_name=q.line.name,
                    unit_price=q.line.unit_price,
                    quantity=q.line.quantity,
                    line_total=q.line_total,
                )
                for q in quote.lines
            ],
            using_db=connection,
        )
        if quote.promo is not None:
            await redeem(quote.promo, client, order, connection)
        await record_placement(order, client, connection, placed_by_id=actor.client_id)
        await record_audit(
            actor_id=actor.client_id,
            actor_telegram_id=actor.telegram_id,
            client_id=client.id,
            action="order_created",
            details={"order_id": order.id},
        )
    return await _notices(actor, client, order, quote)


async def _notices(
    actor: Actor, client: Client, order: Order, quote: DraftQuote
) -> ManagerPlacement:
    items = "\n".join(f"{q.line.quantity} × {q.line.name}" for q in quote.lines)
    to_the_client = to_client(
        client,
        "create-order-client-notice",
        currency=order.currency,
        order_id=order.id,
        items=items,
        total=Decimal(order.total),
        address=order.address_text or "",
    )
    staff = await staff_notices(actor.owner_ids, order, client, items)
    others = [notice for notice in staff if notice.telegram_id != actor.telegram_id]
    return ManagerPlacement(order=order, client_notices=to_the_client, staff_notices=others)
