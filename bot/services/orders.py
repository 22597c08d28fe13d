"""The order service: status flow with a version check, history, client stats, lookups.

Flow: cart -> new -> confirmed -> shipped -> delivered; cancelled from any open state
(new, confirmed, shipped). Each change is one guarded UPDATE on (id, status, version):
of two managers acting at once only one matches a row, the other gets `StaleOrder`.
Every change leaves an `OrderStatusChange` row and recomputes the client's
`orders_count`, `total_spent` and `last_order_at` from their orders in the same
transaction: what counts is an order placed and not cancelled.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from bot.db import dialect
from bot.services import promo as promo_service
from bot.services.client_query import Params
from bot.services.notices import Notice, to_client
from bot.services.roles import Role, require_editor
from bot.transaction_steps import Steps, run_steps_on
from models import Client, Order, OrderItem, OrderStatus, OrderStatusChange

S = OrderStatus
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.CART: frozenset({S.NEW}),
    S.NEW: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.SHIPPED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.CANCELLED}),
    S.DELIVERED: frozenset(),
    S.CANCELLED: frozenset(),
}
COUNTED_STATUSES = (S.NEW, S.CONFIRMED, S.SHIPPED, S.DELIVERED)
OPEN_STATUSES = (S.NEW, S.CONFIRMED, S.SHIPPED)
PAGE_SIZE = 8


class OrderError(ValueError):
    """`key` is the Fluent message explaining the refusal."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class IllegalTransition(OrderError):
    def __init__(self) -> None:
        super().__init__("order-transition-illegal")


class StaleOrder(OrderError):
    """Somebody changed the order since it was read."""

    def __init__(self) -> None:
        super().__init__("order-changed-meanwhile")


@dataclass(frozen=True)
class StatusChanged:
    order: Order
    notices: list[Notice]


def allowed_next(status: OrderStatus) -> list[OrderStatus]:
    return [s for s in S if s in TRANSITIONS[status]]


