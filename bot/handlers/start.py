"""Customer entry: /start (with deep-link payload) and /menu open the main menu."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.filters import in_private_chat
from bot.services.clients import apply_start_payload, card_link_target
from bot.services.roles import Role, is_staff
from dialogs.client_card.states import ClientCard
from dialogs.shop.states import MainMenu
from models import Client


async def on_start(
    message: Message,
    command: CommandObject,
    client: Client,
    dialog_manager: DialogManager,
    role: Role = Role.CUSTOMER,
) -> None:
    target = card_link_target(command.args)
    private = message.chat.type == "private"
    # a staff link from an inline result: the card; for anyone else a plain /start
    if target is not None and is_staff(role) and private and await Client.exists(id=target):
        await dialog_manager.start(
            ClientCard.MAIN,
            data={"client_id": target},
            mode=StartMode.RESET_STACK,
            show_mode=ShowMode.SEND,
        )
        return
    await apply_start_payload(client, command.args)
    await dialog_manager.start(MainMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_menu(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(MainMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


def start_router() -> Router:
    router = Router(name="start")
    router.message.filter(in_private_chat)
    router.message.register(on_start, CommandStart())
    router.message.register(on_menu, Command("menu"))
    return router
