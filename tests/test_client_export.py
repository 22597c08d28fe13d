"""The client list as XLSX: the list's rows, order and filter, safe cells, parts."""

from __future__ import annotations

import os
import signal
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from aiogram.methods import SendDocument
from aiogram.types import BufferedInputFile
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage
from openpyxl import load_workbook

from bot.app import build_dispatcher
from bot.services import client_export
from bot.services.client_export import (
    COLUMNS,
    ExportInterrupted,
    ExportLabels,
    ExportTooLarge,
    export_filename,
    export_parts,
    neutralized,
)
from bot.services.client_list import list_page
from bot.services.client_query import ClientFilters, ClientQuery, SortKey
from bot.services.overview import forget_overview
from models import Client
from tests.client_list_data import add_address, crowd, make_client, make_tag
from tests.fakes.recording_bot import recording_bot
from tests.harness import TEST_TOKEN, AnsweringMessageManager, App, Person, make_settings

LABELS = ExportLabels(columns={c: c for c in COLUMNS}, flags={"blocked": "blocked"})


def sheet_rows(data: bytes) -> list[tuple[Any, ...]]:
    sheet = load_workbook(BytesIO(data)).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def as_dicts(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


async def collect(query: ClientQuery, **kwargs: Any) -> list[Any]:
    return [part async for part in export_parts(query, LABELS, "PLN", **kwargs)]


def test_formula_starts_are_neutralized() -> None:
    for bad in ("=1+1", "+48601", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralized(bad) == "'" + bad
    assert neutralized("Anna =") == "Anna ="
    assert export_filename(datetime(2026, 1, 2, tzinfo=UTC), 1) == "clients-2026-01-02.xlsx"
    assert export_filename(datetime(2026, 1, 2, tzinfo=UTC), 3) == "clients-2026-01-02-part3.xlsx"


@pytest.mark.usefixtures("db")
async def test_every_column_in_list_order_across_batches() -> None:
    vip = await make_tag("VIP")
    zofia = await make_client(
        "Zofia",
        last_name="Żółkiewska",
        username="zosia",
        locale="pl",
        phone="+48601234567",
        email="z@example.pl",
        company='=HYPERLINK("http://x")',
        source="instagram",
        is_blocked=True,
        orders_count=9,
        total_spent=Decimal("1234.50"),
        tags=(vip,),
        seen_days_ago=1,
    )
    await add_address(zofia, "Łódź", "Piotrkowska 2")
    for i in range(4):
        await make_client(f"Ёжик{i}", language_code="ru", orders_count=i)
    query = ClientQuery(sort=SortKey.ORDERS, descending=True)

    [part] = await collect(query, batch=2)
    rows = as_dicts(sheet_rows(part.data))
    assert part.rows == 5 and part.number == 1
    assert [r["name"] for r in rows] == ["Zofia Żółkiewska", "Ёжик3", "Ёжик2", "Ёжик1", "Ёжик0"]
    first = rows[0]
    assert first["id"] == zofia.id and first["username"] == "zosia"
    assert first["phone"] == "'+48601234567"  # a phone is text, never a formula
    assert first["company"] == '\'=HYPERLINK("http://x")'
    assert first["language"] == "pl" and first["tags"] == "VIP" and first["flags"] == "blocked"
    assert first["address"] == "Łódź, Piotrkowska 2" and first["source"] == "instagram"
    assert first["orders"] == 9 and first["total"] == pytest.approx(1234.5)
    assert isinstance(first["registered"], datetime) and first["registered"].tzinfo is None
    assert first["registered"] == zofia.created_at.astimezone(UTC).replace(tzinfo=None).replace(
        microsecond=first["registered"].microsecond
    )
    assert isinstance(first["last_seen"], datetime)
    sheet = load_workbook(BytesIO(part.data)).active
    assert '"PLN"' in sheet.cell(row=2, column=COLUMNS.index("total") + 1).number_format


async def listed_ids(query: ClientQuery) -> list[int]:
    """The list's ids in its order, page by page, as a manager sees them."""
    ids, cursor, more = [], None, True
    while more:
        page = await list_page(query, cursor, size=3)
        ids += [row.client.id for row in page.rows]
        cursor, more = page.last, page.more
    return ids


@pytest.mark.usefixtures("db")
async def test_the_export_keeps_the_lists_order_for_every_sort_ties_and_no_dates() -> None:
    await crowd(13)
    for _ in range(4):  # equal keys: the same orders, total and dates (never seen)
        await make_client("Twin", orders_count=3, total_spent=Decimal("7.00"), created_days_ago=50)
    for key in SortKey:
        for descending in (False, True):
            query = ClientQuery(sort=key, descending=descending)
            [part] = await collect(query, batch=4)
            exported = [r["id"] for r in as_dicts(sheet_rows(part.data))]
            assert exported == await listed_ids(query), (key, descending)
            assert len(exported) == 17


@pytest.mark.usefixtures("db")
async def test_tags_in_folded_order_and_an_anonymized_client_without_personal_data() -> None:
    tags = [await make_tag(name) for name in ("żuraw", "Agat", "bez", "Łoś")]
    await make_client("Tagged", tags=tuple(tags))
    gone = await make_client("Gone", username="gone", anonymized_at=datetime.now(UTC))
    [part] = await collect(ClientQuery(search="tagged"))
    [row] = as_dicts(sheet_rows(part.data))
    assert row["tags"] == "Agat, bez, Łoś, żuraw"
    assert row["flags"] is None and row["language"] is None and row["address"] is None
    anonymized = ClientQuery(filters=ClientFilters(flags=("anonymized",)))
    [part] = await collect(anonymized)
    [row] = as_dicts(sheet_rows(part.data))
    assert row["id"] == gone.id and row["name"] == f"#{gone.id}"
    assert row["flags"] == "anonymized"


@pytest.mark.usefixtures("db")
async def test_parts_split_at_the_row_threshold_and_a_too_big_part_stops() -> None:
    for i in range(5):
        await make_client(f"P{i}", source="web")
    await make_client("Other", source="telegram")
    query = ClientQuery(filters=ClientFilters(source="web"), sort=SortKey.NAME, descending=False)
    parts = await collect(query, rows_per_part=2, batch=3)
    assert [p.rows for p in parts] == [2, 2, 1]
    names = [r["name"] for p in parts for r in as_dicts(sheet_rows(p.data))]
    assert names == ["P0", "P1", "P2", "P3", "P4"]
    assert parts[1].filename.endswith("-part2.xlsx")
    with pytest.raises(ExportTooLarge):
        await collect(query, max_bytes=1000)
    assert await collect(ClientQuery(search="nobody-like-this")) == []


@pytest.mark.usefixtures("db")
async def test_the_parts_are_written_in_a_worker_process_that_comes_back_if_killed() -> None:
    for i in range(5):
        await make_client(f"K{i}")
    query = ClientQuery(sort=SortKey.NAME, descending=False)
    assert await client_export._in_worker(os.getpid) != os.getpid()  # not this process

    parts = export_parts(query, LABELS, "PLN", rows_per_part=2, batch=2)
    first = await anext(parts)
    os.kill(await client_export._in_worker(os.getpid), signal.SIGKILL)
    with pytest.raises(ExportInterrupted):  # the next part was being written there
        await anext(parts)
    await parts.aclose()

    again = await collect(query, rows_per_part=2, batch=2)  # a new worker
    assert [p.rows for p in again] == [2, 2, 1] and again[0].data[:2] == first.data[:2] == b"PK"
    names = [r["name"] for p in again for r in as_dicts(sheet_rows(p.data))]
    assert names == ["K0", "K1", "K2", "K3", "K4"]


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    forget_overview()
    messages = AnsweringMessageManager()
    dp = build_dispatcher(make_settings(), storage=JsonMemoryStorage(), message_manager=messages)
    bot = recording_bot(TEST_TOKEN)
    await dp.emit_startup(bot=bot, dispatcher=dp)
    async with App(dp=dp, bot=bot, messages=messages) as started:
        yield started


async def staff(app: App, *, viewer: bool = False) -> Person:
    person = app.person(first_name="Marta", last_name="Manager")
    await person.send("/start")
    await Client.filter(telegram_id=person.id).update(is_manager=not viewer, is_viewer=viewer)
    return person


def documents(person: Person) -> list[SendDocument]:
    return [r for r in person.requests() if isinstance(r, SendDocument)]


def document_bytes(request: SendDocument) -> bytes:
    assert isinstance(request.document, BufferedInputFile)
    return request.document.data


async def test_a_viewer_exports_the_filtered_searched_list(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_client("Łucja", last_name="Żak", language_code="pl", email="=cmd|' /C calc'!A0")
    await make_client("Łukasz", language_code="pl", orders_count=2)
    await make_client("Людмила", language_code="ru")
    await make_client("Łada", language_code="ru")
    viewer = await staff(app, viewer=True)
    await viewer.send("/admin")
    await viewer.click("Clients")
    await viewer.click("Filters")
    await viewer.click("Language")
    await viewer.click("^pl$")
    await viewer.click("Show the list")
    await viewer.send("ł")
    await viewer.click("Sort")
    await viewer.click("orders count ↓")

    await viewer.click("Export XLSX")
    [sent] = documents(viewer)
    assert sent.chat_id == viewer.id
    assert sent.document.filename == f"clients-{datetime.now(UTC):%Y-%m-%d}.xlsx"  # type: ignore[union-attr]
    assert "Preparing" in " ".join(viewer.plain_texts())
    rows = as_dicts(sheet_rows(document_bytes(sent)))
    assert [r["Name"] for r in rows] == ["Łukasz", "Łucja Żak"]
    assert rows[1]["Email"] == "'=cmd|' /C calc'!A0"
    assert "Clients" in viewer.text()  # the list comes back below the file

    monkeypatch.setattr("bot.services.client_export.ROWS_PER_PART", 1)
    await viewer.click("Export XLSX")
    parts = documents(viewer)
    assert [p.document.filename.endswith("-part2.xlsx") for p in parts] == [False, True]  # type: ignore[union-attr]
    assert "part 2 of 2" in (parts[1].caption or "")
    names = [as_dicts(sheet_rows(document_bytes(p)))[0]["Name"] for p in parts]
    assert names == ["Łukasz", "Łucja Żak"]


async def test_forged_export_presses_send_no_file(app: App) -> None:
    await make_client("Anna", phone="+48601234567")
    manager = await staff(app)
    await manager.send("/admin")
    await manager.click("Clients")
    screen = manager.screen()
    intent = screen.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]  # type: ignore[union-attr]
    await Client.filter(telegram_id=manager.id).update(is_manager=False)  # revoked
    await manager.click_data(f"{intent}\x1dexport", screen)
    assert documents(manager) == []
    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    customer_screen = customer.screen()
    customer_intent = customer_screen.reply_markup.inline_keyboard[0][0].callback_data  # type: ignore[union-attr]
    for forged in (customer_intent.split("\x1d")[0], intent):  # type: ignore[union-attr]
        await customer.click_data(f"{forged}\x1dexport", customer_screen)
        assert documents(customer) == []
        assert not any("Preparing" in t for t in customer.plain_texts())
