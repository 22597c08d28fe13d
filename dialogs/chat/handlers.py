"""Chat actions: every one re-checks the role; sending is for editors only."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.senders.chat import Delivery, deliver_to_client
from bot.services.chat import (
    ChatContent,
    ChatError,
    chat_client,
    check_content,
    client_blocked_bot,
    enter_chat,
    leave_chat,
    record_outgoing,
    sending_blocker,
)
from bot.services.roles import AccessDenied, can_edit
from dialogs.access import require_staff_in, role_in
from dialogs.chat.getters import NOTICE, PAGE, chat_client_id
from dialogs.chat.states import ClientChat
from dialogs.client_card.context import card_client_id
from models import ChatMessageKind, Client


def _me(manager: DialogManager) -> Client | None:
    return manager.middleware_data.get("client")


async def say(message: Message, manager: DialogManager, key: str) -> None:
    with suppress(TelegramAPIError, TelegramNetworkError):
        await message.answer(manager.middleware_data["i18n"].get(key))


async def start_chat(manager: DialogManager, client_id: int) -> None:
    require_staff_in(manager)
    await manager.start(ClientChat.MAIN, data={"client_id": client_id})


async def on_chat_start(start_data: Any, manager: DialogManager) -> None:
    """Chat mode begins with the screen: an editor's row says so to every worker."""
    me, client_id = _me(manager), chat_client_id(manager)
    if me is None or client_id is None or not can_edit(role_in(manager)):
        return
    with suppress(ChatError, AccessDenied):
        await enter_chat(me.id, role_in(manager), client_id)


async def on_chat_close(result: Any, manager: DialogManager) -> None:
    me = _me(manager)
    if me is not None:
        await leave_chat(me.id, chat_client_id(manager))


async def open_chat_from_list(
    callback: CallbackQuery, _w: object, manager: DialogManager, client_id: int
) -> None:
    """The 💬 beside a row of the client list."""
    require_staff_in(manager)
    if await Client.exists(id=client_id):
        await start_chat(manager, client_id)


async def open_chat_from_card(callback: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    client_id = card_client_id(manager)
    if client_id is not None:
        await start_chat(manager, client_id)


async def on_leave(callback: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    await manager.done()  # on_chat_close ends chat mode


async def on_page(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    page = manager.dialog_data.get(PAGE)
    page = page if isinstance(page, int) else 1
    manager.dialog_data[PAGE] = page + (1 if button.widget_id == "next" else -1)


async def to_history(callback: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    manager.dialog_data.pop(PAGE, None)  # the newest page first
    await manager.switch_to(ClientChat.HISTORY)


def content_of(message: Message) -> ChatContent:
    if message.photo:
        return check_content(ChatMessageKind.PHOTO, message.caption, message.photo[-1].file_id)
    if message.document:
        return check_content(ChatMessageKind.DOCUMENT, message.caption, message.document.file_id)
    if message.voice:
        return check_content(ChatMessageKind.VOICE, message.caption, message.voice.file_id)
    if message.text is not None:
        return check_content(ChatMessageKind.TEXT, message.text, None)
    return check_content(None, None, None)


async def on_manager_message(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    """What the manager sends in chat mode goes to the client from the bot."""
    require_staff_in(manager)
    role, client_id = role_in(manager), chat_client_id(manager)
    if not can_edit(role):
        await say(message, manager, "chat-viewer-read-only")
        return
    try:
        client = await chat_client(role, client_id if client_id is not None else -1)
        content = content_of(message)
    except ChatError as refused:
        await say(message, manager, refused.key)
        return
    if blocker := sending_blocker(client):
        await say(message, manager, blocker)
        return
    await _deliver(message, manager, client, content)


async def _deliver(
    message: Message, manager: DialogManager, client: Client, content: ChatContent
) -> None:
    assert client.telegram_id is not None  # chat_client refuses clients without one
    delivery, sent_id = await deliver_to_client(message.bot, client.telegram_id, content)
    if delivery is Delivery.BLOCKED:
        await client_blocked_bot(client)
        await say(message, manager, "chat-client-blocked-bot")
        return
    if delivery is Delivery.FAILED:
        await say(message, manager, "chat-send-failed")
        return
    me = _me(manager)
    await record_outgoing(me.id if me else None, role_in(manager), client.id, content, sent_id)
    if me is not None:  # a message after the session lapsed: chat mode again
        with suppress(ChatError, AccessDenied):
            await enter_chat(me.id, role_in(manager), client.id)
    manager.dialog_data[NOTICE] = "sent"
