"""Who may chat: a customer never enters chat mode (forged buttons, deep links, the card's
button); a viewer reads the history but sends nothing; a client who blocked the bot is
marked and not retried."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import SendMessage

from models import ChatMessage, ChatSession, Client
from tests.card_harness import OPENED, forge, make_staff, open_card, start_card_app
from tests.chat_harness import got, mark, texts
from tests.harness import App, Person


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


async def customer(app: App, name: str = "Anna") -> tuple[Person, Client]:
    person = app.person(first_name=name)
    await person.send("/start")
    return person, await Client.get(telegram_id=person.id)


async def test_a_customer_cannot_enter_chat_mode_with_anyone(app: App) -> None:
    manager = await make_staff(app, "manager")
    anna_person, anna = await customer(app)
    mallory, mallory_row = await customer(app, "Mallory")

    for data in (f"chat:open:{anna.id}", f"chat:card:{anna.id}"):
        await mallory.click_data(data)
        assert "Chat with" not in mallory.text() and f"#{anna.id}" not in mallory.text()
    await mallory.send(f"/start chat_{anna.id}")
    await mallory.send(f"/start chat:open:{anna.id}")
    # the card's chat button and the chat screen's buttons, forged on a card context
    await open_card(mallory, anna)
    for data in ("chat", "history", "leave"):
        await forge(mallory, data)
    assert OPENED[mallory.id]
    assert not await ChatSession.exists()

    # what Mallory types afterwards is her own message to the shop, never to Anna
    since = mark(app)
    await mallory.send("hi Anna")
    assert got(app, anna_person, since) == []
    assert any("hi Anna" in t for t in texts(app, manager, since))
    stored = await ChatMessage.filter(text="hi Anna").values_list("client_id", "direction")
    assert stored == [(mallory_row.id, "incoming")]


async def test_a_viewer_reads_the_history_but_cannot_send(app: App) -> None:
    viewer = await make_staff(app, "viewer", "Vera")
    anna, client = await customer(app)
    await anna.send("hello shop")
    await open_card(viewer, client)
    await viewer.click("Chat")
    assert "Read-only" in viewer.text() and "hello shop" in viewer.text()
    assert not await ChatSession.exists()  # a viewer is never "in chat" with anyone

    since = mark(app)
    await viewer.send("I should not be able to say this")
    assert got(app, anna, since) == []
    assert viewer.plain_texts() == ["Viewers cannot write to clients: the message was not sent."]
    assert await ChatMessage.filter(direction="outgoing").count() == 0

    await viewer.click("Chat history")
    assert "hello shop" in viewer.text() and "page 1 of 1" in viewer.text()


async def test_a_client_who_blocked_the_bot_is_marked_and_not_retried(app: App) -> None:
    manager = await make_staff(app, "manager")
    anna, client = await customer(app)
    await open_card(manager, client)
    await manager.click("Chat")

    app.bot.session.fail_next(SendMessage, TelegramForbiddenError)
    since = mark(app)
    await manager.send("are you there?")
    assert manager.plain_texts() == [
        "⛔ The client has blocked the bot: the message was not delivered. "
        "They are marked “bot blocked”."
    ]
    assert (await Client.get(id=client.id)).bot_blocked
    assert await ChatMessage.filter(direction="outgoing").count() == 0
    attempts = [r for r in app.bot.session.requests[since:] if getattr(r, "chat_id", 0) == anna.id]
    assert len(attempts) == 1

    since = mark(app)
    await manager.send("hello?")  # not tried again: Telegram is not asked
    assert got(app, anna, since) == []
    assert "blocked the bot" in manager.plain_texts()[0]

    # the client writes again: unblocked, and the manager in chat hears them
    await anna.send("sorry, back now")
    assert not (await Client.get(id=client.id)).bot_blocked
    since = mark(app)
    await manager.send("welcome back")
    assert texts(app, anna, since) == ["welcome back"]
