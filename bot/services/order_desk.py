"""The managers' order desk: order lists by status or by client, the order card, the note.

Lists are newest placed first and keyset-paged over `(placed_at, id)` (indexes of
migration 0009): a page is the rows after (or before) a cursor, never an OFFSET, so a
deep page costs what the first does. A cursor is a JSON list `[placed_at iso, id]`; it
lives in dialog data. Placed orders always have `placed_at` (checkout sets it).
Status changes go through `bot.services.orders.change_status`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.services.audit import record_audit
from bot.services.notices import NoticeButton
from bot.services.orders import OPEN_STATUSES, OrderError, allowed_next
from bot.services.roles import Role, require_editor
from models import Client, Order, OrderItem, OrderStatus, OrderStatusChange, PromoCode

PAGE_SIZE = 10
MAX_NOTE = 500
OPEN = "open"
ALL = "all"
# what the status picker offers, in its order
STATUS_CHOICES = (*(s.value for s in OrderStatus if s is not OrderStatus.CART), OPEN)
PLACED = tuple(s for s in OrderStatus if s is not OrderStatus.CART)

Cursor = list[Any]  # [placed_at iso, id]
# the callback data of a staff notice's "Open order" button (bot.handlers.order_link)
ORDER_LINK_PREFIX = "desk_order:"


class NoteTooLong(OrderError):
    def __init__(self) -> None:
        super().__init__("orders-desk-note-too-long")


@dataclass(frozen=True, slots=True)
class OrderRow:
    order: Order
    client: Client | None


@dataclass(frozen=True, slots=True)
class OrderPage:
    rows: list[OrderRow]
    first: Cursor | None
    last: Cursor | None
    # more rows exist beyond this page in the direction it was fetched
    more: bool


@dataclass(frozen=True, slots=True)
class HistoryStep:
    from_status: OrderStatus
    to_status: OrderStatus
    # None: the client (placing, paying, cancelling) or the system
    by: Client | None
    at: datetime


@dataclass(frozen=True, slots=True)
class OrderCard:
    order: Order
    items: list[OrderItem]
    client: Client | None
    created_by: Client | None
    promo_code: str | None
    history: list[HistoryStep]
    next_statuses: list[OrderStatus]


def statuses_of(choice: str) -> tuple[OrderStatus, ...]:
    """The statuses a picker choice lists; anything unknown (a forged value) lists `new`."""
    if choice == OPEN:
        return OPEN_STATUSES
    if choice == ALL:
        return PLACED
    if choice in STATUS_CHOICES:
        return (OrderStatus(choice),)
    return (OrderStatus.NEW,)


def parse_order_id(value: Any) -> int:
    """An order id from dialog or callback data; OrderError for anything else."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise OrderError("order-not-found") from None
    if not 0 < number < 2**31:
        raise OrderError("order-not-found")
    return number


def valid_cursor(value: Any) -> Cursor | None:
    """A cursor read back from dialog data; None when it is not one (forged, old)."""
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], int)):
        return None
    try:
        datetime.fromisoformat(value[0])
    except (TypeError, ValueError):
        return None
    return value


def open_order_button(order_id: int) -> NoticeButton:
    return NoticeButton("orders-desk-open-order", f"{ORDER_LINK_PREFIX}{order_id}")


def _scope(choice: str, client_id: int | None) -> Q:
    if client_id is not None:
        return Q(client_id=client_id, status__in=list(PLACED))
    return Q(status__in=list(statuses_of(choice)))


def _cursor_of(order: Order) -> Cursor:
    return [order.placed_at.isoformat() if order.placed_at else "", order.id]


async def count_orders(choice: str, client_id: int | None = None) -> int:
    return await Order.filter(_scope(choice, client_id)).count()


def _scopes(choice: str, client_id: int | None) -> list[Q]:
    """One query per status: each walks its (status, placed_at, id) index in order and
    the pages merge, where one `status IN (...)` query would sort every open order."""
    if client_id is not None:
        return [Q(client_id=client_id, status__in=list(PLACED))]
    return [Q(status=status) for status in statuses_of(choice)]


