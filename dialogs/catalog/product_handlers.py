"""Catalog: a new product step by step (name, price, description, photo), and its edits.

`dialog_data["mode"]` is "new" while a product is being created (its fields gather in
`dialog_data["draft"]` and nothing is written until the last step), "edit" otherwise.
"""

from __future__ import annotations

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.services import catalog_admin
from bot.services.catalog_admin import (
    PRODUCT_NAME_MAX,
    InputRejected,
    parse_amount,
    parse_description,
    parse_name,
)
from dialogs.access import require_editor_in, require_staff_in
from dialogs.catalog.feedback import go, refuses_bad_input, reject
from dialogs.catalog.getters import MOVE_PAGE
from dialogs.catalog.states import CatalogAdmin
from dialogs.widgets import ItemColumn

EDIT_STATES = {
    "edit_name": CatalogAdmin.PRODUCT_NAME,
    "edit_price": CatalogAdmin.PRODUCT_PRICE,
    "edit_description": CatalogAdmin.PRODUCT_DESCRIPTION,
    "edit_photo": CatalogAdmin.PRODUCT_PHOTO,
}


def _creating(manager: DialogManager) -> bool:
    return manager.dialog_data.get("mode") == "new"


def _product_id(manager: DialogManager) -> int:
    return int(manager.dialog_data["product_id"])


async def on_product_chosen(
    callback: CallbackQuery, _widget: ItemColumn, manager: DialogManager, item_id: int
) -> None:
    require_staff_in(manager)
    try:
        await catalog_admin.get_product(item_id)
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    manager.dialog_data.update(product_id=item_id, mode="edit")
    await go(manager, CatalogAdmin.PRODUCT)


async def to_product(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    await go(manager, CatalogAdmin.PRODUCT)


async def start_new_product(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    manager.dialog_data.update(mode="new", draft={})
    await go(manager, CatalogAdmin.PRODUCT_NAME)


async def ask_product_field(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    manager.dialog_data["mode"] = "edit"
    await go(manager, EDIT_STATES[button.widget_id or ""])


async def leave_product_input(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """Back: a product being created is dropped (nothing was written); an edit returns."""
    require_staff_in(manager)
    if _creating(manager):
        manager.dialog_data.pop("draft", None)
        manager.dialog_data["mode"] = "edit"
        await go(manager, CatalogAdmin.CATEGORY)
    else:
        await go(manager, CatalogAdmin.PRODUCT)


async def _next(manager: DialogManager, field: str, value: object, then: State) -> None:
    """Creating: keep the value and ask the next field. Editing: handled by the caller."""
    manager.dialog_data.setdefault("draft", {})[field] = value
    await go(manager, then)


async def on_product_name(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    try:
        if _creating(manager):
            name = parse_name(message.text, PRODUCT_NAME_MAX)
            await _next(manager, "name", name, CatalogAdmin.PRODUCT_PRICE)
            return
        await catalog_admin.rename_product(_product_id(manager), message.text or "")
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    await go(manager, CatalogAdmin.PRODUCT)


async def on_product_price(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    try:
        if _creating(manager):
            price = parse_amount(message.text or "")
            await _next(manager, "price", str(price), CatalogAdmin.PRODUCT_DESCRIPTION)
            return
        await catalog_admin.reprice_product(_product_id(manager), message.text or "")
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    await go(manager, CatalogAdmin.PRODUCT)


async def on_product_description(
    message: Message, _widget: MessageInput, manager: DialogManager
) -> None:
    require_editor_in(manager)
    try:
        if _creating(manager):
            description = parse_description(message.text or "")
            await _next(manager, "description", description, CatalogAdmin.PRODUCT_PHOTO)
            return
        await catalog_admin.describe_product(_product_id(manager), message.text or "")
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    await go(manager, CatalogAdmin.PRODUCT)


@refuses_bad_input
async def skip_product_description(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """Creating: no description; editing: remove it."""
    require_editor_in(manager)
    if _creating(manager):
        await _next(manager, "description", None, CatalogAdmin.PRODUCT_PHOTO)
        return
    await catalog_admin.describe_product(_product_id(manager), None)
    await go(manager, CatalogAdmin.PRODUCT)


async def _save_photo(manager: DialogManager, file_id: str | None) -> None:
    if not _creating(manager):
        await catalog_admin.set_product_photo(_product_id(manager), file_id)
        await go(manager, CatalogAdmin.PRODUCT)
        return
    draft = manager.dialog_data.get("draft", {})
    try:
        product = await catalog_admin.create_product(
            manager.dialog_data["category_id"],
            draft.get("name", ""),
            draft.get("price", ""),
            draft.get("description"),
            file_id,
        )
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    manager.dialog_data.pop("draft", None)
    manager.dialog_data.update(product_id=product.id, mode="edit")
    await go(manager, CatalogAdmin.PRODUCT)


@refuses_bad_input
async def on_product_photo(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    if not message.photo:
        reject(manager, InputRejected("catalog-admin-error-not-photo"))
        return
    largest = max(message.photo, key=lambda size: (size.width * size.height, size.file_size or 0))
    await _save_photo(manager, largest.file_id)


@refuses_bad_input
async def skip_product_photo(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """Creating: save without a photo; editing: remove the photo."""
    require_editor_in(manager)
    await _save_photo(manager, None)


@refuses_bad_input
async def toggle_product_hidden(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    product = await catalog_admin.get_product(_product_id(manager))
    await catalog_admin.set_product_hidden(product.id, not product.is_hidden)
    await go(manager, CatalogAdmin.PRODUCT)


async def ask_move_product(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    manager.dialog_data[MOVE_PAGE] = 0
    await go(manager, CatalogAdmin.PRODUCT_MOVE)


async def on_move_target(
    callback: CallbackQuery, _widget: ItemColumn, manager: DialogManager, item_id: int
) -> None:
    require_editor_in(manager)
    try:
        await catalog_admin.move_product(_product_id(manager), item_id)
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    manager.dialog_data["category_id"] = item_id
    await go(manager, CatalogAdmin.PRODUCT)


async def ask_delete_product(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    await go(manager, CatalogAdmin.PRODUCT_DELETE)


async def on_delete_product(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    try:
        await catalog_admin.delete_product(_product_id(manager))
    except InputRejected as rejected:
        await go(manager, CatalogAdmin.PRODUCT)
        reject(manager, rejected)
        return
    manager.dialog_data.pop("product_id", None)
    await go(manager, CatalogAdmin.CATEGORY)
