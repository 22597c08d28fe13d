"""Erasure requests in the desk: every action re-checks the role and the request's state."""

from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from bot.notify import send_notices
from bot.services.erasure_requests import RequestClosed, get_open_request, resolve_request
from dialogs.access import require_editor_in, require_staff_in
from dialogs.client_card.context import actor_in, i18n_in
from dialogs.client_card.states import ClientCard
from dialogs.erasure_desk.getters import REQUEST_ID
from dialogs.erasure_desk.states import ErasureDesk
from models import ErasureStatus


async def open_erasure_requests(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_staff_in(manager)
    await manager.start(ErasureDesk.LIST)


async def on_request_chosen(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, item_id: str
) -> None:
    require_staff_in(manager)
    if not item_id.isdecimal():
        return
    manager.dialog_data[REQUEST_ID] = int(item_id)
    await manager.switch_to(ErasureDesk.REQUEST)


async def on_open_card(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    request_id = manager.dialog_data.get(REQUEST_ID)
    request = await get_open_request(actor_in(manager), request_id) if request_id else None
    if request is None:
        require_staff_in(manager)
        return
    await manager.start(ClientCard.MAIN, data={"client_id": request.client_id})


async def _resolve(callback: CallbackQuery, manager: DialogManager, outcome: ErasureStatus) -> None:
    require_editor_in(manager)
    request_id = manager.dialog_data.get(REQUEST_ID)
    i18n = i18n_in(manager)
    if not isinstance(request_id, int):
        return
    try:
        told, notices = await resolve_request(actor_in(manager), request_id, outcome)
    except RequestClosed:
        await callback.answer(i18n.get("gdpr-request-gone"), show_alert=True)
        await manager.switch_to(ErasureDesk.LIST)
        return
    settings = manager.middleware_data["settings"]
    sent = await send_notices(callback.bot, i18n.core, notices, settings.default_locale)
    key = "gdpr-request-closed-told" if told and sent else "gdpr-request-closed-untold"
    await callback.answer(i18n.get(key), show_alert=True)
    manager.dialog_data.pop(REQUEST_ID, None)
    await manager.switch_to(ErasureDesk.LIST)


async def on_done(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await _resolve(callback, manager, ErasureStatus.DONE)


async def on_refuse(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await _resolve(callback, manager, ErasureStatus.REFUSED)
