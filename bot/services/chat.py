"""The chat between a client and the managers: what is kept, and who hears what.

Plain values only: the Telegram side (`bot.senders.chat`) delivers what this decides.
A manager in chat mode has a `ChatSession` row, so every worker relays the client's
messages to that manager; with nobody in chat, they go to every owner and manager.
A session not touched for `SESSION_TTL` no longer counts (a manager who closed the
desk another way than "Leave chat" does not swallow the client's messages forever).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.services.notices import language_of, mark_bot_blocked, staff_recipients
from bot.services.roles import EDITOR_ROLES, Role, require_editor, require_staff, role_of
from models import ChatDirection, ChatMessage, ChatMessageKind, ChatSession, Client

SESSION_TTL = timedelta(hours=1)
PAGE_SIZE = 10
MAX_TEXT = 4096
MAX_CAPTION = 1024


class ChatError(ValueError):
    """Refused: `key` is the Fluent key that says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class ChatContent:
    kind: ChatMessageKind
    text: str | None = None  # the text, or a media's caption
    file_id: str | None = None


@dataclass(frozen=True)
class Recipient:
    telegram_id: int
    locale: str | None
    in_chat: bool  # in chat mode with this client (else: told as one of all the staff)


@dataclass(frozen=True)
class Relay:
    """A client's message, stored, and the staff who should see it."""

    client_id: int
    client_name: str
    content: ChatContent
    recipients: list[Recipient]


@dataclass(frozen=True)
class HistoryPage:
    messages: list[ChatMessage]
    page: int
    pages: int
    total: int


def now_utc() -> datetime:
    return datetime.now(UTC)


def check_content(kind: str | None, text: str | None, file_id: str | None) -> ChatContent:
    """What a message may carry into the chat: text, photo, document or voice."""
    if kind not in ChatMessageKind.__members__.values():
        raise ChatError("chat-unsupported")
    kind = ChatMessageKind(kind)
    text = (text or "").strip() or None
    if kind is ChatMessageKind.TEXT:
        if text is None:
            raise ChatError("chat-empty")
        if len(text) > MAX_TEXT:
            raise ChatError("chat-too-long")
        return ChatContent(kind, text)
    if not file_id:
        raise ChatError("chat-unsupported")
    if text is not None and len(text) > MAX_CAPTION:
        raise ChatError("chat-caption-too-long")
    return ChatContent(kind, text, file_id)


async def chat_client(role: Role, client_id: int) -> Client:
    """The client a staff member may chat with: one who can be reached in Telegram."""
    require_staff(role)
    client = await Client.get_or_none(id=client_id)
    if client is None or client.anonymized_at is not None or client.telegram_id is None:
        raise ChatError("chat-client-gone")
    return client


async def enter_chat(manager_id: int, role: Role, client_id: int) -> Client:
    """Chat mode: the client's messages now come to this manager (editors only)."""
    require_editor(role)
    client = await chat_client(role, client_id)
    await ChatSession.update_or_create(
        manager_id=manager_id, defaults={"client_id": client.id, "touched_at": now_utc()}
    )
    await ChatMessage.filter(
        client_id=client.id, direction=ChatDirection.INCOMING, is_read=False
    ).update(is_read=True)
    return client


async def leave_chat(manager_id: int, client_id: int | None = None) -> None:
    """Out of chat mode (with `client_id`: only if still with that client)."""
    query = ChatSession.filter(manager_id=manager_id)
    if client_id is not None:
        query = query.filter(client_id=client_id)
    await query.delete()


async def chat_partner_id(manager_id: int) -> int | None:
    """The client this manager is in chat mode with now, if any."""
    session = await ChatSession.get_or_none(
        manager_id=manager_id, touched_at__gte=now_utc() - SESSION_TTL
    )
    return session.client_id if session else None


async def record_outgoing(
    manager_id: int | None,
    role: Role,
    client_id: int,
    content: ChatContent,
    telegram_message_id: int | None = None,
) -> ChatMessage:
    """A manager's message that reached the client; the manager's session is refreshed."""
    require_editor(role)
    message = await ChatMessage.create(
        client_id=client_id,
        direction=ChatDirection.OUTGOING,
        manager_id=manager_id,
        kind=content.kind,
        text=content.text,
        file_id=content.file_id,
        telegram_message_id=telegram_message_id,
        is_read=True,
    )
    if manager_id is not None:
        await ChatSession.filter(manager_id=manager_id, client_id=client_id).update(
            touched_at=now_utc()
        )
    return message


def sending_blocker(client: Client) -> str | None:
    """Why a message to this client would not be sent at all (a Fluent key), or None."""
    if client.bot_blocked:
        return "chat-client-blocked-bot"
    return None


async def client_blocked_bot(client: Client) -> None:
    """Telegram answered 403: marked, and no more sending until they write again."""
    if client.telegram_id is not None:
        await mark_bot_blocked(client.telegram_id)
    client.bot_blocked = True


async def receive_from_client(
    client: Client,
    content: ChatContent,
    owner_ids: Collection[int],
    telegram_message_id: int | None = None,
) -> Relay:
    """Stores the client's message; says who should see it."""
    await ChatMessage.create(
        client_id=client.id,
        direction=ChatDirection.INCOMING,
        kind=content.kind,
        text=content.text,
        file_id=content.file_id,
        telegram_message_id=telegram_message_id,
    )
    return Relay(
        client.id, client.display_name, content, await incoming_recipients(client.id, owner_ids)
    )


async def incoming_recipients(client_id: int, owner_ids: Collection[int]) -> list[Recipient]:
    """The managers in chat mode with the client; when none, every owner and manager."""
    sessions = await ChatSession.filter(
        client_id=client_id, touched_at__gte=now_utc() - SESSION_TTL
    ).prefetch_related("manager")
    chatting = [
        Recipient(s.manager.telegram_id, language_of(s.manager), in_chat=True)
        for s in sessions
        if _reachable_editor(s.manager, owner_ids)
    ]
    if chatting:
        return chatting
    return [
        Recipient(telegram_id, locale, in_chat=False)
        for telegram_id, locale in await staff_recipients(owner_ids)
    ]


def _reachable_editor(manager: Client, owner_ids: Collection[int]) -> bool:
    return (
        manager.telegram_id is not None
        and not manager.bot_blocked
        and role_of(manager, owner_ids) in EDITOR_ROLES
    )


async def history_page(role: Role, client_id: int, page: int | None = None) -> HistoryPage:
    """`PAGE_SIZE` messages, oldest first on the page; `page` None is the newest page."""
    require_staff(role)
    query = ChatMessage.filter(client_id=client_id)
    total = await query.count()
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = pages if page is None else min(max(1, page), pages)
    messages = (
        await query.order_by("created_at", "id")
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .prefetch_related("manager")
    )
    return HistoryPage(list(messages), page, pages, total)


async def latest_messages(role: Role, client_id: int, count: int = 3) -> list[ChatMessage]:
    require_staff(role)
    newest = (
        await ChatMessage.filter(client_id=client_id)
        .order_by("-created_at", "-id")
        .limit(count)
        .prefetch_related("manager")
    )
    return list(reversed(newest))
