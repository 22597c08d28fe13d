"""The client list exported to XLSX and sent as documents in the chat.

Staff, viewers included: the file holds what the list already shows them (and the card
columns they can open anyway); nothing is changed by it.
"""

from __future__ import annotations

import logging
from contextlib import suppress

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import BufferedInputFile, CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button
from aiogram_i18n import I18nContext

from bot.services.client_export import (
    COLUMNS,
    ExportInterrupted,
    ExportLabels,
    ExportTooLarge,
    export_parts,
    part_count,
)
from bot.services.client_query import FLAG_COLUMNS
from bot.services.money import shop_currency
from dialogs.access import require_staff_in
from dialogs.clients.getters import list_total
from dialogs.clients.view import ListView

logger = logging.getLogger(__name__)


def export_labels(i18n: I18nContext, currency: str) -> ExportLabels:
    return ExportLabels(
        columns={
            column: i18n.get(f"export-col-{column.replace('_', '-')}", currency=currency)
            for column in COLUMNS
        },
        flags={flag: i18n.get(f"export-flag-{flag.replace('_', '-')}") for flag in FLAG_COLUMNS},
    )


async def on_export(callback: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    with suppress(TelegramAPIError, TelegramNetworkError):
        await callback.answer()  # a big list takes a while: no spinner meanwhile
    i18n: I18nContext = manager.middleware_data["i18n"]
    bot: Bot = manager.middleware_data["bot"]
    chat_id = callback.from_user.id
    query = ListView.load(manager.dialog_data).query
    total = await list_total(query)
    # the list comes back below the files (or the message saying why there are none)
    manager.show_mode = ShowMode.SEND
    try:
        if not total:
            await bot.send_message(chat_id, i18n.get("export-empty"))
            return
        await bot.send_message(chat_id, i18n.get("export-preparing", count=total))
        currency = shop_currency()
        parts = part_count(total)
        async for part in export_parts(query, export_labels(i18n, currency), currency):
            caption = i18n.get(
                "export-caption", count=part.rows, part=part.number, parts=max(parts, part.number)
            )
            document = BufferedInputFile(part.data, filename=part.filename)
            await bot.send_document(chat_id, document, caption=caption)
    except ExportTooLarge:
        await _tell(bot, chat_id, i18n.get("export-too-big"))
    except (TelegramAPIError, TelegramNetworkError, ExportInterrupted) as error:
        logger.warning("client export for telegram id %s failed: %r", chat_id, error)
        await _tell(bot, chat_id, i18n.get("export-failed"))


async def _tell(bot: Bot, chat_id: int, text: str) -> None:
    try:
        await bot.send_message(chat_id, text)
    except (TelegramAPIError, TelegramNetworkError) as error:
        logger.warning("client export notice for telegram id %s failed: %s", chat_id, error)
