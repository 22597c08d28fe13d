from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Row

from dialogs.broadcast.handlers import open_broadcasts
from dialogs.catalog.handlers import open_catalog
from dialogs.clients.handlers import open_client_list
from dialogs.desk.getters import overview_getter
from dialogs.desk.handlers import on_refresh, to_shop_menu
from dialogs.desk.states import DeskMenu
from dialogs.erasure_desk.getters import erasure_count_getter
from dialogs.erasure_desk.handlers import open_erasure_requests
from dialogs.orders.handlers import open_orders
from dialogs.promo.handlers import open_promo
from dialogs.settings.getters import owner_only
from dialogs.settings.handlers import open_settings
from dialogs.shop_analytics.handlers import open_shop_analytics
from dialogs.widgets import Tr


def desk_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("desk-overview"),
            Tr("clients-desk-as-of"),
            Row(
                Button(Tr("desk-refresh"), id="refresh", on_click=on_refresh),
                Button(Tr("desk-to-shop"), id="shop", on_click=to_shop_menu),
            ),
            Row(
                Button(Tr("clients-open"), id="clients", on_click=open_client_list),
                Button(Tr("orders-desk-open"), id="orders", on_click=open_orders),
            ),
            Row(
                Button(Tr("desk-catalog"), id="catalog", on_click=open_catalog),
                Button(Tr("desk-promo"), id="promo", on_click=open_promo),
            ),
            Button(Tr("desk-broadcast"), id="broadcast", on_click=open_broadcasts),
            Button(Tr("analytics-desk-button"), id="analytics", on_click=open_shop_analytics),
            Button(Tr("desk-erasure-requests"), id="erasure", on_click=open_erasure_requests),
            Button(Tr("desk-settings"), id="settings", on_click=open_settings, when=owner_only),
            state=DeskMenu.MAIN,
            getter=[overview_getter, erasure_count_getter],
        ),
    )
