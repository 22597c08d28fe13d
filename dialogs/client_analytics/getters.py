"""The client's analytics screen: the service's figures shaped into lines of text."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext
from babel.dates import format_date

from bot.services.client_analytics import ClientAnalytics, CurrencySpend, client_analytics
from bot.services.money import format_money
from dialogs.access import require_staff_in
from dialogs.client_card.context import card_client_id, i18n_in

NOTICE = "notice"


def client_name(i18n: I18nContext, facts: ClientAnalytics) -> str:
    client = facts.client
    if client.anonymized_at is not None:
        return i18n.get("analytics-anonymized-name", id=str(client.id))
    return client.display_name


def spend_lines(i18n: I18nContext, spend: list[CurrencySpend]) -> str:
    """One line per currency: total, average check and the orders behind them."""
    if not spend:
        return i18n.get("analytics-none")
    return "\n".join(
        i18n.get(
            "analytics-spend-line",
            total=format_money(item.total, item.currency, i18n.locale),
            average=format_money(item.average, item.currency, i18n.locale),
            orders=item.orders,
        )
        for item in spend
    )


def _day(i18n: I18nContext, moment: datetime | None) -> str:
    if moment is None:
        return i18n.get("analytics-none")
    return format_date(moment, "medium", locale=i18n.locale)


def _statuses(i18n: I18nContext, facts: ClientAnalytics) -> str:
    lines = [
        i18n.get("analytics-status-line", status=i18n.get(f"order-status-{status}"), count=n)
        for status, n in facts.by_status.items()
    ]
    return "\n".join(lines) or i18n.get("analytics-none")


def _products(i18n: I18nContext, facts: ClientAnalytics) -> str:
    lines = [
        i18n.get(
            "analytics-product-line",
            place=place,
            name=product.name,
            quantity=product.quantity,
            amount=format_money(product.amount, product.currency, i18n.locale),
        )
        for place, product in enumerate(facts.top_products, start=1)
    ]
    return "\n".join(lines) or i18n.get("analytics-none")


def notice_text(i18n: I18nContext, manager: DialogManager) -> str:
    key = manager.dialog_data.get(NOTICE)
    return i18n.get(key) if isinstance(key, str) and key.startswith("analytics-") else ""


async def client_analytics_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = i18n_in(dialog_manager)
    client_id = card_client_id(dialog_manager)
    facts = await client_analytics(client_id) if client_id is not None else None
    if facts is None:
        return {"present": False, "missing": True}
    return {
        "present": True,
        "missing": False,
        "name": client_name(i18n, facts),
        "id": str(facts.client.id),
        "orders": facts.orders,
        "spend": spend_lines(i18n, facts.spend),
        "first": _day(i18n, facts.first_order_at),
        "last": _day(i18n, facts.last_order_at),
        "statuses": _statuses(i18n, facts),
        "products": _products(i18n, facts),
        "notice": notice_text(i18n, dialog_manager),
    }
