"""The chat service against the database: content rules, sessions, recipients, history."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.services.chat import (
    SESSION_TTL,
    ChatContent,
    ChatError,
    chat_partner_id,
    check_content,
    enter_chat,
    history_page,
    incoming_recipients,
    leave_chat,
    now_utc,
    receive_from_client,
    record_outgoing,
)
from bot.services.roles import AccessDenied, Role
from models import ChatMessage, ChatMessageKind, ChatSession, Client

OWNER = 900_001
TEXT = ChatMessageKind.TEXT


@pytest.fixture
async def people(db: None) -> tuple[Client, Client, Client]:
    owner = await Client.create(telegram_id=OWNER, first_name="Olga", locale="ru")
    manager = await Client.create(telegram_id=501, first_name="Marek", is_manager=True)
    anna = await Client.create(telegram_id=601, first_name="Anna")
    return owner, manager, anna


@pytest.mark.parametrize(
    ("kind", "text", "file_id", "key"),
    [
        ("text", "   ", None, "chat-empty"),
        ("text", "x" * 4097, None, "chat-too-long"),
        ("photo", "x" * 1025, "f", "chat-caption-too-long"),
        ("photo", None, None, "chat-unsupported"),
        ("sticker", None, "f", "chat-unsupported"),
        (None, None, None, "chat-unsupported"),
    ],
)
def test_bad_content_is_refused_with_a_reason(
    kind: str | None, text: str | None, file_id: str | None, key: str
) -> None:
    with pytest.raises(ChatError) as refused:
        check_content(kind, text, file_id)
    assert refused.value.key == key


def test_good_content_is_trimmed() -> None:
    assert check_content("text", "  hi  ", None) == ChatContent(TEXT, "hi")
    assert check_content("voice", "", "v1") == ChatContent(ChatMessageKind.VOICE, None, "v1")


async def test_with_nobody_in_chat_every_owner_and_manager_hears_the_client(people) -> None:
    _owner, _manager, anna = people
    await Client.create(telegram_id=701, first_name="Vera", is_viewer=True)
    recipients = await incoming_recipients(anna.id, {OWNER})
    assert [(r.telegram_id, r.locale, r.in_chat) for r in recipients] == [
        (501, None, False),
        (OWNER, "ru", False),
    ]


async def test_the_manager_in_chat_hears_the_client_alone(people) -> None:
    _owner, manager, anna = people
    await enter_chat(manager.id, Role.MANAGER, anna.id)
    assert await chat_partner_id(manager.id) == anna.id
    relay = await receive_from_client(anna, ChatContent(TEXT, "hi"), {OWNER})
    assert [(r.telegram_id, r.in_chat) for r in relay.recipients] == [(501, True)]
    assert (relay.client_id, relay.client_name) == (anna.id, "Anna")

    await leave_chat(manager.id)
    assert await chat_partner_id(manager.id) is None
    assert len(await incoming_recipients(anna.id, {OWNER})) == 2


async def test_a_stale_session_or_a_revoked_manager_no_longer_counts(people) -> None:
    _owner, manager, anna = people
    await enter_chat(manager.id, Role.MANAGER, anna.id)
    await ChatSession.filter(manager_id=manager.id).update(
        touched_at=now_utc() - SESSION_TTL - timedelta(minutes=1)
    )
    assert await chat_partner_id(manager.id) is None
    assert len(await incoming_recipients(anna.id, {OWNER})) == 2

    await enter_chat(manager.id, Role.MANAGER, anna.id)  # one session per manager
    assert await ChatSession.filter(manager_id=manager.id).count() == 1
    await Client.filter(id=manager.id).update(is_manager=False)
    assert [r.in_chat for r in await incoming_recipients(anna.id, {OWNER})] == [False]


async def test_only_editors_enter_chat_or_send(people) -> None:
    _, _, anna = people
    for role in (Role.CUSTOMER, Role.VIEWER):
        with pytest.raises(AccessDenied):
            await enter_chat(anna.id, role, anna.id)
        with pytest.raises(AccessDenied):
            await record_outgoing(anna.id, role, anna.id, ChatContent(TEXT, "x"))
    with pytest.raises(AccessDenied):
        await history_page(Role.CUSTOMER, anna.id)
    assert not await ChatSession.exists() and not await ChatMessage.exists()


async def test_nobody_chats_with_an_unreachable_client(people) -> None:
    _, manager, _ = people
    manual = await Client.create(first_name="Phone order", source="manual")
    with pytest.raises(ChatError):
        await enter_chat(manager.id, Role.MANAGER, manual.id)
    with pytest.raises(ChatError):
        await enter_chat(manager.id, Role.MANAGER, 99_999)


async def test_history_pages_ten_at_a_time_newest_last(people) -> None:
    _, manager, anna = people
    for n in range(23):
        if n % 2:
            await record_outgoing(manager.id, Role.MANAGER, anna.id, ChatContent(TEXT, f"m{n}"))
        else:
            await receive_from_client(anna, ChatContent(TEXT, f"m{n}"), {OWNER})
    newest = await history_page(Role.VIEWER, anna.id)
    assert (newest.page, newest.pages, newest.total) == (3, 3, 23)
    assert [m.text for m in newest.messages] == ["m20", "m21", "m22"]
    first = await history_page(Role.VIEWER, anna.id, 1)
    assert [m.text for m in first.messages] == [f"m{n}" for n in range(10)]
    assert first.messages[1].manager.display_name == "Marek"
    assert (await history_page(Role.VIEWER, anna.id, 99)).page == 3
    assert (await history_page(Role.VIEWER, anna.id, -5)).page == 1


async def test_entering_chat_marks_the_clients_messages_read(people) -> None:
    _, manager, anna = people
    await receive_from_client(anna, ChatContent(TEXT, "unread"), {OWNER})
    assert not (await ChatMessage.get()).is_read
    await enter_chat(manager.id, Role.MANAGER, anna.id)
    assert (await ChatMessage.get()).is_read
