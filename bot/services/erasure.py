"""Erasing a client's personal data from every table that links to them.

One place for anonymization and deletion. Driven by `bot.services.personal_data`: every
link to `Client` is walked; a link nobody has declared stops the erasure (a new table
must say what it holds before a client can be erased). Runs in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from tortoise import Tortoise
from tortoise.fields import CharField, JSONField, TextField
from tortoise.fields.relational import ManyToManyFieldInstance

from bot.services.audit import PERSONAL
from bot.services.personal_data import (
    PERSONAL_FIELDS,
    ClientLink,
    LinkRole,
    client_links,
    erased_fields,
    link_role,
)
from models import (
    BroadcastDelivery,
    ChatMessage,
    Client,
    DeliveryStatus,
    Order,
    OrderStatus,
    new_referral_code,
)

# the rows of these SUBJECT links go whole (the link table of the tags, too)
DROPPED = frozenset({"Address.client", "ChatSession.client", "Favorite.client"})
OPEN_ORDER_STATUSES = (OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.SHIPPED)


class UndeclaredLink(RuntimeError):
    """A relation to Client that `personal_data` does not describe yet."""


def blank_value(model: type[Any], name: str) -> Any:
    """What an erased column holds: NULL where allowed, else an empty text or zero."""
    field = model._meta.fields_map[name]
    if field.null:
        return None
    return "" if isinstance(field, CharField | TextField) else 0


async def open_orders(client_id: int) -> int:
    return await Order.filter(client_id=client_id, status__in=OPEN_ORDER_STATUSES).count()


async def erase_linked_rows(client_id: int) -> None:
    """Every link to the client: SUBJECT rows lose their personal columns (or go),
    ACTOR rows lose the actor's own columns; the links themselves stay."""
    for link in client_links():
        role = link_role(link)
        if role is None or (
            role is LinkRole.SUBJECT and link.model.__name__ not in PERSONAL_FIELDS
        ):
            raise UndeclaredLink(link.key)
        if role is LinkRole.SUBJECT and link.many_to_many:
            await _unlink(link, client_id)
        elif role is LinkRole.SUBJECT and link.key in DROPPED:
            await link.model.filter(**{link.field + "_id": client_id}).delete()
        else:
            if (before := BEFORE.get(link.key)) is not None:
                await before(client_id)
            await _blank(link, client_id)


async def erase_order_copies(client_id: int) -> None:
    """The contact and address copies in the client's orders (amounts and items stay)."""
    await _drop_cart(client_id)
    await _blank(ClientLink(Order, "client"), client_id)


async def erase_profile(client: Client, now: datetime) -> None:
    """The client row itself: every personal column blank, then marked anonymized."""
    names = list(PERSONAL_FIELDS["Client"])
    for name in names:
        setattr(client, name, blank_value(Client, name))
    # unique and required: a fresh random code nobody was ever given
    client.referral_code = new_referral_code()
    client.anonymized_at = now
    await client.save(update_fields=[*names, "anonymized_at"])


async def _unlink(link: ClientLink, client_id: int) -> None:
    field = link.model._meta.fields_map[link.field]
    assert isinstance(field, ManyToManyFieldInstance)
    db = Tortoise.get_connection(link.model._meta.default_connection or "default")
    mark = "$1" if db.capabilities.dialect == "postgres" else "?"
    await db.execute_query(
        f'DELETE FROM "{field.through}" WHERE "{field.forward_key}" = {mark}', [client_id]
    )


async def _blank(link: ClientLink, client_id: int) -> None:
    model = link.model
    rows = model.filter(**{link.field + "_id": client_id})
    values: dict[str, Any] = {}
    for name in erased_fields(link):
        if isinstance(model._meta.fields_map[name], JSONField):
            await _strip_personal(link, client_id, name)
        else:
            values[name] = blank_value(model, name)
    values.update(AFTER_VALUES.get(link.key, {}))
    if values:
        await rows.update(**values)


async def _strip_personal(link: ClientLink, client_id: int, name: str) -> None:
    """A JSON column keeps its facts and loses the `personal` key (`bot.services.audit`)."""
    rows = await link.model.filter(**{link.field + "_id": client_id}).values("id", name)
    for row in rows:
        value = row[name]
        if isinstance(value, dict) and PERSONAL in value:
            kept = {key: item for key, item in value.items() if key != PERSONAL}
            await link.model.filter(id=row["id"]).update(**{name: kept})


async def _drop_cart(client_id: int) -> None:
    """The open cart is nobody's accounting: it goes with its lines."""
    await Order.filter(client_id=client_id, status=OrderStatus.CART).delete()


async def _skip_pending(client_id: int) -> None:
    await BroadcastDelivery.filter(client_id=client_id, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SKIPPED, claimed_by=None, claimed_until=None
    )


async def _mark_read(client_id: int) -> None:
    await ChatMessage.filter(client_id=client_id, is_read=False).update(is_read=True)


# what else a link's rows need before or beside the blanking
BEFORE: dict[str, Callable[[int], Awaitable[None]]] = {
    "Order.client": _drop_cart,
    "BroadcastDelivery.client": _skip_pending,
    "ChatMessage.client": _mark_read,
}
AFTER_VALUES: dict[str, dict[str, Any]] = {
    # the saved address is gone; the order keeps no pointer to it
    "Order.client": {"address_id": None},
}
