"""The cart: lines with their flags, quantities, promo code, then checkout."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import TextInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Row, Select, Start, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.cart import getters, handlers
from dialogs.cart.states import CartDialog
from dialogs.catalog_view.states import CatalogView
from dialogs.checkout.states import Checkout
from dialogs.shop_inbox import ShopDialog
from dialogs.widgets import Tr


def cart_dialog() -> Dialog:
    return ShopDialog(
        Window(
            Tr("cart-empty", when="empty"),
            Tr("cart-summary", when="filled"),
            Tr("cart-discount", when="has_discount"),
            Tr("cart-promo-problem", when="has_promo_error"),
            Tr("cart-total", when="filled"),
            Tr("cart-has-issues", when="has_issues"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="line",
                    item_id_getter=itemgetter(0),
                    items="items",
                    type_factory=int,
                    on_click=handlers.on_line,
                )
            ),
            Button(
                Tr("cart-accept-prices"),
                id="accept",
                on_click=handlers.on_accept_prices,
                when="has_issues",
            ),
            SwitchTo(Tr("cart-promo"), id="promo", state=CartDialog.PROMO, when="filled"),
            Start(Tr("cart-checkout"), id="checkout", state=Checkout.ADDRESS, when="can_checkout"),
            Row(
                Start(Tr("menu-catalog"), id="catalog", state=CatalogView.CATEGORIES),
                Cancel(Tr("back"), id="close"),
            ),
            state=CartDialog.MAIN,
            getter=getters.cart_getter,
        ),
        Window(
            Tr("cart-line-card"),
            Row(
                Button(Format("➖"), id="minus", on_click=handlers.on_step),
                Button(Format("➕"), id="plus", on_click=handlers.on_step),
            ),
            Button(Tr("cart-remove"), id="remove", on_click=handlers.on_remove),
            TextInput(id="qty", on_success=handlers.on_quantity_typed),
            SwitchTo(Tr("back"), id="back", state=CartDialog.MAIN),
            state=CartDialog.LINE,
            getter=getters.line_getter,
        ),
        Window(
            Tr("promo-prompt"),
            Tr("promo-current", when="has_promo"),
            TextInput(id="code", on_success=handlers.on_promo_typed),
            Button(
                Tr("promo-remove"), id="drop", on_click=handlers.on_promo_removed, when="has_promo"
            ),
            SwitchTo(Tr("back"), id="back", state=CartDialog.MAIN),
            state=CartDialog.PROMO,
            getter=getters.promo_getter,
        ),
    )
