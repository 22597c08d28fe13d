"""What the chat screens show; every staff member reads, editors send."""

from __future__ import annotations

import html
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.chat import ChatError, chat_client, history_page, latest_messages
from bot.services.roles import can_edit
from dialogs.access import require_staff_in, role_in
from models import ChatDirection, ChatMessage, ChatMessageKind

PAGE = "page"
NOTICE = "notice"
KIND_KEYS = {
    ChatMessageKind.PHOTO: "chat-kind-photo",
    ChatMessageKind.DOCUMENT: "chat-kind-document",
    ChatMessageKind.VOICE: "chat-kind-voice",
}


def chat_client_id(manager: DialogManager) -> int | None:
    data = manager.start_data if isinstance(manager.start_data, dict) else {}
    value = data.get("client_id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def message_line(message: ChatMessage, i18n: I18nContext) -> str:
    """One message of the history, HTML: when, from whom, what."""
    parts = []
    if message.kind in KIND_KEYS:
        parts.append(i18n.get(KIND_KEYS[message.kind]))
    if message.text:
        parts.append(html.escape(message.text))
    when = message.created_at.strftime("%Y-%m-%d %H:%M")
    if message.direction is ChatDirection.INCOMING:
        return i18n.get("chat-line-in", when=when, text=" ".join(parts))
    manager = message.manager.display_name if message.manager else "—"
    return i18n.get("chat-line-out", when=when, manager=html.escape(manager), text=" ".join(parts))


async def _client_facts(manager: DialogManager) -> dict[str, Any]:
    require_staff_in(manager)
    role = role_in(manager)
    client_id = chat_client_id(manager)
    try:
        client = await chat_client(role, client_id if client_id is not None else -1)
    except ChatError:
        return {"present": False, "gone": True, "can_send": False, "read_only": False}
    return {
        "present": True,
        "gone": False,
        "client": client.display_name,
        "client_id": client.id,
        "can_send": can_edit(role) and not client.bot_blocked,
        "read_only": not can_edit(role),
        "bot_blocked": client.bot_blocked,
    }


async def chat_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    facts = await _client_facts(dialog_manager)
    notice = dialog_manager.dialog_data.pop(NOTICE, None)
    facts.update(sent=notice == "sent", recent="", has_recent=False)
    if facts["present"]:
        i18n: I18nContext = dialog_manager.middleware_data["i18n"]
        recent = await latest_messages(role_in(dialog_manager), facts["client_id"])
        facts["recent"] = "\n".join(message_line(m, i18n) for m in recent)
        facts["has_recent"] = bool(recent)
    return facts


async def history_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    facts = await _client_facts(dialog_manager)
    facts.update(lines="", page=1, pages=1, total=0, has_prev=False, has_next=False)
    if not facts["present"]:
        return facts
    i18n: I18nContext = dialog_manager.middleware_data["i18n"]
    wanted = dialog_manager.dialog_data.get(PAGE)
    page = await history_page(
        role_in(dialog_manager), facts["client_id"], wanted if isinstance(wanted, int) else None
    )
    dialog_manager.dialog_data[PAGE] = page.page
    facts.update(
        lines="\n".join(message_line(m, i18n) for m in page.messages),
        page=page.page,
        pages=page.pages,
        total=page.total,
        has_prev=page.page > 1,
        has_next=page.page < page.pages,
    )
    return facts
