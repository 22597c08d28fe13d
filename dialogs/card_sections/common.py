"""What every section window shares: the client it was started for, a refused input shown
on the window, money and dates in the manager's language, and page buttons."""

from __future__ import annotations

import html
from datetime import datetime
from decimal import Decimal
from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Row
from aiogram_i18n import I18nContext
from babel.dates import format_date

from bot.services.money import format_money
from bot.services.roles import can_edit
from dialogs.access import require_staff_in, role_in
from dialogs.client_card.context import actor_in, card_client_id, i18n_in
from dialogs.widgets import Tr

__all__ = ["actor_in", "card_client_id", "i18n_in"]

ERROR = "error"
PAGE = "page"


def show_error(manager: DialogManager, key: str, **args: str) -> None:
    """Keep the window and say why (rendered by `error_text` in the getter)."""
    manager.dialog_data[ERROR] = {"key": key, "args": args}


def clear_error(manager: DialogManager) -> None:
    manager.dialog_data.pop(ERROR, None)


def error_text(manager: DialogManager) -> str:
    error = manager.dialog_data.get(ERROR)
    if not isinstance(error, dict) or not isinstance(error.get("key"), str):
        return ""
    return i18n_in(manager).get(error["key"], **error.get("args", {}))


def html_line(i18n: I18nContext, key: str, **args: Any) -> str:
    """A text for an HTML message built from a key: typed values are escaped."""
    escaped = {k: html.escape(v, quote=False) if isinstance(v, str) else v for k, v in args.items()}
    return i18n.get(key, **escaped)


def editor(manager: DialogManager) -> bool:
    return can_edit(role_in(manager))


def money(i18n: I18nContext, amount: Decimal, currency: str) -> str:
    return format_money(Decimal(amount), currency, i18n.locale)


def when(i18n: I18nContext, moment: datetime) -> str:
    return f"{format_date(moment, 'medium', locale=i18n.locale)} {moment:%H:%M} UTC"


def page_of(manager: DialogManager) -> int:
    page = manager.dialog_data.get(PAGE, 0)
    return page if isinstance(page, int) else 0


def page_values(page: int, pages: int) -> dict[str, Any]:
    return {"page": page + 1, "pages": pages, "has_prev": page > 0, "has_next": page + 1 < pages}


async def _turn(manager: DialogManager, step: int) -> None:
    require_staff_in(manager)
    manager.dialog_data[PAGE] = max(0, page_of(manager) + step)


async def on_prev(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await _turn(manager, -1)


async def on_next(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await _turn(manager, 1)


def pager() -> Row:
    """◀ page k of n ▶ (the getter clamps a page past the end to the last one)."""
    return Row(
        Button(Tr("sections-prev"), id="prev", on_click=on_prev, when="has_prev"),
        Button(Tr("sections-page"), id="page_no"),
        Button(Tr("sections-next"), id="next", on_click=on_next, when="has_next"),
        when=lambda data, *_: data.get("pages", 1) > 1,
    )


async def close_section(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """Back to the card."""
    require_staff_in(manager)
    await manager.done()
