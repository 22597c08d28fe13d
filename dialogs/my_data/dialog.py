"""The customer's "My data" (menu button): download everything, or ask for erasure."""

from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo

from dialogs.my_data.getters import my_data_getter
from dialogs.my_data.handlers import on_download, on_erase_confirmed
from dialogs.my_data.states import MyData
from dialogs.shop_inbox import ShopDialog
from dialogs.widgets import Tr


def my_data_dialog() -> Dialog:
    return ShopDialog(
        Window(
            Tr("gdpr-my-data"),
            Tr("gdpr-my-data-pending", when="pending"),
            Button(Tr("gdpr-download"), id="download", on_click=on_download),
            SwitchTo(
                Tr("gdpr-erase"),
                id="erase",
                state=MyData.ERASE,
                when=lambda data, *_: not data["pending"],
            ),
            Cancel(Tr("gdpr-back"), id="back"),
            state=MyData.MAIN,
            getter=my_data_getter,
        ),
        Window(
            Tr("gdpr-erase-confirm"),
            Button(Tr("gdpr-erase-yes"), id="erase_yes", on_click=on_erase_confirmed),
            SwitchTo(Tr("gdpr-back"), id="back", state=MyData.MAIN),
            state=MyData.ERASE,
        ),
    )
