"""The client: every Telegram user the bot has seen or a manager has created."""

from __future__ import annotations

import secrets
import string
from decimal import Decimal
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.money import MoneyField

if TYPE_CHECKING:
    from models.address import Address
    from models.audit import AuditEntry
    from models.catalog import Favorite
    from models.chat import ChatMessage
    from models.order import Order
    from models.outbox import EmailMessage
    from models.promo import PromoRedemption
    from models.tag import Tag

REFERRAL_CODE_ALPHABET = string.ascii_letters + string.digits
REFERRAL_CODE_LENGTH = 10


def new_referral_code() -> str:
    """A random URL-safe code for `/start ref_<code>` links."""
    return "".join(secrets.choice(REFERRAL_CODE_ALPHABET) for _ in range(REFERRAL_CODE_LENGTH))


# The desk's list sorts by `sort_name`, `created_at`, `last_seen_at`, `orders_count` or
# `total_spent` and pages by (key, id): its indexes are (key, id) partial indexes on
# `anonymized_at IS NULL`, plus partial ones for the blocked, the staff and the
# anonymized, written by hand in migration 0004 (Meta cannot express them). Flags and
# languages get no index of their own: each index is one more write per "last seen".
class Client(Model):
    id = fields.IntField(primary_key=True)
    telegram_id = fields.BigIntField(null=True, unique=True)
    first_name = fields.CharField(max_length=128, default="")
    last_name = fields.CharField(max_length=128, null=True)
    username = fields.CharField(max_length=64, null=True, db_index=True)
    language_code = fields.CharField(max_length=16, null=True)
    # the language the user picked in the bot; wins over Telegram's language_code
    locale = fields.CharField(max_length=8, null=True)

    custom_name = fields.CharField(max_length=128, null=True)
    login = fields.CharField(max_length=64, null=True, unique=True)
    password_hash = fields.CharField(max_length=255, null=True)
    description = fields.TextField(null=True)
    phone = fields.CharField(max_length=32, null=True, db_index=True)
    email = fields.CharField(max_length=254, null=True, db_index=True)
    company = fields.CharField(max_length=255, null=True)

    source = fields.CharField(max_length=64, default="telegram")
    referrer: fields.ForeignKeyNullableRelation[Client] = fields.ForeignKeyField(
        "models.Client",
        related_name="referrals",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    referral_code = fields.CharField(max_length=32, unique=True, default=new_referral_code)

    is_blocked = fields.BooleanField(default=False)
    broadcasts_off = fields.BooleanField(default=False)
    is_manager = fields.BooleanField(default=False)
    is_viewer = fields.BooleanField(default=False)
    bot_blocked = fields.BooleanField(default=False)
    anonymized_at = fields.DatetimeField(null=True)
    # created by `shopdesk demo-data`; `demo-data --remove` deletes it
    is_demo = fields.BooleanField(default=False, db_default=False)

    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField(null=True)

    # Denormalized by the order service so the list can sort and page without joins.
    orders_count = fields.IntField(default=0)
    total_spent = MoneyField(default=Decimal("0"))
    last_order_at = fields.DatetimeField(null=True)

    # Kept casefolded by the service: SQLite's LIKE/LOWER only fold ASCII,
    # so "Łukasz" and "ЁЖИК" are searched through these columns.
    search_text = fields.TextField(default="")
    sort_name = fields.CharField(max_length=128, default="")

    tags: fields.ManyToManyRelation[Tag] = fields.ManyToManyField(
        "models.Tag", related_name="clients", forward_key="tag_id", backward_key="client_id"
    )

    referrals: fields.ReverseRelation[Client]
    addresses: fields.ReverseRelation[Address]
    favorites: fields.ReverseRelation[Favorite]
    orders: fields.ReverseRelation[Order]
    chat_messages: fields.ReverseRelation[ChatMessage]
    emails: fields.ReverseRelation[EmailMessage]
    promo_redemptions: fields.ReverseRelation[PromoRedemption]
    audit_entries: fields.ReverseRelation[AuditEntry]

    class Meta:
        table = "clients"

    @property
    def display_name(self) -> str:
        # language-neutral; screens that can say "Anonymized client #id" in words do
        if self.anonymized_at is not None:
            return f"🕶 #{self.id}"
        if self.custom_name:
            return self.custom_name
        full_name = " ".join(part for part in (self.first_name, self.last_name) if part)
        if full_name:
            return full_name
        if self.username:
            return f"@{self.username}"
        return f"#{self.id}"

    def __str__(self) -> str:
        return self.display_name
