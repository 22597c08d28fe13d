"""Anonymize and delete: each action re-checks the role (`when=` only hides a button) and
calls the service; a refusal says why and changes nothing."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.services.anonymize import (
    ClientAnonymized,
    ClientNotFound,
    ErasureIncomplete,
    Forget,
    HasOpenOrders,
    StaffProfile,
    anonymize_client,
)
from bot.services.client_deletion import delete_client
from bot.session_erasure import session_forgetter
from dialogs.access import require_editor_in
from dialogs.anonymize.getters import CHECKS, ERROR
from dialogs.anonymize.states import ClientErasure
from dialogs.client_card.context import actor_in, card_client_id


async def open_anonymize(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """From the card: the warning first."""
    await _open(manager, ClientErasure.ANONYMIZE)


async def open_delete(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await _open(manager, ClientErasure.DELETE)


async def _open(manager: DialogManager, state: Any) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is not None:
        await manager.start(state, data={"client_id": client_id})


def _forget(manager: DialogManager) -> Forget | None:
    """The erased person's bot sessions go with their data (`bot.session_erasure`)."""
    data = manager.middleware_data
    storage, bot = data.get("fsm_storage"), data.get("bot")
    return session_forgetter(storage, bot.id) if storage is not None and bot else None


def _refused(manager: DialogManager, key: str, **args: Any) -> None:
    manager.dialog_data[ERROR] = {"key": key, "args": args}


async def on_anonymize(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None or ERROR in manager.dialog_data:
        return
    try:
        report = await anonymize_client(client_id, actor_in(manager), forget=_forget(manager))
    except HasOpenOrders as refused:
        return _refused(manager, "gdpr-refused-open-orders", count=refused.count)
    except StaffProfile:
        return _refused(manager, "gdpr-refused-staff")
    except ErasureIncomplete as incomplete:
        return _refused(manager, "gdpr-check-failed", places=", ".join(incomplete.places))
    except (ClientNotFound, ClientAnonymized):
        return _refused(manager, "gdpr-gone")
    manager.dialog_data[CHECKS] = [[check.kind, check.rows] for check in report.checks]
    await manager.switch_to(ClientErasure.ANONYMIZED)


async def on_delete(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    if client_id is None or ERROR in manager.dialog_data:
        return
    try:
        await delete_client(client_id, actor_in(manager), forget=_forget(manager))
    except HasOpenOrders as refused:
        return _refused(manager, "gdpr-refused-open-orders", count=refused.count)
    except StaffProfile:
        return _refused(manager, "gdpr-refused-staff")
    except ClientNotFound:
        return _refused(manager, "gdpr-gone")
    await manager.switch_to(ClientErasure.DELETED)


async def back_to_card(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    await manager.done()
