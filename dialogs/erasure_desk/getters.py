from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.erasure_requests import count_open_requests, get_open_request, open_requests
from bot.services.roles import can_edit
from dialogs.access import require_staff_in, role_in
from dialogs.client_card.context import actor_in
from dialogs.my_data.titles import utc_minutes

REQUEST_ID = "request_id"


async def erasure_count_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """For the desk's first screen: the number on the button."""
    require_staff_in(dialog_manager)
    return {"erasure_open": await count_open_requests()}


async def requests_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    requests = await open_requests(actor_in(dialog_manager))
    items = [
        (str(r.id), f"#{r.id} · {utc_minutes(r.created_at)} · {r.client_label}") for r in requests
    ]
    return {"requests": items, "erasure_open": await count_open_requests(), "none": not items}


async def request_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    request_id = dialog_manager.dialog_data.get(REQUEST_ID)
    request = None
    if isinstance(request_id, int):
        request = await get_open_request(actor_in(dialog_manager), request_id)
    else:
        require_staff_in(dialog_manager)
    if request is None:
        return {"present": False, "gone": True, "can_edit": False}
    return {
        "present": True,
        "gone": False,
        "can_edit": can_edit(role_in(dialog_manager)),
        "request_id": request.id,
        "client_id": request.client_id,
        "client_label": request.client_label,
        "requested_at": utc_minutes(request.created_at),
    }