async def change_status(
    order_id: int,
    to_status: OrderStatus,
    *,
    actor: Client | None,
    role: Role,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> StatusChanged:
    """A manager (or owner) moves an order on; viewers and customers are refused."""
    require_editor(role)
    return await _move(order_id, to_status, actor, expected_version, now)


async def cancel_by_client(client: Client, order_id: int | str) -> StatusChanged:
    """A customer may cancel their own order while it is still `new`."""
    order = await client_order(client, order_id)
    if order.status != S.NEW:
        raise OrderError("order-cannot-cancel")
    return await _move(order.id, S.CANCELLED, client, order.version, None)


async def _move(
    order_id: int,
    to_status: OrderStatus,
    actor: Client | None,
    expected_version: int | None,
    now: datetime | None,
) -> StatusChanged:
    now = now or datetime.now(UTC)
    async with in_transaction() as connection:
        order = await Order.get_or_none(id=order_id).using_db(connection)
        if order is None or order.status == S.CART:
            raise OrderError("order-not-found")
        if order.client_id is not None:
            await lock_client(order.client_id, connection)
        if expected_version is not None and expected_version != order.version:
            raise StaleOrder
        if to_status not in TRANSITIONS[order.status]:
            raise IllegalTransition
        updated = (
            await Order.filter(id=order.id, status=order.status, version=order.version)
            .using_db(connection)
            .update(status=to_status, version=F("version") + 1, updated_at=now)
        )
        if not updated:
            raise StaleOrder
        await OrderStatusChange.create(
            order_id=order.id,
            from_status=order.status,
            to_status=to_status,
            changed_by_id=actor.id if actor else None,
            using_db=connection,
        )
        if to_status == S.CANCELLED:
            await promo_service.release(order, connection)
        if order.client_id is not None:
            await refresh_client_stats(order.client_id, connection)
        order.status, order.version = to_status, order.version + 1
        client = await Client.get_or_none(id=order.client_id).using_db(connection)
    notices = to_client(
        client, "order-status-notice", order_id=order.id, status_key=f"order-status-{to_status}"
    )
    return StatusChanged(order=order, notices=notices)


async def record_placement(
    order: Order,
    client: Client,
    connection: BaseDBAsyncClient,
    placed_by_id: int | None = None,
) -> None:
    """History and stats for an order just placed: by the client at checkout (None),
    or by a manager on their behalf."""
    now = datetime.now(UTC)
    await run_steps_on(connection, placement_steps(order.id, client.id, placed_by_id, now))


def placement_steps(
    order_id: int, client_id: int, placed_by_id: int | None, now: datetime
) -> Steps[None]:
    p = Params(dialect())
    yield (
        'INSERT INTO "order_status_changes" ("order_id", "from_status", "to_status", '
        f'"changed_by_id", "created_at") VALUES ({p(order_id)}, {p(S.CART.value)}, '
        f"{p(S.NEW.value)}, {p(placed_by_id)}, {p(now)})",
        p.values,
    )
    yield from client_stats_steps(client_id)


async def lock_client(client_id: int, connection: BaseDBAsyncClient) -> None:
    """Takes the client's row lock (PostgreSQL; SQLite writes one at a time anyway, and
    tortoise runs its transactions one after another on its one connection).

    Every transaction that changes a client's orders takes it FIRST, so they queue in
    one order (no deadlock) and each recount sees the previous one's change. NO KEY:
    inserts referencing the client (addresses, redemptions) do not wait on it.
    """
    await run_steps_on(connection, lock_client_steps(client_id))


def lock_client_steps(client_id: int) -> Steps[None]:
    if dialect() == "postgres":
        yield 'SELECT 1 FROM "clients" WHERE "id" = $1 FOR NO KEY UPDATE', [client_id]


async def refresh_client_stats(client_id: int, connection: BaseDBAsyncClient) -> None:
    """Recomputes the denormalized counters from the client's orders (under `lock_client`),
    in one statement: the aggregates run in the database (money in minor units sums
    exactly; UTC times in one format compare as text on SQLite)."""
    await run_steps_on(connection, client_stats_steps(client_id))


def client_stats_steps(client_id: int) -> Steps[None]:
    yield from lock_client_steps(client_id)
    p = Params(dialect())
    statuses = ", ".join(f"'{status.value}'" for status in COUNTED_STATUSES)

    def aggregate(expression: str) -> str:
        return (
            f'(SELECT {expression} FROM "orders" WHERE "client_id" = {p(client_id)} '
            f'AND "status" IN ({statuses}))'
        )

    # placeholders in the order they appear: `?` is positional
    count, spent = aggregate("COUNT(*)"), aggregate('COALESCE(SUM("total"), 0)')
    last = aggregate('MAX("placed_at")')
    yield (
        f'UPDATE "clients" SET "orders_count" = {count}, "total_spent" = {spent}, '
        f'"last_order_at" = {last} WHERE "id" = {p(client_id)}',
        p.values,
    )


async def client_orders(client: Client, page: int = 0) -> tuple[list[Order], int, int]:
    """The client's placed orders, newest first: (orders, page, pages)."""
    query = Order.filter(client_id=client.id).exclude(status=S.CART)
    total = await query.count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    orders = await query.order_by("-placed_at", "-id").offset(page * PAGE_SIZE).limit(PAGE_SIZE)
    return list(orders), page, pages


async def client_order(client: Client, order_id: int | str) -> Order:
    """The client's own placed order; OrderError for anybody else's (a forged id)."""
    try:
        number = int(order_id)
    except (TypeError, ValueError):
        raise OrderError("order-not-found") from None
    order = await Order.get_or_none(id=number, client_id=client.id)
    if order is None or order.status == S.CART or not 0 < number < 2**31:
        raise OrderError("order-not-found")
    return order


async def order_items(order: Order) -> list[OrderItem]:
    return list(await OrderItem.filter(order_id=order.id).order_by("id"))


async def status_history(order: Order) -> list[OrderStatusChange]:
    return list(await OrderStatusChange.filter(order_id=order.id).order_by("created_at", "id"))


async def orders_by_status(statuses: Collection[OrderStatus]) -> list[Order]:
    return list(await Order.filter(status__in=list(statuses)).order_by("-placed_at", "-id"))
