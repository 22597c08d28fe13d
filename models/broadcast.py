"""Broadcasts and their per-recipient deliveries.

Deliveries live in the database so any worker can resume a broadcast after a
restart without losing or repeating a message.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from models.client import Client


class BroadcastStatus(StrEnum):
    DRAFT = "draft"
    QUEUED = "queued"
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"
    CANCELLED = "cancelled"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class Broadcast(Model):
    id = fields.IntField(primary_key=True)
    created_by: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="broadcasts_created",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    text = fields.TextField(null=True)
    photo_file_id = fields.CharField(max_length=255, null=True)
    # the segment's filter definition, frozen when the broadcast was composed
    segment = fields.JSONField(default=dict)
    status = fields.CharEnumField(
        BroadcastStatus, max_length=16, default=BroadcastStatus.DRAFT, db_index=True
    )
    total = fields.IntField(default=0)
    sent = fields.IntField(default=0)
    failed = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    # the live progress message a manager watches
    progress_chat_id = fields.BigIntField(null=True)
    progress_message_id = fields.BigIntField(null=True)

    deliveries: fields.ReverseRelation[BroadcastDelivery]

    class Meta:
        table = "broadcasts"


class BroadcastDelivery(Model):
    id = fields.BigIntField(primary_key=True)
    broadcast: fields.ForeignKeyRelation[Broadcast] = fields.ForeignKeyField(
        "models.Broadcast", related_name="deliveries", on_delete=fields.CASCADE
    )
    client: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="broadcast_deliveries",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    chat_id = fields.BigIntField()
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    error = fields.TextField(null=True)
    attempts = fields.IntField(default=0)
    sent_at = fields.DatetimeField(null=True)
    telegram_message_id = fields.BigIntField(null=True)
    # the lease of the worker sending it: nobody else takes it until `claimed_until`
    claimed_by = fields.CharField(max_length=64, null=True)
    claimed_until = fields.DatetimeField(null=True)

    class Meta:
        table = "broadcast_deliveries"
        unique_together = (("broadcast", "client"),)
        # the sender's claim walks (broadcast, pending, id); totals group by status
        indexes = (Index(fields=("broadcast_id", "status", "id")),)
