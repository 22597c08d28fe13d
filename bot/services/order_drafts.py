"""An order a manager is putting together for a client, before it exists in the database.

The draft is plain data kept in the dialog (JSON in the dialog storage) until the manager
confirms: abandoning it leaves nothing behind. Each line remembers the product's name and
the price the manager saw, so a product deleted meanwhile can still be named and a price
changed meanwhile is flagged instead of silently charged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from bot.services.addresses import AddressError, AddressInput, clean_address
from bot.services.cart import LineIssue, parse_quantity
from bot.services.catalog import NotFound, shown_product, visible_products
from bot.services.money import round_money, shop_currency
from bot.services.promo import PromoError, PromoQuote, check_promo, normalize_code
from models import Client, PaymentMethod

MAX_LINES = 30
MANAGER_PAYMENTS = (PaymentMethod.ON_DELIVERY, PaymentMethod.TRANSFER)


class DraftError(ValueError):
    """Why a draft step or its placement is refused; `key` is the Fluent message."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class DraftLine:
    product_id: int
    name: str
    quantity: int
    unit_price: Decimal  # as the manager saw it when picking


@dataclass(frozen=True)
class OrderDraft:
    lines: tuple[DraftLine, ...] = ()
    address_id: int | None = None
    new_address: AddressInput | None = None
    promo_code: str | None = None
    comment: str | None = None
    payment_method: PaymentMethod = PaymentMethod.ON_DELIVERY

    def to_data(self) -> dict[str, Any]:
        """JSON-safe, for the dialog's storage (Redis serializes it)."""
        return {
            "lines": [
                [ln.product_id, ln.name, ln.quantity, str(ln.unit_price)] for ln in self.lines
            ],
            "address_id": self.address_id,
            "new_address": vars(self.new_address) if self.new_address else None,
            "promo": self.promo_code,
            "comment": self.comment,
            "payment": self.payment_method.value,
        }

    @classmethod
    def from_data(cls, data: Any) -> OrderDraft:
        """Back from the dialog's storage; anything malformed is dropped, not trusted."""
        if not isinstance(data, dict):
            return cls()
        lines = tuple(line for line in map(_line_from, data.get("lines") or ()) if line)
        address_id = data.get("address_id")
        promo = data.get("promo")
        comment = data.get("comment")
        return cls(
            lines=lines,
            address_id=address_id if isinstance(address_id, int) else None,
            new_address=_address_from(data.get("new_address")),
            promo_code=promo if isinstance(promo, str) else None,
            comment=comment if isinstance(comment, str) else None,
            payment_method=_payment_from(data.get("payment")),
        )

    @property
    def has_address(self) -> bool:
        return self.address_id is not None or self.new_address is not None

    def quantity_of(self, product_id: int) -> int:
        return next((ln.quantity for ln in self.lines if ln.product_id == product_id), 0)

    def without(self, product_id: int) -> OrderDraft:
        return replace(self, lines=tuple(ln for ln in self.lines if ln.product_id != product_id))


def _line_from(raw: Any) -> DraftLine | None:
    try:
        product_id, name, quantity, price = raw
        return DraftLine(int(product_id), str(name), int(quantity), Decimal(price))
    except (TypeError, ValueError, InvalidOperation):
        return None


def _address_from(raw: Any) -> AddressInput | None:
    if not isinstance(raw, dict):
        return None
    try:
        return clean_address(raw)
    except AddressError:
        return None


def _payment_from(raw: Any) -> PaymentMethod:
    methods = {method.value: method for method in MANAGER_PAYMENTS}
    return methods.get(raw, PaymentMethod.ON_DELIVERY)


async def with_product(draft: OrderDraft, product_id: int | str, quantity: int | str) -> OrderDraft:
    """The draft with this product at this quantity (replacing its line if it had one)."""
    quantity = parse_quantity(quantity)  # CartError('cart-quantity-invalid')
    try:
        product = await shown_product(product_id)
    except NotFound:
        raise DraftError("create-order-product-unavailable") from None
    line = DraftLine(product.id, product.name, quantity, Decimal(product.price))
    if any(ln.product_id == product.id for ln in draft.lines):
        lines = tuple(line if ln.product_id == product.id else ln for ln in draft.lines)
    elif len(draft.lines) >= MAX_LINES:
        raise DraftError("create-order-too-many-lines", limit=MAX_LINES)
    else:
        lines = (*draft.lines, line)
    return replace(draft, lines=lines)


@dataclass(frozen=True)
class QuotedLine:
    line: DraftLine
    line_total: Decimal
    issue: LineIssue | None = None
    current_price: Decimal | None = None


@dataclass(frozen=True)
class DraftQuote:
    lines: list[QuotedLine]
    currency: str
    subtotal: Decimal
    discount: Decimal
    promo: PromoQuote | None = None
    promo_error: PromoError | None = None

    @property
    def total(self) -> Decimal:
        return self.subtotal - self.discount

    @property
    def gone(self) -> list[str]:
        return [q.line.name for q in self.lines if q.issue is LineIssue.UNAVAILABLE]

    @property
    def repriced(self) -> list[str]:
        return [q.line.name for q in self.lines if q.issue is LineIssue.REPRICED]


async def quote_draft(
    client: Client, draft: OrderDraft, *, connection: Any = None, **promo_args: Any
) -> DraftQuote:
    """The draft against today's catalog and the client's promo limits."""
    currency = shop_currency()
    ids = [line.product_id for line in draft.lines]
    query = visible_products().filter(id__in=ids)
    products = {p.id: p for p in await (query.using_db(connection) if connection else query)}
    quoted = []
    for line in draft.lines:
        product = products.get(line.product_id)
        total = round_money(line.unit_price * line.quantity, currency)
        if product is None:
            quoted.append(QuotedLine(line, total, LineIssue.UNAVAILABLE))
        elif Decimal(product.price) != line.unit_price:
            quoted.append(QuotedLine(line, total, LineIssue.REPRICED, Decimal(product.price)))
        else:
            quoted.append(QuotedLine(line, total))
    subtotal = sum((q.line_total for q in quoted if q.issue is None), Decimal("0"))
    promo, error = None, None
    if draft.promo_code:
        try:
            promo = await check_promo(
                draft.promo_code, client, subtotal, currency, connection=connection, **promo_args
            )
        except PromoError as refused:
            error = refused
    discount = promo.discount if promo else Decimal("0")
    return DraftQuote(quoted, currency, subtotal, discount, promo, error)


async def with_promo(client: Client, draft: OrderDraft, code_text: str) -> OrderDraft:
    """The draft with a promo code that applies to it for this client; PromoError if not."""
    code = normalize_code(code_text)
    quote = await quote_draft(client, replace(draft, promo_code=code))
    if quote.promo_error is not None:
        raise quote.promo_error
    return replace(draft, promo_code=code)


def settled(draft: OrderDraft, quote: DraftQuote) -> OrderDraft:
    """Unavailable lines dropped, changed prices taken: what a refused confirm leaves."""
    lines = []
    for quoted in quote.lines:
        if quoted.issue is LineIssue.UNAVAILABLE:
            continue
        price = quoted.current_price if quoted.current_price is not None else quoted.line.unit_price
        lines.append(replace(quoted.line, unit_price=price))
    return replace(draft, lines=tuple(lines))
