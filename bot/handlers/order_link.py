"""The "Open order" button under a staff notice (new order, payment): opens the order card.

The role comes from the database on this update (ClientMiddleware), not from the
notice: a manager revoked since, or a customer pressing forged callback data, gets a
"not allowed" answer and nothing opens.
"""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_i18n import I18nContext

from bot.filters import OnLoop
from bot.services.order_desk import ORDER_LINK_PREFIX, parse_order_id
from bot.services.orders import OrderError
from bot.services.roles import Role, is_staff
from dialogs.orders.states import OrderView

logger = logging.getLogger(__name__)


async def on_open_order(
    callback: CallbackQuery,
    i18n: I18nContext,
    role: Role = Role.CUSTOMER,
    dialog_manager: DialogManager | None = None,
) -> None:
    private = callback.message is not None and callback.message.chat.type == ChatType.PRIVATE
    if not is_staff(role) or not private or dialog_manager is None:
        logger.warning("denied: telegram id %s pressed an order link", callback.from_user.id)
        await callback.answer(i18n.get("button-not-allowed"))
        return
    try:
        order_id = parse_order_id((callback.data or "").removeprefix(ORDER_LINK_PREFIX))
    except OrderError as error:
        await callback.answer(i18n.get(error.key))
        return
    await callback.answer()
    await dialog_manager.start(
        OrderView.MAIN,
        data={"order_id": order_id},
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )


def order_link_router() -> Router:
    router = Router(name="order-link")
    router.callback_query.register(on_open_order, OnLoop(F.data.startswith(ORDER_LINK_PREFIX)))
    return router
