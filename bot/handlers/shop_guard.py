"""A blocked client, or a product gone from the catalog, anywhere in the shop dialogs.

The catalog and cart services raise `ShopClosed` for a blocked client and `NotFound`
for a hidden, deleted or forged product or category, from getters and actions alike.
Here either becomes a localized line and the main menu: nothing further is shown.
"""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_i18n import I18nContext

from bot.services.catalog import NotFound, ShopClosed
from dialogs.shop.states import MainMenu

logger = logging.getLogger(__name__)


def _user_id(event: ErrorEvent) -> int | None:
    user = getattr(event.update.event, "from_user", None)
    return user.id if user else None


async def _tell(event: ErrorEvent, text: str) -> None:
    callback = event.update.callback_query
    if callback is not None:
        await callback.answer(text, show_alert=True)
    elif event.update.message is not None:
        await event.update.message.answer(text)


async def on_shop_closed(
    event: ErrorEvent, dialog_manager: DialogManager, i18n: I18nContext
) -> None:
    logger.info("blocked client: telegram id %s reached for the shop", _user_id(event))
    await _tell(event, i18n.get("shop-blocked-alert"))
    await dialog_manager.start(MainMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_not_found(event: ErrorEvent, dialog_manager: DialogManager, i18n: I18nContext) -> None:
    logger.info("telegram id %s asked for a missing catalog item", _user_id(event))
    await _tell(event, i18n.get("catalog-product-gone"))
    await dialog_manager.start(MainMenu.MAIN, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


def shop_guard_router() -> Router:
    router = Router(name="shop-guard")
    router.errors.register(on_shop_closed, ExceptionTypeFilter(ShopClosed))
    router.errors.register(on_not_found, ExceptionTypeFilter(NotFound))
    return router
