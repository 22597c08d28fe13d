"""A manager runs bulk actions on the list's filter or search; viewers and customers cannot."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

from bot.app import build_dispatcher
from bot.services.overview import forget_overview
from models import AuditEntry, Client, Tag
from tests.client_list_data import make_client, make_tag
from tests.fakes.recording_bot import recording_bot
from tests.harness import TEST_TOKEN, AnsweringMessageManager, App, Person, make_settings


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


async def open_list(person: Person) -> None:
    await person.send("/admin")
    await person.click("Clients")


def intent_of(person: Person) -> str:
    markup = person.screen().reply_markup
    assert markup is not None
    return markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]  # type: ignore[union-attr]


async def _tags(client: Client) -> list[str]:
    return sorted(await Tag.filter(clients__id=client.id).values_list("name", flat=True))


async def test_manager_tags_a_search_result_with_the_exact_count(app: App) -> None:
    await make_tag("VIP")
    kasia = await make_client("Kasia", last_name="Łukasiewicz", telegram_id=11)
    kuba = await make_client("Jakub", last_name="Łukasik", telegram_id=12)
    other = await make_client("Иван", telegram_id=13)
    manager = await staff(app)
    await open_list(manager)
    await manager.send("łukas")
    assert "Kasia" in manager.text() and "Иван" not in manager.text()

    await manager.click("Bulk actions")
    assert "2 clients" in manager.text()
    await manager.click("Add a tag")
    assert "VIP" in manager.buttons()
    await manager.send("x" * 65)
    assert "64 characters" in manager.text()
    await manager.send("VIP, Hurt")
    assert "One tag at a time" in manager.text()
    await manager.click("^VIP$")
    assert "Add tag «VIP» to 2 clients?" in manager.text()
    await manager.click("Yes")
    assert "Done: 2 clients changed." in manager.text()
    assert await _tags(kasia) == ["VIP"] and await _tags(kuba) == ["VIP"]
    assert await _tags(other) == []
    assert await AuditEntry.filter(action="bulk_tag_add").count() == 1
    await manager.click("Back to the list")
    assert "Kasia" in manager.text()

    # a typed new tag, then the same again: nobody left to change
    await manager.click("Bulk actions")
    await manager.click("Add a tag")
    await manager.send("Hurtownia")
    assert "Add tag «Hurtownia» to 2 clients?" in manager.text()
    await manager.click("Yes")
    await manager.click("Back to the list")
    await manager.click("Bulk actions")
    await manager.click("Add a tag")
    await manager.send("hurtownia")
    assert "Nobody in this list would change" in manager.text()
    assert not any("Yes" in b for b in manager.buttons())
    assert await Tag.filter(name_folded="hurtownia").count() == 1


async def test_block_of_a_filter_spares_staff_and_reports_a_moved_count(app: App) -> None:
    a = await make_client("Anna", source="instagram", telegram_id=21)
    await make_client("Boss", source="instagram", telegram_id=22, is_manager=True)
    manager = await staff(app)
    await open_list(manager)
    await manager.click("Filters")
    await manager.click("Source")
    await manager.click("instagram")
    await manager.click("Show the list")
    await manager.click("Bulk actions")
    await manager.click("^🚫 Block$")
    assert "Block 1 client?" in manager.text()
    late = await make_client("Late", source="instagram", telegram_id=23)  # meanwhile
    await manager.click("Yes")
    assert "Done: 2 clients changed." in manager.text()
    assert "1 were counted" in manager.text()
    blocked = await Client.filter(is_blocked=True).values_list("id", flat=True)
    assert sorted(blocked) == sorted([a.id, late.id])
    entry = await AuditEntry.get(action="bulk_block")
    assert entry.details["count"] == 2 and entry.details["filters"] == {"source": "instagram"}


async def test_broadcasts_off_then_on(app: App) -> None:
    await make_client("Anna", language_code="pl", telegram_id=31)
    manager = await staff(app)
    await open_list(manager)
    await manager.click("Bulk actions")
    await manager.click("Broadcasts off")
    assert "Turn broadcasts off for 2 clients?" in manager.text()  # Anna and the manager
    await manager.click("Yes")
    assert await Client.filter(broadcasts_off=True).count() == 2
    await manager.click("Back to the list")
    await manager.click("Bulk actions")
    await manager.click("Broadcasts on")
    await manager.click("Yes")
    assert await Client.filter(broadcasts_off=True).count() == 0


BULK_WIDGETS = [
    "bulk",
    "bulk_act:block",
    "bulk_act:tag_add",
    "bulk_act:broadcasts_off",
    "bulk_tag:1",
    "bulk_yes",
    "bulk_finish",
    "bulk_close",
]


async def test_a_viewer_sees_no_bulk_button_and_forged_presses_change_nothing(app: App) -> None:
    await make_tag("VIP")
    await make_client("Anna", telegram_id=41)
    viewer = await staff(app, viewer=True)
    await open_list(viewer)
    assert not any("Bulk actions" in b for b in viewer.buttons())
    assert any("Export" in b for b in viewer.buttons())
    intent = intent_of(viewer)
    for data in BULK_WIDGETS:
        await viewer.click_data(f"{intent}\x1d{data}")
        assert not any("Bulk actions" in (m.text or "") for m in viewer.shown()), data

    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    customer_intent = intent_of(customer)
    for data in BULK_WIDGETS:
        for forged_intent in (customer_intent, intent):
            await customer.click_data(f"{forged_intent}\x1d{data}")
            assert not any("Bulk" in (m.text or "") for m in customer.shown()), data
    assert await Client.filter(is_blocked=True).count() == 0
    assert await Client.filter(broadcasts_off=True).count() == 0
    assert await AuditEntry.filter(action__startswith="bulk_").count() == 0


async def test_a_manager_demoted_to_viewer_mid_dialog_cannot_confirm(app: App) -> None:
    await make_client("Anna", telegram_id=51)
    manager = await staff(app)
    await open_list(manager)
    await manager.click("Bulk actions")
    await manager.click("^🚫 Block$")
    screen = manager.screen()
    bulk_intent = intent_of(manager)
    await Client.filter(telegram_id=manager.id).update(is_manager=False, is_viewer=True)
    await manager.click_data(f"{bulk_intent}\x1dbulk_yes", screen)
    assert await Client.filter(is_blocked=True).count() == 0
    assert await AuditEntry.filter(action__startswith="bulk_").count() == 0
    assert not any(re.search("Done", m.text or "") for m in manager.shown())


async def test_the_count_is_exact_and_grouped_at_a_thousand_and_more(app: App) -> None:
    await Client.bulk_create(
        [Client(first_name=f"P{i}", sort_name=f"p{i}", source="promo") for i in range(1234)]
    )
    manager = await staff(app)
    await open_list(manager)
    await manager.click("Filters")
    await manager.click("Source")
    await manager.click("promo")
    await manager.click("Show the list")
    await manager.click("Bulk actions")
    await manager.click("Add a tag")
    await manager.send("VIP")
    assert "Add tag «VIP» to 1,234 clients?" in manager.text()
    await manager.click("Yes")
    assert "Done: 1,234 clients changed." in manager.text()
    vip = await Tag.get(name_folded="vip")
    assert await Client.filter(tags__id=vip.id).count() == 1234
    assert await AuditEntry.filter(action="bulk_tag_add").count() == 1
