"""Create an order for a client: products, quantities, address, promo, comment, confirm."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import TextInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.create_order import getters, handlers, placement
from dialogs.create_order.states import CreateOrder
from dialogs.widgets import Tr


def _select(id_: str, items: str, on_click, text: str = "{item[1]}") -> Column:
    return Column(
        Select(
            Format(text),
            id=id_,
            item_id_getter=itemgetter(0),
            items=items,
            type_factory=int,
            on_click=on_click,
        )
    )


def _pager() -> Row:
    return Row(
        Button(Format("◀️"), id="prev_page", on_click=handlers.on_page),
        Button(Format("▶️"), id="next_page", on_click=handlers.on_page),
        when="paged",
    )


def _cancel() -> Cancel:
    return Cancel(Tr("create-order-cancel"), id="abandon")


def items_window() -> Window:
    return Window(
        Tr("create-order-items"),
        TextInput(id="search", on_success=handlers.on_search),
        _select("line", "line_items", handlers.on_line, "✏️ {item[1]} × {item[2]}"),
        Button(Tr("create-order-browse"), id="browse", on_click=handlers.on_browse),
        Button(
            Tr("create-order-next"), id="to_address", on_click=handlers.on_next, when="has_lines"
        ),
        _cancel(),
        state=CreateOrder.ITEMS,
        getter=getters.items_getter,
    )


def catalog_window() -> Window:
    return Window(
        Tr("create-order-catalog-root", when="root"),
        Tr("create-order-catalog-empty", when="empty"),
        Tr("create-order-catalog-category", when="in_category"),
        _select("cat", "categories", handlers.on_category, "📂 {item[1]}"),
        _select("prod", "products", handlers.on_product),
        _pager(),
        Button(Tr("create-order-back"), id="up", on_click=handlers.on_catalog_up),
        state=CreateOrder.CATALOG,
        getter=getters.catalog_getter,
    )


def found_window() -> Window:
    return Window(
        Tr("create-order-found", when="found"),
        Tr("create-order-found-none", when="none_found"),
        TextInput(id="search", on_success=handlers.on_search),
        _select("prod", "products", handlers.on_product),
        _pager(),
        SwitchTo(Tr("create-order-back"), id="back", state=CreateOrder.ITEMS),
        state=CreateOrder.FOUND,
        getter=getters.found_getter,
    )


def quantity_window() -> Window:
    return Window(
        Tr("create-order-quantity"),
        Row(
            Select(
                Format("{item[1]}"),
                id="qty",
                item_id_getter=itemgetter(0),
                items="choices",
                type_factory=int,
                on_click=handlers.on_quantity_chosen,
            )
        ),
        TextInput(id="qty_typed", on_success=handlers.on_quantity_typed),
        Button(
            Tr("create-order-remove-line"),
            id="remove",
            on_click=handlers.on_remove_line,
            when="removable",
        ),
        Button(Tr("create-order-back"), id="back", on_click=handlers.on_quantity_back),
        state=CreateOrder.QUANTITY,
        getter=getters.quantity_getter,
    )


def address_window() -> Window:
    return Window(
        Tr("create-order-address"),
        _select("addr", "addresses", placement.on_saved_address, "📍 {item[1]}"),
        Button(Tr("create-order-address-new"), id="new_addr", on_click=placement.on_new_address),
        SwitchTo(Tr("create-order-back"), id="back", state=CreateOrder.ITEMS),
        state=CreateOrder.ADDRESS,
        getter=getters.address_getter,
    )


def address_field_window(state, prompt: str) -> Window:
    return Window(
        Tr(prompt),
        TextInput(id="address_field", on_success=placement.on_address_field),
        SwitchTo(Tr("create-order-back"), id="back", state=CreateOrder.ADDRESS),
        state=state,
    )


def promo_window() -> Window:
    return Window(
        Tr("create-order-promo"),
        TextInput(id="promo", on_success=placement.on_promo_typed),
        Button(Tr("create-order-skip"), id="skip", on_click=placement.on_promo_skip),
        SwitchTo(Tr("create-order-back"), id="back", state=CreateOrder.ADDRESS),
        state=CreateOrder.PROMO,
    )


def comment_window() -> Window:
    return Window(
        Tr("create-order-comment"),
        TextInput(id="comment", on_success=placement.on_comment_typed),
        Button(Tr("create-order-skip"), id="skip", on_click=placement.on_comment_skip),
        SwitchTo(Tr("create-order-back"), id="back", state=CreateOrder.PROMO),
        state=CreateOrder.COMMENT,
    )


def summary_window() -> Window:
    return Window(
        Tr("create-order-client-gone", when="gone"),
        Tr("create-order-summary", when="ready"),
        Tr("create-order-summary-discount", when="has_discount"),
        Tr("create-order-summary-promo-problem", when="has_promo_error"),
        Tr("create-order-summary-total", when="ready"),
        Tr("create-order-summary-blocked", when="blocked"),
        Tr("create-order-summary-issues", when="has_issues"),
        Button(
            Tr("create-order-confirm"), id="confirm", on_click=placement.on_confirm, when="ready"
        ),
        Button(
            Tr("create-order-payment"),
            id="payment",
            on_click=placement.on_payment_toggle,
            when="ready",
        ),
        Row(
            SwitchTo(Tr("create-order-edit-items"), id="items", state=CreateOrder.ITEMS),
            SwitchTo(Tr("create-order-back"), id="back", state=CreateOrder.COMMENT),
        ),
        _cancel(),
        state=CreateOrder.SUMMARY,
        getter=getters.summary_getter,
    )


def done_window() -> Window:
    return Window(
        Tr("create-order-done"),
        Tr("create-order-notified", when="notified"),
        Tr("create-order-not-notified", when="not_notified"),
        Cancel(Tr("create-order-to-card"), id="to_card"),
        state=CreateOrder.DONE,
        getter=getters.done_getter,
    )


ADDRESS_PROMPTS = (
    (CreateOrder.RECIPIENT, "address-prompt-recipient"),
    (CreateOrder.STREET, "address-prompt-street"),
    (CreateOrder.CITY, "address-prompt-city"),
    (CreateOrder.POSTAL_CODE, "address-prompt-postal_code"),
    (CreateOrder.COUNTRY, "address-prompt-country"),
)


def create_order_dialog() -> Dialog:
    return Dialog(
        items_window(),
        catalog_window(),
        found_window(),
        quantity_window(),
        address_window(),
        *(address_field_window(state, prompt) for state, prompt in ADDRESS_PROMPTS),
        promo_window(),
        comment_window(),
        summary_window(),
        done_window(),
    )
