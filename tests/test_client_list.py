"""The client list's services against the real database: pages, sort, filters, search."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from bot.services.client_list import PAGE_SIZE, connection, count_clients, list_page
from bot.services.client_query import ClientFilters, ClientQuery, SortKey
from bot.services.overview import desk_overview, forget_overview
from models import Client
from tests.client_list_data import NOW, add_address, crowd, make_client, make_tag
from tests.conftest import on_postgres

pytestmark = pytest.mark.usefixtures("db")

SORT_ATTRIBUTES = {
    SortKey.NAME: "sort_name",
    SortKey.REGISTERED: "created_at",
    SortKey.ACTIVITY: "last_seen_at",
    SortKey.ORDERS: "orders_count",
    SortKey.TOTAL: "total_spent",
}


async def all_pages(query: ClientQuery) -> list[int]:
    ids, cursor, more = [], None, True
    while more:
        page = await list_page(query, cursor)
        ids += [row.client.id for row in page.rows]
        cursor, more = page.last, page.more
        assert len(page.rows) <= PAGE_SIZE
    return ids


def expected_order(clients: list[Client], key: SortKey, descending: bool) -> list[int]:
    attribute = SORT_ATTRIBUTES[key]
    keyed = [c for c in clients if getattr(c, attribute) is not None]
    nulls = [c for c in clients if getattr(c, attribute) is None]
    keyed.sort(key=lambda c: (getattr(c, attribute), c.id), reverse=descending)
    nulls.sort(key=lambda c: c.id, reverse=descending)
    return [c.id for c in keyed + nulls]  # a missing key (never seen) comes last


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(SortKey))
async def test_every_sort_pages_through_every_client_in_order(
    key: SortKey, descending: bool
) -> None:
    clients = await crowd(27)
    fresh = await Client.all()
    query = ClientQuery(sort=key, descending=descending)

    assert await all_pages(query) == expected_order(fresh, key, descending)
    assert len(clients) == await count_clients(query) == 27


async def test_back_pages_mirror_the_forward_ones() -> None:
    await crowd(27)
    query = ClientQuery(sort=SortKey.ACTIVITY, descending=False)
    first = await list_page(query)
    second = await list_page(query, first.last)
    third = await list_page(query, second.last)
    assert len(third.rows) == 7 and not third.more

    back_to_second = await list_page(query, third.first, forward=False)
    back_to_first = await list_page(query, back_to_second.first, forward=False)
    assert [r.client.id for r in back_to_second.rows] == [r.client.id for r in second.rows]
    assert [r.client.id for r in back_to_first.rows] == [r.client.id for r in first.rows]
    assert not back_to_first.more


async def test_rows_carry_markers_language_and_default_address() -> None:
    blocked = await make_client(
        "Zofia", is_blocked=True, broadcasts_off=True, bot_blocked=True, locale="pl"
    )
    await make_client("Marek", is_manager=True, language_code="ru")
    await add_address(blocked, "Kraków", "Floriańska 1", default=False)
    await add_address(blocked, "Łódź", "Piotrkowska 2")

    rows = {r.client.first_name: r for r in (await list_page(ClientQuery())).rows}
    assert rows["Zofia"].markers == "🚫🔕⛔"
    assert rows["Zofia"].language == "pl"
    assert rows["Zofia"].address == "Łódź, Piotrkowska 2"
    assert rows["Marek"].markers == "⭐"
    assert rows["Marek"].address is None


async def test_filters_each_and_combined() -> None:
    vip, wholesale, other = await make_tag("VIP"), await make_tag("wholesale"), await make_tag("x")
    a = await make_client(
        "Ann",
        tags=(vip,),
        source="instagram",
        language_code="pl",
        orders_count=2,
        created_days_ago=3,
        seen_days_ago=1,
    )
    b = await make_client(
        "Bob",
        tags=(wholesale, other),
        is_blocked=True,
        locale="ru",
        language_code="en",
        created_days_ago=40,
        seen_days_ago=20,
    )
    c = await make_client(
        "Cy",
        is_blocked=True,
        is_manager=True,
        source="instagram",
        language_code="ru",
        orders_count=1,
        created_days_ago=400,
    )
    d = await make_client("Dee", anonymized_at=NOW, orders_count=3)

    async def ids(**filters: object) -> set[int]:
        query = ClientQuery(filters=ClientFilters.from_dict(filters))
        found = {r.client.id for r in (await list_page(query)).rows}
        assert await count_clients(query) == len(found)
        return found

    assert await ids() == {a.id, b.id, c.id}  # the anonymized only when asked for
    assert await ids(tag_ids=[vip.id, wholesale.id]) == {a.id, b.id}
    assert await ids(flags=["blocked"]) == {b.id, c.id}
    assert await ids(flags=["blocked", "manager"]) == {c.id}
    assert await ids(flags=["anonymized"]) == {d.id}
    assert await ids(source="instagram") == {a.id, c.id}
    assert await ids(language="ru") == {b.id, c.id}  # the language picked in the bot wins
    assert await ids(has_orders=True) == {a.id, c.id}
    assert await ids(has_orders=False) == {b.id}
    assert await ids(registered_days=7) == {a.id}
    assert await ids(registered_days=90) == {a.id, b.id}
    assert await ids(active_days=7) == {a.id}
    assert await ids(active_days=30) == {a.id, b.id}
    assert await ids(active_days=30, flags=["blocked"]) == {b.id}
    assert await ids(source="instagram", has_orders=True, flags=["blocked"]) == {c.id}
    assert await ids(tag_ids=[vip.id], flags=["blocked"]) == set()


async def test_filters_round_trip_and_drop_forged_values() -> None:
    filters = ClientFilters(tag_ids=(3, 1), flags=("blocked",), source="x", has_orders=False)
    assert ClientFilters.from_dict(filters.to_dict()) == ClientFilters(
        tag_ids=(1, 3), flags=("blocked",), source="x", has_orders=False
    )
    forged = {"tag_ids": ["1; DROP"], "flags": ["root"], "registered_days": 2, "has_orders": "y"}
    assert ClientFilters.from_dict(forged).is_empty()
    assert ClientQuery.from_dict({"sort": "id; --", "descending": 1}) == ClientQuery()


async def search(text: str, **query: object) -> list[str]:
    page = await list_page(ClientQuery(search=text, **query))  # type: ignore[arg-type]
    names = [r.client.display_name for r in page.rows]
    assert await count_clients(ClientQuery(search=text, **query)) == len(names)  # type: ignore[arg-type]
    return names


async def test_search_folds_case_and_accents_in_cyrillic_and_polish() -> None:
    await make_client("ёжик", last_name="Иванов")
    await make_client("Łukasz", last_name="Żółć", custom_name="Łódź Hurt")
    await make_client("Йода", username="Yoda_Master")
    await make_client("Ewa", email="ewa@example.com", login="ewka", company="Żabka")

    assert await search("ЁЖИК") == ["ёжик Иванов"]
    assert await search("ежик") == ["ёжик Иванов"]
    assert await search("иванов ЁЖ") == ["ёжик Иванов"]
    assert await search("lodz") == ["Łódź Hurt"]
    assert await search("ŁÓDŹ") == ["Łódź Hurt"]
    assert await search("zolc") == ["Łódź Hurt"]
    assert await search("йод") == ["Йода"]
    assert await search("ЙОДА") == ["Йода"]
    assert await search("@yoda_m") == ["Йода"]
    assert await search("yoda_master") == ["Йода"]
    assert await search("EWA@EXAMPLE") == ["Ewa"]
    assert await search("ewka") == ["Ewa"]
    assert await search("zabka") == ["Ewa"]


async def test_search_by_phone_in_any_formatting_by_tag_and_telegram_id() -> None:
    vip = await make_tag("Opt-VIP")
    await make_client("Phoned", phone="+48601234567")
    await make_client("Legacy", phone="8 (912) 345-67-89")
    await make_client("Tagged", tags=(vip,), telegram_id=777123456)

    assert await search("+48 601-234-567") == ["Phoned"]
    assert await search("601 234 567") == ["Phoned"]
    assert await search("48601234567") == ["Phoned"]
    assert await search("+7 912 345 67 89") == []  # other digits than the stored 8 912...
    assert await search("912-345-67-89") == ["Legacy"]
    assert await search("opt-vip") == ["Tagged"]
    assert await search("777123456") == ["Tagged"]
    assert await search("71234") == ["Tagged"]


async def test_search_takes_like_wildcards_quotes_and_backslashes_literally() -> None:
    await make_client("Plain", last_name="Name")
    await make_client("Odd", custom_name="50%_off 'x' \\yz \"q\"")

    assert await search("%_'\\") == []
    assert await search("%") == []  # one or two characters: a name's beginning
    assert await search("_") == []
    assert await search("50") == ["50%_off 'x' \\yz \"q\""]
    assert await search("%_off") == ["50%_off 'x' \\yz \"q\""]
    assert await search("'x'") == ["50%_off 'x' \\yz \"q\""]
    assert await search("\\yz") == ["50%_off 'x' \\yz \"q\""]
    assert await search('"q"') == ["50%_off 'x' \\yz \"q\""]
    assert await search("a%e") == []


async def test_short_searches_and_search_keeps_sort_and_filters() -> None:
    await make_client("Anna", orders_count=5, total_spent=Decimal("10.00"))
    await make_client("Andrzej", orders_count=1, total_spent=Decimal("99.00"))
    await make_client("Anatol", is_blocked=True, total_spent=Decimal("50.00"))
    await make_client("Boris", last_name="An")

    assert set(await search("an")) >= {"Anna", "Andrzej", "Anatol"}
    assert await search("ann") == ["Anna"]
    by_total = await search(
        "an", sort=SortKey.TOTAL, descending=True, filters=ClientFilters(flags=())
    )
    assert by_total[:3] == ["Andrzej", "Anatol", "Anna"]
    blocked = await search("an", filters=ClientFilters(flags=("blocked",)))
    assert blocked == ["Anatol"]


async def test_search_follows_edits_and_deletes() -> None:
    client = await make_client("Original")
    assert await search("original") == ["Original"]
    client.first_name = "Renamed"
    client.search_text = "renamed"
    await client.save(update_fields=["first_name", "search_text"])
    assert await search("original") == []
    assert await search("renamed") == ["Renamed"]
    await client.delete()
    assert await search("renamed") == []


async def test_desk_overview_counts_in_one_query_and_is_cached() -> None:
    forget_overview()
    await make_client("A", created_days_ago=0, seen_days_ago=0)
    await make_client("B", is_blocked=True, created_days_ago=30, seen_days_ago=30)
    await make_client("C", is_viewer=True, created_days_ago=30)
    await make_client("D", anonymized_at=NOW, is_blocked=True)
    first = await desk_overview(now=NOW)
    assert (first.clients, first.new_today, first.active_week, first.blocked, first.staff) == (
        3,
        1,
        1,
        1,
        1,
    )
    cached = await desk_overview()
    await make_client("E")
    assert await desk_overview() == cached  # within the cache window
    forget_overview()
    assert (await desk_overview()).clients == 4


@pytest.mark.parametrize("key", [SortKey.REGISTERED, SortKey.ACTIVITY, SortKey.TOTAL])
async def test_a_common_term_walks_the_sort_index_to_the_same_pages(key: SortKey) -> None:
    await crowd(27)
    query = ClientQuery(search="person", sort=key, descending=True)
    through_fts, walked = [], []
    cursor, walked_cursor, more = None, None, True
    while more:
        page = await list_page(query, cursor)
        walked_page = await list_page(query, walked_cursor, matches=10**6)
        through_fts += [r.client.id for r in page.rows]
        walked += [r.client.id for r in walked_page.rows]
        cursor, walked_cursor, more = page.last, walked_page.last, page.more
    assert through_fts == walked
    assert len(walked) == 27


async def test_search_counts_leave_out_the_anonymized() -> None:
    await make_client("Hidden", last_name="Person", anonymized_at=NOW)
    await make_client("Shown", last_name="Person")
    assert await search("person") == ["Shown Person"]  # counts agree inside `search`
    query = ClientQuery(search="person", filters=ClientFilters(flags=("anonymized",)))
    assert await count_clients(query) == 1


@pytest.mark.parametrize("descending", [False, True])
async def test_pages_through_a_long_run_of_equal_keys(descending: bool) -> None:
    await crowd(5)
    for i in range(23):
        await make_client(f"Zero{i:02d}", orders_count=0)  # a run of equal keys, 3 pages long
    fresh = await Client.all()
    query = ClientQuery(sort=SortKey.ORDERS, descending=descending)
    assert await all_pages(query) == expected_order(fresh, SortKey.ORDERS, descending)
    first = await list_page(query)
    second = await list_page(query, first.last)
    third = await list_page(query, second.last)
    back = await list_page(query, third.first, forward=False)
    assert [r.client.id for r in back.rows] == [r.client.id for r in second.rows]


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL's plan cache")
async def test_postgres_plans_every_search_with_its_own_values() -> None:
    """A generic plan (made without the values) walked the whole list testing LIKE on
    every row for a rare term: seconds at a million clients."""
    rows = await connection().execute_query_dict("SHOW plan_cache_mode")
    assert rows[0]["plan_cache_mode"] == "force_custom_plan"


@pytest.mark.usefixtures("db")
async def test_a_listed_row_reads_what_the_model_holds() -> None:
    client = await make_client(
        "Łucja",
        last_name="Żak",
        username="lucja",
        custom_name="Pani Łucja",
        telegram_id=77_001,
        locale="pl",
        source="instagram",
        orders_count=3,
        total_spent=Decimal("1234.56"),
        is_blocked=True,
        bot_blocked=True,
        seen_days_ago=2,
    )
    model = await Client.get(id=client.id)
    [row] = (await list_page(ClientQuery(search="łucja"))).rows
    listed = row.client
    for field in dataclasses.fields(listed):
        assert getattr(listed, field.name) == getattr(model, field.name), field.name
    assert listed.created_at.tzinfo is not None and listed.total_spent == Decimal("1234.56")
    assert listed.display_name == model.display_name == "Pani Łucja"
    assert row.markers == "🚫⛔"
