"""Refresh from Telegram: the card's button asks Telegram (getChat) once, then opens a
window saying what changed or why nothing could be asked. Editors only."""

from __future__ import annotations

from contextlib import suppress
from functools import partial
from typing import Any

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button
from aiogram_i18n import I18nContext

from bot.senders.telegram_profile import fetch_chat_profile
from bot.services.client_refresh import (
    PROFILE_FIELDS,
    RefreshOutcome,
    RefreshStatus,
    refresh_from_telegram,
)
from dialogs.access import require_editor_in, require_staff_in
from dialogs.card_sections.common import actor_in, card_client_id, html_line, i18n_in
from dialogs.card_sections.states import CardInfo

OUTCOME = "outcome"


def _stored(outcome: RefreshOutcome) -> dict[str, Any]:
    """The outcome as start data (JSON: Redis keeps dialog state)."""
    return {
        "status": outcome.status.value,
        "changes": [[c.field, c.old, c.new] for c in outcome.changes],
        "retry_after": outcome.retry_after,
    }


async def on_refresh(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer()  # Telegram may take a while: stop the spinner first
    fetch = partial(fetch_chat_profile, manager.middleware_data["bot"])
    outcome = await refresh_from_telegram(actor_in(manager), client_id, fetch)
    await manager.start(CardInfo.REFRESH, data={"client_id": client_id, OUTCOME: _stored(outcome)})


def _change_line(i18n: I18nContext, field: str, old: str | None, new: str | None) -> str:
    empty = i18n.get("sections-refresh-empty")
    shown = {"username": lambda v: f"@{v}"}.get(field, str)
    return html_line(
        i18n,
        "sections-refresh-change",
        field=i18n.get(f"sections-refresh-{field}"),
        old=shown(old) if old else empty,
        new=shown(new) if new else empty,
    )


async def refresh_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    start = dialog_manager.start_data if isinstance(dialog_manager.start_data, dict) else {}
    stored = start.get(OUTCOME) if isinstance(start.get(OUTCOME), dict) else {}
    try:
        status = RefreshStatus(stored.get("status"))
    except ValueError:
        status = RefreshStatus.MISSING
    i18n = i18n_in(dialog_manager)
    changes = [
        _change_line(i18n, *change)
        for change in stored.get("changes") or []
        if isinstance(change, list) and len(change) == 3 and change[0] in PROFILE_FIELDS
    ]
    retry_after = stored.get("retry_after")
    return {
        "status": status.value,
        "changes": "\n".join(changes),
        "retry_after": retry_after if isinstance(retry_after, int) else 0,
    }
