"""Emails and SMS sent to clients, logged with their delivery status."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from models.client import Client


class OutboxStatus(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"


class EmailMessage(Model):
    id = fields.BigIntField(primary_key=True)
    client: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="emails", null=True, on_delete=fields.SET_NULL
    )
    manager: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="emails_sent",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    to_address = fields.CharField(max_length=254)
    subject = fields.CharField(max_length=255)
    body = fields.TextField()
    status = fields.CharEnumField(
        OutboxStatus, max_length=16, default=OutboxStatus.QUEUED, db_index=True
    )
    error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "email_messages"
        indexes = (Index(fields=("client_id", "created_at")),)


class SmsMessage(Model):
    id = fields.BigIntField(primary_key=True)
    client: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="sms_messages", null=True, on_delete=fields.SET_NULL
    )
    manager: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="sms_sent",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    to_phone = fields.CharField(max_length=32)
    body = fields.TextField()
    provider = fields.CharField(max_length=32)
    status = fields.CharEnumField(
        OutboxStatus, max_length=16, default=OutboxStatus.QUEUED, db_index=True
    )
    error = fields.TextField(null=True)
    provider_message_id = fields.CharField(max_length=128, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "sms_messages"
        indexes = (Index(fields=("client_id", "created_at")),)
