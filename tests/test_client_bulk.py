"""Bulk actions on a list query: set-wise, sparing staff and the anonymized, one audit entry."""

from __future__ import annotations

import pytest

from bot.services.client_bulk import (
    BulkAction,
    BulkTarget,
    UnknownTag,
    apply_bulk,
    bulk_tag_name,
    count_bulk,
)
from bot.services.client_list import count_clients
from bot.services.client_profile import Actor
from bot.services.client_query import ClientFilters, ClientQuery
from bot.services.clients import search_text_of
from bot.services.roles import AccessDenied, Role
from bot.services.tags import TagError
from models import AuditEntry, Client, Tag
from tests.client_list_data import NOW, make_client, make_tag

pytestmark = pytest.mark.usefixtures("db")

OWNER = 777
MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=555, owner_ids=frozenset({OWNER}))


async def _tags_of(client: Client) -> list[str]:
    return sorted(await Tag.filter(clients__id=client.id).values_list("name", flat=True))


async def test_add_tag_to_a_search_result_counts_links_and_updates_search() -> None:
    vip = await make_tag("VIP")
    ivan = await make_client("Иван", language_code="ru")
    ivanka = await make_client("Иванка", language_code="ru", tags=(vip,))
    other = await make_client("Łukasz", language_code="pl")
    gone = await make_client("Иван", anonymized_at=NOW)
    query = ClientQuery(search="иван")
    target = BulkTarget(BulkAction.TAG_ADD, "vip")

    assert await count_bulk(query, target, {OWNER}) == 1  # Иванка has it already
    assert await apply_bulk(MANAGER, query, target) == 1
    assert await _tags_of(ivan) == ["VIP"]
    assert await _tags_of(ivanka) == ["VIP"]
    assert await _tags_of(other) == [] and await _tags_of(gone) == []
    await ivan.refresh_from_db()
    assert ivan.search_text == search_text_of(ivan, ["VIP"])
    # the search finds the new tag (through the FTS index on SQLite)
    assert await count_clients(ClientQuery(search="vip")) == 2
    assert await count_bulk(query, target, {OWNER}) == 0

    entry = await AuditEntry.get(action="bulk_tag_add")
    assert entry.client_id is None  # type: ignore[attr-defined]
    assert entry.actor_telegram_id == 555
    assert entry.details == {"filters": {}, "searched": True, "count": 1, "tag_id": vip.id}
    assert "иван" not in str(entry.details).casefold()


async def test_add_a_new_typed_tag_creates_it_once() -> None:
    await make_client("Anna", source="instagram")
    await make_client("Bob", source="telegram")
    query = ClientQuery(filters=ClientFilters(source="instagram"))
    target = BulkTarget(BulkAction.TAG_ADD, bulk_tag_name("  Nowy   klient "))
    assert target.tag_name == "Nowy klient"
    assert await count_bulk(query, target, set()) == 1
    assert await apply_bulk(MANAGER, query, target) == 1
    assert await Tag.filter(name_folded="nowy klient").count() == 1
    assert await count_clients(ClientQuery(search="nowy klient")) == 1
    for bad in ("", "   ", "x" * 65, "VIP, Hurt"):
        with pytest.raises(TagError):
            bulk_tag_name(bad)
    assert bulk_tag_name("VIP,") == "VIP"


async def test_remove_tag_rebuilds_search_text_keeping_a_name_with_the_same_word() -> None:
    vip = await make_tag("vip")
    keep = await make_tag("Hurt")
    named_vip = await make_client("Vip", last_name="Nowak", tags=(vip, keep))
    plain = await make_client("Anna", tags=(vip,))
    untouched = await make_client("Olga", tags=(vip,), source="other")
    query = ClientQuery(filters=ClientFilters(source="telegram"))
    target = BulkTarget(BulkAction.TAG_REMOVE, "VIP")

    assert await count_bulk(query, target, set()) == 2
    assert await apply_bulk(MANAGER, query, target) == 2
    assert await _tags_of(named_vip) == ["Hurt"]
    assert await _tags_of(plain) == [] and await _tags_of(untouched) == ["vip"]
    await named_vip.refresh_from_db()
    assert named_vip.search_text == search_text_of(named_vip, ["Hurt"])
    assert "vip" in named_vip.search_text  # the first name stays searchable
    await plain.refresh_from_db()
    assert plain.search_text == "anna"
    assert await count_bulk(query, BulkTarget(BulkAction.TAG_REMOVE, "nope"), set()) == 0
    with pytest.raises(UnknownTag):
        await apply_bulk(MANAGER, query, BulkTarget(BulkAction.TAG_REMOVE, "nope"))


