"""My data: every action works on the client of this update only (no ids in callbacks),
so no forged callback can reach another client's data. Blocked clients keep both."""

from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button

from bot.export_sender import send_export
from bot.notify import send_notices
from bot.services.data_rights import ExportLimitReached, export_own_data
from bot.services.erasure_requests import request_erasure
from dialogs.my_data.states import MyData
from dialogs.my_data.titles import sheet_titles, utc_minutes
from dialogs.shop.context import client_of, i18n_of, settings_of


async def on_download(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    i18n = i18n_of(manager)
    try:
        export = await export_own_data(client_of(manager), sheet_titles(i18n))
    except ExportLimitReached as limit:
        text = i18n.get("gdpr-export-limit", limit=limit.limit, next_at=utc_minutes(limit.next_at))
        await callback.answer(text, show_alert=True)
        return
    bot = manager.middleware_data["bot"]
    if not await send_export(bot, callback.from_user.id, export, i18n.get("gdpr-own-caption")):
        await callback.answer(i18n.get("gdpr-export-failed"), show_alert=True)
        return
    await callback.answer(i18n.get("gdpr-export-sent"))
    manager.show_mode = ShowMode.SEND  # the menu comes back below the document


async def on_erase_confirmed(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    i18n = i18n_of(manager)
    settings = settings_of(manager)
    request, notices = await request_erasure(client_of(manager), settings.admin_ids)
    await callback.answer(i18n.get("gdpr-erase-requested", request_id=request.id), show_alert=True)
    await send_notices(callback.bot, i18n.core, notices, settings.default_locale)
    await manager.switch_to(MyData.MAIN)
