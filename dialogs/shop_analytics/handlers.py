"""Shop analytics actions: reading only, so viewers may use them too."""

from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services.charts import BarChart
from bot.services.shop_analytics import Period, refresh_shop_analytics, shop_analytics
from dialogs.access import require_staff_in
from dialogs.chart_photos import month_labels, send_charts, week_labels
from dialogs.client_analytics.getters import NOTICE
from dialogs.client_card.context import i18n_in
from dialogs.shop_analytics.getters import PERIOD
from dialogs.shop_analytics.states import ShopAnalyticsScreen


async def open_shop_analytics(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_staff_in(manager)
    await manager.start(ShopAnalyticsScreen.MAIN)


async def close_shop_analytics(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_staff_in(manager)
    await manager.done()


async def on_period(
    callback: CallbackQuery, _select: Select[str], manager: DialogManager, item_id: str
) -> None:
    require_staff_in(manager)
    if item_id in Period._value2member_map_:  # a forged id changes nothing
        manager.dialog_data[PERIOD] = item_id


async def on_refresh(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    manager.dialog_data.pop(NOTICE, None)
    await refresh_shop_analytics()


async def send_shop_charts(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """New clients per week and revenue per month as two pictures; the screen comes back below."""
    require_staff_in(manager)
    manager.dialog_data.pop(NOTICE, None)
    snapshot = await shop_analytics()
    i18n = i18n_in(manager)
    weeks = BarChart(
        title=i18n.get("analytics-chart-new-clients-title"),
        labels=week_labels([monday for monday, _ in snapshot.new_clients], i18n.locale),
        series={"": [count for _, count in snapshot.new_clients]},
    )
    revenue = snapshot.revenue
    months = BarChart(
        title=i18n.get("analytics-chart-revenue-title", currencies=", ".join(revenue.amounts)),
        labels=month_labels(revenue.months, i18n.locale),
        series=revenue.amounts,
    )
    as_of = snapshot.as_of.strftime("%Y-%m-%d %H:%M")
    charts = [
        (weeks, i18n.get("analytics-chart-new-clients-caption", as_of=as_of)),
        (months, i18n.get("analytics-chart-revenue-caption", as_of=as_of)),
    ]
    if await send_charts(manager, callback.from_user.id, charts):
        manager.show_mode = ShowMode.SEND
    else:
        manager.dialog_data[NOTICE] = "analytics-chart-failed"
