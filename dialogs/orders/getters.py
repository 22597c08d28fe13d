"""Getters of the order desk: ask `bot.services.order_desk`, shape the text (HTML-escaped)."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.money import format_money
from bot.services.order_desk import (
    ALL,
    MAX_NOTE,
    PAGE_SIZE,
    STATUS_CHOICES,
    HistoryStep,
    OrderCard,
    OrderRow,
    count_orders,
    listed_client,
    order_card,
    order_page,
)
from bot.services.orders import OrderError
from bot.services.roles import can_edit
from dialogs.access import require_staff_in, role_in
from dialogs.orders.context import CLIENT_ID, ERROR, ORDER_ID, VERSION, start_id
from dialogs.orders.view import OrderListView
from models import Client, Order

NAME_IN_BUTTON = 30
# a card stays under Telegram's 4096 characters with a full note and comment
NAME_IN_CARD = 50
MAX_ITEM_LINES = 10
MAX_STEP_LINES = 6
TELEGRAM_TEXT_LIMIT = 4096
CUT_TEXT = 150


def _i18n(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def _esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "—"


def client_name(client: Client | None, i18n: I18nContext) -> str:
    """Plain text (escape it for HTML)."""
    if client is None:
        return i18n.get("orders-desk-no-client")
    if client.anonymized_at is not None:
        return i18n.get("clients-anonymized", id=client.id)
    return client.display_name


def status_label(status: str, i18n: I18nContext) -> str:
    return i18n.get(f"order-status-{status}")


def choice_label(choice: str, i18n: I18nContext) -> str:
    if choice in ("open", ALL):
        return i18n.get(f"orders-desk-status-{choice}")
    return status_label(choice, i18n)


def row_label(row: OrderRow, i18n: I18nContext) -> str:
    order = row.order
    parts = [
        f"#{order.id}",
        order.placed_at.strftime("%Y-%m-%d") if order.placed_at else "—",
        client_name(row.client, i18n)[:NAME_IN_BUTTON],
        format_money(order.total, order.currency, i18n.locale),
        status_label(order.status, i18n),
    ]
    return " · ".join(parts)


async def list_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    client_id = start_id(dialog_manager, CLIENT_ID)
    view = OrderListView.load(dialog_manager.dialog_data)
    choice = ALL if client_id is not None else view.status
    if view.total is None:
        view.total = await count_orders(choice, client_id)
    page = await order_page(choice, client_id, view.anchor, forward=view.forward)
    if view.page > 1 and (not page.rows or (not view.forward and not page.more)):
        # the rows moved under us (or we reached the newest going back): the first page
        total = view.total
        view.restart()
        view.total = total
        page = await order_page(choice, client_id)
    view.shown(page)
    view.save(dialog_manager.dialog_data)
    header = ""
    if client_id is not None:
        client = await listed_client(client_id)
        header = i18n.get("orders-desk-client-header", client=_esc(client_name(client, i18n)))
    return {
        "for_client": client_id is not None,
        "client_header": header,
        "status": choice_label(choice, i18n),
        "total": view.total,
        "page": view.page,
        "pages": max(-(-view.total // PAGE_SIZE), view.page, 1),
        "rows": [(row.order.id, row_label(row, i18n)) for row in page.rows],
        "empty": not page.rows,
        "has_prev": view.page > 1,
        "has_next": view.has_next,
    }


async def status_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    current = OrderListView.load(dialog_manager.dialog_data).status
    return {
        "options": [
            (choice, ("• " if choice == current else "") + choice_label(choice, i18n))
            for choice in STATUS_CHOICES
        ]
    }


def _shortened(lines: list[str], keep: int, i18n: I18nContext, *, last: bool = False) -> str:
    """At most `keep` lines and a "+N more" line: a card must fit one Telegram message."""
    if len(lines) <= keep:
        return "\n".join(lines)
    more = i18n.get("orders-desk-more", count=len(lines) - keep)
    return "\n".join([more, *lines[-keep:]] if last else [*lines[:keep], more])


def _items_text(card: OrderCard, i18n: I18nContext) -> str:
    currency = card.order.currency
    lines = [
        i18n.get(
            "orders-desk-item",
            name=_esc(item.product_name[:NAME_IN_CARD]),
            quantity=item.quantity,
            price=format_money(item.unit_price, currency, i18n.locale),
            total=format_money(item.line_total, currency, i18n.locale),
        )
        for item in card.items
    ]
    return _shortened(lines, MAX_ITEM_LINES, i18n)


def _step_text(step: HistoryStep, i18n: I18nContext) -> str:
    who = _esc(step.by.display_name) if step.by else i18n.get("orders-desk-by-client")
    return i18n.get(
        "orders-desk-history-step",
        when=_when(step.at),
        status=status_label(step.to_status, i18n),
        who=who,
    )


def _payment_text(order: Order, i18n: I18nContext) -> str:
    method = i18n.get(f"payment-{order.payment_method}") if order.payment_method else "—"
    lines = [i18n.get("orders-desk-payment", method=method)]
    if order.paid_at is not None and order.paid_amount is not None:
        lines.append(
            i18n.get(
                "orders-desk-paid",
                amount=format_money(order.paid_amount, order.currency, i18n.locale),
                when=_when(order.paid_at),
                charge=_esc(order.payment_charge_id or "—"),
            )
        )
    return "\n".join(lines)


def _cut(text: str | None, limit: int | None) -> str:
    """Plain text, cut before it is escaped (never inside an HTML entity)."""
    text = text or ""
    return text if limit is None or len(text) <= limit else text[:limit] + "…"


def card_text(card: OrderCard, i18n: I18nContext, cut: int | None = None) -> str:
    """The card; with `cut`, the long free texts shortened to that many characters."""
    order, money = card.order, lambda amount: format_money(amount, order.currency, i18n.locale)
    optional = {
        "orders-desk-discount": order.discount > 0,
        "orders-desk-promo": card.promo_code is not None,
        "orders-desk-card-total": True,
        "orders-desk-comment": bool(order.comment),
        "orders-desk-note": bool(order.manager_note),
    }
    args = {
        "id": str(order.id),
        "status": status_label(order.status, i18n),
        "placed": _when(order.placed_at),
        "client": _esc(client_name(card.client, i18n)),
        "name": _esc(_cut(order.contact_name, cut) or "—"),
        "phone": _esc(order.contact_phone or "—"),
        "email": _esc(_cut(order.contact_email, cut) or "—"),
        "address": _esc(_cut(order.address_text, cut) or "—"),
        "items": _items_text(card, i18n),
        "subtotal": money(order.subtotal),
        "discount": money(order.discount),
        "total": money(order.total),
        "promo": _esc(card.promo_code or ""),
        "comment": _esc(_cut(order.comment, cut)),
        "note": _esc(_cut(order.manager_note, cut)),
        "created_by": _esc(card.created_by.display_name)
        if card.created_by
        else i18n.get("orders-desk-by-client"),
        "history": _shortened(
            [_step_text(step, i18n) for step in card.history], MAX_STEP_LINES, i18n, last=True
        )
        or "—",
        "payment": _payment_text(order, i18n),
    }
    parts = [i18n.get("orders-desk-card", **args)]
    parts += [i18n.get(key, **args) for key, shown in optional.items() if shown]
    parts.append(i18n.get("orders-desk-card-history", **args))
    return "\n".join(parts)


def _fitting_card_text(card: OrderCard, i18n: I18nContext) -> str:
    text = card_text(card, i18n)
    return text if len(text) <= TELEGRAM_TEXT_LIMIT else card_text(card, i18n, cut=CUT_TEXT)


async def card_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    try:
        card = await order_card(start_id(dialog_manager, ORDER_ID))
    except OrderError:
        return {
            "present": False,
            "card_text": i18n.get("order-not-found"),
            "can_edit": False,
            "next_statuses": [],
            "has_client": False,
        }
    dialog_manager.dialog_data[VERSION] = card.order.version
    editor = can_edit(role_in(dialog_manager))
    return {
        "present": True,
        "card_text": _fitting_card_text(card, i18n),
        "can_edit": editor,
        "next_statuses": [
            (status.value, i18n.get("orders-desk-move-to", status=status_label(status, i18n)))
            for status in card.next_statuses
        ],
        "has_client": card.client is not None,
    }


async def note_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    error = dialog_manager.dialog_data.get(ERROR)
    text = _i18n(dialog_manager).get(error, limit=MAX_NOTE) if isinstance(error, str) else ""
    return {"error_text": text}
