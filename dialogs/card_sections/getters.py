"""What the read-only sections show: favorites, a product, used promo codes, the current
order and referrals. History is in `history.py`, refresh in `refresh.py`."""

from __future__ import annotations

from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId
from aiogram_i18n import I18nContext

from bot.services.cart import CartLine, CartView, LineIssue
from bot.services.client_profile import client_by_id
from bot.services.client_sections import (
    client_favorites,
    current_order,
    favorite_product,
    promo_uses,
    referral_link,
    referrals,
    referrer_of,
)
from bot.services.money import shop_currency
from dialogs.access import require_staff_in, role_in
from dialogs.card_sections.common import (
    PAGE,
    card_client_id,
    html_line,
    i18n_in,
    money,
    page_of,
    page_values,
    when,
)

PRODUCT_ID = "product_id"
MISSING = {"present": False, "missing": True, "pages": 1}


async def favorites_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    client = await client_by_id(card_client_id(dialog_manager))
    if client is None:
        return {**MISSING, "items": [], "count": 0}
    rows = await client_favorites(role_in(dialog_manager), client.id)
    i18n = i18n_in(dialog_manager)
    items = [
        (row.product_id, f"{'🙈 ' if row.hidden else ''}{row.name} · "
         f"{money(i18n, row.price, row.currency)}")
        for row in rows
    ]  # fmt: skip
    return {
        "present": True,
        "missing": False,
        "name": client.display_name,
        "id": str(client.id),
        "count": len(rows),
        "items": items,
    }


async def product_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    client_id = card_client_id(dialog_manager)
    product_id = dialog_manager.dialog_data.get(PRODUCT_ID)
    product = None
    if client_id is not None and isinstance(product_id, int):
        product = await favorite_product(role_in(dialog_manager), client_id, product_id)
    if product is None:
        return {"present": False, "gone": True, "has_photo": False}
    photo = None
    if product.photo_file_id:
        photo = MediaAttachment(ContentType.PHOTO, file_id=MediaId(product.photo_file_id))
    hidden = product.is_hidden or product.category.is_hidden
    return {
        "present": True,
        "gone": False,
        "product": product.name,
        "category": product.category.name,
        "price": money(i18n_in(dialog_manager), product.price, product.currency),
        "description": product.description or "",
        "hidden": "yes" if hidden else "no",
        "photo": photo,
        "has_photo": photo is not None,
    }


async def promos_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    client = await client_by_id(card_client_id(dialog_manager))
    if client is None:
        return {**MISSING, "lines": "", "total": 0}
    page = await promo_uses(role_in(dialog_manager), client.id, page_of(dialog_manager))
    dialog_manager.dialog_data[PAGE] = page.page
    i18n = i18n_in(dialog_manager)
    lines = [
        html_line(
            i18n,
            "sections-promo-line",
            code=use.code,
            discount=money(i18n, use.discount, use.currency),
            order=str(use.order_id) if use.order_id is not None else "—",
            date=when(i18n, use.used_at),
        )
        for use in page.items
    ]
    return {
        "present": True,
        "missing": False,
        "name": client.display_name,
        "id": str(client.id),
        "total": page.total,
        "lines": "\n".join(lines),
        **page_values(page.page, page.pages),
    }


def _order_line(i18n: I18nContext, line: CartLine, currency: str) -> str:
    text = html_line(
        i18n,
        "sections-order-line",
        name=line.name,
        quantity=line.quantity,
        price=money(i18n, line.unit_price, currency),
        total=money(i18n, line.line_total, currency),
    )
    if line.issue is LineIssue.UNAVAILABLE:
        text += "\n   " + i18n.get("sections-order-unavailable")
    elif line.issue is LineIssue.REPRICED and line.current_price is not None:
        now = money(i18n, line.current_price, currency)
        text += "\n   " + i18n.get("sections-order-repriced", price=now)
    return text


def _discount_line(i18n: I18nContext, view: CartView) -> str:
    if view.promo_code is None:
        return ""
    if view.promo_error is not None:
        return html_line(i18n, "sections-order-promo-invalid", code=view.promo_code)
    discount = money(i18n, view.discount, view.currency)
    return html_line(i18n, "sections-order-promo", code=view.promo_code, discount=discount)


async def order_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    client = await client_by_id(card_client_id(dialog_manager))
    if client is None:
        return {**MISSING, "has_order": False, "no_order": False}
    view = await current_order(role_in(dialog_manager), client.id)
    base = {"present": True, "missing": False, "name": client.display_name, "id": str(client.id)}
    if view is None:
        return {**base, "has_order": False, "no_order": True}
    i18n = i18n_in(dialog_manager)
    return {
        **base,
        "has_order": True,
        "no_order": False,
        "order_id": str(view.order_id),
        "lines": "\n".join(_order_line(i18n, line, view.currency) for line in view.lines),
        "subtotal": money(i18n, view.subtotal, view.currency),
        "discount_line": _discount_line(i18n, view),
        "total": money(i18n, view.total, view.currency),
        "has_issues": view.has_issues,
    }


async def referrals_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    client = await client_by_id(card_client_id(dialog_manager))
    if client is None:
        return {**MISSING, "items": [], "has_referrer": False, "total": 0}
    role, i18n = role_in(dialog_manager), i18n_in(dialog_manager)
    referrer = await referrer_of(role, client)
    page = await referrals(role, client.id, page_of(dialog_manager))
    dialog_manager.dialog_data[PAGE] = page.page
    me = await dialog_manager.middleware_data["bot"].me()
    items = [
        (
            row.client_id,
            i18n.get(
                "sections-referral-button",
                name=f"🕶 #{row.client_id}" if row.anonymized else row.name,
                orders=row.orders,
                total=money(i18n, row.total, shop_currency()),
            ),
        )
        for row in page.items
    ]
    return {
        "present": True,
        "missing": False,
        "name": client.display_name,
        "id": str(client.id),
        "link": referral_link(me.username or "", client) if client.anonymized_at is None else "—",
        "referrer": f"{referrer.display_name} #{referrer.id}" if referrer else "—",
        "has_referrer": referrer is not None,
        "total": page.total,
        "items": items,
        **page_values(page.page, page.pages),
    }
