"""The shop's analytics screen: the cached snapshot shaped into lines of text."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.shop_analytics import Period, ShopAnalytics, shop_analytics
from dialogs.access import require_staff_in
from dialogs.client_analytics.getters import notice_text, spend_lines
from dialogs.client_card.context import i18n_in

PERIOD = "period"
DEFAULT_PERIOD = Period.DAYS_30


def chosen_period(manager: DialogManager) -> Period:
    value = manager.dialog_data.get(PERIOD)
    return Period(value) if value in Period._value2member_map_ else DEFAULT_PERIOD


def _share(part: int, whole: int) -> str:
    return str(round(100 * part / whole)) if whole else "0"


def _sources(i18n: I18nContext, snapshot: ShopAnalytics) -> str:
    lines = [
        i18n.get(
            "analytics-source-line",
            source=source,
            count=count,
            share=_share(count, snapshot.clients),
        )
        for source, count in snapshot.sources
    ]
    if snapshot.other_sources:
        lines.append(i18n.get("analytics-source-other", count=snapshot.other_sources))
    return "\n".join(lines) or i18n.get("analytics-none")


def _tags(i18n: I18nContext, snapshot: ShopAnalytics) -> str:
    lines = [i18n.get("analytics-tag-line", tag=tag, count=n) for tag, n in snapshot.top_tags]
    return "\n".join(lines) or i18n.get("analytics-none")


def _referrers(i18n: I18nContext, snapshot: ShopAnalytics) -> str:
    lines = [
        i18n.get(
            "analytics-referrer-line",
            name=i18n.get("analytics-anonymized-name", id=str(r.client_id))
            if r.anonymized
            else r.name,
            id=str(r.client_id),
            count=r.referrals,
        )
        for r in snapshot.top_referrers
    ]
    return "\n".join(lines) or i18n.get("analytics-none")


def period_items(i18n: I18nContext, chosen: Period) -> list[tuple[str, str]]:
    return [
        (period.value, ("✅ " if period is chosen else "") + i18n.get(f"analytics-period-{period}"))
        for period in Period
    ]


async def shop_analytics_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = i18n_in(dialog_manager)
    snapshot = await shop_analytics()
    period = chosen_period(dialog_manager)
    return {
        "clients": snapshot.clients,
        "sources": _sources(i18n, snapshot),
        "tags": _tags(i18n, snapshot),
        "referrers": _referrers(i18n, snapshot),
        "period_name": i18n.get(f"analytics-period-{period}"),
        "averages": spend_lines(i18n, snapshot.averages[period]),
        "as_of": snapshot.as_of.strftime("%Y-%m-%d %H:%M"),
        "periods": period_items(i18n, period),
        "notice": notice_text(i18n, dialog_manager),
    }
