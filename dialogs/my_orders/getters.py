from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.orders import client_order, client_orders, order_items, status_history
from bot.services.payments import is_payable
from dialogs.shop.context import client_of, i18n_of, int_arg, money, settings_of, tr
from models import OrderStatus


def _date(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


async def list_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    orders, page, pages = await client_orders(client_of(dialog_manager), int_arg(data.get("page")))
    data["page"] = page
    return {
        "orders": [
            (
                o.id,
                f"#{o.id} · {tr(dialog_manager, f'order-status-{o.status}')} · "
                f"{money(dialog_manager, o.total, o.currency)}",
            )
            for o in orders
        ],
        "empty": not orders,
        "paged": pages > 1,
        "page": page + 1,
        "pages": pages,
    }


async def order_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    order = await client_order(
        client_of(dialog_manager), dialog_manager.dialog_data.get("order_id")
    )
    items = await order_items(order)
    history = await status_history(order)
    lines = "\n".join(
        tr(
            dialog_manager,
            "cart-line",
            quantity=i.quantity,
            name=i.product_name,
            total=money(dialog_manager, i.line_total, order.currency),
        )
        for i in items
    )
    steps = "\n".join(
        f"{_date(h.created_at)} · {tr(dialog_manager, f'order-status-{h.to_status}')}"
        for h in history
    )
    token = settings_of(dialog_manager).payment_provider_token
    paid = order.paid_at is not None
    return {
        "order_id": order.id,
        "status": tr(dialog_manager, f"order-status-{order.status}"),
        "lines": lines,
        "subtotal": money(dialog_manager, order.subtotal, order.currency),
        "discount": money(dialog_manager, order.discount, order.currency),
        "has_discount": order.discount > 0,
        "total": money(dialog_manager, order.total, order.currency),
        "address": order.address_text or "",
        "phone": order.contact_phone or "",
        "payment": tr(dialog_manager, f"payment-{order.payment_method or 'on_delivery'}"),
        "paid": paid,
        "paid_amount": money(dialog_manager, order.paid_amount, order.currency) if paid else "",
        "history": steps,
        "placed": _date(order.placed_at),
        "can_pay": token is not None and is_payable(order),
        "can_cancel": order.status == OrderStatus.NEW,
        "locale": i18n_of(dialog_manager).locale,
    }
