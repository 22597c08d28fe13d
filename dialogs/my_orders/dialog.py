"""The customer's orders: status, items, totals, history; cancel while new; pay."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.my_orders import getters, handlers
from dialogs.my_orders.states import MyOrders
from dialogs.shop_inbox import ShopDialog
from dialogs.widgets import Tr


def my_orders_dialog() -> Dialog:
    return ShopDialog(
        Window(
            Tr("orders-title"),
            Tr("orders-empty", when="empty"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="order",
                    item_id_getter=itemgetter(0),
                    items="orders",
                    type_factory=int,
                    on_click=handlers.on_order,
                )
            ),
            Row(
                Button(Format("◀️"), id="prev", on_click=handlers.on_page),
                Button(Format("▶️"), id="next", on_click=handlers.on_page),
                when="paged",
            ),
            Cancel(Tr("back"), id="close"),
            state=MyOrders.LIST,
            getter=getters.list_getter,
        ),
        Window(
            Tr("order-card"),
            Tr("order-discount", when="has_discount"),
            Tr("order-total"),
            Tr("order-paid", when="paid"),
            Tr("order-history"),
            Button(Tr("order-pay"), id="pay", on_click=handlers.on_pay, when="can_pay"),
            SwitchTo(Tr("order-cancel"), id="cancel", state=MyOrders.CANCEL, when="can_cancel"),
            SwitchTo(Tr("back"), id="back", state=MyOrders.LIST),
            state=MyOrders.ORDER,
            getter=getters.order_getter,
        ),
        Window(
            Tr("order-cancel-confirm"),
            Row(
                Button(Tr("order-cancel-yes"), id="yes", on_click=handlers.on_cancel_order),
                SwitchTo(Tr("back"), id="no", state=MyOrders.ORDER),
            ),
            state=MyOrders.CANCEL,
            getter=getters.order_getter,
        ),
    )
