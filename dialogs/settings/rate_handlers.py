"""Settings → Broadcast rate (owners only): see it, type a new one."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.services.broadcast import (
    MAX_RATE,
    MIN_RATE,
    broadcast_rate,
    parse_rate,
    set_broadcast_rate,
)
from dialogs.access import require_owner_in, role_in
from dialogs.settings.handlers import i18n_of, say
from dialogs.settings.states import RateSettings

SAVED = "saved"


def rate_text(rate: float) -> str:
    return f"{rate:g}"


async def open_rate(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_owner_in(manager)
    await manager.start(RateSettings.MAIN)


async def rate_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_owner_in(dialog_manager)
    saved = dialog_manager.dialog_data.pop(SAVED, None)
    return {
        "rate": rate_text(await broadcast_rate()),
        "min": rate_text(MIN_RATE),
        "max": rate_text(MAX_RATE),
        "saved": saved is not None,
    }


async def on_rate(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_owner_in(manager)
    i18n = i18n_of(manager)
    try:
        rate = parse_rate(message.text)
    except ValueError:
        await say(
            message, i18n.get("rate-invalid", min=rate_text(MIN_RATE), max=rate_text(MAX_RATE))
        )
        return
    await set_broadcast_rate(rate, role_in(manager))
    manager.dialog_data[SAVED] = True
    await say(message, i18n.get("rate-saved", rate=rate_text(rate)))
