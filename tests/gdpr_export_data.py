"""The export tests' client: `tests/gdpr_data.py`'s client with data in every table (one
factory per link, the same fixture the erasure tests use), plus texts in Cyrillic and
Polish, a formula-looking description and records naming another client whose data
must not leak; and the helpers that read an export back.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from bot.services.audit import record_audit
from bot.services.personal_data import ClientLink, client_links
from models import (
    ChatDirection,
    ChatMessage,
    Client,
    EmailMessage,
    Order,
    OrderItem,
    OrderStatusChange,
    Tag,
)
from tests.gdpr_data import fill_every_table, make_person
from tests.shop_fixtures import make_shop

CYRILLIC = "Ёжик Иванович"
POLISH = "Zażółć gęślą jaźń"
OTHER_SECRET = "Sekret Innej Osoby"
FRIEND_NAME = "Przyjaciel Łukasz"
OTHER_PHONE, OTHER_EMAIL = "+48111222333", "other@example.com"


def lookup(link: ClientLink, client_id: int) -> dict[str, int]:
    return {f"{link.field}__id" if link.many_to_many else f"{link.field}_id": client_id}


async def linked_rows(client_id: int) -> set[tuple[str, Any]]:
    """(table, primary key) of every row that belongs to or names the client."""
    expected: set[tuple[str, Any]] = {("clients", client_id)}
    for link in client_links():
        model = link.model
        rows = model.filter(**lookup(link, client_id))
        for pk in await rows.values_list(model._meta.pk_attr, flat=True):
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
    through every link to a client, plus another client and a referred friend whose data
    must not leak into the export."""
    me = await make_person("qzzofia", telegram_id or 700_001)
    other = await make_person("qzother", 700_002)
    await fill_every_table(me, other, await make_shop())
    client, another = me.client, other.client
    client.telegram_id, client.first_name, client.last_name = telegram_id, CYRILLIC, POLISH
    client.description, client.is_manager, client.locale = '=HYPERLINK("http://evil")', True, "pl"
    await client.save()
    another.first_name, another.phone, another.email = OTHER_SECRET, OTHER_PHONE, OTHER_EMAIL
    await another.save()
    await _about_the_other(client, another)
    await ChatMessage.create(
        client=client, direction=ChatDirection.INCOMING, text=f"Привет! {POLISH}"
    )
    tag = await Tag.create(name="Stały klient", name_folded="stały klient")
    await client.tags.add(tag)
    return client


async def _about_the_other(client: Client, another: Client) -> None:
    """Records where the client acted as staff, full of the other client's data."""
    await Client.create(first_name=FRIEND_NAME, referrer=client)
    await ChatMessage.create(
        client=another, direction=ChatDirection.OUTGOING, manager=client, text=OTHER_SECRET
    )
    await EmailMessage.create(
        client=another, manager=client, to_address=OTHER_EMAIL, subject=OTHER_SECRET,
        body=OTHER_SECRET,
    )  # fmt: skip
    await record_audit(
        actor_id=client.id, actor_telegram_id=None, client_id=another.id,
        action="field_changed", personal={"old": OTHER_SECRET},
    )  # fmt: skip
