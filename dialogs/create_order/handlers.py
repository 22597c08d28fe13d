"""Picking the products: search by name, browse the catalog, quantities. Editors only.

Everything picked stays in the dialog's data (the draft); nothing is written until the
manager confirms the summary (`dialogs.create_order.placement`).
"""

from __future__ import annotations

from contextlib import suppress

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import ManagedTextInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services import catalog
from bot.services.cart import CartError
from bot.services.clients import fold
from bot.services.manager_orders import order_target
from bot.services.order_drafts import DraftError, with_product
from dialogs.access import require_editor_in
from dialogs.client_card.context import card_client_id, i18n_in
from dialogs.create_order.context import draft_of, save_draft
from dialogs.create_order.states import CreateOrder

SEARCH_MAX = 64


async def alert(callback: CallbackQuery, text: str) -> None:
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer(text, show_alert=True)


async def say(message: Message, text: str) -> None:
    with suppress(TelegramAPIError, TelegramNetworkError):
        await message.answer(text)


def tr(manager: DialogManager, key: str, **args: object) -> str:
    return i18n_in(manager).get(key, **args)


async def open_create_order(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """The client card's "Create order" button."""
    require_editor_in(manager)
    try:
        client = await order_target(card_client_id(manager))
    except DraftError as refused:
        await alert(callback, tr(manager, refused.key))
        return
    await manager.start(CreateOrder.ITEMS, data={"client_id": client.id})


# --- search and catalog ----------------------------------------------------------


async def on_search(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    require_editor_in(manager)
    query = " ".join(text.split())
    if not fold(query).strip() or len(query) > SEARCH_MAX:
        await say(message, tr(manager, "create-order-search-invalid"))
        return
    manager.dialog_data.update(query=query, page=0)
    await manager.switch_to(CreateOrder.FOUND)


async def on_browse(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    manager.dialog_data.update(category_id=None, trail=[], page=0)
    await manager.switch_to(CreateOrder.CATALOG)


async def on_category(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, category_id: int
) -> None:
    require_editor_in(manager)
    try:
        category = await catalog.shown_category(category_id)
    except catalog.NotFound:
        await alert(callback, tr(manager, "create-order-product-unavailable"))
        return
    data = manager.dialog_data
    if data.get("category_id") is not None:
        data.setdefault("trail", []).append(data["category_id"])
    data.update(category_id=category.id, page=0)


async def on_catalog_up(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    data = manager.dialog_data
    if data.get("category_id") is None:
        await manager.switch_to(CreateOrder.ITEMS)
        return
    trail = data.get("trail") or []
    data.update(category_id=trail.pop() if trail else None, trail=trail, page=0)


async def on_page(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    step = 1 if button.widget_id == "next_page" else -1
    manager.dialog_data["page"] = max(0, int(manager.dialog_data.get("page") or 0) + step)


async def on_product(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, product_id: int
) -> None:
    require_editor_in(manager)
    try:
        product = await catalog.shown_product(product_id)
    except catalog.NotFound:
        await alert(callback, tr(manager, "create-order-product-unavailable"))
        return
    manager.dialog_data.update(
        product_id=product.id, picked_from=manager.current_context().state.state
    )
    await manager.switch_to(CreateOrder.QUANTITY)


async def on_line(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, product_id: int
) -> None:
    require_editor_in(manager)
    if not draft_of(manager).quantity_of(product_id):
        return
    manager.dialog_data.update(product_id=product_id, picked_from=CreateOrder.ITEMS.state)
    await manager.switch_to(CreateOrder.QUANTITY)


# --- quantity ---------------------------------------------------------------------


async def _set_quantity(manager: DialogManager, quantity: int | str) -> str:
    """Puts the product in the draft; returns what to tell the manager."""
    draft = await with_product(
        draft_of(manager), manager.dialog_data.get("product_id", ""), quantity
    )
    save_draft(manager, draft)
    product_id = manager.dialog_data["product_id"]
    line = next(ln for ln in draft.lines if ln.product_id == product_id)
    await manager.switch_to(CreateOrder.ITEMS)
    return tr(manager, "create-order-added", quantity=line.quantity, name=line.name)


async def on_quantity_chosen(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, quantity: int
) -> None:
    require_editor_in(manager)
    try:
        text = await _set_quantity(manager, quantity)
    except (CartError, DraftError) as refused:
        await alert(callback, tr(manager, refused.key, **getattr(refused, "args_", {})))
        return
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer(text)


async def on_quantity_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    require_editor_in(manager)
    try:
        await say(message, await _set_quantity(manager, text))
    except (CartError, DraftError) as refused:
        await say(message, tr(manager, refused.key, **getattr(refused, "args_", {})))


async def on_remove_line(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    draft = draft_of(manager)
    product_id = manager.dialog_data.get("product_id")
    name = next((ln.name for ln in draft.lines if ln.product_id == product_id), "")
    save_draft(manager, draft.without(product_id))
    await manager.switch_to(CreateOrder.ITEMS)
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer(tr(manager, "create-order-removed", name=name))


async def on_quantity_back(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    back = {s.state: s for s in (CreateOrder.CATALOG, CreateOrder.FOUND)}
    await manager.switch_to(back.get(manager.dialog_data.get("picked_from"), CreateOrder.ITEMS))


async def on_next(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    if not draft_of(manager).lines:
        await alert(callback, tr(manager, "create-order-no-items"))
        return
    await manager.switch_to(CreateOrder.ADDRESS)
