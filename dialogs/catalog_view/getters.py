"""Catalog getters: every one asks bot.services.catalog, which refuses a blocked client."""

from __future__ import annotations

from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId

from bot.services import catalog
from bot.services.cart import current_cart
from dialogs.shop.context import client_of, int_arg, money
from models import OrderItem


async def categories_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    categories = await catalog.visible_categories(client_of(dialog_manager))
    return {"categories": [(c.id, c.name) for c in categories], "empty": not categories}


async def category_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    client = client_of(dialog_manager)
    data = dialog_manager.dialog_data
    category = await catalog.category_for(client, data.get("category_id"))
    children = await catalog.visible_categories(client, category.id)
    page = await catalog.category_products(client, category.id, int_arg(data.get("page")))
    data["page"] = page.page
    return {
        "category": category.name,
        "subcategories": [(c.id, c.name) for c in children],
        "products": [
            (p.id, f"{p.name} · {money(dialog_manager, p.price, p.currency)}") for p in page.items
        ],
        "page": page.page + 1,
        "pages": page.pages,
        "paged": page.pages > 1,
        "has_products": bool(page.items),
    }


async def product_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    client = client_of(dialog_manager)
    product = await catalog.product_for(client, dialog_manager.dialog_data.get("product_id"))
    cart = await current_cart(client)
    in_cart = 0
    if cart is not None:
        item = await OrderItem.get_or_none(order_id=cart.id, product_id=product.id)
        in_cart = item.quantity if item else 0
    photo = None
    if product.photo_file_id:
        photo = MediaAttachment(ContentType.PHOTO, file_id=MediaId(product.photo_file_id))
    favorite = await catalog.is_favorite(client, product.id)
    return {
        "name": product.name,
        "description": product.description or "",
        "price": money(dialog_manager, product.price, product.currency),
        "photo": photo,
        "in_cart": in_cart,
        "favorite": favorite,
        "not_favorite": not favorite,
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
