"""One client's analytics, opened from the card's "Analytics" button (staff, viewers too)."""

from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Row
from aiogram_dialog.widgets.text import Format

from dialogs.client_analytics.getters import client_analytics_getter
from dialogs.client_analytics.handlers import close_analytics, send_spend_chart
from dialogs.client_analytics.states import ClientAnalyticsScreen
from dialogs.widgets import Tr


def client_analytics_dialog() -> Dialog:
    return Dialog(
        Window(
            Tr("analytics-client", when="present"),
            Tr("analytics-client-missing", when="missing"),
            Format("\n⚠️ {notice}", when="notice"),
            Row(
                Button(
                    Tr("analytics-chart-button"),
                    id="chart",
                    on_click=send_spend_chart,
                    when="present",
                ),
                Button(Tr("analytics-back"), id="back", on_click=close_analytics),
            ),
            state=ClientAnalyticsScreen.MAIN,
            getter=client_analytics_getter,
        ),
    )
