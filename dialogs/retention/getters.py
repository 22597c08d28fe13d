"""The retention screen: the policy and a dry run (how many clients a run takes now)."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from babel.dates import format_datetime

from bot.services.retention import MAX_YEARS, MIN_YEARS, dry_run, get_policy
from dialogs.access import require_owner_in
from dialogs.client_card.context import i18n_in

YEARS = "years"
SAVED = "saved"


def owner_ids_in(manager: DialogManager) -> frozenset[int]:
    settings = manager.middleware_data.get("settings")
    return frozenset(settings.admin_ids) if settings is not None else frozenset()


def pending_years(manager: DialogManager, saved: int) -> int:
    years = manager.dialog_data.get(YEARS)
    return years if isinstance(years, int) and MIN_YEARS <= years <= MAX_YEARS else saved


async def retention_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_owner_in(dialog_manager)
    i18n = i18n_in(dialog_manager)
    policy = await get_policy()
    pending = pending_years(dialog_manager, policy.years)
    last_run = (
        format_datetime(policy.last_run_at, "short", locale=i18n.locale)
        if policy.last_run_at
        else i18n.get("card-empty")
    )
    return {
        "status": "on" if policy.enabled else "off",
        "years": policy.years,
        "pending": pending,
        "count": await dry_run(pending, owner_ids_in(dialog_manager)),
        "last_run": last_run,
        "enabled": policy.enabled,
        "disabled": not policy.enabled,
        "changed": policy.enabled and pending != policy.years,
        "saved": bool(dialog_manager.dialog_data.get(SAVED)),
        "year_items": [
            (n, f"✓ {n}" if n == pending else str(n)) for n in range(MIN_YEARS, MAX_YEARS + 1)
        ],
    }
