"""Catalog getters: every one asks bot.services.catalog, which refuses a blocked client."""

from __future__ import annotations

from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId

from bot.services import catalog
from dialogs.shop.context import client_of, int_arg, money


async def categories_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    categories = await catalog.visible_categories(client_of(dialog_manager))
    return {"categories": [(c.id, c.name) for c in categories], "empty": not categories}


async def category_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    view = await catalog.category_view(
        client_of(dialog_manager), data.get("category_id"), int_arg(data.get("page"))
    )
    page = view.products
    data["page"] = page.page
    return {
        "category": view.category.name,
        "subcategories": [(c.id, c.name) for c in view.children],
        "products": [
            (p.id, f"{p.name} · {money(dialog_manager, p.price, p.currency)}") for p in page.items
        ],
        "page": page.page + 1,
        "pages": page.pages,
        "paged": page.pages > 1,
        "has_products": bool(page.items),
    }


async def product_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    card = await catalog.product_card(
        client_of(dialog_manager), dialog_manager.dialog_data.get("product_id")
    )
    photo = None
    if card.photo_file_id:
        photo = MediaAttachment(ContentType.PHOTO, file_id=MediaId(card.photo_file_id))
    return {
        "name": card.name,
        "description": card.description or "",
        "price": money(dialog_manager, card.price, card.currency),
        "photo": photo,
        "in_cart": card.in_cart,
        "favorite": card.favorite,
        "not_favorite": not card.favorite,
    }


async def favorites_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    products = await catalog.favorite_products(client_of(dialog_manager))
    return {
        "favorites": [
            (p.id, f"{p.name} · {money(dialog_manager, p.price, p.currency)}") for p in products
        ],
        "empty": not products,
    }


QUANTITY_CHOICES = (1, 2, 3, 5, 10)


async def quantity_getter(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    data = await product_getter(dialog_manager, **kwargs)
    return {**data, "choices": [(q, str(q)) for q in QUANTITY_CHOICES]}
