"""The broadcast dialog, typed and clicked through the harness as staff and customers would."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from aiogram.methods import EditMessageText, SendMessage

from bot.broadcast_runner import BroadcastSenders
from bot.services import broadcast as service
from models import AuditEntry, Broadcast, BroadcastDelivery, BroadcastStatus, Client, Setting, Tag
from tests.broadcast_data import make_clients, make_excluded, new_broadcast
from tests.harness import App, Person, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    await Setting.create(key=service.RATE_SETTING, value=1000)
    async with start_app() as app:
        yield app


def senders(app: App) -> BroadcastSenders:
    return app.dp["broadcast_senders"]


async def staff(app: App, flag: str, name: str) -> Person:
    person = app.person(first_name=name)
    await person.send("/start")
    await Client.filter(telegram_id=person.id).update(**{flag: True})
    await person.send("/admin")
    return person


async def test_a_manager_composes_picks_an_audience_previews_and_sends(app: App) -> None:
    polish = await make_clients(3, 710_000, language_code="pl")
    await make_clients(2, 720_000, language_code="ru")
    excluded = await make_excluded()
    await Client.filter(telegram_id__in=excluded).update(language_code="pl")
    vip = await Tag.create(name="VIP", name_folded="vip")
    for client in polish[:2]:
        await client.tags.add(vip)
    manager = await staff(app, "is_manager", "Marek")

    await manager.click("Broadcast")
    assert "No broadcast yet" in manager.text()
    await manager.click("New broadcast")
    assert "Send me the message" in manager.text()

    await manager.send("   ")  # nothing: stays, says why
    assert "Send a text or a photo" in manager.text()
    await manager.send("x" * 4097)
    assert "at most 4,096 characters" in manager.text()
    await manager.send("Spring sale: <b>-20%</b> & free delivery")
    assert "Who gets it?" in manager.text()
    assert "All clients" in manager.text()
    assert "Recipients: 6" in manager.text()  # 5 + the manager, never the excluded

    await manager.click("Language")
    assert "pl" in manager.buttons() and "ru" in manager.buttons()
    await manager.click("^pl$")
    assert "Language: pl" in manager.text() and "Recipients: 3" in manager.text()
    await manager.click("Tags")
    await manager.click("VIP")
    assert "✅ VIP" in manager.buttons()
    await manager.click("Done")
    assert "Tags (any of): VIP" in manager.text() and "Recipients: 2" in manager.text()

    await manager.click("Preview")
    assert manager.text() == "Spring sale: &lt;b&gt;-20%&lt;/b&gt; &amp; free delivery"
    assert "✅ Send to 2 clients" in manager.buttons()
    assert await Broadcast.all().count() == 0  # nothing until confirmed
    await manager.click("Send to 2 clients")
    assert "Send this message to 2 clients now?" in manager.text()
    await manager.click("Yes, send it")

    broadcast = await Broadcast.get()
    assert "Broadcast #" in manager.text() and "Total: 2" in manager.text()
    assert broadcast.segment["tag_ids"] == [vip.id] and broadcast.segment["language"] == "pl"
    assert broadcast.progress_chat_id == manager.id
    chats = await BroadcastDelivery.filter(broadcast=broadcast).values_list("chat_id", flat=True)
    assert sorted(chats) == sorted(c.telegram_id for c in polish[:2])
    assert await AuditEntry.filter(action="broadcast_started").count() == 1

    await senders(app).check()  # as the poke does
    assert await senders(app).task_of(broadcast.id) is BroadcastStatus.DONE
    sent = [r for r in app.bot.session.sent(SendMessage) if r.chat_id in chats]
    assert len(sent) == 2
    assert {r.text for r in sent} == {"Spring sale: &lt;b&gt;-20%&lt;/b&gt; &amp; free delivery"}
    progress = [
        r.text for r in app.bot.session.requests
        if isinstance(r, SendMessage | EditMessageText) and r.chat_id == manager.id
        and "Broadcast #" in (r.text or "")
    ]  # fmt: skip
    assert progress and "done" in progress[-1] and "Sent: 2" in progress[-1]

    await manager.click("Back")
    assert "done · ✅ 2 / 2" in " ".join(manager.buttons())


async def test_pause_resume_and_cancel_through_the_dialog(app: App) -> None:
    await senders(app).stop()  # this test drives the states, not the sending
    await make_clients(5)
    broadcast = await new_broadcast()
    manager = await staff(app, "is_manager", "Marek")
    await manager.click("Broadcast")
    await manager.click(f"#{broadcast.id}")
    assert "sending" in manager.text() and "Left: 5" in manager.text()

    await manager.click("Pause")
    assert (await Broadcast.get(id=broadcast.id)).status is BroadcastStatus.PAUSED
    assert "paused" in manager.text() and "Resume" in " ".join(manager.buttons())
    await manager.click("Resume")
    assert (await Broadcast.get(id=broadcast.id)).status is BroadcastStatus.RUNNING
    await manager.click("Cancel the broadcast")
    assert "Cancel broadcast" in manager.text() and "5 clients" in manager.text()
    await manager.click("Yes, cancel it")
    assert (await Broadcast.get(id=broadcast.id)).status is BroadcastStatus.CANCELLED
    assert "cancelled" in manager.text() and "Skipped: 5" in manager.text()
    assert not any("Resume" in b or "Pause" in b for b in manager.buttons())


async def test_a_viewer_sees_the_history_but_cannot_start_or_stop(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await senders(app).stop()
    await make_clients(3)
    broadcast = await new_broadcast()
    viewer = await staff(app, "is_viewer", "Vera")
    await viewer.click("Broadcast")
    assert "New broadcast" not in " ".join(viewer.buttons())
    history = viewer.screen()
    intent = history.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]

    with caplog.at_level(logging.WARNING):
        await viewer.click_data(f"{intent}\x1dnew", history)
    assert "Send me the message" not in viewer.text()
    await viewer.click(f"#{broadcast.id}")
    assert "sending" in viewer.text()
    assert not any(b.startswith(("⏸", "⛔")) for b in viewer.buttons())
    detail = viewer.screen()
    with caplog.at_level(logging.WARNING):
        await viewer.click_data(f"{intent}\x1dpause", detail)
        await viewer.click_data(f"{intent}\x1dask_cancel", detail)
    assert (await Broadcast.get(id=broadcast.id)).status is BroadcastStatus.RUNNING
    assert await Broadcast.all().count() == 1
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_a_customer_gets_nothing(app: App, caplog: pytest.LogCaptureFixture) -> None:
    await senders(app).stop()
    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    menu = customer.screen()
    intent = menu.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    with caplog.at_level(logging.WARNING):
        await customer.click_data(f"{intent}\x1dbroadcast", menu)
        await customer.click_data(f"{intent}\x1dnew", menu)
        await customer.click_data(f"{intent}\x1dsend", menu)
    assert "Broadcast" not in customer.text()
    assert await Broadcast.all().count() == 0
    await customer.send("/admin")
    assert "Broadcast" not in " ".join(customer.buttons())
