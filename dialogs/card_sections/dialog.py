"""The card's read-only sections (favorites; promo codes, current order, refresh,
referrals, history), and the card's buttons that open every section."""

from __future__ import annotations

from operator import itemgetter

from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.api.internal import Widget
from aiogram_dialog.dialog import GetterVariant
from aiogram_dialog.widgets.kbd import Button, Column, Row, Select
from aiogram_dialog.widgets.media import DynamicMedia
from aiogram_dialog.widgets.text import Format

from dialogs.card_sections.common import close_section, pager
from dialogs.card_sections.getters import (
    favorites_getter,
    order_getter,
    product_getter,
    promos_getter,
    referrals_getter,
)
from dialogs.card_sections.handlers import (
    on_favorite,
    on_referral,
    on_referrer,
    open_section,
    to_favorites,
)
from dialogs.card_sections.history import history_getter
from dialogs.card_sections.refresh import on_refresh, refresh_getter
from dialogs.card_sections.states import CardFavorites, CardInfo
from dialogs.widgets import Tr

MISSING = Tr("sections-client-missing", when="missing")
LINES = Format("{lines}", when="lines")


def nothing_listed(data: dict, *_: object) -> bool:
    return data.get("present", False) and not data.get("total")


def card_section_rows() -> list[Row]:
    """The card's main window shows these above its Close button."""
    return [
        Row(
            Button(Tr("sections-open-addresses"), id="addresses", on_click=open_section),
            Button(Tr("sections-open-favorites"), id="favorites", on_click=open_section),
            when="present",
        ),
        Row(
            Button(Tr("sections-open-promos"), id="promos", on_click=open_section),
            Button(Tr("sections-open-order"), id="order", on_click=open_section),
            when="present",
        ),
        Row(
            Button(Tr("sections-open-refresh"), id="refresh", on_click=on_refresh, when="can_edit"),
            Button(
                Tr("sections-open-referrals"), id="referrals", on_click=open_section, when="present"
            ),
            Button(Tr("sections-open-history"), id="history", on_click=open_section),
            when=lambda data, *_: not data["missing"],
        ),
    ]


def _back() -> Button:
    return Button(Tr("sections-back-to-card"), id="close", on_click=close_section)


def card_favorites_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("sections-favorites", when="present"),
            MISSING,
            Column(
                Select(
                    Format("{item[1]}"),
                    id="product",
                    item_id_getter=itemgetter(0),
                    items="items",
                    on_click=on_favorite,
                ),
            ),
            _back(),
            state=CardFavorites.LIST,
            getter=favorites_getter,
        ),
        Window(
            DynamicMedia("photo", when="has_photo"),
            Tr("sections-product", when="present"),
            Tr("sections-product-gone", when="gone"),
            Button(Tr("sections-back"), id="back", on_click=to_favorites),
            state=CardFavorites.PRODUCT,
            getter=product_getter,
        ),
    )


def _info_window(text: str, state: State, getter: GetterVariant, *widgets: Widget) -> Window:
    return Window(Tr(text, when="present"), MISSING, *widgets, _back(), state=state, getter=getter)


def card_info_dialog() -> Dialog:
    return Dialog(
        _info_window(
            "sections-promos",
            CardInfo.PROMOS,
            promos_getter,
            Tr("sections-promos-none", when=nothing_listed),
            LINES,
            pager(),
        ),
        Window(
            Tr("sections-order", when="has_order"),
            LINES,
            Tr("sections-order-subtotal", when="has_order"),
            Format("{discount_line}", when="discount_line"),
            Tr("sections-order-total", when="has_order"),
            Tr("sections-order-issues", when="has_issues"),
            Tr("sections-order-none", when="no_order"),
            MISSING,
            _back(),
            state=CardInfo.ORDER,
            getter=order_getter,
        ),
        Window(
            Tr("sections-refresh"),
            Format("{changes}", when="changes"),
            _back(),
            state=CardInfo.REFRESH,
            getter=refresh_getter,
        ),
        _info_window(
            "sections-referrals",
            CardInfo.REFERRALS,
            referrals_getter,
            Button(
                Tr("sections-open-referrer"),
                id="referrer",
                on_click=on_referrer,
                when="has_referrer",
            ),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="referral",
                    item_id_getter=itemgetter(0),
                    items="items",
                    on_click=on_referral,
                ),
            ),
            pager(),
        ),
        _info_window(
            "sections-history",
            CardInfo.HISTORY,
            history_getter,
            Tr("sections-history-none", when=nothing_listed),
            LINES,
            pager(),
        ),
    )
