"""Retention actions: owners only, re-checked on every click."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services.retention import MAX_YEARS, MIN_YEARS, get_policy, save_policy
from dialogs.access import require_owner_in
from dialogs.client_card.context import actor_in
from dialogs.retention.getters import SAVED, YEARS, pending_years
from dialogs.retention.states import RetentionSettings


async def open_retention(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    await manager.start(RetentionSettings.MAIN)


async def on_years(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: Any
) -> None:
    require_owner_in(manager)
    try:
        years = int(item_id)
    except (TypeError, ValueError):
        return
    if MIN_YEARS <= years <= MAX_YEARS:
        manager.dialog_data[YEARS] = years
        manager.dialog_data.pop(SAVED, None)


async def to_confirm(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    await manager.switch_to(RetentionSettings.CONFIRM)


async def to_main(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    manager.dialog_data.pop(SAVED, None)
    await manager.switch_to(RetentionSettings.MAIN)


async def on_recount(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The screen's getter counts again on every render."""
    require_owner_in(manager)
    manager.dialog_data.pop(SAVED, None)


async def on_turn_on(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    policy = await get_policy()
    await save_policy(actor_in(manager), True, pending_years(manager, policy.years))
    manager.dialog_data[SAVED] = True
    await manager.switch_to(RetentionSettings.MAIN)


async def on_turn_off(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    policy = await get_policy()
    await save_policy(actor_in(manager), False, policy.years)
    manager.dialog_data[SAVED] = True
