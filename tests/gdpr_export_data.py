"""A client with data in every table that links to a client, found by walking the models.

`every_client_link()` walks the models on its own (not through the export's walker), so
a table added later fails `test_the_fixture_fills_every_client_link` until it gets rows
here, and then the export tests prove the export carries them.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tortoise import Tortoise
from tortoise.fields.relational import ForeignKeyFieldInstance, ManyToManyFieldInstance
from tortoise.models import Model

from models import (
    Address,
    AuditEntry,
    Broadcast,
    BroadcastDelivery,
    Category,
    ChatDirection,
    ChatMessage,
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
    Product,
    PromoCode,
    PromoKind,
    PromoRedemption,
    SavedSegment,
    SmsMessage,
    Tag,
)

CYRILLIC = "Ёжик Иванович"
POLISH = "Zażółć gęślą jaźń"
OTHER_SECRET = "Sekret Innej Osoby"
FRIEND_NAME = "Przyjaciel Łukasz"


def every_client_link() -> list[tuple[type[Model], str, bool]]:
    """(model, field, many-to-many) for every relation to `Client` in the models."""
    links = []
    for model in Tortoise.apps["models"].values():
        for name, field in model._meta.fields_map.items():
            if isinstance(field, ForeignKeyFieldInstance) and field.related_model is Client:
                links.append((model, name, False))
            if (
                isinstance(field, ManyToManyFieldInstance)
                and field.related_model is Client
                and model is not Client
            ):
                links.append((model, name, True))
    return links


async def linked_rows(client_id: int) -> set[tuple[str, Any]]:
    """(table, primary key) of every row that belongs to or names the client."""
    expected: set[tuple[str, Any]] = {("clients", client_id)}
    for model, name, many in every_client_link():
        lookup = {f"{name}__id" if many else f"{name}_id": client_id}
        for pk in await model.filter(**lookup).values_list(model._meta.pk_attr, flat=True):
            expected.add((model._meta.db_table, pk))
    orders = await Order.filter(client_id=client_id).values_list("id", flat=True)
    for model in (OrderItem, OrderStatusChange):
        for pk in await model.filter(order_id__in=list(orders)).values_list("id", flat=True):
            expected.add((model._meta.db_table, pk))
    return expected


def exported_rows(document: dict[str, Any]) -> set[tuple[str, Any]]:
    return {
        (section["table"], row["id"]) for section in document["sections"] for row in section["rows"]
    }


@dataclass
class Unpacked:
    document: dict[str, Any]
    json_text: str
    xlsx_texts: list[str]
    xlsx_cells: list[Any]
    sheet_titles: list[str]


def unpack(archive: bytes) -> Unpacked:
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert sorted(opened.namelist()) == ["data.json", "data.xlsx"]
        json_text = opened.read("data.json").decode()
        workbook = load_workbook(io.BytesIO(opened.read("data.xlsx")))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    texts = [str(cell.value) for cell in cells if cell.value is not None]
    return Unpacked(json.loads(json_text), json_text, texts, cells, workbook.sheetnames)


async def client_with_everything(telegram_id: int | None = 700_001) -> Client:
    """A client (also a manager, so the records naming them as staff exist too) with rows
    in every linked table, plus another client and a referred friend whose data must not
    leak into the export."""
    other = await Client.create(first_name=OTHER_SECRET, phone="+48111222333")
    client = await Client.create(
        telegram_id=telegram_id,
        first_name=CYRILLIC,
        last_name=POLISH,
        phone="+48601234567",
        email="zofia@example.com",
        password_hash="$argon2id$secret-hash",
        description='=HYPERLINK("http://evil")',
        is_manager=True,
        locale="pl",
    )
    await Client.create(first_name=FRIEND_NAME, referrer=client)
    await Address.create(client=client, city="Kraków", street="ul. Żółkiewskiego 5", phone="+48 1")
    category = await Category.create(name="Herbata")
    product = await Product.create(
        category=category, name="Sencha", price=Decimal("12.5"), currency="PLN"
    )
    await Favorite.create(client=client, product=product)
    order = await Order.create(
        client=client,
        created_by=client,
        status=OrderStatus.DELIVERED,
        currency="PLN",
        subtotal=Decimal("25"),
        total=Decimal("25"),
        contact_name=CYRILLIC,
        address_text="Kraków, ul. Żółkiewskiego 5",
    )
    await OrderItem.create(
        order=order,
        product=product,
        product_name="Sencha",
        unit_price=Decimal("12.50"),
        quantity=2,
        line_total=Decimal("25"),
    )
    await OrderStatusChange.create(
        order=order, from_status=OrderStatus.CART, to_status=OrderStatus.NEW, changed_by=client
    )
    other_order = await Order.create(client=other, currency="PLN", status=OrderStatus.NEW)
    await OrderStatusChange.create(
        order=other_order,
        from_status=OrderStatus.CART,
        to_status=OrderStatus.NEW,
        changed_by=client,
    )
    promo = await PromoCode.create(code="WIOSNA", kind=PromoKind.PERCENT, value=Decimal("10"))
    await PromoRedemption.create(
        promo=promo, client=client, order=order, discount=Decimal("2.50"), currency="PLN"
    )
    await ChatMessage.create(
        client=client, direction=ChatDirection.INCOMING, text=f"Привет! {POLISH}"
    )
    await ChatMessage.create(
        client=other, direction=ChatDirection.OUTGOING, manager=client, text=OTHER_SECRET
    )
    await EmailMessage.create(
        client=client,
        manager=client,
        to_address="zofia@example.com",
        subject="Zamówienie",
        body=f"Dzień dobry, {POLISH}",
    )
    await EmailMessage.create(
        client=other,
        manager=client,
        to_address="other@example.com",
        subject=OTHER_SECRET,
        body=OTHER_SECRET,
    )
    await SmsMessage.create(
        client=client, manager=client, to_phone="+48601234567", body="Kod: 1234", provider="smsapi"
    )
    broadcast = await Broadcast.create(created_by=client, text="Nowości")
    await BroadcastDelivery.create(broadcast=broadcast, client=client, chat_id=telegram_id or 1)
    await SavedSegment.create(name="VIP PL", created_by=client)
    tag = await Tag.create(name="Stały klient", name_folded="stały klient")
    await client.tags.add(tag)
    await AuditEntry.create(
        client=client,
        actor=client,
        action="field_changed",
        details={"field": "phone"},
        actor_telegram_id=telegram_id,
    )
    await AuditEntry.create(
        client=other,
        actor=client,
        action="field_changed",
        details={"personal": {"old": OTHER_SECRET}},
    )
    await ErasureRequest.create(client=client)
    await ErasureRequest.create(client=other, status=ErasureStatus.DONE, resolved_by=client)
    await ChatSession.create(manager=other, client=client, touched_at=order.created_at)
    await ChatSession.create(manager=client, client=other, touched_at=order.created_at)
    return client
