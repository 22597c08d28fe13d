"""Catalog actions: each goes through bot.services, which re-checks the client."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import ManagedTextInput
from aiogram_dialog.widgets.kbd import Button

from bot.services import catalog
from bot.services.cart import CartError, add_to_cart
from dialogs.catalog_view.states import CatalogView
from dialogs.shop.context import client_of, int_arg, tr
from dialogs.widgets import ItemColumn


async def on_category(
    callback: CallbackQuery, _widget: ItemColumn, manager: DialogManager, category_id: int
) -> None:
    category = await catalog.category_for(client_of(manager), category_id)
    trail: list[int] = manager.dialog_data.setdefault("trail", [])
    current = manager.dialog_data.get("category_id")
    if manager.current_context().state != CatalogView.CATEGORY:
        trail.clear()
    elif current is not None:
        trail.append(current)
    manager.dialog_data.update(category_id=category.id, page=0)
    await manager.switch_to(CatalogView.CATEGORY)


async def on_category_back(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    trail: list[int] = manager.dialog_data.get("trail", [])
    if trail:
        manager.dialog_data.update(category_id=trail.pop(), page=0)
        return
    await manager.switch_to(CatalogView.CATEGORIES)


async def on_page(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    step = 1 if button.widget_id == "next" else -1
    manager.dialog_data["page"] = max(0, int_arg(manager.dialog_data.get("page")) + step)


async def on_product(
    callback: CallbackQuery, _widget: ItemColumn, manager: DialogManager, product_id: int
) -> None:
    try:
        product = await catalog.product_for(client_of(manager), product_id)
    except catalog.NotFound:
        await callback.answer(tr(manager, "catalog-product-gone"), show_alert=True)
        return
    manager.dialog_data["product_id"] = product.id
    manager.dialog_data["from_favorites"] = manager.current_context().state == CatalogView.FAVORITES
    await manager.switch_to(CatalogView.PRODUCT)


async def on_product_back(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    if manager.dialog_data.get("from_favorites"):
        await manager.switch_to(CatalogView.FAVORITES)
    elif manager.dialog_data.get("category_id") is not None:
        await manager.switch_to(CatalogView.CATEGORY)
    else:
        await manager.switch_to(CatalogView.CATEGORIES)


async def on_favorite(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    now = await catalog.toggle_favorite(client_of(manager), manager.dialog_data.get("product_id"))
    await callback.answer(
        tr(manager, "catalog-favorite-added" if now else "catalog-favorite-removed")
    )


async def _add(manager: DialogManager, quantity: int | str) -> str:
    item = await add_to_cart(client_of(manager), manager.dialog_data.get("product_id"), quantity)
    await manager.switch_to(CatalogView.PRODUCT)
    return tr(manager, "catalog-added", quantity=item.quantity)


async def on_quantity_chosen(
    callback: CallbackQuery, _widget: ItemColumn, manager: DialogManager, quantity: int
) -> None:
    try:
        await callback.answer(await _add(manager, quantity))
    except CartError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)


async def on_quantity_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    try:
        await message.answer(await _add(manager, text))
    except CartError as error:
        await message.answer(tr(manager, error.key))
