"""Promo codes (staff): list, card with redemptions, create, deactivate."""

from __future__ import annotations

from operator import itemgetter

from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Column, Row, Select
from aiogram_dialog.widgets.text import Format

from dialogs.catalog.feedback import ERROR_TEXT, close, common_getter, pager
from dialogs.promo import handlers as h
from dialogs.promo.getters import (
    LIST_PAGE,
    USES_PAGE,
    card_getter,
    draft_getter,
    list_getter,
    summary_getter,
)
from dialogs.promo.states import PromoAdmin
from dialogs.widgets import Tr

EDITOR = "can_edit"


def _list_window() -> Window:
    return Window(
        Tr("promo-admin-list"),
        ERROR_TEXT,
        Column(
            Select(
                Format("{item[1]}"),
                id="code",
                item_id_getter=itemgetter(0),
                items="codes",
                type_factory=int,
                on_click=h.on_promo_chosen,
            )
        ),
        pager(LIST_PAGE),
        Button(Tr("promo-admin-new"), id="new", on_click=h.start_new_code, when=EDITOR),
        Button(Tr("back"), id="close", on_click=close),
        state=PromoAdmin.LIST,
        getter=[common_getter, list_getter],
    )


def _card_window() -> Window:
    return Window(
        Tr("promo-admin-card"),
        Format("{redemptions}", when="redemptions"),
        ERROR_TEXT,
        pager(USES_PAGE),
        Button(Tr("promo-admin-toggle-active"), id="toggle", on_click=h.toggle_active, when=EDITOR),
        Button(Tr("back"), id="back", on_click=h.to_list),
        state=PromoAdmin.CARD,
        getter=[common_getter, card_getter],
    )


def _input_window(state: State, prompt: str, optional: bool = True) -> Window:
    return Window(
        Tr(prompt),
        ERROR_TEXT,
        MessageInput(h.on_field),
        *([Button(Tr("promo-admin-skip"), id="skip", on_click=h.skip_field)] if optional else []),
        Button(Tr("promo-admin-cancel"), id="cancel", on_click=h.to_list),
        state=state,
        getter=[common_getter, draft_getter],
    )


def _kind_window() -> Window:
    return Window(
        Tr("promo-admin-ask-kind"),
        ERROR_TEXT,
        Row(
            Button(Tr("promo-admin-kind-percent"), id="percent", on_click=h.on_kind),
            Button(Tr("promo-admin-kind-fixed"), id="fixed", on_click=h.on_kind),
        ),
        Button(Tr("promo-admin-cancel"), id="cancel", on_click=h.to_list),
        state=PromoAdmin.KIND,
        getter=[common_getter, draft_getter],
    )


def _summary_window() -> Window:
    return Window(
        Tr("promo-admin-summary"),
        ERROR_TEXT,
        Row(
            Button(Tr("promo-admin-create"), id="create", on_click=h.on_create),
            Button(Tr("promo-admin-cancel"), id="cancel", on_click=h.to_list),
        ),
        state=PromoAdmin.SUMMARY,
        getter=[common_getter, summary_getter],
    )


def promo_dialog() -> Dialog:
    return Dialog(
        _list_window(),
        _card_window(),
        _input_window(PromoAdmin.CODE, "promo-admin-ask-code", optional=False),
        _kind_window(),
        _input_window(PromoAdmin.VALUE, "promo-admin-ask-value", optional=False),
        _input_window(PromoAdmin.MIN_TOTAL, "promo-admin-ask-min-total"),
        _input_window(PromoAdmin.VALID_FROM, "promo-admin-ask-valid-from"),
        _input_window(PromoAdmin.VALID_UNTIL, "promo-admin-ask-valid-until"),
        _input_window(PromoAdmin.MAX_USES, "promo-admin-ask-max-uses"),
        _input_window(PromoAdmin.MAX_PER_CLIENT, "promo-admin-ask-max-per-client"),
        _summary_window(),
    )
