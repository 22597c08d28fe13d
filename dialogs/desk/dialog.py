from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Row

from dialogs.desk.getters import overview_getter
from dialogs.desk.handlers import on_refresh, to_shop_menu
from dialogs.desk.states import DeskMenu
from dialogs.widgets import Tr


def desk_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("desk-overview"),
            Row(
                Button(Tr("desk-refresh"), id="refresh", on_click=on_refresh),
                Button(Tr("desk-to-shop"), id="shop", on_click=to_shop_menu),
            ),
            state=DeskMenu.MAIN,
            getter=overview_getter,
        ),
    )
