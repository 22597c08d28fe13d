from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, StartMode
from aiogram_dialog.widgets.kbd import Button

from bot.services.overview import forget_overview
from dialogs.access import require_staff_in
from dialogs.desk.states import DeskMenu
from dialogs.shop.states import MainMenu


async def open_desk(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The shop menu's desk button: re-checks the role, since `when=` does not."""
    require_staff_in(manager)
    await manager.start(DeskMenu.MAIN)


async def on_refresh(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The dialog renders the desk again and answers the press."""
    require_staff_in(manager)
    forget_overview()


async def to_shop_menu(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await manager.start(MainMenu.MAIN, mode=StartMode.RESET_STACK)
