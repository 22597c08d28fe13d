"""Delivery addresses a client saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.client import Client


class Address(Model):
    id = fields.IntField(primary_key=True)
    client: fields.ForeignKeyRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="addresses", on_delete=fields.CASCADE, db_index=True
    )
    label = fields.CharField(max_length=64, null=True)
    recipient = fields.CharField(max_length=128, null=True)
    phone = fields.CharField(max_length=32, null=True)
    country = fields.CharField(max_length=64, null=True)
    city = fields.CharField(max_length=128)
    street = fields.CharField(max_length=255)
    postal_code = fields.CharField(max_length=16, null=True)
    comment = fields.TextField(null=True)
    is_default = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "addresses"
