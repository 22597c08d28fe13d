from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import ManagedTextInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services import cart as cart_service
from bot.services.cart import CartError
from bot.services.money import format_money
from bot.services.promo import PromoError
from dialogs.cart.states import CartDialog
from dialogs.shop.context import client_of, i18n_of, tr


async def on_line(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: int
) -> None:
    try:
        line = await cart_service.cart_line(client_of(manager), item_id)
    except CartError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)
        return
    manager.dialog_data["item_id"] = line.item_id
    await manager.switch_to(CartDialog.LINE)


async def on_step(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    client = client_of(manager)
    try:
        line = await cart_service.cart_line(client, manager.dialog_data.get("item_id"))
        quantity = line.quantity + (1 if button.widget_id == "plus" else -1)
        if quantity < 1:
            await callback.answer(tr(manager, "cart-quantity-invalid"), show_alert=True)
            return
        await cart_service.set_quantity(client, line.item_id, quantity)
    except CartError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)


async def on_quantity_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    try:
        await cart_service.set_quantity(
            client_of(manager), manager.dialog_data.get("item_id"), text
        )
    except CartError as error:
        await message.answer(tr(manager, error.key))


async def on_remove(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    try:
        await cart_service.remove_line(client_of(manager), manager.dialog_data.get("item_id"))
    except CartError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)
    await manager.switch_to(CartDialog.MAIN)


async def on_accept_prices(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    await cart_service.accept_current_prices(client_of(manager))
    await callback.answer(tr(manager, "cart-prices-accepted"))


async def on_promo_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    try:
        view = await cart_service.apply_promo(client_of(manager), text)
    except (PromoError, CartError) as error:
        await message.answer(promo_error_text(manager, error))
        return
    await message.answer(tr(manager, "promo-applied", code=view.promo_code or ""))
    await manager.switch_to(CartDialog.MAIN)


def promo_error_text(manager: DialogManager, error: PromoError | CartError) -> str:
    args = dict(getattr(error, "args_", {}))
    if "minimum" in args:
        args["minimum"] = format_money(args["minimum"], None, i18n_of(manager).locale)
    return tr(manager, error.key, **args)


async def on_promo_removed(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    await cart_service.remove_promo(client_of(manager))
    await manager.switch_to(CartDialog.MAIN)
