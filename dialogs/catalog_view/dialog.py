"""The catalog as customers browse it: categories, products with photos, ❤️, add to cart."""

from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import TextInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Row, Start, SwitchTo
from aiogram_dialog.widgets.media import DynamicMedia
from aiogram_dialog.widgets.text import Format

from dialogs.cart.states import CartDialog
from dialogs.catalog_view import getters, handlers
from dialogs.catalog_view.states import CatalogView
from dialogs.shop_inbox import ShopDialog
from dialogs.widgets import ItemColumn, Tr


def catalog_view_dialog() -> Dialog:
    to_cart = Start(Tr("menu-cart"), id="cart", state=CartDialog.MAIN)
    return ShopDialog(
        Window(
            Tr("catalog-title"),
            Tr("catalog-empty", when="empty"),
            ItemColumn("cat", "categories", handlers.on_category),
            Row(to_cart, Cancel(Tr("back"), id="close")),
            state=CatalogView.CATEGORIES,
            getter=getters.categories_getter,
        ),
        Window(
            Tr("catalog-category"),
            ItemColumn("sub", "subcategories", handlers.on_category),
            ItemColumn("prod", "products", handlers.on_product),
            Row(
                Button(Format("◀️"), id="prev", on_click=handlers.on_page),
                Button(Format("▶️"), id="next", on_click=handlers.on_page),
                when="paged",
            ),
            Row(to_cart, Button(Tr("back"), id="up", on_click=handlers.on_category_back)),
            state=CatalogView.CATEGORY,
            getter=getters.category_getter,
        ),
        Window(
            DynamicMedia("photo", when="photo"),
            Tr("catalog-product"),
            Row(
                Button(
                    Tr("catalog-favorite-on"),
                    id="fav",
                    on_click=handlers.on_favorite,
                    when="not_favorite",
                ),
                Button(
                    Tr("catalog-favorite-off"),
                    id="unfav",
                    on_click=handlers.on_favorite,
                    when="favorite",
                ),
                SwitchTo(Tr("catalog-add"), id="add", state=CatalogView.QUANTITY),
            ),
            Row(to_cart, Button(Tr("back"), id="back", on_click=handlers.on_product_back)),
            state=CatalogView.PRODUCT,
            getter=getters.product_getter,
        ),
        Window(
            Tr("catalog-quantity"),
            ItemColumn("qty", "choices", handlers.on_quantity_chosen, in_row=True),
            TextInput(id="qty_typed", on_success=handlers.on_quantity_typed),
            SwitchTo(Tr("back"), id="back", state=CatalogView.PRODUCT),
            state=CatalogView.QUANTITY,
            getter=getters.quantity_getter,
        ),
        Window(
            Tr("favorites-title"),
            Tr("favorites-empty", when="empty"),
            ItemColumn("fav_prod", "favorites", handlers.on_product),
            Row(to_cart, Cancel(Tr("back"), id="close")),
            state=CatalogView.FAVORITES,
            getter=getters.favorites_getter,
        ),
    )
