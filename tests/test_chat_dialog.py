"""A manager and a client chat through the bot, as in Telegram: both ways, with media."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.methods import SendMessage, SendPhoto, SendVoice

from models import ChatMessage, ChatSession, Client
from tests.card_harness import make_staff, open_card, send_photo, start_card_app
from tests.chat_harness import got, mark, send_document, send_voice, texts
from tests.harness import OWNER_ID, App, Person


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


async def customer(app: App, name: str = "Anna") -> tuple[Person, Client]:
    person = app.person(first_name=name, last_name="Kowalska", username="anna_k")
    await person.send("/start")
    return person, await Client.get(telegram_id=person.id)


async def enter_chat_from_card(manager: Person, client: Client) -> None:
    await open_card(manager, client)
    await manager.click("Chat")
    assert f"Chat with {client.display_name}" in manager.text()


async def test_manager_and_client_exchange_text_and_photo_both_ways(app: App) -> None:
    owner = app.person(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    manager = await make_staff(app, "manager", "Marek")
    anna, client = await customer(app)
    await enter_chat_from_card(manager, client)
    assert "chat mode" in manager.text()

    since = mark(app)
    await manager.send("Hello <Anna>, your order is ready")
    [to_client] = got(app, anna, since)
    assert isinstance(to_client, SendMessage)
    assert to_client.text == "Hello <Anna>, your order is ready"
    assert to_client.parse_mode is None  # what the manager typed, not HTML
    assert "Delivered" in manager.text()

    since = mark(app)
    await send_photo(manager, caption="the parcel")
    [photo] = got(app, anna, since)
    assert isinstance(photo, SendPhoto) and (photo.photo, photo.caption) == ("photo", "the parcel")
    assert "Marek" not in (photo.caption or "")  # the client sees the shop, not the manager

    since = mark(app)
    await anna.send("Thanks! <3")
    [relayed] = got(app, manager, since)
    assert isinstance(relayed, SendMessage)
    assert "Anna Kowalska" in relayed.text and f"#{client.id}" in relayed.text
    assert "Thanks! &lt;3" in relayed.text and "anna_k" not in relayed.text
    assert got(app, owner, since) == []  # the manager in chat with her gets it, nobody else
    assert texts(app, anna, since) == [
        "✅ Your message has been sent to the shop. We will answer here."
    ]

    since = mark(app)
    await send_photo(anna, caption="is it this one?")
    [relayed_photo] = got(app, manager, since)
    assert isinstance(relayed_photo, SendPhoto) and relayed_photo.photo == "photo"
    assert "Anna Kowalska" in relayed_photo.caption and "is it this one?" in relayed_photo.caption

    history = await ChatMessage.filter(client_id=client.id).order_by("id")
    assert [(m.direction, m.kind, m.text) for m in history] == [
        ("outgoing", "text", "Hello <Anna>, your order is ready"),
        ("outgoing", "photo", "the parcel"),
        ("incoming", "text", "Thanks! <3"),
        ("incoming", "photo", "is it this one?"),
    ]
    manager_row = await Client.get(telegram_id=manager.id)
    assert all(m.manager_id == manager_row.id for m in history[:2])

    await manager.click("Chat history")
    text = manager.text()
    assert "page 1 of 1 (4 messages)" in text
    lines = [line for line in text.splitlines() if "🛍" in line or "👤" in line]
    assert [line.split(" ", 3)[-1] for line in lines] == [
        "Marek: Hello &lt;Anna&gt;, your order is ready",
        "Marek: 📷 [photo] the parcel",
        "Thanks! &lt;3",
        "📷 [photo] is it this one?",
    ]


async def test_document_and_voice_go_both_ways(app: App) -> None:
    manager = await make_staff(app, "manager")
    anna, client = await customer(app)
    await enter_chat_from_card(manager, client)
    since = mark(app)
    await send_voice(manager, "voice-1")
    await send_document(manager, "doc-1", caption="invoice")
    voice, document = got(app, anna, since)
    assert isinstance(voice, SendVoice) and voice.voice == "voice-1"
    assert (document.document, document.caption) == ("doc-1", "invoice")
    since = mark(app)
    await send_voice(anna, "voice-2")
    [relayed] = got(app, manager, since)
    assert isinstance(relayed, SendVoice) and relayed.voice == "voice-2"
    kinds = (
        await ChatMessage.filter(client_id=client.id).order_by("id").values_list("kind", flat=True)
    )
    assert kinds == ["voice", "document", "voice"]


async def test_with_nobody_in_chat_a_client_message_reaches_all_staff_with_buttons(
    app: App,
) -> None:
    owner = app.person(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    manager = await make_staff(app, "manager")
    viewer = await make_staff(app, "viewer", "Vera")
    anna, client = await customer(app)
    since = mark(app)
    await anna.send("Where is my parcel?")
    for person in (owner, manager):
        [relayed] = got(app, person, since)
        assert "Where is my parcel?" in relayed.text
        buttons = [b for row in relayed.reply_markup.inline_keyboard for b in row]
        assert [(b.text, b.callback_data) for b in buttons] == [
            ("💬 Reply", f"chat:open:{client.id}"),
            ("👤 Card", f"chat:card:{client.id}"),
        ]
    assert got(app, viewer, since) == []  # viewers are not on duty

    await manager.click_data(f"chat:open:{client.id}")
    assert f"Chat with {client.display_name}" in manager.text()
    assert "Where is my parcel?" in manager.text()  # the last messages
    manager_row = await Client.get(telegram_id=manager.id)
    assert await ChatSession.filter(manager_id=manager_row.id, client_id=client.id).exists()

    since = mark(app)
    await manager.send("On its way")
    assert texts(app, anna, since) == ["On its way"]

    await owner.click_data(f"chat:card:{client.id}")
    assert f"#{client.id}" in owner.text() and "💬 Chat" in owner.buttons()


async def test_leaving_chat_mode_sends_the_client_back_to_all_staff(app: App) -> None:
    owner = app.person(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    manager = await make_staff(app, "manager")
    anna, client = await customer(app)
    await enter_chat_from_card(manager, client)
    since = mark(app)
    await anna.send("first")
    assert got(app, owner, since) == [] and len(got(app, manager, since)) == 1

    await manager.click("Leave chat")
    assert not await ChatSession.exists()
    assert f"#{client.id}" in manager.text()  # back on the card
    since = mark(app)
    await anna.send("second")
    assert len(got(app, owner, since)) == 1 and len(got(app, manager, since)) == 1


async def test_the_client_list_chat_button_opens_the_chat(app: App) -> None:
    manager = await make_staff(app, "manager")
    _anna, client = await customer(app)
    await manager.send("/admin")
    await manager.click("Clients")
    buttons = [b for line in manager.screen().reply_markup.inline_keyboard for b in line]
    chats = [b for b in buttons if b.text == "💬" and f":{client.id}:" in (b.callback_data or "")]
    assert len(chats) == 1 and chats[0].url is None
    await manager.client.click(manager.screen(), _exact(chats[0].callback_data))
    assert f"Chat with {client.display_name}" in manager.text()


def _exact(callback_data: str):  # type: ignore[no-untyped-def]
    from aiogram_dialog.test_tools.keyboard import InlineButtonLocator

    class ByData(InlineButtonLocator):
        def find_button(self, message):  # type: ignore[no-untyped-def]
            for row in message.reply_markup.inline_keyboard:
                for button in row:
                    if button.callback_data == callback_data:
                        return button
            return None

    return ByData()


async def test_another_worker_relays_to_the_manager_in_chat(app: App) -> None:
    """Chat mode lives in the database: a second dispatcher (another worker, with its
    own FSM storage) sends the client's message to the manager in chat, not to all."""
    owner = app.person(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    manager = await make_staff(app, "manager")
    _, client = await customer(app)
    await enter_chat_from_card(manager, client)

    other = await start_card_app()
    try:
        anna_there = other.person(client.telegram_id, first_name="Anna", last_name="Kowalska")
        await anna_there.send("hello from worker two")
        recipients = [
            request.chat_id
            for request in other.bot.session.requests
            if isinstance(request, SendMessage) and "worker two" in request.text
        ]
        assert recipients == [manager.id]
    finally:
        await other.close()


@pytest.mark.parametrize("screen", ["Catalog", "My orders", "Favorites", "Addresses"])
async def test_text_typed_on_another_shop_screen_reaches_the_staff(app: App, screen: str) -> None:
    owner = app.person(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    anna, _ = await customer(app)
    await anna.click(screen)
    since = mark(app)
    await anna.send("Do you ship to Gdańsk?")
    [relayed] = got(app, owner, since)
    assert "Do you ship to Gdańsk?" in relayed.text
    assert await ChatMessage.filter(text="Do you ship to Gdańsk?").exists()
    assert any("sent to the shop" in text for text in texts(app, anna, since))
    since = mark(app)
    await anna.send("/stats")  # a command is not a message to the shop
    assert got(app, owner, since) == []
