"""Where a client's personal data lives: every link to a client and the personal columns.

`client_links()` walks the models (`Tortoise.apps["models"]`), so a table added later
with a link to `Client` shows up here by itself; `LINK_ROLES` must then say what the
link means, or anonymization refuses to run and the GDPR tests fail:

- `SUBJECT`: the row is the client's own data (their address, order, chat, email...);
  anonymization erases its `PERSONAL_FIELDS` (or drops the row), an export lists it.
- `ACTOR`: the client acted as staff (a manager who sent an email, created an order,
  wrote an audit entry) or the row is another client's (the clients they referred).
  The row is not about them; it keeps pointing at the anonymized row, and only the
  acting client's own columns on it (`ACTOR_PERSONAL_FIELDS`) are erased.

Anonymization (`bot.services.anonymize`), deletion and the export read these
declarations; nothing here touches the database.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from tortoise import Tortoise
from tortoise.fields import CharField, JSONField, TextField
from tortoise.fields.relational import (
    ForeignKeyFieldInstance,
    ManyToManyFieldInstance,
    OneToOneFieldInstance,
)
from tortoise.models import Model

from models import Client

APP = "models"


class ClientLink(NamedTuple):
    """A relation to `Client`: `model.filter(**{field: client_id})` finds the linked rows
    (`field` is the relation's name, e.g. `client`, `manager`, `created_by`, or `clients`
    for the tags' many-to-many)."""

    model: type[Model]
    field: str

    @property
    def key(self) -> str:
        return f"{self.model.__name__}.{self.field}"

    @property
    def many_to_many(self) -> bool:
        return isinstance(self.model._meta.fields_map[self.field], ManyToManyFieldInstance)


class LinkRole(StrEnum):
    SUBJECT = "subject"
    ACTOR = "actor"


# Every link to Client, by `ClientLink.key`. A new link needs a line here.
LINK_ROLES: dict[str, LinkRole] = {
    "Address.client": LinkRole.SUBJECT,
    "AuditEntry.client": LinkRole.SUBJECT,
    "AuditEntry.actor": LinkRole.ACTOR,
    "Broadcast.created_by": LinkRole.ACTOR,
    "BroadcastDelivery.client": LinkRole.SUBJECT,
    "ChatMessage.client": LinkRole.SUBJECT,
    "ChatMessage.manager": LinkRole.ACTOR,
    "ChatSession.client": LinkRole.SUBJECT,  # a manager chatting with them right now
    "ChatSession.manager": LinkRole.ACTOR,
    "Client.referrer": LinkRole.ACTOR,  # the rows are the clients this one brought
    "EmailMessage.client": LinkRole.SUBJECT,
    "EmailMessage.manager": LinkRole.ACTOR,
    "ErasureRequest.client": LinkRole.SUBJECT,
    "ErasureRequest.resolved_by": LinkRole.ACTOR,
    "Favorite.client": LinkRole.SUBJECT,
    "Order.client": LinkRole.SUBJECT,
    "Order.created_by": LinkRole.ACTOR,
    "OrderStatusChange.changed_by": LinkRole.ACTOR,
    "PromoRedemption.client": LinkRole.SUBJECT,
    "SavedSegment.created_by": LinkRole.ACTOR,
    "SmsMessage.client": LinkRole.SUBJECT,
    "SmsMessage.manager": LinkRole.ACTOR,
    "Tag.clients": LinkRole.SUBJECT,  # the link is personal, the shared tag is not
}

# The columns holding personal data, per model (the client's own row and the rows of
# its SUBJECT links). For `AuditEntry.details` only `details["personal"]` is personal
# (see `bot.services.audit`); the rest of an entry is the history of what was done.
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "Client": (
        "telegram_id",
        "first_name",
        "last_name",
        "username",
        "language_code",
        "locale",
        "custom_name",
        "login",
        "password_hash",
        "description",
        "phone",
        "email",
        "company",
        "referral_code",
        "search_text",
        "sort_name",
    ),
    "Address": (
        "label",
        "recipient",
        "phone",
        "country",
        "city",
        "street",
        "postal_code",
        "comment",
    ),
    "Order": (
        "contact_name",
        "contact_phone",
        "contact_email",
        "address_text",
        "comment",
        "manager_note",
    ),
    "ChatMessage": ("text", "file_id"),
    "EmailMessage": ("to_address", "subject", "body", "error"),
    "SmsMessage": ("to_phone", "body", "error", "provider_message_id"),
    "BroadcastDelivery": ("chat_id", "error"),
    "AuditEntry": ("details",),
    "Favorite": (),
    "ChatSession": (),
    "ErasureRequest": (),  # a request and its outcome: the history of a data right
    "PromoRedemption": (),
    "Tag": (),
}

# On ACTOR links: the columns of those rows that hold the acting client's own data
# (their Telegram id kept beside the link), erased with the rest.
ACTOR_PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "AuditEntry.actor": ("actor_telegram_id",),
    "Broadcast.created_by": ("progress_chat_id",),
}

# Text columns of those models that are not personal, said out loud so that a new text
# column must be classified (the GDPR tests check every text column is in one list).
NOT_PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "Client": ("source",),
    "Order": ("status", "currency", "payment_method", "payment_charge_id", "telegram_charge_id"),
    "ChatMessage": ("direction", "kind"),
    "EmailMessage": ("status",),
    "ErasureRequest": ("status",),
    "SmsMessage": ("provider", "status"),
    "BroadcastDelivery": ("status", "claimed_by"),
    "AuditEntry": ("action",),
    "PromoRedemption": ("currency",),
    "Tag": ("name", "name_folded"),
}


def client_links() -> list[ClientLink]:
    """Every foreign key, one-to-one and many-to-many to `Client` in the models app,
    nullable ones included, sorted by key."""
    links = []
    for model in Tortoise.apps[APP].values():
        meta = model._meta
        for name in sorted(meta.fk_fields | meta.o2o_fields | meta.m2m_fields):
            field = meta.fields_map[name]
            relational = (ForeignKeyFieldInstance, OneToOneFieldInstance, ManyToManyFieldInstance)
            if isinstance(field, relational) and field.related_model is Client:
                links.append(ClientLink(model, name))
    return sorted(links, key=lambda link: link.key)


def link_role(link: ClientLink) -> LinkRole | None:
    """What the link means; None when nobody has declared it yet."""
    return LINK_ROLES.get(link.key)


def subject_links() -> list[ClientLink]:
    return [link for link in client_links() if link_role(link) is LinkRole.SUBJECT]


def undeclared_links() -> list[ClientLink]:
    """Links without a role or without their models' personal columns declared."""
    return [
        link
        for link in client_links()
        if link_role(link) is None
        or (link_role(link) is LinkRole.SUBJECT and link.model.__name__ not in PERSONAL_FIELDS)
    ]


def personal_fields(model: type[Model]) -> tuple[str, ...]:
    return PERSONAL_FIELDS.get(model.__name__, ())


def erased_fields(link: ClientLink) -> tuple[str, ...]:
    """The columns anonymization erases on the rows of this link."""
    if link_role(link) is LinkRole.SUBJECT:
        return personal_fields(link.model)
    return ACTOR_PERSONAL_FIELDS.get(link.key, ())


def text_columns(model: type[Model]) -> list[str]:
    """The model's text-like columns (char, text, JSON), by field name."""
    return [
        name
        for name, field in model._meta.fields_map.items()
        if isinstance(field, CharField | TextField | JSONField)
    ]
