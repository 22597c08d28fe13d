"""Payments: on delivery or by transfer always; Telegram Payments when a provider is set.

The invoice's payload names the order and the amount invoiced; the pre-checkout step
re-reads the order and refuses when it is not payable any more or its total changed.
Amounts go to Telegram in the currency's smallest unit (cents, or whole yen).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from bot.services.money import minor_unit
from bot.services.notices import Notice, to_client, to_staff
from bot.services.order_desk import open_order_button
from bot.services.orders import OrderError, client_order
from models import Client, Order, OrderStatus, PaymentMethod

PAYABLE_STATUSES = (OrderStatus.NEW, OrderStatus.CONFIRMED)
PAYLOAD_PREFIX = "order"


@dataclass(frozen=True)
class Invoice:
    order_id: int
    currency: str
    amount: int  # smallest units, as Telegram takes it
    payload: str


def payment_methods(telegram_enabled: bool) -> list[PaymentMethod]:
    methods = [PaymentMethod.ON_DELIVERY, PaymentMethod.TRANSFER]
    return [*methods, PaymentMethod.TELEGRAM] if telegram_enabled else methods


def telegram_amount(amount: Decimal, currency: str) -> int:
    return int(Decimal(amount) / minor_unit(currency))


def is_payable(order: Order) -> bool:
    return (
        order.payment_method == PaymentMethod.TELEGRAM
        and order.status in PAYABLE_STATUSES
        and order.paid_at is None
        and order.total > 0
    )


async def invoice_for(client: Client, order_id: int | str) -> Invoice:
    order = await client_order(client, order_id)
    if not is_payable(order):
        raise OrderError("payment-not-payable")
    amount = telegram_amount(order.total, order.currency)
    return Invoice(order.id, order.currency, amount, f"{PAYLOAD_PREFIX}:{order.id}:{amount}")


def parse_payload(payload: str) -> tuple[int, int] | None:
    parts = (payload or "").split(":")
    if len(parts) != 3 or parts[0] != PAYLOAD_PREFIX or not all(p.isdigit() for p in parts[1:]):
        return None
    return int(parts[1]), int(parts[2])


async def _order_paid_by(telegram_id: int, payload: str) -> tuple[Order, int] | None:
    parsed = parse_payload(payload)
    if parsed is None or parsed[0] >= 2**31:
        return None
    order = await Order.get_or_none(id=parsed[0], client__telegram_id=telegram_id)
    return (order, parsed[1]) if order is not None else None


async def check_pre_checkout(
    telegram_id: int, payload: str, currency: str, total_amount: int
) -> str | None:
    """None when the payment may go ahead, else the Fluent key of the refusal."""
    found = await _order_paid_by(telegram_id, payload)
    if found is None:
        return "payment-refused-unknown"
    order, invoiced = found
    if not is_payable(order):
        return "payment-refused-not-payable"
    expected = telegram_amount(order.total, order.currency)
    if currency != order.currency or total_amount != expected or invoiced != expected:
        return "payment-refused-total-changed"
    return None


async def record_payment(
    telegram_id: int,
    payload: str,
    currency: str,
    total_amount: int,
    provider_charge_id: str,
    telegram_charge_id: str,
    owner_ids: Collection[int] = (),
    now: datetime | None = None,
) -> list[Notice]:
    """Marks the order paid with the amount Telegram took; notices for client and staff."""
    found = await _order_paid_by(telegram_id, payload)
    if found is None:
        return []
    order, _ = found
    paid = Decimal(total_amount) * minor_unit(currency)
    updated = await Order.filter(id=order.id, paid_at__isnull=True).update(
        paid_amount=paid,
        paid_at=now or datetime.now(UTC),
        payment_charge_id=provider_charge_id[:255],
        telegram_charge_id=telegram_charge_id[:255],
    )
    if not updated:  # Telegram delivered the same update twice
        return []
    client = await Client.get_or_none(id=order.client_id)
    return [
        *to_client(client, "payment-received", currency=currency, order_id=order.id, amount=paid),
        *await to_staff(
            owner_ids,
            "payment-received-staff",
            currency=currency,
            button=open_order_button(order.id),
            order_id=order.id,
            amount=paid,
        ),
    ]
