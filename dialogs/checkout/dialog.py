"""Checkout: address, phone (shared or typed), email, promo, comment, payment, summary."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, StartMode, Window
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Cancel,
    Column,
    Row,
    Select,
    Start,
    SwitchTo,
)
from aiogram_dialog.widgets.text import Format

from dialogs.addresses.states import AddressForm
from dialogs.checkout import getters, handlers
from dialogs.checkout.states import Checkout
from dialogs.my_orders.states import MyOrders
from dialogs.shop.states import MainMenu
from dialogs.shop_inbox import ShopDialog
from dialogs.widgets import Tr


def checkout_dialog() -> Dialog:
    return ShopDialog(
        Window(
            Tr("checkout-address"),
            Column(
                Select(
                    Format("📍 {item[1]}"),
                    id="addr",
                    item_id_getter=itemgetter(0),
                    items="addresses",
                    type_factory=int,
                    on_click=handlers.on_saved_address,
                )
            ),
            Start(Tr("address-add"), id="new", state=AddressForm.RECIPIENT),
            Cancel(Tr("back"), id="cancel"),
            state=Checkout.ADDRESS,
            getter=getters.address_getter,
            on_process_result=handlers.on_new_address,
        ),
        Window(
            Tr("checkout-phone"),
            MessageInput(handlers.on_contact, content_types=[ContentType.CONTACT]),
            TextInput(id="phone", on_success=handlers.on_phone_typed),
            Button(
                Format("📞 {known_phone}"),
                id="known",
                on_click=handlers.on_known_phone,
                when="has_phone",
            ),
            SwitchTo(Tr("back"), id="back", state=Checkout.ADDRESS),
            state=Checkout.PHONE,
            getter=getters.phone_getter,
        ),
        Window(
            Tr("checkout-email"),
            TextInput(id="email", on_success=handlers.on_email_typed),
            Button(
                Format("{known_email}"),
                id="known",
                on_click=handlers.on_known_email,
                when="has_email",
            ),
            SwitchTo(Tr("checkout-skip"), id="skip", state=Checkout.PROMO),
            state=Checkout.EMAIL,
            getter=getters.email_getter,
        ),
        Window(
            Tr("checkout-promo"),
            TextInput(id="promo", on_success=handlers.on_promo_typed),
            SwitchTo(Tr("checkout-skip"), id="skip", state=Checkout.COMMENT),
            SwitchTo(Tr("back"), id="back", state=Checkout.EMAIL),
            state=Checkout.PROMO,
        ),
        Window(
            Tr("checkout-comment"),
            TextInput(id="comment", on_success=handlers.on_comment_typed),
            SwitchTo(Tr("checkout-skip"), id="skip", state=Checkout.PAYMENT),
            SwitchTo(Tr("back"), id="back", state=Checkout.PROMO),
            state=Checkout.COMMENT,
        ),
        Window(
            Tr("checkout-payment"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="pay",
                    item_id_getter=itemgetter(0),
                    items="methods",
                    on_click=handlers.on_payment,
                )
            ),
            SwitchTo(Tr("back"), id="back", state=Checkout.COMMENT),
            state=Checkout.PAYMENT,
            getter=getters.payment_getter,
        ),
        Window(
            Tr("cart-summary"),
            Tr("cart-discount", when="has_discount"),
            Tr("cart-promo-problem", when="has_promo_error"),
            Tr("cart-total"),
            Tr("checkout-summary"),
            Tr("cart-has-issues", when="has_issues"),
            Button(Tr("checkout-confirm"), id="confirm", on_click=handlers.on_confirm),
            Row(
                SwitchTo(Tr("back"), id="back", state=Checkout.PAYMENT),
                Cancel(Tr("checkout-to-cart"), id="to_cart"),
            ),
            state=Checkout.SUMMARY,
            getter=getters.summary_getter,
        ),
        Window(
            Tr("checkout-done"),
            Start(Tr("menu-orders"), id="orders", state=MyOrders.LIST, mode=StartMode.RESET_STACK),
            Start(Tr("menu-main"), id="menu", state=MainMenu.MAIN, mode=StartMode.RESET_STACK),
            state=Checkout.DONE,
            getter=getters.done_getter,
        ),
    )
