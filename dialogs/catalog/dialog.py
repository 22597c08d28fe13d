"""The managers' catalog (staff): categories, products, XLSX import and export."""

from __future__ import annotations

from aiogram import F
from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Row
from aiogram_dialog.widgets.media import DynamicMedia
from aiogram_dialog.widgets.text import Format

from dialogs.catalog import handlers as ch
from dialogs.catalog import product_handlers as ph
from dialogs.catalog.feedback import ERROR_TEXT, close, common_getter, pager
from dialogs.catalog.getters import (
    CATEGORY_PAGE,
    MOVE_PAGE,
    PRODUCT_PAGE,
    categories_getter,
    category_getter,
    category_name_getter,
    draft_getter,
    import_getter,
    move_getter,
    product_getter,
)
from dialogs.catalog.states import CatalogAdmin
from dialogs.catalog.xlsx_handlers import on_export, on_import_document, open_import
from dialogs.widgets import ItemColumn, Tr

EDITOR = "can_edit"


def _categories_window() -> Window:
    return Window(
        Tr("catalog-admin-categories"),
        ERROR_TEXT,
        ItemColumn("category", "categories", ch.on_category_chosen),
        pager(CATEGORY_PAGE),
        Button(
            Tr("catalog-admin-new-category"),
            id="new_category",
            on_click=ch.ask_new_category,
            when=EDITOR,
        ),
        Row(
            Button(Tr("catalog-admin-export"), id="export", on_click=on_export),
            Button(Tr("catalog-admin-import"), id="import", on_click=open_import, when=EDITOR),
        ),
        Button(Tr("back"), id="close", on_click=close),
        state=CatalogAdmin.CATEGORIES,
        getter=[common_getter, categories_getter],
    )


def _category_window() -> Window:
    return Window(
        Tr("catalog-admin-category"),
        Tr("catalog-admin-description-text", when="description"),
        Tr("catalog-admin-category-count"),
        ERROR_TEXT,
        ItemColumn("product", "products", ph.on_product_chosen),
        pager(PRODUCT_PAGE),
        Row(
            Button(
                Tr("catalog-admin-new-product"), id="new_product", on_click=ph.start_new_product
            ),
            Button(
                Tr("catalog-admin-new-subcategory"),
                id="new_sub",
                on_click=ch.ask_new_category,
                when="is_top",
            ),
            when=EDITOR,
        ),
        Row(
            Button(Tr("catalog-admin-rename"), id="rename", on_click=ch.ask_new_category),
            Button(
                Tr("catalog-admin-describe"), id="describe", on_click=ch.ask_category_description
            ),
            when=EDITOR,
        ),
        Row(
            Button(Tr("catalog-admin-up"), id="cat_up", on_click=ch.move_category),
            Button(Tr("catalog-admin-down"), id="cat_down", on_click=ch.move_category),
            Button(
                Tr("catalog-admin-toggle-hidden"), id="cat_hide", on_click=ch.toggle_category_hidden
            ),
            when=EDITOR,
        ),
        Button(Tr("back"), id="to_categories", on_click=ch.to_categories),
        state=CatalogAdmin.CATEGORY,
        getter=[common_getter, category_getter],
    )


def _category_inputs() -> list[Window]:
    return [
        Window(
            Tr("catalog-admin-ask-category-name"),
            ERROR_TEXT,
            MessageInput(ch.on_category_name),
            Button(Tr("back"), id="back", on_click=ch.leave_category_name),
            state=CatalogAdmin.CATEGORY_NAME,
            getter=[common_getter, category_name_getter],
        ),
        Window(
            Tr("catalog-admin-ask-category-description"),
            ERROR_TEXT,
            MessageInput(ch.on_category_description),
            Button(
                Tr("catalog-admin-remove-description"),
                id="clear",
                on_click=ch.clear_category_description,
            ),
            Button(Tr("back"), id="back", on_click=ch.to_category),
            state=CatalogAdmin.CATEGORY_DESCRIPTION,
            getter=common_getter,
        ),
    ]


