"""A client with data in every table that links to a client, for the GDPR tests.

`FACTORIES` has one entry per link `client_links()` finds: a table added later with a
link to Client and no entry here fails `test_every_link_has_data`, and so the erasure
tests cover it the day it appears.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bot.services.audit import record_audit
from bot.services.clients import refresh_derived
from models import (
    Address,
    Broadcast,
    BroadcastDelivery,
    ChatDirection,
    ChatMessage,
    ChatMessageKind,
    ChatSession,
    Client,
    EmailMessage,
    ErasureRequest,
    ErasureStatus,
    Favorite,
    Order,
    OrderItem,
    OrderStatus,
    OrderStatusChange,
    PromoRedemption,
    SavedSegment,
    SmsMessage,
    Tag,
)
from tests.shop_fixtures import Shop, make_promo

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass
class Person:
    """A client and the personal values written about them (each one distinctive)."""

    client: Client
    token: str
    telegram_id: int
    values: list[str] = field(default_factory=list)

    def v(self, text: str) -> str:
        value = f"{text}{self.token}"
        self.values.append(value)
        return value


async def make_person(token: str, telegram_id: int, **fields: object) -> Person:
    client = Client(
        telegram_id=telegram_id,
        first_name=f"Имя{token}",
        last_name=f"Łastname{token}",
        username=f"user_{token}",
        custom_name=f"Custom {token}",
        login=f"login{token}",
        password_hash=f"$argon2id$hash{token}",
        description=f"Описание {token}",
        phone=f"+4860{telegram_id % 10_000_000:07d}",
        email=f"mail.{token}@example.org",
        company=f"Firma {token} sp. z o.o.",
        referral_code=f"ref{token}",
        language_code="pl",
        **fields,
    )
    refresh_derived(client, [f"tag{token}"])
    await client.save()
    person = Person(client, token, telegram_id)
    person.values += [
        client.first_name,
        client.last_name or "",
        f"user_{token}",
        f"Custom {token}",
        f"login{token}",
        f"$argon2id$hash{token}",
        f"Описание {token}",
        client.phone or "",
        f"mail.{token}@example.org",
        f"Firma {token}",
        f"ref{token}",
        str(telegram_id),
    ]
    return person


Factory = Callable[[Person, Person, Shop], Awaitable[None]]


async def _address(me: Person, other: Person, shop: Shop) -> None:
    await Address.create(
        client=me.client, label=me.v("Home"), recipient=me.v("Recipient"), phone=me.v("+4870"),
        country=me.v("Country"), city=me.v("Kraków"), street=me.v("ul. Długa "),
        postal_code=me.v("30-"), comment=me.v("Gate code "),
    )  # fmt: skip


async def _order(me: Person, shop: Shop, status: OrderStatus, **extra: object) -> Order:
    order = await Order.create(
        client=me.client, status=status, currency="USD", total=Decimal("25"),
        subtotal=Decimal("25"), contact_name=me.v("Contact "), contact_phone=me.v("+4871"),
        contact_email=me.v("order.") + "@example.org", address_text=me.v("Street 1, "),
        comment=me.v("Leave at door "), manager_note=me.v("Called "), placed_at=LONG_AGO,
        **extra,
    )  # fmt: skip
    await OrderItem.create(
        order=order, product=shop.espresso, product_name="Espresso beans",
        unit_price=Decimal("12.50"), quantity=2, line_total=Decimal("25"),
    )  # fmt: skip
    return order


async def _orders(me: Person, other: Person, shop: Shop) -> None:
    await _order(me, shop, OrderStatus.DELIVERED)
    await _order(me, shop, OrderStatus.CANCELLED)
    await Order.create(client=me.client, status=OrderStatus.CART, currency="USD")


async def _orders_created(me: Person, other: Person, shop: Shop) -> None:
    await Order.create(
        client=other.client, created_by=me.client, currency="USD", status=OrderStatus.CANCELLED
    )


async def _status_change(me: Person, other: Person, shop: Shop) -> None:
    order = await Order.create(client=other.client, currency="USD", status=OrderStatus.DELIVERED)
    await OrderStatusChange.create(
        order=order,
        from_status=OrderStatus.SHIPPED,
        to_status=OrderStatus.DELIVERED,
        changed_by=me.client,
    )


async def _promo(me: Person, other: Person, shop: Shop) -> None:
    promo = await make_promo(f"PROMO{me.client.id}")
    order = await Order.filter(client=me.client, status=OrderStatus.DELIVERED).first()
    await PromoRedemption.create(
        promo=promo, client=me.client, order=order, discount=Decimal("1"), currency="USD"
    )


async def _audit(me: Person, other: Person, shop: Shop) -> None:
    await record_audit(
        actor_id=None, actor_telegram_id=None, client_id=me.client.id, action="field_changed",
        details={"field": "phone"}, personal={"old": me.v("+4872"), "new": me.v("old-name ")},
    )  # fmt: skip


async def _audit_actor(me: Person, other: Person, shop: Shop) -> None:
    await record_audit(
        actor_id=me.client.id, actor_telegram_id=me.telegram_id, client_id=other.client.id,
        action="login_failed",
    )  # fmt: skip


async def _broadcast(me: Person, other: Person, shop: Shop) -> None:
    await Broadcast.create(created_by=me.client, text="Sale!", progress_chat_id=me.telegram_id)


async def _delivery(me: Person, other: Person, shop: Shop) -> None:
    broadcast = await Broadcast.create(text="News")
    await BroadcastDelivery.create(
        broadcast=broadcast, client=me.client, chat_id=me.telegram_id, error=me.v("Error ")
    )


async def _chat(me: Person, other: Person, shop: Shop) -> None:
    await ChatMessage.create(client=me.client, direction=ChatDirection.INCOMING, text=me.v("Hi "))
    await ChatMessage.create(
        client=me.client, direction=ChatDirection.INCOMING, kind=ChatMessageKind.PHOTO,
        file_id=me.v("file-"), text=me.v("Caption "),
    )  # fmt: skip


async def _chat_manager(me: Person, other: Person, shop: Shop) -> None:
    await ChatMessage.create(
        client=other.client, manager=me.client, direction=ChatDirection.OUTGOING, text="Hello"
    )


async def _email(me: Person, other: Person, shop: Shop) -> None:
    await EmailMessage.create(
        client=me.client, to_address=me.v("to.") + "@example.org", subject=me.v("Subject "),
        body=me.v("Body "), error=me.v("550 no such user "),
    )  # fmt: skip


async def _email_manager(me: Person, other: Person, shop: Shop) -> None:
    await EmailMessage.create(
        client=other.client, manager=me.client, to_address="x@example.org", subject="S", body="B"
    )


async def _sms(me: Person, other: Person, shop: Shop) -> None:
    await SmsMessage.create(
        client=me.client, to_phone=me.v("+4873"), body=me.v("Sms "), provider="smsapi",
        provider_message_id=me.v("sms-id-"),
    )  # fmt: skip


async def _sms_manager(me: Person, other: Person, shop: Shop) -> None:
    await SmsMessage.create(
        client=other.client, manager=me.client, to_phone="+48600000000", body="Hi",
        provider="smsapi",
    )  # fmt: skip


async def _favorite(me: Person, other: Person, shop: Shop) -> None:
    await Favorite.create(client=me.client, product=shop.green)


async def _referral(me: Person, other: Person, shop: Shop) -> None:
    await Client.create(first_name="Friend", referrer=me.client, source="referral")


async def _segment(me: Person, other: Person, shop: Shop) -> None:
    await SavedSegment.create(name=f"segment {me.client.id}", created_by=me.client)


async def _tags(me: Person, other: Person, shop: Shop) -> None:
    tag, _ = await Tag.get_or_create(name="VIP", name_folded="vip")
    await me.client.tags.add(tag)


async def _chat_session(me: Person, other: Person, shop: Shop) -> None:
    # a manager chats with one client at a time: `other` may be chatting with `me` already
    manager = await Client.create(first_name="Staff", is_manager=True)
    await ChatSession.create(manager=manager, client=me.client, touched_at=LONG_AGO)


async def _chat_session_manager(me: Person, other: Person, shop: Shop) -> None:
    await ChatSession.create(manager=me.client, client=other.client, touched_at=LONG_AGO)


async def _erasure_request(me: Person, other: Person, shop: Shop) -> None:
    await ErasureRequest.create(client=me.client, status=ErasureStatus.REFUSED)


async def _erasure_resolved(me: Person, other: Person, shop: Shop) -> None:
    await ErasureRequest.create(client=other.client, resolved_by=me.client)


FACTORIES: dict[str, Factory] = {
    "Address.client": _address,
    "AuditEntry.actor": _audit_actor,
    "AuditEntry.client": _audit,
    "Broadcast.created_by": _broadcast,
    "BroadcastDelivery.client": _delivery,
    "ChatMessage.client": _chat,
    "ChatMessage.manager": _chat_manager,
    "ChatSession.client": _chat_session,
    "ChatSession.manager": _chat_session_manager,
    "Client.referrer": _referral,
    "EmailMessage.client": _email,
    "EmailMessage.manager": _email_manager,
    "ErasureRequest.client": _erasure_request,
    "ErasureRequest.resolved_by": _erasure_resolved,
    "Favorite.client": _favorite,
    "Order.client": _orders,
    "Order.created_by": _orders_created,
    "OrderStatusChange.changed_by": _status_change,
    "PromoRedemption.client": _promo,
    "SavedSegment.created_by": _segment,
    "SmsMessage.client": _sms,
    "SmsMessage.manager": _sms_manager,
    "Tag.clients": _tags,
}


async def fill_every_table(me: Person, other: Person, shop: Shop) -> None:
    """One or more rows through every link (order first: the promo needs an order)."""
    keys = sorted(FACTORIES, key=lambda key: key != "Order.client")
    for key in keys:
        await FACTORIES[key](me, other, shop)
    me.client.last_seen_at = LONG_AGO - timedelta(days=1)
    await me.client.save(update_fields=["last_seen_at"])
