"""A manager drives the client list by typing and clicking, as in Telegram."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator

import pytest
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

from bot.app import build_dispatcher
from bot.services.overview import forget_overview
from models import Client, SavedSegment
from tests.client_list_data import crowd, make_client, make_tag
from tests.fakes.recording_bot import recording_bot
from tests.harness import TEST_TOKEN, AnsweringMessageManager, App, Person, make_settings


def card_title(client: Client) -> str:
    """The first line of the real client card."""
    return f"👤 <b>{client.display_name}</b> · #{client.id}"


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    """`start_app()` with a message manager that answers button presses."""
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


ROW = re.compile(r"^<b>\d+\.</b> (.*)$", re.M)
MARKERS = re.compile(r" [🚫🔕⭐👁🕶⛔]+$")


def listed(person: Person) -> list[str]:
    """The names of the rows the page text shows, in order."""
    return [MARKERS.sub("", row).split(" · ")[0] for row in ROW.findall(person.text())]


async def open_list(person: Person) -> None:
    await person.send("/admin")
    await person.click("Clients")


async def test_manager_pages_forward_and_back_with_page_k_of_n(app: App) -> None:
    await crowd(27)
    manager = await staff(app)
    await manager.send("/admin")
    assert re.search(r"as of \d\d:\d\d UTC", manager.text())
    await manager.click("Clients")

    assert "Clients</b>: 28" in manager.text()  # 27 and the manager
    assert "Page 1 of 3" in manager.text()
    first = listed(manager)
    assert first[0] == "Marta Manager" and first[1:] == [
        f"Person{i:02d}" for i in range(26, 17, -1)
    ]
    assert "◀" not in manager.buttons()
    await manager.click("^▶$")
    assert "Page 2 of 3" in manager.text()
    assert listed(manager) == [f"Person{i:02d}" for i in range(17, 7, -1)]
    await manager.click("^▶$")
    assert "Page 3 of 3" in manager.text()
    assert listed(manager) == [f"Person{i:02d}" for i in range(7, -1, -1)]
    assert "▶" not in manager.buttons()
    await manager.click("^◀$")
    assert "Page 2 of 3" in manager.text()
    assert listed(manager) == [f"Person{i:02d}" for i in range(17, 7, -1)]
    await manager.click("^◀$")
    assert listed(manager) == first
    assert "Page 1 of 3" in manager.text()


async def test_rows_show_seed_003_columns_and_a_chat_link(app: App) -> None:
    client = await make_client(
        "Zofia",
        username="zosia",
        locale="pl",
        is_blocked=True,
        source="instagram",
        telegram_id=4242,
        orders_count=3,
        total_spent=__import__("decimal").Decimal("120.50"),
    )
    from tests.client_list_data import add_address

    await add_address(client, "Łódź", "Piotrkowska 2")
    manager = await staff(app)
    await open_list(manager)

    text = manager.text()
    assert "Zofia · @zosia · pl 🚫" in text
    assert client.created_at.date().isoformat() in text
    assert "🛒 3" in text and "$120.50" in text and "instagram" in text
    assert "Łódź, Piotrkowska 2" in text
    row = manager.button("Zofia")
    assert row.callback_data
    chat = manager.screen().reply_markup.inline_keyboard
    chat_buttons = [b for line in chat for b in line if b.text == "💬"]
    assert chat_buttons and all(b.callback_data and b.url is None for b in chat_buttons)


async def test_manager_sorts_each_way(app: App) -> None:
    await crowd(12)
    manager = await staff(app)
    await open_list(manager)
    await manager.click("Sort")
    await manager.click("name ↑")
    assert "sorted by name ↑" in manager.text()
    assert listed(manager) == ["Marta Manager", *[f"Person{i:02d}" for i in range(9)]]
    await manager.click("Sort")
    await manager.click("orders count ↓")
    orders = [int(m) for m in re.findall(r"🛒 (\d+)", manager.text())]
    assert orders == sorted(orders, reverse=True) and len(orders) == 10


async def test_manager_filters_combines_and_resets(app: App) -> None:
    vip = await make_tag("VIP")
    await make_client("Ann", tags=(vip,), source="instagram", orders_count=2, language_code="pl")
    await make_client("Bob", tags=(vip,), source="instagram", is_blocked=True)
    await make_client("Cy", source="facebook", orders_count=1, language_code="pl")
    manager = await staff(app)
    await open_list(manager)

    await manager.click("Filters")
    await manager.click("Tags")
    await manager.click("VIP")
    assert "✅ VIP" in manager.buttons()
    await manager.click("Back")
    assert "🏷 VIP" in manager.text()
    await manager.click("Source")
    await manager.click("instagram")
    await manager.click("Orders: any")
    assert "🛒 Orders: has orders" in manager.buttons()
    await manager.click("Show the list")
    assert listed(manager) == ["Ann"]
    assert "🏷 VIP · 📥 instagram · 🛒 has orders" in manager.text()
    assert "Clients</b>: 1" in manager.text()

    await manager.click("Reset")
    assert sorted(listed(manager)) == ["Ann", "Bob", "Cy", "Marta Manager"]
    await manager.click("Filters")
    await manager.click("Flags")
    await manager.click("blocked$")
    await manager.click("Back")
    await manager.click("Language")
    await manager.click("^pl$")
    assert "🚫 blocked · 🌐 pl" in manager.text()
    await manager.click("Show the list")
    assert listed(manager) == []
    assert "Nobody matches" in manager.text()
    await manager.click("Filters")
    await manager.click("Registered within")
    await manager.click("^7 days$")
    assert "registered in the last 7 days" in manager.text()


async def test_manager_searches_and_the_search_keeps_filters(app: App) -> None:
    await make_client("ёжик", last_name="Колючий", is_blocked=True)
    await make_client("Łukasz", last_name="Łódź")
    await make_client("Phil", phone="+48601234567", username="phil_user")
    manager = await staff(app)
    await open_list(manager)

    await manager.send("ЁЖИК")
    assert listed(manager) == ["ёжик Колючий"]
    assert "«ЁЖИК»" in manager.text()
    await manager.send("lodz")
    assert listed(manager) == ["Łukasz Łódź"]
    await manager.send("+48 601-234-567")
    assert listed(manager) == ["Phil"]
    await manager.send("@phil_u")
    assert listed(manager) == ["Phil"]
    await manager.send("%_'\\")
    assert listed(manager) == []
    await manager.send("<b>R&D</b>")
    assert "«&lt;b&gt;R&amp;D&lt;/b&gt;»" in manager.text()
    await manager.send("x" * 65)
    assert manager.plain_texts() == [
        "The search text is too long (64 characters at most). Try a shorter one."
    ]

    await manager.send("ЁЖИК")
    await manager.click("Filters")
    await manager.click("Flags")
    await manager.click("bot$")  # blocked the bot: ёжик did not
    await manager.click("Back")
    await manager.click("Show the list")
    assert listed(manager) == []
    await manager.click("Reset")
    assert len(listed(manager)) == 4


async def test_a_row_opens_the_card(app: App) -> None:
    client = await make_client("Karol")
    manager = await staff(app)
    await open_list(manager)
    await manager.click("^Karol")
    assert manager.text().startswith(card_title(client))


async def test_manager_saves_a_segment_and_reuses_it(app: App) -> None:
    vip = await make_tag("VIP")
    await make_client("Ann", tags=(vip,))
    await make_client("Bob")
    manager = await staff(app)
    await open_list(manager)
    await manager.click("Filters")
    await manager.click("Tags")
    await manager.click("VIP")
    await manager.click("Back")
    await manager.click("Save as segment")
    await manager.send("x" * 65)
    assert manager.plain_texts() == ["A segment name is 1 to 64 characters. Send another name."]
    await manager.send("Big spenders")
    assert "Big spenders (1)" in manager.buttons()
    segment = await SavedSegment.get(name="Big spenders")
    assert segment.filters == {"tag_ids": [vip.id]}

    await manager.click("Back")
    await manager.click("Reset")
    assert len(listed(manager)) == 3
    await make_client("Cy", tags=(vip,))
    await manager.click("Segments")
    assert "Big spenders (2)" in manager.buttons()  # the live count
    await manager.click("Big spenders")
    assert sorted(listed(manager)) == ["Ann", "Cy"]

    await manager.click("Segments")
    await manager.click("✖")
    assert not await SavedSegment.exists(name="Big spenders")


async def test_a_viewer_reads_the_list_but_saves_no_segment(app: App) -> None:
    await make_client("Ann")
    await SavedSegment.create(name="Everyone", filters={})
    viewer = await staff(app, viewer=True)
    await open_list(viewer)
    assert "Ann" in listed(viewer)
    await viewer.click("Filters")
    assert not any("Save as segment" in b for b in viewer.buttons())
    await viewer.click("Flags")
    await viewer.click("blocked$")
    await viewer.click("Back")
    assert not any("Save as segment" in b for b in viewer.buttons())
    intent = viewer.screen().reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    await viewer.click_data(f"{intent}\x1dsave_seg")
    await viewer.send("Mine")
    assert not await SavedSegment.exists(name="Mine")
    await viewer.click("Show the list")
    await viewer.click("Segments")
    assert "✖" not in viewer.buttons()
    segment = await SavedSegment.get(name="Everyone")
    await viewer.click_data(f"{intent}\x1dsegs:{segment.id}:seg_del")
    assert await SavedSegment.exists(id=segment.id)


LIST_WIDGETS = [
    "prev",
    "next",
    "sort",
    "filters",
    "segments",
    "reset",
    "close",
    "back_main",
    "f_tags",
    "f_flags",
    "f_source",
    "f_lang",
    "f_orders",
    "registered",
    "active",
    "save_seg",
    "f_reset",
    "back_filters",
]


async def test_forged_list_callbacks_change_nothing_and_show_nothing(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    vip = await make_tag("VIP")
    client = await make_client("Ann", tags=(vip,))
    segment = await SavedSegment.create(name="Everyone", filters={})
    manager = await staff(app)
    await open_list(manager)
    intent = manager.screen().reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    forged = [
        *LIST_WIDGETS,
        f"rows:{client.id}:open",
        f"rows:{client.id}:chat",
        "sort_by:name-asc",
        f"tag:{vip.id}",
        "flag:blocked",
        "src:0",
        "lang:0",
        "period:7",
        f"segs:{segment.id}:seg",
        f"segs:{segment.id}:seg_del",
    ]
    screen = manager.screen()
    await Client.filter(telegram_id=manager.id).update(is_manager=False)  # revoked
    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    customer_screen = customer.screen()
    customer_intent = customer_screen.reply_markup.inline_keyboard[0][0].callback_data
    customer_intent = customer_intent.split("\x1d")[0]

    with caplog.at_level(logging.WARNING):
        for data in forged:
            await manager.click_data(f"{intent}\x1d{data}", screen)
            assert manager.shown() == [], data
            for forged_intent in (customer_intent, intent):
                await customer.click_data(f"{forged_intent}\x1d{data}", customer_screen)
                texts = [m.text or "" for m in customer.shown()]
                assert not any("Ann" in t or "Clients</b>" in t for t in texts), data
    assert await SavedSegment.exists(id=segment.id)
    assert await SavedSegment.all().count() == 1
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_admin_in_a_group_shows_no_client_data(app: App) -> None:
    await make_client("Ann", phone="+48601234567")
    manager = await staff(app)
    in_group = app.person(user_id=manager.id, chat_id=-100500, chat_type="group")
    await in_group.send("/admin")
    shown = [m.text or "" for m in in_group.shown()]
    sent = [getattr(r, "text", "") or "" for r in in_group.requests()]
    assert sent  # the line asking to write privately
    assert not any("Clients" in t or "Ann" in t or "601" in t for t in shown + sent)
