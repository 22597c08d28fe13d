"""Anonymization against the real database: every table erased, proven by a full scan."""

from __future__ import annotations

import pytest

from bot.services.anonymize import (
    ANONYMIZED,
    ErasureIncomplete,
    HasOpenOrders,
    StaffProfile,
    anonymize_client,
)
from bot.services.client_list import count_clients
from bot.services.client_profile import Actor, ClientAnonymized
from bot.services.client_query import ClientFilters, ClientQuery
from bot.services.clients import TelegramProfile, fold, touch_client
from bot.services.personal_data import (
    NOT_PERSONAL_FIELDS,
    PERSONAL_FIELDS,
    client_links,
    subject_links,
    text_columns,
    undeclared_links,
)
from bot.services.roles import AccessDenied, Role
from models import AuditEntry, Client, EmailMessage, Order, OrderItem, OrderStatus
from tests.gdpr_data import FACTORIES, Person, fill_every_table, make_person
from tests.gdpr_scan import fts_hits, scan
from tests.shop_fixtures import make_shop

OWNER_TG = 900_001
MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=7, owner_ids=frozenset({OWNER_TG}))
VIEWER = Actor(role=Role.VIEWER, client_id=None, telegram_id=8)


def test_every_link_is_declared_and_has_test_data(db: None) -> None:
    keys = {link.key for link in client_links()}
    assert undeclared_links() == []
    # a new table with a client link needs rows in the GDPR tests
    assert keys == set(FACTORIES)


def test_every_text_column_is_classified(db: None) -> None:
    for link in subject_links():
        name = link.model.__name__
        classified = set(PERSONAL_FIELDS[name]) | set(NOT_PERSONAL_FIELDS.get(name, ()))
        assert set(text_columns(link.model)) <= classified, name
    assert set(text_columns(Client)) <= set(PERSONAL_FIELDS["Client"]) | {"source"}


async def two_people() -> tuple[Person, Person]:
    shop = await make_shop()
    anna = await make_person("qzanna", 777_000_111)
    boris = await make_person("qzboris", 777_000_222)
    await fill_every_table(anna, boris, shop)
    await fill_every_table(boris, anna, shop)
    return anna, boris


async def rows_of(client_id: int, acted_by: int | None = None) -> dict[str, list[str]]:
    """Everything that belongs to a client, for "untouched" comparisons; without the rows
    `acted_by` acted on (those hold the actor's data, erased with theirs)."""
    found = {}
    for link in subject_links():
        query = link.model.filter(**{link.field: client_id})
        for actor in client_links():
            if acted_by is not None and actor.model is link.model and actor != link:
                query = query.exclude(**{actor.field: acted_by})
        found[link.key] = sorted(map(str, await query.values()))
    found["Client"] = [str(await Client.filter(id=client_id).values())]
    return found


async def test_anonymize_leaves_nothing_anywhere(db: None) -> None:
    anna, boris = await two_people()
    boris_before = await rows_of(boris.client.id, acted_by=anna.client.id)
    witnesses = [*anna.values, *(fold(value) for value in anna.values)]
    assert await scan(witnesses), "the scan must see the data before"

    report = await anonymize_client(anna.client.id, MANAGER)

    assert await scan(witnesses) == []
    assert await fts_hits(anna.values) == []
    assert {check.kind for check in report.checks} >= {
        "names", "telegram", "contacts", "login", "search", "tags", "addresses",
        "favorites", "orders", "chat", "emails", "sms", "broadcasts", "audit",
    }  # fmt: skip
    assert await rows_of(boris.client.id, acted_by=anna.client.id) == boris_before
    assert boris.values and await scan(boris.values[:3])


async def test_what_stays_and_how_it_shows(db: None) -> None:
    anna, _ = await two_people()
    placed = Order.filter(client_id=anna.client.id).exclude(status=OrderStatus.CART)
    totals = sorted(await placed.values_list("total", flat=True))
    items = await OrderItem.filter(order__client_id=anna.client.id).count()

    await anonymize_client(anna.client.id, MANAGER)

    client = await Client.get(id=anna.client.id)
    assert client.anonymized_at is not None
    assert client.telegram_id is None and client.display_name == f"🕶 #{client.id}"
    orders = await Order.filter(client_id=client.id)
    # the cart went, the placed orders stay with their amounts and items
    assert sorted(order.total for order in orders) == totals
    assert await OrderItem.filter(order__client_id=client.id).count() == items
    entry = await AuditEntry.filter(action=ANONYMIZED).get()
    assert entry.client_id == client.id and "personal" not in entry.details
    assert entry.details["trigger"] == "manager"


async def test_the_same_person_later_is_a_new_client(db: None) -> None:
    anna, _ = await two_people()
    await anonymize_client(anna.client.id, MANAGER)

    again = await touch_client(TelegramProfile(telegram_id=anna.telegram_id, first_name="Anna"))

    assert again.id != anna.client.id
    assert again.anonymized_at is None and again.referrer_id is None
    assert await Order.filter(client_id=again.id).count() == 0


async def test_open_order_refuses_and_changes_nothing(db: None) -> None:
    anna, _ = await two_people()
    order = await Order.filter(client_id=anna.client.id, status=OrderStatus.DELIVERED).first()
    assert order is not None
    await Order.filter(id=order.id).update(status=OrderStatus.SHIPPED)
    before = await rows_of(anna.client.id)

    with pytest.raises(HasOpenOrders) as refused:
        await anonymize_client(anna.client.id, MANAGER)

    assert refused.value.count == 1
    assert await rows_of(anna.client.id) == before


async def test_staff_viewers_and_twice_are_refused(db: None) -> None:
    anna, boris = await two_people()
    await Client.filter(id=boris.client.id).update(is_manager=True)
    with pytest.raises(StaffProfile):
        await anonymize_client(boris.client.id, MANAGER)
    with pytest.raises(AccessDenied):
        await anonymize_client(anna.client.id, VIEWER)
    await anonymize_client(anna.client.id, MANAGER)
    with pytest.raises(ClientAnonymized):
        await anonymize_client(anna.client.id, MANAGER)


async def test_a_hit_rolls_everything_back(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    anna, _ = await two_people()
    before = await rows_of(anna.client.id)

    async def forgets_emails(client_id: int) -> None:
        await original(client_id)
        await EmailMessage.filter(client_id=client_id).update(body="Body qzanna")

    from bot.services import anonymize as module

    original = module.erase_linked_rows
    monkeypatch.setattr(module, "erase_linked_rows", forgets_emails)

    with pytest.raises(ErasureIncomplete) as incomplete:
        await anonymize_client(anna.client.id, MANAGER)

    assert incomplete.value.places == ["email_messages.body"]
    assert "qzanna" not in str(incomplete.value)
    assert await rows_of(anna.client.id) == before


async def test_no_former_value_finds_the_client_in_the_desk_search(db: None) -> None:
    anna, _ = await two_people()
    searches = ["Имяqzanna", "user_qzanna", "mail.qzanna", "login" + "qzanna", "777000111"]
    everyone = ClientFilters(flags=("anonymized",))
    for text in searches:
        assert await count_clients(ClientQuery(search=text)) == 1, text

    await anonymize_client(anna.client.id, MANAGER)

    for text in searches:
        assert await count_clients(ClientQuery(search=text)) == 0, text
        assert await count_clients(ClientQuery(filters=everyone, search=text)) == 0, text
    assert await count_clients(ClientQuery(filters=everyone)) == 1
    assert await count_clients(ClientQuery(search="user_qzboris")) == 1
