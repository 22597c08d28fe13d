"""Promo codes and who used them on which order."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.money import MoneyField

if TYPE_CHECKING:
    from models.client import Client
    from models.order import Order


class PromoKind(StrEnum):
    PERCENT = "percent"
    FIXED = "fixed"


class PromoCode(Model):
    id = fields.IntField(primary_key=True)
    # stored uppercased by the service, so lookups are exact
    code = fields.CharField(max_length=32, unique=True)
    kind = fields.CharEnumField(PromoKind, max_length=16)
    # percent (0-100) or an amount in `currency`
    value = MoneyField()
    currency = fields.CharField(max_length=3, null=True)
    max_uses = fields.IntField(null=True)
    max_uses_per_client = fields.IntField(null=True)
    min_order_total = MoneyField(null=True)
    valid_from = fields.DatetimeField(null=True)
    valid_until = fields.DatetimeField(null=True)
    is_active = fields.BooleanField(default=True)
    # created by `shopdesk demo-data`; `demo-data --remove` deletes it
    is_demo = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    uses_count = fields.IntField(default=0)

    redemptions: fields.ReverseRelation[PromoRedemption]
    orders: fields.ReverseRelation[Order]

    class Meta:
        table = "promo_codes"


class PromoRedemption(Model):
    id = fields.IntField(primary_key=True)
    promo: fields.ForeignKeyRelation[PromoCode] = fields.ForeignKeyField(
        "models.PromoCode", related_name="redemptions", on_delete=fields.CASCADE
    )
    client: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="promo_redemptions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order",
        related_name="promo_redemptions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    discount = MoneyField()
    currency = fields.CharField(max_length=3)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "promo_redemptions"
        # uses per client of one code (max_uses_per_client)
        indexes = (Index(fields=("promo_id", "client_id")),)
