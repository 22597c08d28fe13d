"""The chat, outside the chat screen: a client's messages reach the staff, and the staff's
buttons under them open the chat or the card.

A customer's free message (no dialog input took it: the main menu, or no dialog at all)
goes to the shop chat, and they are told it was delivered. Staff are not relayed: their
stray text keeps the usual answers.
"""

from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.filters import OnLoop, in_private_chat
from bot.senders.chat import CHAT_BUTTON_PREFIX, OPEN_CARD, OPEN_CHAT, relay_to_staff
from bot.services.chat import ChatContent, ChatError, receive_from_client
from bot.services.roles import Role, is_staff
from dialogs.chat.handlers import content_of
from dialogs.chat.states import ClientChat
from dialogs.client_card.states import ClientCard
from dialogs.desk.states import DeskMenu
from dialogs.shop.states import MainMenu
from models import Client


async def relay_client_content(
    bot: Bot,
    i18n: I18nContext,
    settings: Settings,
    client: Client,
    content: ChatContent,
    telegram_message_id: int | None,
) -> None:
    """Stores the client's message and sends it to the staff who should see it."""
    relay = await receive_from_client(client, content, settings.admin_ids, telegram_message_id)
    await relay_to_staff(bot, i18n.core, relay, settings.default_locale)


async def client_writes(
    message: Message, i18n: I18nContext, settings: Settings, client: Client
) -> None:
    """A customer's free message into the shop chat; they are told it was delivered."""
    try:
        content = content_of(message)
    except ChatError as refused:
        await _say(message, i18n.get(refused.key))
        return
    await relay_client_content(message.bot, i18n, settings, client, content, message.message_id)
    await _say(message, i18n.get("chat-delivered"))


async def _say(message: Message, text: str) -> None:
    with suppress(TelegramAPIError, TelegramNetworkError):
        await message.answer(text)


async def on_free_message(
    message: Message,
    i18n: I18nContext,
    settings: Settings,
    client: Client,
    dialog_manager: DialogManager,
) -> None:
    await client_writes(message, i18n, settings, client)
    await dialog_manager.start(MainMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def _customer_free_message(message: Message, role: Role = Role.CUSTOMER) -> bool:
    text = message.text or ""
    return not is_staff(role) and not text.startswith("/")


async def on_open(callback: CallbackQuery, dialog_manager: DialogManager) -> None:
    """Reply / Card under a relayed message: the desk, with the chat or the card on top."""
    prefix = OPEN_CHAT if callback.data.startswith(OPEN_CHAT) else OPEN_CARD
    raw = callback.data.removeprefix(prefix)
    if not raw.isdigit() or not await Client.exists(id=int(raw), anonymized_at=None):
        with suppress(TelegramAPIError, TelegramNetworkError):
            await callback.answer()
        return
    state = ClientChat.MAIN if prefix == OPEN_CHAT else ClientCard.MAIN
    await dialog_manager.start(
        DeskMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.NO_UPDATE
    )
    await dialog_manager.start(state, data={"client_id": int(raw)}, show_mode=ShowMode.SEND)
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer()


def chat_buttons_router() -> Router:
    """Under the desk router: its staff filters guard these buttons."""
    router = Router(name="chat-buttons")
    router.callback_query.register(on_open, OnLoop(F.data.startswith(CHAT_BUTTON_PREFIX)))
    return router


def chat_inbox_router() -> Router:
    """Before the fallback: a customer's message that no dialog took."""
    router = Router(name="chat-inbox")
    router.message.register(on_free_message, in_private_chat, _customer_free_message)
    return router
