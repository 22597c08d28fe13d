"""The support chat between a client and the managers, relayed by the bot."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from models.client import Client


class ChatDirection(StrEnum):
    INCOMING = "incoming"  # from the client
    OUTGOING = "outgoing"  # from a manager


class ChatMessageKind(StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    DOCUMENT = "document"
    VOICE = "voice"


class ChatMessage(Model):
    id = fields.BigIntField(primary_key=True)
    client: fields.ForeignKeyRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="chat_messages", on_delete=fields.CASCADE
    )
    direction = fields.CharEnumField(ChatDirection, max_length=16)
    manager: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="chat_messages_sent",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    kind = fields.CharEnumField(ChatMessageKind, max_length=16, default=ChatMessageKind.TEXT)
    text = fields.TextField(null=True)
    file_id = fields.CharField(max_length=255, null=True)
    telegram_message_id = fields.BigIntField(null=True)
    is_read = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "chat_messages"
        indexes = (
            Index(fields=("client_id", "created_at")),
            # unread incoming messages per client for the desk's badges
            Index(fields=("client_id", "is_read")),
        )


class ChatSession(Model):
    """A manager in chat mode with one client.

    Kept in the database so that every worker relays the client's messages to that
    manager, not to all staff.
    """

    id = fields.IntField(primary_key=True)
    manager: fields.OneToOneRelation[Client] = fields.OneToOneField(
        "models.Client", related_name="chat_session", on_delete=fields.CASCADE
    )
    client: fields.ForeignKeyRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="chat_partners", on_delete=fields.CASCADE, db_index=True
    )
    # refreshed by every message the manager sends; an old session no longer counts
    touched_at = fields.DatetimeField()

    class Meta:
        table = "chat_sessions"
