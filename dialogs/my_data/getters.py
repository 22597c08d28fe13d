from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.data_rights import self_exports_left
from bot.services.erasure_requests import open_request_of
from dialogs.my_data.titles import utc_minutes
from dialogs.shop.context import client_of


async def my_data_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    client = client_of(dialog_manager)
    pending = await open_request_of(client)
    return {
        "exports_left": await self_exports_left(client),
        "pending": pending is not None,
        "request_id": pending.id if pending else 0,
        "requested_at": utc_minutes(pending.created_at) if pending else "",
    }
