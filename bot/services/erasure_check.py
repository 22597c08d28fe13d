"""Proof that an erasure left nothing: the client's former values, looked for afterwards.

`collect_former` reads every personal value of the client (their row and the rows of
every link) before the erasure; the values stay in memory and are never logged or
shown. `verify_erased` then reads every text column of every row that belongs or
belonged to the client, and asks the indexed lookups (search, phone, email, Telegram id,
@username, login, referral code) whether any former value still finds the client. A hit
names the place (table and column), never the value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tortoise import Tortoise
from tortoise.fields import JSONField

from bot.services.audit import PERSONAL
from bot.services.client_query import Params, search_sql
from bot.services.clients import fold
from bot.services.personal_data import (
    NOT_PERSONAL_FIELDS,
    PERSONAL_FIELDS,
    ClientLink,
    LinkRole,
    client_links,
    erased_fields,
    link_role,
    text_columns,
)
from models import Client

# shorter values are compared whole, longer ones also found inside a text
CONTAINED_FROM = 4
CLIENT_KINDS = {
    "first_name": "names",
    "last_name": "names",
    "custom_name": "names",
    "sort_name": "names",
    "telegram_id": "telegram",
    "username": "telegram",
    "language_code": "telegram",
    "locale": "telegram",
    "phone": "contacts",
    "email": "contacts",
    "company": "contacts",
    "description": "contacts",
    "login": "login",
    "password_hash": "login",
    "referral_code": "login",
    "search_text": "search",
}
MODEL_KINDS = {
    "Tag": "tags",
    "Address": "addresses",
    "Favorite": "favorites",
    "Order": "orders",
    "PromoRedemption": "orders",
    "ChatMessage": "chat",
    "EmailMessage": "emails",
    "SmsMessage": "sms",
    "BroadcastDelivery": "broadcasts",
    "Broadcast": "broadcasts",
    "AuditEntry": "audit",
}
OTHER = "other"  # a table with no kind of its own yet
CLIENT_KIND_ORDER = ("names", "telegram", "contacts", "login", "search")
KIND_ORDER = (*CLIENT_KIND_ORDER, *dict.fromkeys(MODEL_KINDS.values()))
# the client-row values a lookup by index could still find
LOOKUPS = ("phone", "email", "username", "login", "referral_code", "telegram_id")
SEARCHED = (
    "first_name",
    "last_name",
    "custom_name",
    "username",
    "phone",
    "email",
    "login",
    "company",
    "telegram_id",
)


@dataclass(frozen=True, slots=True)
class Check:
    """One kind of data checked clean, over `rows` rows."""

    kind: str
    rows: int


class ErasureIncomplete(Exception):
    """A former value was still found: `places` are `table.column`, never the value."""

    def __init__(self, places: Iterable[str]) -> None:
        self.places = sorted(set(places))
        super().__init__(", ".join(self.places))


@dataclass(repr=False)
class FormerValues:
    """The client's values before erasure. Never logged: the repr shows only a count."""

    texts: set[str] = field(default_factory=set)
    identity: dict[str, Any] = field(default_factory=dict)
    searched: set[str] = field(default_factory=set)

    def __repr__(self) -> str:
        return f"FormerValues({len(self.texts)} values)"

    def add(self, value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                self.add(item)
        elif isinstance(value, list | tuple):
            for item in value:
                self.add(item)
        elif isinstance(value, str | int) and not isinstance(value, bool):
            text = fold(str(value)).strip()
            if text:
                self.texts.add(text)

    def found_in(self, value: Any) -> bool:
        if value is None or isinstance(value, bool):
            return False
        if isinstance(value, dict | list):
            items = value.values() if isinstance(value, dict) else value
            return any(self.found_in(item) for item in items)
        text = fold(str(value))
        if not text.strip():
            return False
        return any(
            former == text or (len(former) >= CONTAINED_FROM and former in text)
            for former in self.texts
        )


async def collect_former(client: Client) -> FormerValues:
    former = FormerValues()
    for name in PERSONAL_FIELDS["Client"]:
        former.add(getattr(client, name))
    former.identity = {name: getattr(client, name) for name in LOOKUPS}
    former.searched = {
        str(value) for name in SEARCHED if (value := getattr(client, name)) not in (None, "")
    }
    for link in client_links():
        names = erased_fields(link)
        if not names or link.many_to_many:
            continue
        for row in await _rows(link, client.id, names):
            for name in names:
                value = row[name]
                is_json = isinstance(link.model._meta.fields_map[name], JSONField)
                former.add(value.get(PERSONAL) if is_json and isinstance(value, dict) else value)
    return former


async def verify_erased(client_id: int, former: FormerValues) -> list[Check]:
    """Raises ErasureIncomplete with every place a former value was found."""
    places: list[str] = []
    rows: dict[str, int] = dict.fromkeys(KIND_ORDER, 0)
    client = await Client.get(id=client_id)
    for name in _scanned(Client, LinkRole.SUBJECT, None):
        rows[CLIENT_KINDS.get(name, "names")] = 1  # the profile row
        if name != "referral_code" and former.found_in(getattr(client, name)):
            places.append(f"clients.{name}")
    for link in client_links():
        kind = MODEL_KINDS.get(link.model.__name__, OTHER)
        if link.many_to_many:
            left = await link.model.filter(**{link.field: client_id}).count()
            places += [f"{link.model._meta.db_table}.{link.field}"] * bool(left)
            continue
        if (role := link_role(link)) is None:
            places.append(link.model._meta.db_table)
            continue
        names = _scanned(link.model, role, link)
        if not names:
            continue
        found = await _rows(link, client_id, names)
        rows[kind] = rows.get(kind, 0) + len(found)
        places += _hits(link, found, names, former)
    places += await _lookup_hits(client_id, former)
    if places:
        raise ErasureIncomplete(places)
    return [Check(kind, count) for kind, count in rows.items()]


def _scanned(model: type[Any], role: LinkRole, link: ClientLink | None) -> list[str]:
    """SUBJECT rows: every text column but the declared non-personal ones, and the
    personal numbers; ACTOR rows: only the acting client's own columns."""
    if role is LinkRole.ACTOR and link is not None:
        return list(erased_fields(link))
    kept = set(NOT_PERSONAL_FIELDS.get(model.__name__, ()))
    names = [name for name in text_columns(model) if name not in kept]
    numbers = [name for name in PERSONAL_FIELDS.get(model.__name__, ()) if name not in names]
    return names + numbers


async def _rows(link: ClientLink, client_id: int, names: Iterable[str]) -> list[dict[str, Any]]:
    query = link.model.filter(**{link.field + "_id": client_id})
    return await query.values(*names)


def _hits(
    link: ClientLink, rows: list[dict[str, Any]], names: list[str], former: FormerValues
) -> list[str]:
    table = link.model._meta.db_table
    places = []
    for name in names:
        is_json = isinstance(link.model._meta.fields_map[name], JSONField)
        for row in rows:
            value = row[name]
            if is_json:
                value = value.get(PERSONAL) if isinstance(value, dict) else value
            if former.found_in(value):
                places.append(f"{table}.{name}")
                break
    return places


async def _lookup_hits(client_id: int, former: FormerValues) -> list[str]:
    """The indexed ways to find a client: none may lead to this one any more."""
    places = []
    for name, value in former.identity.items():
        if value in (None, ""):
            continue
        ids = await Client.filter(**{name: value}).values_list("id", flat=True)
        if client_id in ids:
            places.append(f"clients.{name} (lookup)")
    db = Tortoise.get_connection("default")
    dialect = db.capabilities.dialect
    for text in sorted(former.searched):
        p = Params(dialect)
        conditions = search_sql(text, p)
        if not conditions:
            continue
        sql = f"SELECT 1 FROM clients c WHERE c.id = {p(client_id)} AND " + " AND ".join(conditions)
        if (await db.execute_query(sql, p.values))[1]:
            places.append("clients.search_text (search)")
            break
    return places
