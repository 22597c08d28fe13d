"""The cart: the client's one order in status `cart`.

Lines keep the price the customer saw when adding; every view re-reads the products,
and a line whose product is gone, hidden or re-priced is flagged. Checkout refuses a
cart with flagged lines until the customer accepts the new prices or removes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.db import dialect, snapshot_rows
from bot.services.catalog import NotFound, as_id, product_for, require_shopper
from bot.services.client_query import Params
from bot.services.money import round_money, shop_currency
from bot.services.promo import PromoError, PromoQuote, check_promo, quote_steps
from bot.transaction_steps import Row, Statement, Steps, read_steps, run_steps
from models import Client, Order, OrderItem, OrderStatus, Product
from models.money import from_minor, to_minor

MAX_QUANTITY = 999
QUANTITY_PATTERN = re.compile(r"[0-9]{1,4}")  # ASCII digits only: int() also reads "١٢"


class CartError(ValueError):
    """Bad cart input or action; `key` is the Fluent message."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class LineIssue(StrEnum):
    UNAVAILABLE = "unavailable"  # deleted, hidden, or its category hidden
    REPRICED = "repriced"


@dataclass(frozen=True)
class CartLine:
    item_id: int
    product_id: int | None
    name: str
    quantity: int
    unit_price: Decimal
    line_total: Decimal
    issue: LineIssue | None = None
    current_price: Decimal | None = None


@dataclass(frozen=True)
class CartView:
    order_id: int | None
    lines: list[CartLine]
    currency: str
    subtotal: Decimal
    discount: Decimal
    total: Decimal
    promo_code: str | None = None
    promo_error: PromoError | None = None

    @property
    def has_issues(self) -> bool:
        return any(line.issue for line in self.lines)

    @property
    def is_empty(self) -> bool:
        return not self.lines


def parse_quantity(text: str | int | None) -> int:
    """'3' -> 3; 0, -1, 10**9, 'abc' -> CartError('cart-quantity-invalid')."""
    raw = str(text if text is not None else "").strip()
    if not QUANTITY_PATTERN.fullmatch(raw):
        raise CartError("cart-quantity-invalid")
    quantity = int(raw)
    if not 1 <= quantity <= MAX_QUANTITY:
        raise CartError("cart-quantity-invalid")
    return quantity


async def current_cart(client: Client) -> Order | None:
    """The client's cart (inside a transaction, as that transaction sees it). Plain SQL
    here and below: the cart's reads and writes run on every add, and tortoise builds a
    query's SQL on every call, costing more than the query."""
    return await read_steps(cart_steps, client.id)


def cart_steps(client_id: int) -> Steps[Order | None]:
    p = Params(dialect())
    rows = yield (
        f'SELECT * FROM "orders" WHERE "client_id" = {p(client_id)} AND "status" = \'cart\'',
        p.values,
    )
    return Order._init_from_db(**rows[0]) if rows else None


# The main menu shows this on every render: plain SQL, since building the ORM query
# costs more than running it (python -m bench updates).
CART_LINES_SQL = (
    'SELECT COUNT(*) FROM "order_items" JOIN "orders" ON "orders"."id" = "order_items"."order_id" '
    'WHERE "orders"."client_id" = {slot} AND "orders"."status" = \'cart\''
)


async def cart_line_count(client: Client) -> int:
    """Lines in the client's cart, in one query."""
    db = OrderItem._choose_db()
    slot = "$1" if db.capabilities.dialect == "postgres" else "?"
    sql = CART_LINES_SQL.format(slot=slot)
    # on every render of the main menu: SQLite's snapshot reader when there is one
    counted = snapshot_rows(sql, [client.id]) if slot == "?" else None
    if counted is None:
        _, counted = await db.execute_query(sql, [client.id])
    return int(counted[0][0])


async def get_or_create_cart(client: Client) -> Order:
    cart = await current_cart(client)
    if cart is not None:
        return cart
    try:
        return await Order.create(
            client_id=client.id, status=OrderStatus.CART, currency=shop_currency()
        )
    except IntegrityError:  # the one-cart index: a parallel update made it first
        return await Order.get(client_id=client.id, status=OrderStatus.CART)


async def add_to_cart(client: Client | None, product_id: int | str, quantity: int) -> OrderItem:
    product = await product_for(client, product_id)
    quantity = parse_quantity(quantity)
    line = await run_steps(_add_line(client.id, product, quantity))
    if line is None:  # no cart yet (or it was just checked out): one now, then again
        await get_or_create_cart(client)
        line = await run_steps(_add_line(client.id, product, quantity))
    return OrderItem._init_from_db(**line)