async def _fetch(scope: Q, cursor: Cursor | None, forward: bool, limit: int) -> list[Order]:
    query = Order.filter(scope, placed_at__isnull=False)
    if cursor is not None:
        placed, last_id = datetime.fromisoformat(cursor[0]), cursor[1]
        # `placed_at <=` bounds the index walk; the rest filters the equal-time run
        if forward:
            query = query.filter(Q(placed_at__lt=placed) | Q(placed_at=placed, id__lt=last_id))
            query = query.filter(placed_at__lte=placed)
        else:
            query = query.filter(Q(placed_at__gt=placed) | Q(placed_at=placed, id__gt=last_id))
            query = query.filter(placed_at__gte=placed)
    order_by = ("-placed_at", "-id") if forward else ("placed_at", "id")
    return list(await query.order_by(*order_by).limit(limit).select_related("client"))


async def order_page(
    choice: str,
    client_id: int | None = None,
    cursor: Cursor | None = None,
    *,
    forward: bool = True,
    size: int = PAGE_SIZE,
) -> OrderPage:
    """The page after `cursor` (older, forward) or before it (newer); no cursor: the newest."""
    orders: list[Order] = []
    for scope in _scopes(choice, client_id):
        orders += await _fetch(scope, cursor, forward, size + 1)
    orders.sort(key=lambda o: (o.placed_at, o.id), reverse=forward)
    more = len(orders) > size
    orders = orders[:size]
    if not forward:
        orders.reverse()
    rows = [OrderRow(order, order.client) for order in orders]
    first = _cursor_of(orders[0]) if orders else None
    last = _cursor_of(orders[-1]) if orders else None
    return OrderPage(rows=rows, first=first, last=last, more=more)


async def order_card(order_id: Any) -> OrderCard:
    """Everything the card shows about a placed order; OrderError when there is none."""
    order = await Order.get_or_none(id=parse_order_id(order_id)).select_related(
        "client", "created_by"
    )
    if order is None or order.status == OrderStatus.CART:
        raise OrderError("order-not-found")
    items = list(await OrderItem.filter(order_id=order.id).order_by("id"))
    changes = await (
        OrderStatusChange.filter(order_id=order.id)
        .order_by("created_at", "id")
        .select_related("changed_by")
    )
    code = None
    if order.promo_code_id is not None:
        code = await PromoCode.filter(id=order.promo_code_id).first().values_list("code", flat=True)
    history = [HistoryStep(c.from_status, c.to_status, c.changed_by, c.created_at) for c in changes]
    return OrderCard(
        order=order,
        items=items,
        client=order.client,
        created_by=order.created_by,
        promo_code=code,  # type: ignore[arg-type]
        history=history,
        next_statuses=allowed_next(order.status),
    )


async def order_client_id(order_id: Any) -> int | None:
    """The client of a placed order (None: no such order, or its client was deleted)."""
    order = await Order.get_or_none(id=parse_order_id(order_id))
    if order is None or order.status == OrderStatus.CART:
        return None
    return order.client_id


async def listed_client(client_id: int) -> Client | None:
    """The client whose orders a list shows (None when deleted meanwhile)."""
    return await Client.get_or_none(id=client_id)


def clean_note(text: str | None) -> str | None:
    text = (text or "").strip()
    if len(text) > MAX_NOTE:
        raise NoteTooLong
    return text or None


async def set_note(order_id: Any, text: str | None, *, actor: Client | None, role: Role) -> Order:
    """Stores (or, with empty text, clears) the managers' note; editors only, audited."""
    require_editor(role)
    note = clean_note(text)
    number = parse_order_id(order_id)
    async with in_transaction():
        order = await Order.get_or_none(id=number)
        if order is None or order.status == OrderStatus.CART:
            raise OrderError("order-not-found")
        await Order.filter(id=number).update(manager_note=note)
        order.manager_note = note
        await record_audit(
            actor_id=actor.id if actor else None,
            actor_telegram_id=actor.telegram_id if actor else None,
            client_id=order.client_id,
            action="order_note",
            details={"order_id": order.id, "cleared": note is None},
        )
    return order
