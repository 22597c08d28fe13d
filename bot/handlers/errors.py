"""Errors never crash a handler: stale buttons restart a menu, Telegram faults get logged."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState

from bot.services.roles import AccessDenied, Role, is_staff
from dialogs.desk.states import DeskMenu
from dialogs.shop.states import MainMenu

logger = logging.getLogger(__name__)


def _user_id(event: ErrorEvent) -> int | None:
    update = event.update.event
    user = getattr(update, "from_user", None)
    return user.id if user else None


async def on_stale_dialog(
    event: ErrorEvent, dialog_manager: DialogManager, role: Role = Role.CUSTOMER
) -> None:
    logger.info("stale dialog for telegram id %s: %s", _user_id(event), event.exception)
    state = DeskMenu.MAIN if is_staff(role) else MainMenu.MAIN
    await dialog_manager.start(state, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_access_denied(event: ErrorEvent) -> None:
    logger.warning("denied: telegram id %s tried a staff action", _user_id(event))


async def on_telegram_error(event: ErrorEvent) -> None:
    logger.warning("telegram error for telegram id %s: %s", _user_id(event), event.exception)


def errors_router() -> Router:
    router = Router(name="errors")
    router.errors.register(
        on_stale_dialog, ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState)
    )
    router.errors.register(on_access_denied, ExceptionTypeFilter(AccessDenied))
    router.errors.register(
        on_telegram_error, ExceptionTypeFilter(TelegramAPIError, TelegramNetworkError)
    )
    return router
