"""Getters of the create-order windows: every one re-checks the editor role first."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager

from bot.services import catalog
from bot.services.addresses import address_text, client_addresses
from bot.services.cart import LineIssue
from bot.services.manager_orders import order_target
from bot.services.money import format_money
from bot.services.order_drafts import DraftError, DraftQuote, OrderDraft, quote_draft
from dialogs.access import require_editor_in
from dialogs.client_card.context import card_client_id, i18n_in
from dialogs.create_order.context import draft_of, promo_text
from models import Client

QUANTITY_CHOICES = (1, 2, 3, 5, 10)
BUTTON_TEXT = 60


def _money(manager: DialogManager, amount: Decimal, currency: str | None = None) -> str:
    return format_money(Decimal(amount), currency, i18n_in(manager).locale)


async def _target(manager: DialogManager) -> Client | None:
    try:
        return await order_target(card_client_id(manager))
    except DraftError:
        return None


def _lines_text(manager: DialogManager, draft: OrderDraft) -> str:
    i18n = i18n_in(manager)
    if not draft.lines:
        return i18n.get("create-order-no-lines")
    return "\n".join(
        i18n.get(
            "create-order-line",
            quantity=line.quantity,
            name=line.name,
            total=_money(manager, line.unit_price * line.quantity),
        )
        for line in draft.lines
    )


async def items_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    client = await _target(dialog_manager)
    draft = draft_of(dialog_manager)
    return {
        "client": client.display_name if client else "—",
        "client_id": str(card_client_id(dialog_manager) or ""),
        "lines": _lines_text(dialog_manager, draft),
        "line_items": [(ln.product_id, ln.quantity, ln.name[:BUTTON_TEXT]) for ln in draft.lines],
        "has_lines": bool(draft.lines),
    }


def _product_items(manager: DialogManager, products: list[Any]) -> list[tuple[int, str]]:
    return [(p.id, f"{p.name[:BUTTON_TEXT]} · {_money(manager, p.price)}") for p in products]


def _paging(page: catalog.Page[Any]) -> dict[str, Any]:
    return {"page": page.page + 1, "pages": page.pages, "paged": page.pages > 1}


async def _root_view() -> dict[str, Any]:
    categories = await catalog.shown_categories(None)
    return {
        "root": True,
        "in_category": False,
        "empty": not categories,
        "categories": [(c.id, c.name[:BUTTON_TEXT]) for c in categories],
        "products": [],
        "paged": False,
    }


async def catalog_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    data = dialog_manager.dialog_data
    try:
        view = await catalog.shown_category_view(data["category_id"], int(data.get("page") or 0))
    except (KeyError, catalog.NotFound):  # the root, or a category hidden meanwhile
        data.update(category_id=None, trail=[], page=0)
        return await _root_view()
    category, children, page = view.category, view.children, view.products
    data["page"] = page.page
    return {
        "root": False,
        "in_category": True,
        "empty": False,
        "category": category.name,
        "categories": [(c.id, c.name[:BUTTON_TEXT]) for c in children],
        "products": _product_items(dialog_manager, page.items),
        **_paging(page),
    }


async def found_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    data = dialog_manager.dialog_data
    query = str(data.get("query") or "")
    page = await catalog.find_products(query, int(data.get("page") or 0))
    data["page"] = page.page
    return {
        "query": query,
        "total": page.total,
        "found": page.total > 0,
        "none_found": page.total == 0,
        "products": _product_items(dialog_manager, page.items),
        **_paging(page),
    }


async def quantity_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    draft = draft_of(dialog_manager)
    product_id = dialog_manager.dialog_data.get("product_id")
    in_draft = draft.quantity_of(product_id) if isinstance(product_id, int) else 0
    name = next((ln.name for ln in draft.lines if ln.product_id == product_id), "")
    price = ""
    try:
        product = await catalog.shown_product(product_id)
        name, price = product.name, _money(dialog_manager, product.price)
    except catalog.NotFound:
        price = i18n_in(dialog_manager).get("create-order-line-gone")
    return {
        "name": name,
        "price": price,
        "in_draft": in_draft,
        "removable": in_draft > 0,
        "choices": [(q, str(q)) for q in QUANTITY_CHOICES],
    }


async def address_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    client = await _target(dialog_manager)
    addresses = await client_addresses(client) if client else []
    return {"addresses": [(a.id, address_text(a)[:BUTTON_TEXT]) for a in addresses]}


def _quoted_lines(manager: DialogManager, quote: DraftQuote) -> str:
    i18n = i18n_in(manager)
    rows = []
    for quoted in quote.lines:
        line = quoted.line
        row = i18n.get(
            "create-order-line",
            quantity=line.quantity,
            name=line.name,
            total=_money(manager, quoted.line_total, quote.currency),
        )
        if quoted.issue is LineIssue.UNAVAILABLE:
            row += " " + i18n.get("create-order-line-gone")
        elif quoted.issue is LineIssue.REPRICED and quoted.current_price is not None:
            now = _money(manager, quoted.current_price, quote.currency)
            row += " " + i18n.get("create-order-line-repriced", price=now)
        rows.append(row)
    return "\n".join(rows) or i18n.get("create-order-no-lines")


async def _address_line(client: Client, draft: OrderDraft) -> str:
    if draft.new_address is not None:
        return address_text(draft.new_address)
    for address in await client_addresses(client):
        if address.id == draft.address_id:
            return address_text(address)
    return "—"


async def summary_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    client = await _target(dialog_manager)
    if client is None:
        return {"gone": True, "ready": False}
    draft = draft_of(dialog_manager)
    quote = await quote_draft(client, draft)
    i18n = i18n_in(dialog_manager)
    promo_error = quote.promo_error
    return {
        "gone": False,
        "ready": bool(draft.lines) and draft.has_address,
        "client": client.display_name,
        "client_id": str(client.id),
        "lines": _quoted_lines(dialog_manager, quote),
        "subtotal": _money(dialog_manager, quote.subtotal, quote.currency),
        "promo": draft.promo_code or "",
        "has_discount": quote.promo is not None,
        "discount": _money(dialog_manager, quote.discount, quote.currency),
        "has_promo_error": promo_error is not None,
        "promo_error": promo_text(dialog_manager, promo_error) if promo_error else "",
        "total": _money(dialog_manager, quote.total, quote.currency),
        "address": await _address_line(client, draft),
        "comment": draft.comment or "—",
        "payment": i18n.get(f"payment-{draft.payment_method.value}"),
        "blocked": client.is_blocked,
        "has_issues": bool(quote.gone or quote.repriced),
    }


async def done_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    data = dialog_manager.dialog_data
    client = await _target(dialog_manager)
    return {
        "order_id": data.get("order_id", 0),
        "client": client.display_name if client else "—",
        "notified": bool(data.get("notified")),
        "not_notified": not data.get("notified"),
    }
