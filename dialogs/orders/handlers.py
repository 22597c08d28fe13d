"""Order desk actions: each re-checks the role (`when=` only hides a button) and calls a
service; a refused, stale or illegal change changes nothing."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select
from aiogram_i18n import I18nContext

from bot.notify import send_notices
from bot.services.order_desk import STATUS_CHOICES, order_client_id, parse_order_id, set_note
from bot.services.orders import OrderError, StaleOrder, change_status
from dialogs.access import require_editor_in, require_staff_in, role_in
from dialogs.client_card.context import card_client_id
from dialogs.client_card.states import ClientCard
from dialogs.desk.states import DeskMenu
from dialogs.orders.context import CLIENT_ID, ERROR, ORDER_ID, VERSION, start_id
from dialogs.orders.states import OrderList, OrderView
from dialogs.orders.view import OrderListView
from models import OrderStatus


def _i18n(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


async def open_orders(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The desk's Orders button: every order, new ones first."""
    require_staff_in(manager)
    await manager.start(OrderList.MAIN)


async def open_client_orders(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """The client card's Orders button: this client's orders."""
    require_staff_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return
    await manager.start(OrderList.MAIN, data={CLIENT_ID: client_id})


async def close_screen(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """Back to what opened this screen; to the desk when nothing did (a notice's button)."""
    require_staff_in(manager)
    if len(manager.current_stack().intents) > 1:
        await manager.done()
    else:
        await manager.start(DeskMenu.MAIN, mode=StartMode.RESET_STACK)


async def on_page(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    view = OrderListView.load(manager.dialog_data)
    view.step(forward=button.widget_id == "next")
    view.save(manager.dialog_data)


async def on_status_picked(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, choice: str
) -> None:
    require_staff_in(manager)
    if choice not in STATUS_CHOICES:
        return
    view = OrderListView.load(manager.dialog_data)
    view.restart(choice)
    view.save(manager.dialog_data)
    await manager.switch_to(OrderList.MAIN)


async def on_order_picked(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, order_id: int
) -> None:
    require_staff_in(manager)
    try:
        number = parse_order_id(order_id)
    except OrderError as error:
        await callback.answer(_i18n(manager).get(error.key))
        return
    await manager.start(OrderView.MAIN, data={ORDER_ID: number})


async def open_order_client(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_staff_in(manager)
    try:
        client_id = await order_client_id(start_id(manager, ORDER_ID))
    except OrderError:
        return
    if client_id is not None:
        await manager.start(ClientCard.MAIN, data={"client_id": client_id})


async def on_status_change(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, item_id: str
) -> None:
    require_editor_in(manager)
    i18n = _i18n(manager)
    version = manager.dialog_data.get(VERSION)
    order_id = start_id(manager, ORDER_ID)
    if item_id not in OrderStatus.__members__.values() or order_id is None:
        return
    if not isinstance(version, int):
        await callback.answer(i18n.get("orders-desk-stale"), show_alert=True)
        return
    try:
        changed = await change_status(
            order_id,
            OrderStatus(item_id),
            actor=manager.middleware_data.get("client"),
            role=role_in(manager),
            expected_version=version,
        )
    except StaleOrder:
        # the card renders again with what is there now
        await callback.answer(i18n.get("orders-desk-stale"), show_alert=True)
        return
    except OrderError as error:
        await callback.answer(i18n.get(error.key), show_alert=True)
        return
    settings = manager.middleware_data["settings"]
    bot = manager.middleware_data["bot"]
    await send_notices(bot, i18n.core, changed.notices, settings.default_locale)
    status = i18n.get(f"order-status-{changed.order.status}")
    await callback.answer(i18n.get("orders-desk-status-changed", status=status))


async def to_note(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    manager.dialog_data.pop(ERROR, None)
    await manager.switch_to(OrderView.NOTE)


async def to_card(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    manager.dialog_data.pop(ERROR, None)
    await manager.switch_to(OrderView.MAIN)


async def _save_note(manager: DialogManager, text: str | None) -> None:
    require_editor_in(manager)
    try:
        await set_note(
            start_id(manager, ORDER_ID),
            text,
            actor=manager.middleware_data.get("client"),
            role=role_in(manager),
        )
    except OrderError as error:  # too long, or the order is gone
        manager.dialog_data[ERROR] = error.key
        return
    manager.dialog_data.pop(ERROR, None)
    await manager.switch_to(OrderView.MAIN)


async def on_note_typed(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    await _save_note(manager, message.text)


async def on_note_not_text(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    manager.dialog_data[ERROR] = "orders-desk-note-text-only"


async def on_note_cleared(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await _save_note(manager, None)