async def test_remove_tag_in_several_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.services.client_bulk.REMOVE_BATCH", 2)
    vip = await make_tag("vip")
    clients = [await make_client(f"P{i}", tags=(vip,)) for i in range(5)]
    assert await apply_bulk(MANAGER, ClientQuery(), BulkTarget(BulkAction.TAG_REMOVE, "vip")) == 5
    for client in clients:
        await client.refresh_from_db()
        assert client.search_text == client.first_name.casefold()


async def test_block_spares_staff_owners_and_the_anonymized() -> None:
    customer = await make_client("Customer", telegram_id=1)
    manager = await make_client("Manager", telegram_id=2, is_manager=True)
    viewer = await make_client("Viewer", telegram_id=3, is_viewer=True)
    owner = await make_client("Owner", telegram_id=OWNER)
    phone_order = await make_client("Phone", telegram_id=None)
    await make_client("Anon", anonymized_at=NOW)
    block = BulkTarget(BulkAction.BLOCK)

    assert await count_bulk(ClientQuery(), block, {OWNER}) == 2
    assert await apply_bulk(MANAGER, ClientQuery(), block) == 2
    blocked = await Client.filter(is_blocked=True).values_list("id", flat=True)
    assert sorted(blocked) == sorted([customer.id, phone_order.id])
    for staff in (manager, viewer, owner):
        await staff.refresh_from_db()
        assert not staff.is_blocked
    # a blocked ex-manager is not unblocked (given the desk back) in bulk either
    await Client.filter(id=manager.id).update(is_blocked=True)
    query = ClientQuery(filters=ClientFilters(flags=("blocked",)))
    assert await apply_bulk(MANAGER, query, BulkTarget(BulkAction.UNBLOCK)) == 2
    await manager.refresh_from_db()
    assert manager.is_blocked
    assert await AuditEntry.filter(action__startswith="bulk_").count() == 2
    entry = await AuditEntry.get(action="bulk_unblock")
    assert entry.details == {"filters": {"flags": ["blocked"]}, "searched": False, "count": 2}


async def test_broadcasts_off_and_on_count_only_changes() -> None:
    await make_client("A", language_code="pl")
    await make_client("B", language_code="pl", broadcasts_off=True)
    await make_client("C", language_code="en")
    query = ClientQuery(filters=ClientFilters(language="pl"))
    assert await apply_bulk(MANAGER, query, BulkTarget(BulkAction.BROADCASTS_OFF)) == 1
    assert await Client.filter(broadcasts_off=True).count() == 2
    assert await apply_bulk(MANAGER, query, BulkTarget(BulkAction.BROADCASTS_ON)) == 2
    assert await Client.filter(broadcasts_off=True).count() == 0


async def test_the_query_is_applied_as_it_is_at_confirmation() -> None:
    await make_client("A", language_code="pl")
    query = ClientQuery(filters=ClientFilters(language="pl"))
    block = BulkTarget(BulkAction.BLOCK)
    assert await count_bulk(query, block, set()) == 1
    await make_client("B", language_code="pl")  # somebody edits clients meanwhile
    assert await apply_bulk(MANAGER, query, block) == 2


async def test_viewers_and_customers_change_nothing() -> None:
    await make_client("A")
    for role in (Role.VIEWER, Role.CUSTOMER):
        actor = Actor(role=role, client_id=None, telegram_id=1)
        with pytest.raises(AccessDenied):
            await apply_bulk(actor, ClientQuery(), BulkTarget(BulkAction.BLOCK))
    assert await Client.filter(is_blocked=True).count() == 0
    assert await AuditEntry.all().count() == 0
