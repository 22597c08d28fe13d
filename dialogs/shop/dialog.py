from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Column, Select, SwitchTo
from aiogram_dialog.widgets.link_preview import LinkPreview
from aiogram_dialog.widgets.text import Format

from dialogs.desk.handlers import open_desk
from dialogs.shop.getters import language_getter, main_getter, referral_getter
from dialogs.shop.handlers import on_language_chosen
from dialogs.shop.states import MainMenu
from dialogs.widgets import Tr


def main_menu_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("menu-greeting"),
            SwitchTo(Tr("menu-invite"), id="invite", state=MainMenu.REFERRAL),
            SwitchTo(Tr("menu-language"), id="language", state=MainMenu.LANGUAGE),
            Button(Tr("menu-desk"), id="desk", on_click=open_desk, when="is_staff"),
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
    )