def _product_window() -> Window:
    editor = F["can_edit"] & F["present"]
    return Window(
        DynamicMedia("photo", when="has_photo"),
        Tr("catalog-admin-product", when="present"),
        Tr("catalog-admin-description-text", when=F["present"] & F["description"]),
        Tr("catalog-admin-error-product-gone", when="gone"),
        ERROR_TEXT,
        Row(
            Button(Tr("catalog-admin-edit-name"), id="edit_name", on_click=ph.ask_product_field),
            Button(Tr("catalog-admin-edit-price"), id="edit_price", on_click=ph.ask_product_field),
            when=editor,
        ),
        Row(
            Button(
                Tr("catalog-admin-edit-description"),
                id="edit_description",
                on_click=ph.ask_product_field,
            ),
            Button(Tr("catalog-admin-edit-photo"), id="edit_photo", on_click=ph.ask_product_field),
            when=editor,
        ),
        Row(
            Button(Tr("catalog-admin-move"), id="move", on_click=ph.ask_move_product),
            Button(Tr("catalog-admin-toggle-hidden"), id="hide", on_click=ph.toggle_product_hidden),
            Button(Tr("catalog-admin-delete"), id="delete", on_click=ph.ask_delete_product),
            when=editor,
        ),
        Button(Tr("back"), id="back", on_click=ch.to_category),
        state=CatalogAdmin.PRODUCT,
        getter=[common_getter, product_getter],
    )


def _product_input(state: State, prompt: Tr, *buttons: Button) -> Window:
    """One field of a product: typed (or a photo sent), with its skip/remove buttons."""
    handlers = {
        CatalogAdmin.PRODUCT_NAME: ph.on_product_name,
        CatalogAdmin.PRODUCT_PRICE: ph.on_product_price,
        CatalogAdmin.PRODUCT_DESCRIPTION: ph.on_product_description,
        CatalogAdmin.PRODUCT_PHOTO: ph.on_product_photo,
    }
    return Window(
        prompt,
        ERROR_TEXT,
        MessageInput(handlers[state]),
        *buttons,
        Button(Tr("back"), id="back", on_click=ph.leave_product_input),
        state=state,
        getter=[common_getter, draft_getter],
    )


def _product_inputs() -> list[Window]:
    # while creating, a field may be skipped; while editing, removed
    description, photo = ph.skip_product_description, ph.skip_product_photo
    return [
        _product_input(CatalogAdmin.PRODUCT_NAME, Tr("catalog-admin-ask-product-name")),
        _product_input(CatalogAdmin.PRODUCT_PRICE, Tr("catalog-admin-ask-product-price")),
        _product_input(
            CatalogAdmin.PRODUCT_DESCRIPTION,
            Tr("catalog-admin-ask-product-description"),
            Button(
                Tr("catalog-admin-description-skip"),
                id="skip",
                on_click=description,
                when="creating",
            ),
            Button(
                Tr("catalog-admin-description-remove"),
                id="remove",
                on_click=description,
                when="editing",
            ),
        ),
        _product_input(
            CatalogAdmin.PRODUCT_PHOTO,
            Tr("catalog-admin-ask-product-photo"),
            Button(Tr("catalog-admin-photo-skip"), id="skip", on_click=photo, when="creating"),
            Button(Tr("catalog-admin-photo-remove"), id="remove", on_click=photo, when="editing"),
        ),
    ]


def _product_other_windows() -> list[Window]:
    return [
        Window(
            Tr("catalog-admin-ask-move"),
            ERROR_TEXT,
            ItemColumn("target", "targets", ph.on_move_target),
            pager(MOVE_PAGE),
            Button(Tr("back"), id="back", on_click=ph.to_product),
            state=CatalogAdmin.PRODUCT_MOVE,
            getter=[common_getter, move_getter],
        ),
        Window(
            Tr("catalog-admin-ask-delete"),
            Row(
                Button(Tr("catalog-admin-delete-yes"), id="yes", on_click=ph.on_delete_product),
                Button(Tr("catalog-admin-delete-no"), id="no", on_click=ph.to_product),
            ),
            state=CatalogAdmin.PRODUCT_DELETE,
            getter=[common_getter, product_getter],
        ),
        Window(
            Tr("catalog-admin-import-help"),
            Format("\n{report}", when="report"),
            ERROR_TEXT,
            MessageInput(on_import_document),
            Button(Tr("back"), id="back", on_click=ch.to_categories),
            state=CatalogAdmin.IMPORT,
            getter=[common_getter, import_getter],
        ),
    ]


def catalog_dialog() -> Dialog:
    return Dialog(
        _categories_window(),
        _category_window(),
        *_category_inputs(),
        _product_window(),
        *_product_inputs(),
        *_product_other_windows(),
    )
