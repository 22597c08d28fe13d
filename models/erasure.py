"""A client's request to erase their personal data, acted on by a manager in the desk.

The erasure itself is the card's Anonymize action; the request only records that the
client asked and what the shop answered, so it holds no personal data of its own.
At most one open request per client: a partial unique index made by hand in
migration 0011 (`Meta` cannot express it).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from models.client import Client


class ErasureStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    REFUSED = "refused"


class ErasureRequest(Model):
    id = fields.IntField(primary_key=True)
    client: fields.ForeignKeyRelation[Client] = fields.ForeignKeyField(
        "models.Client", related_name="erasure_requests", on_delete=fields.CASCADE
    )
    status = fields.CharEnumField(ErasureStatus, max_length=16, default=ErasureStatus.OPEN)
    created_at = fields.DatetimeField(auto_now_add=True)
    resolved_at = fields.DatetimeField(null=True)
    resolved_by: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="erasure_requests_resolved",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )

    class Meta:
        table = "erasure_requests"
        # the desk's list: open requests, oldest first; a client's own requests
        indexes = (
            Index(fields=("status", "created_at")),
            Index(fields=("client_id", "created_at")),
        )