def _add_line(client_id: int, product: Product, quantity: int) -> Steps[Row | None]:
    """The product's line in the client's cart, added or its quantity raised, at today's
    price, and the cart's totals: one transaction (one hop on SQLite). None: no cart."""
    cart = yield from cart_steps(client_id)
    if cart is None:
        return None
    cart_id, currency = cart.id, cart.currency
    p = Params(dialect())
    items = yield (
        f'SELECT "id", "quantity" FROM "order_items" WHERE "order_id" = {p(cart_id)} '
        f'AND "product_id" = {p(product.id)} ORDER BY "id" LIMIT 1',
        p.values,
    )
    price = Decimal(product.price)
    if items:
        quantity = min(MAX_QUANTITY, items[0]["quantity"] + quantity)
    total = to_minor(round_money(price * quantity, currency))
    p = Params(p.dialect)
    if items:
        line = yield (
            f'UPDATE "order_items" SET "quantity" = {p(quantity)}, '
            f'"unit_price" = {p(to_minor(price))}, "product_name" = {p(product.name)}, '
            f'"line_total" = {p(total)} WHERE "id" = {p(items[0]["id"])} RETURNING *',
            p.values,
        )
    else:
        line = yield (
            'INSERT INTO "order_items" ("order_id", "product_id", "product_name", '
            f'"unit_price", "quantity", "line_total") VALUES ({p(cart_id)}, {p(product.id)}, '
            f"{p(product.name)}, {p(to_minor(price))}, {p(quantity)}, {p(total)}) RETURNING *",
            p.values,
        )
    yield _totals_statement(cart_id, p.dialect)
    return line[0]


async def _owned_item(client: Client | None, item_id: int | str) -> tuple[Order, OrderItem]:
    require_shopper(client)
    cart = await current_cart(client)
    try:
        number = as_id(item_id)
    except NotFound:
        raise CartError("cart-line-not-found") from None
    item = await OrderItem.get_or_none(id=number, order_id=cart.id) if cart else None
    if cart is None or item is None:
        raise CartError("cart-line-not-found")
    return cart, item


async def set_quantity(client: Client | None, item_id: int | str, quantity: int | str) -> OrderItem:
    quantity = parse_quantity(quantity)
    cart, item = await _owned_item(client, item_id)
    item.quantity = quantity
    item.line_total = round_money(Decimal(item.unit_price) * quantity, cart.currency)
    async with in_transaction():
        await item.save(update_fields=["quantity", "line_total"])
        await _store_totals(cart)
    return item


async def remove_line(client: Client | None, item_id: int | str) -> None:
    cart, item = await _owned_item(client, item_id)
    async with in_transaction():
        await item.delete()
        await _store_totals(cart)


async def cart_line(client: Client | None, item_id: int | str) -> CartLine:
    cart, item = await _owned_item(client, item_id)
    return (await _lines(cart.id, item.id))[0]


async def accept_current_prices(client: Client | None) -> CartView:
    """Drops unavailable lines and takes today's price for re-priced ones."""
    require_shopper(client)
    cart = await current_cart(client)
    if cart is None:
        return await cart_view(client)
    async with in_transaction():
        for line in (await cart_view(client)).lines:
            if line.issue is LineIssue.UNAVAILABLE:
                await OrderItem.filter(id=line.item_id).delete()
            elif line.issue is LineIssue.REPRICED and line.current_price is not None:
                await OrderItem.filter(id=line.item_id).update(
                    unit_price=line.current_price,
                    line_total=round_money(line.current_price * line.quantity, cart.currency),
                )
        await _store_totals(cart)
    return await cart_view(client)


async def apply_promo(client: Client | None, code_text: str) -> CartView:
    require_shopper(client)
    view = await cart_view(client)
    if view.order_id is None or view.is_empty:
        raise CartError("cart-empty")
    quote = await check_promo(code_text, client, view.subtotal, view.currency)
    await Order.filter(id=view.order_id).update(promo_code_id=quote.promo.id)
    return await cart_view(client)


async def remove_promo(client: Client | None) -> None:
    require_shopper(client)
    await Order.filter(client_id=client.id, status=OrderStatus.CART).update(promo_code_id=None)


