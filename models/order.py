"""Orders (the cart is an order in status `cart`) and their lines."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.money import MoneyField

if TYPE_CHECKING:
    from models.address import Address
    from models.catalog import Product
    from models.client import Client
    from models.promo import PromoCode


class OrderStatus(StrEnum):
    CART = "cart"
    NEW = "new"
    CONFIRMED = "confirmed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class PaymentMethod(StrEnum):
    ON_DELIVERY = "on_delivery"
    TRANSFER = "transfer"
    TELEGRAM = "telegram"


class Order(Model):
    """A client's order (the cart is an order in status `cart`).

    Contact and address are copied in so an order still reads right after the
    client edits or deletes them; anonymization erases these copies.
    At most one `cart` order per client is enforced by a partial unique index
    created in migration 0002 (it is not expressible portably in `Meta`).
    """

    id = fields.IntField(primary_key=True)
    # SET NULL: orders stay for accounting when the client is deleted
    client: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="orders", null=True, on_delete=fields.SET_NULL
    )
    status = fields.CharEnumField(
        OrderStatus, max_length=16, default=OrderStatus.CART, db_index=True
    )
    # the manager who placed it on the client's behalf; None = the client did
    created_by: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="orders_created",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )

    contact_name = fields.CharField(max_length=255, null=True)
    contact_phone = fields.CharField(max_length=32, null=True)
    contact_email = fields.CharField(max_length=254, null=True)
    address_text = fields.TextField(null=True)
    address: fields.ForeignKeyNullableRelation[Address] = fields.ForeignKeyField(
        "models.Address",
        related_name="orders",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    promo_code: fields.ForeignKeyNullableRelation[PromoCode] = fields.ForeignKeyField(
        "models.PromoCode",
        related_name="orders",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    comment = fields.TextField(null=True)

    currency = fields.CharField(max_length=3)
    subtotal = MoneyField(default=Decimal("0"))
    discount = MoneyField(default=Decimal("0"))
    total = MoneyField(default=Decimal("0"))

    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    updated_at = fields.DatetimeField(auto_now=True)
    # when it left `cart`
    placed_at = fields.DatetimeField(null=True)
    # bumped by every status change: two managers acting at once cannot both win
    version = fields.IntField(default=0)
    payment_method = fields.CharEnumField(PaymentMethod, max_length=16, null=True)
    paid_amount = MoneyField(null=True)
    paid_at = fields.DatetimeField(null=True)
    # the payment provider's charge id, and Telegram's own (for refunds)
    payment_charge_id = fields.CharField(max_length=255, null=True)
    telegram_charge_id = fields.CharField(max_length=255, null=True)
    # the managers' own note, never shown to the client
    manager_note = fields.TextField(null=True)

    items: fields.ReverseRelation[OrderItem]
    status_changes: fields.ReverseRelation[OrderStatusChange]

    class Meta:
        table = "orders"
        indexes = (
            Index(fields=("client_id", "status")),
            Index(fields=("status", "created_at")),
            # the desk's order lists: newest placed first, keyset over (placed_at, id)
            Index(fields=("status", "placed_at", "id")),
            Index(fields=("client_id", "placed_at", "id")),
        )


class OrderItem(Model):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="items", on_delete=fields.CASCADE, db_index=True
    )
    product: fields.ForeignKeyNullableRelation[Product] = fields.ForeignKeyField(
        "models.Product",
        related_name="order_items",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    # copied: the line reads the same after the product is renamed, repriced or deleted
    product_name = fields.CharField(max_length=255)
    unit_price = MoneyField()
    quantity = fields.IntField()
    line_total = MoneyField()

    class Meta:
        table = "order_items"


class OrderStatusChange(Model):
    """One step of an order's status history: who moved it from what to what, and when."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="status_changes", on_delete=fields.CASCADE
    )
    from_status = fields.CharEnumField(OrderStatus, max_length=16)
    to_status = fields.CharEnumField(OrderStatus, max_length=16)
    # None = the client (placing or paying) or the system
    changed_by: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="order_status_changes",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "order_status_changes"
        indexes = (Index(fields=("order_id", "created_at")),)
