"""Customer main menu."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Column, Row, Select, Start, SwitchTo
from aiogram_dialog.widgets.link_preview import LinkPreview
from aiogram_dialog.widgets.text import Format

from dialogs.addresses.states import AddressBook
from dialogs.cart.states import CartDialog
from dialogs.catalog_view.states import CatalogView
from dialogs.chat.dialog import not_a_command
from dialogs.desk.handlers import open_desk
from dialogs.my_data.states import MyData
from dialogs.my_orders.states import MyOrders
from dialogs.shop.getters import language_getter, main_getter, referral_getter
from dialogs.shop.handlers import on_contact_typed, on_language_chosen, on_menu_message
from dialogs.shop.states import MainMenu
from dialogs.widgets import Tr


def main_menu_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("menu-greeting"),
            Tr("menu-no-catalog", when="no_catalog"),
            Row(
                Start(Tr("menu-catalog"), id="catalog", state=CatalogView.CATEGORIES),
                Start(Tr("menu-cart-count"), id="cart", state=CartDialog.MAIN),
                when="can_shop",
            ),
            Row(
                Start(Tr("menu-orders"), id="orders", state=MyOrders.LIST),
                Start(
                    Tr("menu-favorites"),
                    id="favorites",
                    state=CatalogView.FAVORITES,
                    when="can_shop",
                ),
            ),
            Row(
                Start(Tr("menu-addresses"), id="addresses", state=AddressBook.LIST),
                SwitchTo(Tr("menu-contact"), id="contact", state=MainMenu.CONTACT),
            ),
            SwitchTo(Tr("menu-invite"), id="invite", state=MainMenu.REFERRAL),
            SwitchTo(Tr("menu-language"), id="language", state=MainMenu.LANGUAGE),
            Start(Tr("menu-my-data"), id="my_data", state=MyData.MAIN),
            Button(Tr("menu-desk"), id="desk", on_click=open_desk, when="is_staff"),
            MessageInput(on_menu_message, filter=not_a_command),
            state=MainMenu.MAIN,
            getter=main_getter,
        ),
        Window(
            Tr("language-choose"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="locale",
                    item_id_getter=itemgetter(0),
                    items="languages",
                    on_click=on_language_chosen,
                )
            ),
            SwitchTo(Tr("back"), id="back", state=MainMenu.MAIN),
            state=MainMenu.LANGUAGE,
            getter=language_getter,
        ),
        Window(
            Tr("referral-info"),
            SwitchTo(Tr("back"), id="back", state=MainMenu.MAIN),
            LinkPreview(is_disabled=True),
            state=MainMenu.REFERRAL,
            getter=referral_getter,
        ),
        Window(
            Tr("contact-prompt"),
            TextInput(id="contact", on_success=on_contact_typed),
            SwitchTo(Tr("back"), id="back", state=MainMenu.MAIN),
            state=MainMenu.CONTACT,
        ),
    )
