"""Client analytics actions: reading only, so viewers may use them too."""

from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button

from bot.services.charts import BarChart
from bot.services.client_analytics import client_analytics, client_monthly_spend
from dialogs.access import require_staff_in
from dialogs.chart_photos import month_labels, send_charts
from dialogs.client_analytics.getters import NOTICE, client_name
from dialogs.client_analytics.states import ClientAnalyticsScreen
from dialogs.client_card.context import card_client_id, i18n_in


async def open_client_analytics(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """The card's button: the card's client, from the card's own start data."""
    require_staff_in(manager)
    client_id = card_client_id(manager)
    if client_id is not None:
        await manager.start(ClientAnalyticsScreen.MAIN, data={"client_id": client_id})


async def close_analytics(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    await manager.done()


async def send_spend_chart(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """The last 12 months as a picture; the screen comes back below it."""
    require_staff_in(manager)
    manager.dialog_data.pop(NOTICE, None)
    client_id = card_client_id(manager)
    facts = await client_analytics(client_id) if client_id is not None else None
    if facts is None:
        return
    spend = await client_monthly_spend(facts.client.id)
    if spend.empty:
        manager.dialog_data[NOTICE] = "analytics-chart-empty"
        return
    i18n = i18n_in(manager)
    name = client_name(i18n, facts)
    chart = BarChart(
        title=i18n.get("analytics-chart-client-title", currencies=", ".join(spend.amounts)),
        labels=month_labels(spend.months, i18n.locale),
        series=spend.amounts,
    )
    caption = i18n.get("analytics-chart-client-caption", name=name)
    if await send_charts(manager, callback.from_user.id, [(chart, caption)]):
        manager.show_mode = ShowMode.SEND
    else:
        manager.dialog_data[NOTICE] = "analytics-chart-failed"
