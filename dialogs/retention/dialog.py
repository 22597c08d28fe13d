"""Settings → Data retention: off by default; the dry run shown first and on demand."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Select
from aiogram_dialog.widgets.text import Format

from dialogs.retention.getters import retention_getter
from dialogs.retention.handlers import (
    on_recount,
    on_turn_off,
    on_turn_on,
    on_years,
    to_confirm,
    to_main,
)
from dialogs.retention.states import RetentionSettings
from dialogs.widgets import Tr


def retention_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("retention-saved", when="saved"),
            Tr("retention-main"),
            Group(
                Select(
                    Format("{item[1]}"),
                    id="years",
                    item_id_getter=itemgetter(0),
                    items="year_items",
                    type_factory=int,
                    on_click=on_years,
                ),
                width=5,
            ),
            Button(Tr("retention-recount"), id="recount", on_click=on_recount),
            Button(Tr("retention-turn-on"), id="on", on_click=to_confirm, when="disabled"),
            Button(Tr("retention-save-years"), id="save", on_click=to_confirm, when="changed"),
            Button(Tr("retention-turn-off"), id="off", on_click=on_turn_off, when="enabled"),
            Cancel(Tr("back")),
            state=RetentionSettings.MAIN,
            getter=retention_getter,
        ),
        Window(
            Tr("retention-confirm"),
            Button(Tr("retention-yes"), id="yes", on_click=on_turn_on),
            Button(Tr("retention-no"), id="no", on_click=to_main),
            state=RetentionSettings.CONFIRM,
            getter=retention_getter,
        ),
    )
