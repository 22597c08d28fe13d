"""Everything the shop holds about one client, collected for a personal-data export.

The tables are the links to `Client` that `bot.services.personal_data` finds and
declares (the same walk anonymization uses), so a table added later is exported without
touching this module:

- a `SUBJECT` link makes the row the client's own: every column is exported (for the
  tags' many-to-many, the tag's id, name and date);
- an `ACTOR` link (a manager who sent a message, changed an order, wrote an audit entry;
  a client this one referred) is somebody else's record that names this client: only
  its id, the link and its timestamps are exported, never another person's data. A link
  nobody has declared yet is exported the same way (anonymization refuses to run on it
  and the GDPR tests fail until it is declared);
- the lines and status history of the client's orders come with the orders.

Values are plain JSON: times ISO 8601 in UTC, money a decimal string with its currency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from tortoise.models import Model

from bot.services.money import shop_currency
from bot.services.personal_data import ClientLink, LinkRole, client_links, link_role
from models import Client, Order, OrderItem, OrderStatusChange
from models.money import MoneyField

PROFILE = "profile"
REFERRALS = "referrals"
STAFF_ACTIONS = "staff_actions"
# secrets and derived copies of other columns, not facts about the person
HIDDEN_COLUMNS = {
    "clients": {"password_hash", "search_text", "sort_name"},
    # a staff member's Telegram id: another person's data
    "audit_entries": {"actor_telegram_id"},
}
TIMESTAMP_COLUMNS = ("created_at", "updated_at", "sent_at", "resolved_at")


@dataclass(slots=True)
class Section:
    """One part of the export: rows of one table reached through one link."""

    name: str
    table: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    link: str | None = None


@dataclass(slots=True)
class ClientData:
    client_id: int
    generated_at: datetime
    sections: list[Section]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": "shopdesk-personal-data",
            "version": 1,
            "client_id": self.client_id,
            "generated_at": plain(self.generated_at),
            "sections": [
                {"name": s.name, "table": s.table, "link": s.link, "rows": s.rows}
                for s in self.sections
            ],
        }


def _table(link: ClientLink) -> str:
    return link.model._meta.db_table


def _lookup(link: ClientLink, client_id: int) -> dict[str, int]:
    return {f"{link.field}__id" if link.many_to_many else f"{link.field}_id": client_id}


def _export_links() -> list[ClientLink]:
    """Every link to the client, in the export's order: by table, then link."""
    return sorted(client_links(), key=lambda link: (_table(link), link.field))


def plain(value: Any) -> Any:
    """A column value as JSON: UTC ISO 8601 times, decimal strings, enum values."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def _columns(model: type[Model]) -> list[str]:
    hidden = HIDDEN_COLUMNS.get(model._meta.db_table, set())
    return [name for name in model._meta.fields_db_projection if name not in hidden]


def _full_row(row: Model, columns: list[str], currency: str | None) -> dict[str, Any]:
    values = {name: plain(getattr(row, name)) for name in columns}
    money = [n for n, f in row._meta.fields_map.items() if isinstance(f, MoneyField)]
    if money and "currency" not in values:
        values["currency"] = currency or shop_currency()
    return values


def _link_row(row: Model, link: str) -> dict[str, Any]:
    values: dict[str, Any] = {"id": row.pk, "link": link}
    for name in TIMESTAMP_COLUMNS:
        if name in row._meta.fields_map:
            values[name] = plain(getattr(row, name))
    return values


async def _own_section(link: ClientLink, client_id: int) -> Section:
    columns = _columns(link.model)
    rows = await link.model.filter(**_lookup(link, client_id)).order_by(link.model._meta.pk_attr)
    section = Section(_table(link), _table(link), columns, link=link.field)
    section.rows = [_full_row(row, columns, None) for row in rows]
    return section


async def _tag_section(link: ClientLink, client_id: int) -> Section:
    """A many-to-many link (tags): the shared label itself is what the shop holds."""
    rows = await link.model.filter(**_lookup(link, client_id)).order_by(link.model._meta.pk_attr)
    columns = ["id", "name", "created_at"]
    section = Section(_table(link), _table(link), columns, link=link.field)
    section.rows = [_full_row(row, columns, None) for row in rows]
    return section


async def _linked_section(link: ClientLink, client_id: int) -> Section:
    """Another person's record naming this client: ids and timestamps only."""
    rows = await link.model.filter(**_lookup(link, client_id)).order_by(link.model._meta.pk_attr)
    is_referral = link.model is Client and link.field == "referrer"
    name = REFERRALS if is_referral else STAFF_ACTIONS
    columns = ["id", "link", *(c for c in TIMESTAMP_COLUMNS if c in link.model._meta.fields_map)]
    section = Section(name, _table(link), columns, link=link.field)
    section.rows = [_link_row(row, link.field) for row in rows]
    return section


async def _order_sections(client_id: int) -> list[Section]:
    """The lines and the status history of the client's orders."""
    orders = dict(
        await Order.filter(client_id=client_id).order_by("id").values_list("id", "currency")
    )
    sections: list[Section] = []
    for model in (OrderItem, OrderStatusChange):
        columns = _columns(model)
        rows = await model.filter(order_id__in=list(orders)).order_by("order_id", "id")
        table = model._meta.db_table
        section = Section(table, table, columns, link="order")
        section.rows = [_full_row(row, columns, orders[row.order_id]) for row in rows]
        sections.append(section)
    return sections


async def collect_client_data(client_id: int) -> ClientData:
    """Every record of the client (reads only; the caller checks who may ask)."""
    profile = Section(PROFILE, Client._meta.db_table, _columns(Client))
    client = await Client.get(id=client_id)
    profile.rows = [_full_row(client, profile.columns, None)]
    profile.rows[0]["password_set"] = client.password_hash is not None
    sections = [profile]
    for link in _export_links():
        if link_role(link) is not LinkRole.SUBJECT:
            sections.append(await _linked_section(link, client_id))
        elif link.many_to_many:
            sections.append(await _tag_section(link, client_id))
        else:
            sections.append(await _own_section(link, client_id))
            if link.model is Order:
                sections.extend(await _order_sections(client_id))
    return ClientData(client_id, datetime.now(UTC), sections)
