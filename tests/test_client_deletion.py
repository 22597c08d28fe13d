"""Deleting a client: the profile and personal data go, orders stay with erased copies."""

from __future__ import annotations

import pytest

from bot.services.anonymize import HasOpenOrders
from bot.services.client_deletion import DELETED, delete_client
from bot.services.client_profile import Actor, ClientNotFound
from bot.services.clients import fold
from bot.services.roles import AccessDenied, Role
from models import (
    Address,
    AuditEntry,
    ChatMessage,
    Client,
    EmailMessage,
    Favorite,
    Order,
    OrderItem,
    OrderStatus,
    SmsMessage,
)
from tests.gdpr_scan import fts_hits, scan
from tests.test_anonymize import MANAGER, VIEWER, two_people

OWNER = Actor(role=Role.OWNER, client_id=None, telegram_id=900_001)


async def test_delete_keeps_orders_with_erased_copies(db: None) -> None:
    anna, boris = await two_people()
    anna_id = anna.client.id
    placed = Order.filter(client_id=anna_id).exclude(status=OrderStatus.CART)
    order_ids = sorted(await placed.values_list("id", flat=True))
    items = await OrderItem.filter(order_id__in=order_ids).count()

    await delete_client(anna_id, MANAGER)

    assert not await Client.exists(id=anna_id)
    orders = await Order.filter(id__in=order_ids)
    assert len(orders) == len(order_ids) and all(o.client_id is None for o in orders)
    assert all(o.contact_name is None and o.address_text is None for o in orders)
    assert await OrderItem.filter(order_id__in=order_ids).count() == items
    for model in (Address, Favorite, ChatMessage, EmailMessage, SmsMessage):
        assert await model.filter(client_id=anna_id).count() == 0
    witnesses = [*anna.values, *(fold(value) for value in anna.values)]
    assert await scan(witnesses) == []
    assert await fts_hits(anna.values) == []
    entry = await AuditEntry.get(action=DELETED)
    assert entry.details == {"client_id": anna_id} and entry.client_id is None
    assert await Client.exists(id=boris.client.id)
    assert await scan(boris.values[:3])


async def test_delete_is_refused_for_viewers_and_open_orders(db: None) -> None:
    anna, _ = await two_people()
    with pytest.raises(AccessDenied):
        await delete_client(anna.client.id, VIEWER)
    order = await Order.filter(client_id=anna.client.id, status=OrderStatus.DELIVERED).first()
    assert order is not None
    await Order.filter(id=order.id).update(status=OrderStatus.NEW)
    with pytest.raises(HasOpenOrders):
        await delete_client(anna.client.id, OWNER)
    assert await Client.exists(id=anna.client.id)
    with pytest.raises(ClientNotFound):
        await delete_client(999_999, OWNER)
