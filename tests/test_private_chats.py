"""The bot works in private chats: in a group it stores nothing and points people to a DM."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from aiogram.types import Chat, InlineQuery, Message, Update, User

from bot.app import build_dispatcher
from models import Client
from tests.harness import OWNER_ID, App, make_settings, start_app

GROUP_ID = -100_500
WRITE_PRIVATELY = "Please write to me in a private chat: open my profile and press Start."


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


@pytest.mark.parametrize("chat_type", ["group", "supergroup"])
@pytest.mark.parametrize(
    "command", ["/start", "/admin", "/start ref_abc", "/admin@shopdesk_test_bot"]
)
async def test_commands_in_a_group_get_one_line_and_store_nothing(
    app: App, chat_type: str, command: str
) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga", chat_id=GROUP_ID, chat_type=chat_type)

    await owner.send(command)

    assert owner.plain_texts() == [WRITE_PRIVATELY]
    assert [type(r).__name__ for r in owner.requests() if type(r).__name__ != "GetMe"] == [
        "SendMessage"
    ]
    assert app.messages.sent_messages == []  # no dialog, no desk in the group
    assert await Client.all().count() == 0


async def test_other_group_messages_are_ignored_silently(app: App) -> None:
    member = app.person(first_name="Kasia", chat_id=GROUP_ID, chat_type="supergroup")
    await member.send("hello everybody")
    await member.send("/menu")
    assert member.requests() == []
    assert await Client.all().count() == 0


async def test_the_same_person_in_private_is_a_client(app: App) -> None:
    in_group = app.person(user_id=4242, first_name="Kasia", chat_id=GROUP_ID, chat_type="group")
    await in_group.send("/start")
    in_private = app.person(user_id=4242, first_name="Kasia")
    await in_private.send("/start")
    assert "Hello, Kasia!" in in_private.text()
    assert await Client.filter(telegram_id=4242).count() == 1


async def test_a_button_pressed_in_a_group_is_answered_without_data(app: App) -> None:
    member = app.person(first_name="Kasia", chat_id=GROUP_ID, chat_type="group")
    message = Message(
        message_id=7,
        date=datetime.now(UTC),
        chat=Chat(id=GROUP_ID, type="group"),
        text="a forwarded menu",
    )
    callback_id = await member.click_data("abc\x1ddesk", message)
    assert [(a.text, a.show_alert) for a in member.answers(callback_id)] == [(None, None)]
    assert app.messages.sent_messages == []
    assert await Client.all().count() == 0


async def test_an_inline_query_loads_but_never_creates_a_client(app: App) -> None:
    stranger = User(id=5151, is_bot=False, first_name="Stranger")
    query = InlineQuery(id="1", from_user=stranger, query="ivan", offset="")
    await app.dp.feed_update(app.bot, Update(update_id=1, inline_query=query))
    assert await Client.all().count() == 0


async def test_a_business_message_creates_no_client(app: App) -> None:
    customer = User(id=6161, is_bot=False, first_name="Biz")
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=Chat(id=6161, type="private"),
        from_user=customer,
        text="/start",
        business_connection_id="conn-1",
    )
    await app.dp.feed_update(app.bot, Update(update_id=2, business_message=message))
    assert await Client.all().count() == 0


def test_business_updates_are_not_requested() -> None:
    used = build_dispatcher(make_settings()).resolve_used_update_types()
    assert "message" in used and "callback_query" in used
    assert not [kind for kind in used if kind.startswith("business") or "business" in kind]


async def test_a_forged_button_under_a_private_message_still_works(app: App) -> None:
    anna = app.person(first_name="Anna")
    await anna.send("/start")
    callback_id = await anna.click_data("garbage", anna.screen())
    assert len(anna.answers(callback_id)) == 1
