"""The chat over HTTP: the real runner and aiohttp session against the fake Bot API.

A client's document reaches the owner with the Reply button, the owner's answer reaches
the client as the bot's own message, and a client who blocked the bot (a real 403 on
the wire) is marked and reported to the owner.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.runner import serve
from models import ChatMessage, Client
from tests.fakes.bot_api import FakeBotAPI, Recorded
from tests.fakes.updates import callback_update, message_update
from tests.harness import OWNER_ID, make_settings

TOKEN = "4242:WIRE-token-for-shopdesk-tests"
# on PostgreSQL this test's database is not emptied first (the runner opens it): an id
# no other test uses keeps earlier tests' clients and chat sessions out of the way
CLIENT_ID = 7_000_601


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def to_chat(chat_id: int, containing: str = ""):  # type: ignore[no-untyped-def]
    def match(recorded: Recorded) -> bool:
        params = recorded.params
        text = str(params.get("text") or params.get("caption") or "")
        return params.get("chat_id") == chat_id and containing in text

    return match


async def test_a_client_and_the_owner_chat_over_the_wire(
    api: FakeBotAPI, database_url: str
) -> None:
    settings = make_settings(
        bot_token=TOKEN, telegram_api_url=api.base_url, database_url=database_url
    )
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop))
    try:
        api.push_update(message_update("/start", user_id=CLIENT_ID, first_name="Zofia"))
        await api.wait_for("sendMessage", to_chat(CLIENT_ID))

        since = len(api.requests)
        document = api.add_file(b"%PDF-1.4 order", "order.pdf")
        api.push_update(
            message_update(
                None, user_id=CLIENT_ID, first_name="Zofia", document=document, caption="my order"
            )
        )
        relayed = await api.wait_for("sendDocument", to_chat(OWNER_ID), since=since)
        assert relayed.params["document"] == document["file_id"]
        assert "Zofia" in relayed.params["caption"] and "my order" in relayed.params["caption"]
        await api.wait_for("sendMessage", to_chat(CLIENT_ID, "sent to the shop"), since=since)
        reply = relayed.result["reply_markup"]["inline_keyboard"][0][0]
        client = await Client.get(telegram_id=CLIENT_ID)
        assert reply["callback_data"] == f"chat:open:{client.id}"

        since = len(api.requests)
        api.push_update(
            callback_update(reply["callback_data"], user_id=OWNER_ID, message=relayed.result)
        )
        await api.wait_for("sendMessage", to_chat(OWNER_ID, "💬 <b>"), since=since)

        since = len(api.requests)
        api.push_update(message_update("Your order <ships> today", user_id=OWNER_ID))
        answer = await api.wait_for("sendMessage", to_chat(CLIENT_ID), since=since)
        assert answer.params["text"] == "Your order <ships> today"
        assert "parse_mode" not in answer.params  # sent as typed, not as HTML
        assert answer.result["from"]["is_bot"]

        api.blocked_chats.add(CLIENT_ID)
        since = len(api.requests)
        api.push_update(message_update("Are you there?", user_id=OWNER_ID))
        await api.wait_for("sendMessage", to_chat(OWNER_ID, "⛔"), since=since)
        assert (await Client.get(id=client.id)).bot_blocked
        texts = (
            await ChatMessage.filter(client_id=client.id)
            .order_by("id")
            .values_list("direction", "kind", "text")
        )
        assert texts == [
            ("incoming", "document", "my order"),
            ("outgoing", "text", "Your order <ships> today"),
        ]
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
