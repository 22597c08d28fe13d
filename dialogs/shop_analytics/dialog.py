"""The shop's analytics, from the desk's first screen (staff, viewers too)."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Row, Select
from aiogram_dialog.widgets.text import Format

from dialogs.shop_analytics.getters import shop_analytics_getter
from dialogs.shop_analytics.handlers import (
    close_shop_analytics,
    on_period,
    on_refresh,
    send_shop_charts,
)
from dialogs.shop_analytics.states import ShopAnalyticsScreen
from dialogs.widgets import Tr


def shop_analytics_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("analytics-shop"),
            Tr("analytics-as-of"),
            Format("\n⚠️ {notice}", when="notice"),
            Row(
                Select(
                    Format("{item[1]}"),
                    id="period",
                    item_id_getter=itemgetter(0),
                    items="periods",
                    on_click=on_period,
                ),
            ),
            Row(
                Button(Tr("analytics-charts-button"), id="charts", on_click=send_shop_charts),
                Button(Tr("analytics-refresh"), id="refresh", on_click=on_refresh),
            ),
            Button(Tr("analytics-back"), id="back", on_click=close_shop_analytics),
            state=ShopAnalyticsScreen.MAIN,
            getter=shop_analytics_getter,
        ),
    )
