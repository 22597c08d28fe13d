"""The audit log: what a manager did to which client, and when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from models.client import Client


class AuditEntry(Model):
    id = fields.BigIntField(primary_key=True)
    actor: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="audit_actions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    # kept when the actor is an owner without a client row, or was deleted
    actor_telegram_id = fields.BigIntField(null=True)
    # the client acted upon
    client: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="audit_entries", null=True, on_delete=fields.SET_NULL
    )
    action = fields.CharField(max_length=64, db_index=True)
    details = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "audit_entries"
        indexes = (Index(fields=("client_id", "created_at")),)
