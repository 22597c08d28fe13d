"""The chat screen: chat mode with one client, and its paged history."""

from __future__ import annotations

from aiogram.enums import ContentType
from aiogram.types import Message
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Row, SwitchTo
from aiogram_dialog.widgets.text import Const, Format

from dialogs.chat.getters import chat_getter, history_getter
from dialogs.chat.handlers import (
    on_chat_close,
    on_chat_start,
    on_leave,
    on_manager_message,
    on_page,
    to_history,
)
from dialogs.chat.states import ClientChat
from dialogs.widgets import Tr

CONTENT_TYPES = [ContentType.TEXT, ContentType.PHOTO, ContentType.DOCUMENT, ContentType.VOICE]


async def not_a_command(message: Message) -> bool:
    """/start, /admin... keep their meaning in chat mode."""
    return not (message.text or "").startswith("/")


def chat_window() -> Window:
    return Window(
        Tr("chat-header", when="present"),
        Tr("chat-client-gone", when="gone"),
        Tr("chat-mode-hint", when="can_send"),
        Tr("chat-read-only", when="read_only"),
        Tr("chat-blocked-bot-note", when="bot_blocked"),
        Tr("chat-recent", when="has_recent"),
        Format("{recent}", when="has_recent"),
        Tr("chat-sent", when="sent"),
        MessageInput(on_manager_message, filter=not_a_command),
        Button(Tr("chat-history"), id="history", on_click=to_history, when="present"),
        Button(Tr("chat-leave"), id="leave", on_click=on_leave),
        state=ClientChat.MAIN,
        getter=chat_getter,
    )


def history_window() -> Window:
    return Window(
        Tr("chat-history-header", when="present"),
        Tr("chat-client-gone", when="gone"),
        Tr("chat-history-empty", when=lambda data, *_: data["present"] and not data["total"]),
        Format("{lines}", when="lines"),
        Row(
            Button(Const("◀"), id="prev", on_click=on_page, when="has_prev"),
            Button(Const("▶"), id="next", on_click=on_page, when="has_next"),
        ),
        SwitchTo(Tr("chat-back"), id="back", state=ClientChat.MAIN),
        Button(Tr("chat-leave"), id="leave", on_click=on_leave),
        state=ClientChat.HISTORY,
        getter=history_getter,
    )


def chat_dialog() -> Dialog:
    return Dialog(chat_window(), history_window(), on_start=on_chat_start, on_close=on_chat_close)
