"""Catalog: opening it, moving around, and the category actions."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.services import catalog_admin
from bot.services.catalog_admin import InputRejected
from dialogs.access import require_editor_in, require_staff_in
from dialogs.catalog.feedback import clear_error, go, refuses_bad_input, reject
from dialogs.catalog.getters import PRODUCT_PAGE
from dialogs.catalog.states import CatalogAdmin
from dialogs.widgets import ItemColumn


async def open_catalog(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The desk's Catalog button."""
    require_staff_in(manager)
    await manager.start(CatalogAdmin.CATEGORIES)


async def on_category_chosen(
    callback: CallbackQuery, _widget: ItemColumn, manager: DialogManager, item_id: int
) -> None:
    require_staff_in(manager)
    try:
        await catalog_admin.get_category(item_id)
    except InputRejected as rejected:  # gone meanwhile, or a forged id
        reject(manager, rejected)
        return
    manager.dialog_data["category_id"] = item_id
    manager.dialog_data[PRODUCT_PAGE] = 0
    await go(manager, CatalogAdmin.CATEGORY)


async def to_categories(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    await go(manager, CatalogAdmin.CATEGORIES)


async def to_category(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    await go(manager, CatalogAdmin.CATEGORY)


async def ask_new_category(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """`new`: a top-level category; `sub`: a child of the open one; `rename`: the open one."""
    require_editor_in(manager)
    manager.dialog_data["name_for"] = {"new_category": "new", "new_sub": "sub"}.get(
        button.widget_id or "", "rename"
    )
    await go(manager, CatalogAdmin.CATEGORY_NAME)


async def ask_category_description(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    await go(manager, CatalogAdmin.CATEGORY_DESCRIPTION)


async def leave_category_name(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_staff_in(manager)
    new = manager.dialog_data.get("name_for") == "new"
    await go(manager, CatalogAdmin.CATEGORIES if new else CatalogAdmin.CATEGORY)


async def on_category_name(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    purpose = manager.dialog_data.get("name_for", "new")
    text = message.text or ""
    try:
        if purpose == "rename":
            await catalog_admin.rename_category(manager.dialog_data["category_id"], text)
        else:
            parent_id = manager.dialog_data.get("category_id") if purpose == "sub" else None
            category = await catalog_admin.create_category(text, parent_id)
            manager.dialog_data["category_id"] = category.id
            manager.dialog_data[PRODUCT_PAGE] = 0
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    await go(manager, CatalogAdmin.CATEGORY)


async def on_category_description(
    message: Message, _widget: MessageInput, manager: DialogManager
) -> None:
    require_editor_in(manager)
    try:
        await catalog_admin.describe_category(
            manager.dialog_data["category_id"], message.text or ""
        )
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    await go(manager, CatalogAdmin.CATEGORY)


@refuses_bad_input
async def clear_category_description(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    await catalog_admin.describe_category(manager.dialog_data["category_id"], None)
    await go(manager, CatalogAdmin.CATEGORY)


@refuses_bad_input
async def toggle_category_hidden(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    category = await catalog_admin.get_category(manager.dialog_data["category_id"])
    await catalog_admin.set_category_hidden(category.id, not category.is_hidden)
    clear_error(manager)


@refuses_bad_input
async def move_category(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    step = -1 if button.widget_id == "cat_up" else 1
    await catalog_admin.move_category(manager.dialog_data["category_id"], step)
    clear_error(manager)