async def cart_view(client: Client | None) -> CartView:
    require_shopper(client)
    return await view_of_cart(client)


async def view_of_cart(client: Client) -> CartView:
    """The cart as it stands, flags included, for whoever may see it: the client
    (through `cart_view`) or staff on the client's card (a blocked client's too)."""
    return await view_of(await current_cart(client), client)


async def view_of(cart: Order | None, client: Client) -> CartView:
    """The view of this cart, the client's (inside a transaction, as it sees it)."""
    return await read_steps(view_steps, cart, client.id)


def view_steps(cart: Order | None, client_id: int, now: datetime | None = None) -> Steps[CartView]:
    view, _quote = yield from view_and_quote_steps(cart, client_id, now)
    return view


def view_and_quote_steps(
    cart: Order | None, client_id: int, now: datetime | None = None
) -> Steps[tuple[CartView, PromoQuote | None]]:
    """The cart's view, and its promo code's quote when the code applies (checkout
    redeems it)."""
    currency = cart.currency if cart else shop_currency()
    if cart is None:
        zero = Decimal("0")
        return CartView(None, [], currency, zero, zero, zero), None
    lines = yield from lines_steps(cart.id)
    subtotal = sum((line.line_total for line in lines), Decimal("0"))
    quote, code, error = None, None, None
    if cart.promo_code_id is not None:
        p = Params(dialect())
        codes = yield (
            f'SELECT "code" FROM "promo_codes" WHERE "id" = {p(cart.promo_code_id)}',
            p.values,
        )
        code = codes[0]["code"] if codes else None
        try:
            quote = yield from quote_steps(code, client_id, subtotal, currency, now, cart.id)
        except PromoError as exc:
            error = exc
    discount = quote.discount if quote else Decimal("0")
    view = CartView(cart.id, lines, currency, subtotal, discount, subtotal - discount, code, error)
    return view, quote


async def _lines(cart_id: int, item_id: int | None = None) -> list[CartLine]:
    return await read_steps(lines_steps, cart_id, item_id)


def lines_steps(cart_id: int, item_id: int | None = None) -> Steps[list[CartLine]]:
    """The cart's lines beside their products as they are now, in one query."""
    p = Params(dialect())
    where = f'i."order_id" = {p(cart_id)}'
    if item_id is not None:
        where += f' AND i."id" = {p(item_id)}'
    rows = yield (
        'SELECT i.*, p."price" AS "price_now", '
        'CASE WHEN p."id" IS NULL OR p."is_hidden" OR c."is_hidden" THEN 1 ELSE 0 END '
        'AS "unavailable" FROM "order_items" i '
        'LEFT JOIN "products" p ON p."id" = i."product_id" '
        'LEFT JOIN "categories" c ON c."id" = p."category_id" '
        f'WHERE {where} ORDER BY i."id"',
        p.values,
    )
    return [_line(row) for row in rows]


def _line(row: Row) -> CartLine:
    item = OrderItem._init_from_db(**row)
    issue, current = None, None
    if row["unavailable"]:
        issue = LineIssue.UNAVAILABLE
    elif from_minor(row["price_now"]) != Decimal(item.unit_price):
        issue, current = LineIssue.REPRICED, from_minor(row["price_now"])
    return CartLine(
        item_id=item.id,
        product_id=item.product_id,
        name=item.product_name,
        quantity=item.quantity,
        unit_price=Decimal(item.unit_price),
        line_total=Decimal(item.line_total),
        issue=issue,
        current_price=current,
    )


async def _store_totals(cart: Order) -> None:
    """Keeps the cart row's subtotal/total current for the desk's "current order"."""
    db = Order._choose_db(for_write=True)
    await db.execute_query(*_totals_statement(cart.id, db.capabilities.dialect))


def _totals_statement(cart_id: int, dialect: str) -> Statement:
    """The cart row's subtotal and total from its lines (money columns hold minor units:
    the sum is exact in SQL)."""
    p = Params(dialect)

    def lines_total() -> str:
        return (
            '(SELECT COALESCE(SUM("line_total"), 0) FROM "order_items" '
            f'WHERE "order_id" = {p(cart_id)})'
        )

    # placeholders in the order they appear: `?` is positional
    return (
        f'UPDATE "orders" SET "subtotal" = {lines_total()}, "total" = {lines_total()}, '
        f'"discount" = 0 WHERE "id" = {p(cart_id)}',
        p.values,
    )
