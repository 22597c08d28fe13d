from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button, Select

from bot.notify import send_invoice, send_notices
from bot.services.orders import OrderError, cancel_by_client, client_order
from bot.services.payments import invoice_for
from dialogs.my_orders.states import MyOrders
from dialogs.shop.context import client_of, i18n_of, int_arg, money, settings_of, tr


async def on_order(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, order_id: int
) -> None:
    try:
        order = await client_order(client_of(manager), order_id)
    except OrderError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)
        return
    manager.dialog_data["order_id"] = order.id
    await manager.switch_to(MyOrders.ORDER)


async def on_page(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    step = 1 if button.widget_id == "next" else -1
    manager.dialog_data["page"] = max(0, int_arg(manager.dialog_data.get("page")) + step)


async def on_cancel_order(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    try:
        changed = await cancel_by_client(client_of(manager), manager.dialog_data.get("order_id"))
    except OrderError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)
        await manager.switch_to(MyOrders.ORDER)
        return
    settings = settings_of(manager)
    bot = manager.middleware_data["bot"]
    await send_notices(bot, i18n_of(manager).core, changed.notices, settings.default_locale)
    await manager.switch_to(MyOrders.ORDER)


async def on_pay(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await send_invoice_for(manager, manager.dialog_data.get("order_id"))
    manager.show_mode = ShowMode.NO_UPDATE  # the invoice is the next thing to look at


async def send_invoice_for(manager: DialogManager, order_id: int | str | None) -> None:
    """Sends the Telegram Payments invoice of the client's order, if it can be paid."""
    token = settings_of(manager).payment_provider_token
    client = client_of(manager)
    if token is None or client.telegram_id is None:
        return
    try:
        invoice = await invoice_for(client, order_id)
    except OrderError as error:
        await manager.middleware_data["bot"].send_message(
            client.telegram_id, tr(manager, error.key)
        )
        return
    order = await client_order(client, invoice.order_id)
    title = tr(manager, "payment-invoice-title", order_id=invoice.order_id)
    description = tr(
        manager, "payment-invoice-description", order_id=invoice.order_id,
        total=money(manager, order.total, order.currency),
    )  # fmt: skip
    await send_invoice(
        manager.middleware_data["bot"], client.telegram_id, invoice,
        token.get_secret_value(), title, description,
    )  # fmt: skip
