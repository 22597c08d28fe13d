"""The desk's erasure requests: a list of the open ones, each opening its answers."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Row, ScrollingGroup, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.erasure_desk.getters import request_getter, requests_getter
from dialogs.erasure_desk.handlers import on_done, on_open_card, on_refuse, on_request_chosen
from dialogs.erasure_desk.states import ErasureDesk
from dialogs.widgets import Tr

LIST_HEIGHT = 8


def erasure_desk_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("gdpr-requests-title"),
            Tr("gdpr-requests-empty", when="none"),
            ScrollingGroup(
                Select(
                    Format("{item[1]}"),
                    id="req",
                    item_id_getter=itemgetter(0),
                    items="requests",
                    on_click=on_request_chosen,
                ),
                id="req_pages",
                width=1,
                height=LIST_HEIGHT,
                hide_on_single_page=True,
            ),
            Cancel(Tr("gdpr-back"), id="back"),
            state=ErasureDesk.LIST,
            getter=requests_getter,
        ),
        Window(
            Tr("gdpr-request", when="present"),
            Tr("gdpr-request-gone", when="gone"),
            Button(Tr("gdpr-request-open-card"), id="card", on_click=on_open_card, when="present"),
            Row(
                Button(Tr("gdpr-request-done"), id="done", on_click=on_done, when="can_edit"),
                Button(Tr("gdpr-request-refuse"), id="refuse", on_click=on_refuse, when="can_edit"),
            ),
            SwitchTo(Tr("gdpr-back"), id="back", state=ErasureDesk.LIST),
            state=ErasureDesk.REQUEST,
            getter=request_getter,
        ),
    )
