"""Catalog: products exported to an XLSX document, and an XLSX document imported."""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import UTC, datetime

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.services.catalog_admin import InputRejected
from bot.services.catalog_rows import MAX_FILE_BYTES, ImportRejected
from bot.services.catalog_xlsx import (
    MAX_REPORTED_ERRORS,
    export_products_xlsx,
    import_products_xlsx,
)
from dialogs.access import require_editor_in, require_staff_in
from dialogs.catalog.feedback import clear_error, go, i18n_of, reject
from dialogs.catalog.states import CatalogAdmin

logger = logging.getLogger(__name__)


async def on_export(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """Reading only, so viewers may export too."""
    require_staff_in(manager)
    clear_error(manager)
    data = await export_products_xlsx()
    bot: Bot = manager.middleware_data["bot"]
    name = f"products-{datetime.now(UTC):%Y-%m-%d}.xlsx"
    try:
        await bot.send_document(
            callback.from_user.id,
            BufferedInputFile(data, filename=name),
            caption=i18n_of(manager).get("catalog-admin-export-caption"),
        )
    except (TelegramAPIError, TelegramNetworkError) as error:
        logger.warning("export for telegram id %s failed: %s", callback.from_user.id, error)
        reject(manager, InputRejected("catalog-admin-export-failed"))
        return
    # the menu comes back below the document
    manager.show_mode = ShowMode.SEND


async def open_import(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    manager.dialog_data.pop("import_result", None)
    await go(manager, CatalogAdmin.IMPORT)


async def on_import_document(
    message: Message, _widget: MessageInput, manager: DialogManager
) -> None:
    require_editor_in(manager)
    manager.dialog_data.pop("import_result", None)
    document = message.document
    if document is None:
        reject(manager, InputRejected("catalog-admin-import-send-file"))
        return
    if (document.file_size or 0) > MAX_FILE_BYTES:
        reject(manager, InputRejected("catalog-admin-import-too-big", mb=MAX_FILE_BYTES // 1024**2))
        return
    bot: Bot = manager.middleware_data["bot"]
    try:
        downloaded = await bot.download(document.file_id)
    except (TelegramAPIError, TelegramNetworkError) as error:
        logger.warning("import download for telegram id %s failed: %s", message.chat.id, error)
        reject(manager, InputRejected("catalog-admin-import-download-failed"))
        return
    data = downloaded.read() if downloaded else b""
    try:
        report = await import_products_xlsx(data)
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    except ImportRejected as rejected:
        clear_error(manager)
        manager.dialog_data["import_result"] = {
            "errors": [
                {"row": e.row, "key": e.key, "args": e.args}
                for e in rejected.errors[:MAX_REPORTED_ERRORS]
            ],
            "total": len(rejected.errors),
        }
        return
    clear_error(manager)
    manager.dialog_data["import_result"] = {"counts": asdict(report)}
