"""The cart as text: lines, flags for changed products, promo, totals."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services import cart as cart_service
from bot.services.cart import CartView, LineIssue
from dialogs.shop.context import client_of, money, tr


def cart_text(manager: DialogManager, view: CartView) -> dict[str, Any]:
    """Lines and totals shared by the cart and the checkout summary."""
    rows = []
    for line in view.lines:
        row = tr(
            manager,
            "cart-line",
            quantity=line.quantity,
            name=line.name,
            total=money(manager, line.line_total, view.currency),
        )
        if line.issue is LineIssue.UNAVAILABLE:
            row += "\n  " + tr(manager, "cart-line-unavailable")
        elif line.issue is LineIssue.REPRICED and line.current_price is not None:
            now = money(manager, line.current_price, view.currency)
            row += "\n  " + tr(manager, "cart-line-repriced", price=now)
        rows.append(row)
    promo_error = ""
    if view.promo_error is not None:
        promo_error = tr(manager, view.promo_error.key, **_promo_args(manager, view))
    return {
        "lines": "\n".join(rows),
        "subtotal": money(manager, view.subtotal, view.currency),
        "discount": money(manager, view.discount, view.currency),
        "total": money(manager, view.total, view.currency),
        "promo": view.promo_code or "",
        "has_promo": bool(view.promo_code),
        "has_discount": view.discount > 0,
        "promo_error": promo_error,
        "has_promo_error": bool(promo_error),
        "has_issues": view.has_issues,
        "empty": view.is_empty,
        "filled": not view.is_empty,
        "can_checkout": not view.is_empty and not view.has_issues,
    }


def _promo_args(manager: DialogManager, view: CartView) -> dict[str, Any]:
    args = dict(view.promo_error.args_) if view.promo_error else {}
    if "minimum" in args:
        args["minimum"] = money(manager, args["minimum"], view.currency)
    return args


async def cart_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    view = await cart_service.cart_view(client_of(dialog_manager))
    data = cart_text(dialog_manager, view)
    data["items"] = [(line.item_id, f"✏️ {line.name} × {line.quantity}") for line in view.lines]
    return data


async def line_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    line = await cart_service.cart_line(
        client_of(dialog_manager), dialog_manager.dialog_data.get("item_id")
    )
    return {
        "name": line.name,
        "quantity": line.quantity,
        "price": money(dialog_manager, line.unit_price),
        "total": money(dialog_manager, line.line_total),
    }


async def promo_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    view = await cart_service.cart_view(client_of(dialog_manager))
    return {"promo": view.promo_code or "", "has_promo": bool(view.promo_code)}
