"""Tags managers attach to clients."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.client import Client


class Tag(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=64)
    # casefold() of name: makes "VIP", "vip" and "Vip" one tag
    name_folded = fields.CharField(max_length=64, unique=True)
    # created by `shopdesk demo-data`; `demo-data --remove` deletes it
    is_demo = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    clients: fields.ManyToManyRelation[Client]

    class Meta:
        table = "tags"

    def __str__(self) -> str:
        return self.name
