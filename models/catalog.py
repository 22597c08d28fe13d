"""The shop's catalog: categories, products and the clients' favorites."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.money import MoneyField

if TYPE_CHECKING:
    from models.client import Client


class Category(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128)
    description = fields.TextField(null=True)
    position = fields.IntField(default=0)
    is_hidden = fields.BooleanField(default=False)
    # created by `shopdesk demo-data`; `demo-data --remove` deletes it
    is_demo = fields.BooleanField(default=False, db_default=False)
    parent: fields.ForeignKeyNullableRelation[Category] = fields.ForeignKeyField(
        "models.Category",
        related_name="children",
        null=True,
        on_delete=fields.SET_NULL,
    )

    children: fields.ReverseRelation[Category]
    products: fields.ReverseRelation[Product]

    class Meta:
        table = "categories"
        indexes = (Index(fields=("parent_id", "position")),)


class Product(Model):
    id = fields.IntField(primary_key=True)
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="products", on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=255)
    description = fields.TextField(null=True)
    price = MoneyField(default=Decimal("0"))
    currency = fields.CharField(max_length=3)
    photo_file_id = fields.CharField(max_length=255, null=True)
    sku = fields.CharField(max_length=64, null=True, unique=True)
    # None = not tracked (unlimited)
    stock = fields.IntField(null=True)
    is_hidden = fields.BooleanField(default=False)
    position = fields.IntField(default=0)
    # created by `shopdesk demo-data`; `demo-data --remove` deletes it
    is_demo = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "products"
        indexes = (Index(fields=("category_id", "position")),)


class Favorite(Model):
    id = fields.IntField(primary_key=True)
    client: fields.ForeignKeyRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="favorites", on_delete=fields.CASCADE
    )
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product",
        related_name="favorited_by",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "favorites"
        unique_together = (("client", "product"),)
