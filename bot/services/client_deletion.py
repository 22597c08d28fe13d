"""Deleting a client: the profile and its personal data go, the orders stay for accounting.

The same erasure as anonymization (`bot.services.erasure`) first, so the orders' contact
and address copies, the audit's quotes and the broadcast chat ids are erased in one
place; then the chat, emails and SMS go, the orders lose their link (their FK is
`SET NULL`), and the client row goes with its tags, addresses and favorites. The audit
entry keeps who deleted which client id, nothing personal.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from bot.services.anonymize import Forget, refuse_if_busy
from bot.services.audit import record_audit
from bot.services.client_profile import Actor, ClientNotFound
from bot.services.erasure import erase_linked_rows
from bot.services.roles import require_editor
from models import ChatMessage, Client, EmailMessage, Order, SmsMessage

DELETED = "client_deleted"


async def delete_client(client_id: int, actor: Actor, *, forget: Forget | None = None) -> None:
    """Owners and managers. Raises AccessDenied, ClientNotFound, HasOpenOrders (an order
    still to deliver needs its address), StaffProfile."""
    require_editor(actor.role)
    async with in_transaction():
        client = await Client.filter(id=client_id).select_for_update().first()
        if client is None:
            raise ClientNotFound(client_id)
        await refuse_if_busy(client, actor.owner_ids)
        telegram_id = client.telegram_id
        await erase_linked_rows(client.id)
        for model in (ChatMessage, EmailMessage, SmsMessage):
            await model.filter(client_id=client.id).delete()
        await Order.filter(client_id=client.id).update(client_id=None)
        await client.delete()
        await record_audit(
            actor_id=actor.client_id,
            actor_telegram_id=actor.telegram_id,
            client_id=None,
            action=DELETED,
            details={"client_id": client_id},
        )
    if forget is not None and telegram_id is not None:
        await forget(telegram_id)
