"""The card's "Export personal data": a ZIP in the manager's chat.

An export is a processing act: owners and managers only (viewers read the card, but
do not hand the data out), re-checked here since `when=` only hides the button.
"""

from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button

from bot.export_sender import send_export
from bot.services.client_profile import ClientNotFound
from bot.services.data_rights import export_client
from dialogs.access import require_editor_in
from dialogs.client_card.context import actor_in, card_client_id, i18n_in
from dialogs.client_card.handlers import gone
from dialogs.my_data.titles import sheet_titles


async def on_export_client(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None:
        return
    i18n = i18n_in(manager)
    try:
        export = await export_client(actor_in(manager), client_id, sheet_titles(i18n))
    except ClientNotFound:
        await gone(manager)
        return
    caption = i18n.get("gdpr-export-caption", client_id=client_id)
    bot = manager.middleware_data["bot"]
    if not await send_export(bot, callback.from_user.id, export, caption):
        await callback.answer(i18n.get("gdpr-export-failed"), show_alert=True)
        return
    await callback.answer(i18n.get("gdpr-export-sent"))
    manager.show_mode = ShowMode.SEND  # the card comes back below the document
