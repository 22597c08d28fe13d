"""Errors never crash a handler: stale buttons restart a menu, Telegram faults get logged.

A button press that ends in an error is still answered (no endless spinner); the
session's `AnswerCallbackOnce` drops the answer if the handler already gave one.
"""

from __future__ import annotations

import logging
from contextlib import suppress

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramNetworkError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState
from aiogram_i18n import I18nContext

from bot.services.roles import AccessDenied, Role, is_staff
from dialogs.desk.states import DeskMenu
from dialogs.shop.states import MainMenu

logger = logging.getLogger(__name__)

NOT_MODIFIED = "message is not modified"


def _user_id(event: ErrorEvent) -> int | None:
    update = event.update.event
    user = getattr(update, "from_user", None)
    return user.id if user else None


def _in_private_chat(event: ErrorEvent) -> bool:
    update = event.update
    message = update.message or (update.callback_query and update.callback_query.message)
    return message is not None and message.chat.type == ChatType.PRIVATE


async def _answer_press(event: ErrorEvent, text: str | None = None) -> None:
    """Answer the button press behind the error, if any; a failure here changes nothing."""
    if (callback := event.update.callback_query) is None:
        return
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer(text)


async def on_stale_dialog(
    event: ErrorEvent,
    role: Role = Role.CUSTOMER,
    dialog_manager: DialogManager | None = None,
    i18n: I18nContext | None = None,
) -> None:
    logger.info("stale dialog for telegram id %s: %s", _user_id(event), event.exception)
    if not _in_private_chat(event):
        await _answer_press(event)  # a group: no menu there
        return
    if dialog_manager is None:
        # the stack on top is a staff dialog this person may no longer use
        await _answer_press(event, i18n.get("button-not-allowed") if i18n else None)
        return
    await _answer_press(event)
    state = DeskMenu.MAIN if is_staff(role) else MainMenu.MAIN
    await dialog_manager.start(state, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_access_denied(event: ErrorEvent, i18n: I18nContext | None = None) -> None:
    logger.warning("denied: telegram id %s tried a staff action", _user_id(event))
    await _answer_press(event, i18n.get("button-not-allowed") if i18n else None)


async def on_telegram_error(event: ErrorEvent) -> None:
    error = event.exception
    if isinstance(error, TelegramBadRequest) and NOT_MODIFIED in error.message:
        # the screen already shows what we wanted to show: success
        logger.debug("message not modified for telegram id %s", _user_id(event))
    else:
        logger.warning("telegram error for telegram id %s: %s", _user_id(event), error)
    await _answer_press(event)


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
