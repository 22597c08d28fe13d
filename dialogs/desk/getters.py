from __future__ import annotations

from dataclasses import asdict
from typing import Any

from aiogram_dialog import DialogManager

from bot.services.overview import desk_overview
from dialogs.access import require_staff_in, role_in


async def overview_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    overview = await desk_overview()
    numbers = {k: v for k, v in asdict(overview).items() if k != "as_of"}
    as_of = overview.as_of.strftime("%H:%M")
    return {**numbers, "as_of": as_of, "role": role_in(dialog_manager).value}
