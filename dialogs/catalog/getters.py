from __future__ import annotations

from decimal import Decimal
from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId

from bot.services.catalog_admin import (
    PAGE_SIZE,
    InputRejected,
    categories_page,
    category_tree,
    clamp_page,
    flatten,
    get_category,
    get_product,
    pages_of,
    products_page,
)
from bot.services.catalog_rows import MAX_FILE_BYTES, MAX_ROWS
from bot.services.money import format_money
from dialogs.access import require_staff_in
from dialogs.catalog.feedback import i18n_of, page_of, pager_data, render
from models import Product

CATEGORY_PAGE = "cat_page"
PRODUCT_PAGE = "prod_page"
MOVE_PAGE = "move_page"


def _money(manager: DialogManager, amount: Decimal, currency: str) -> str:
    return format_money(Decimal(amount), currency, i18n_of(manager).locale)


async def categories_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    page = await categories_page(page_of(dialog_manager, CATEGORY_PAGE))
    dialog_manager.dialog_data[CATEGORY_PAGE] = page.page
    items = [
        (
            row.id,
            f"{'↳ ' if row.parent_id else ''}{'🙈 ' if row.is_hidden else '📁 '}"
            f"{row.name} ({row.products})",
        )
        for row in page.items
    ]
    return {
        "categories": items,
        "total": page.total,
        **pager_data(CATEGORY_PAGE, page.page, page.pages),
    }


async def category_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    category = await get_category(dialog_manager.dialog_data["category_id"])
    parent = await category.parent if category.parent_id else None
    page = await products_page(category.id, page_of(dialog_manager, PRODUCT_PAGE))
    dialog_manager.dialog_data[PRODUCT_PAGE] = page.page
    products = [
        (
            p.id,
            f"{'🙈 ' if p.is_hidden else ''}{p.name} — "
            f"{_money(dialog_manager, p.price, p.currency)}",
        )
        for p in page.items
    ]
    return {
        "name": f"{parent.name} / {category.name}" if parent else category.name,
        "description": category.description or "",
        "hidden": "yes" if category.is_hidden else "no",
        "is_hidden": category.is_hidden,
        "is_top": category.parent_id is None,
        "products": products,
        "count": page.total,
        **pager_data(PRODUCT_PAGE, page.page, page.pages),
    }


async def category_name_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    return {"purpose": dialog_manager.dialog_data.get("name_for", "new")}


async def _product_or_none(manager: DialogManager) -> Product | None:
    """None when another manager deleted it meanwhile."""
    try:
        return await get_product(manager.dialog_data.get("product_id", 0))
    except InputRejected:
        return None


async def product_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    product = await _product_or_none(dialog_manager)
    if product is None:
        return {"present": False, "gone": True, "name": "", "has_photo": False}
    photo = None
    if product.photo_file_id:
        photo = MediaAttachment(ContentType.PHOTO, file_id=MediaId(product.photo_file_id))
    return {
        "name": product.name,
        "category": product.category.name,
        "price": _money(dialog_manager, product.price, product.currency),
        "sku": product.sku or "—",
        "stock": "∞" if product.stock is None else product.stock,
        "description": product.description or "",
        "hidden": "yes" if product.is_hidden else "no",
        "is_hidden": product.is_hidden,
        "photo": photo,
        "has_photo": photo is not None,
        "present": True,
        "gone": False,
    }


async def draft_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Input windows: creating a new product (with its step) or editing one field."""
    require_staff_in(dialog_manager)
    creating = dialog_manager.dialog_data.get("mode") == "new"
    name = dialog_manager.dialog_data.get("draft", {}).get("name", "")
    if not creating:
        product = await _product_or_none(dialog_manager)
        name = product.name if product else ""
    return {
        "creating": creating,
        "editing": not creating,
        "mode": "new" if creating else "edit",
        "product": name,
    }


async def move_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    product = await _product_or_none(dialog_manager)
    if product is None:
        return {"product": "", "targets": [], **pager_data(MOVE_PAGE, 0, 1)}
    rows = [row for row in flatten(await category_tree()) if row.id != product.category_id]
    page = clamp_page(page_of(dialog_manager, MOVE_PAGE), len(rows))
    dialog_manager.dialog_data[MOVE_PAGE] = page
    items = [
        (row.id, f"{'↳ ' if row.parent_id else ''}{row.name}")
        for row in rows[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    ]
    return {
        "product": product.name,
        "targets": items,
        **pager_data(MOVE_PAGE, page, pages_of(len(rows))),
    }


async def import_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    result = dialog_manager.dialog_data.get("import_result")
    report = ""
    if result and result.get("errors"):
        errors = result["errors"]
        i18n = i18n_of(dialog_manager)
        lines = [
            # the reason is rendered (and its values escaped) already
            i18n.get(
                "catalog-admin-import-row",
                row=e["row"],
                reason=render(dialog_manager, e["key"], e["args"]),
            )
            for e in errors
        ]
        total = result["total"]
        if total > len(errors):
            lines.append(i18n.get("catalog-admin-import-more-errors", count=total - len(errors)))
        heading = i18n.get("catalog-admin-import-rejected", count=total)
        report = "\n".join([heading, *lines])
    elif result:
        report = render(dialog_manager, "catalog-admin-import-done", result["counts"])
    return {"report": report, "max_mb": MAX_FILE_BYTES // (1024 * 1024), "max_rows": MAX_ROWS}
