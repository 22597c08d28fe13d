"""Getters of the anonymize and delete screens (owners and managers only)."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.client_profile import client_by_id
from bot.services.roles import can_edit
from dialogs.access import require_editor_in, role_in
from dialogs.client_card.context import card_client_id, i18n_in

ERROR = "error"
CHECKS = "checks"


async def erasure_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    i18n = i18n_in(dialog_manager)
    client_id = card_client_id(dialog_manager)
    client = await client_by_id(client_id)
    if client is None or client.anonymized_at is not None:
        name = i18n.get("clients-anonymized", id=client_id or 0)
    else:
        name = client.display_name
    error = dialog_manager.dialog_data.get(ERROR)
    checks = dialog_manager.dialog_data.get(CHECKS) or []
    lines = [
        i18n.get("gdpr-check-line", kind=i18n.get(f"gdpr-kind-{kind}"), rows=rows)
        for kind, rows in checks
    ]
    return {
        "id": client_id or 0,
        "name": name,
        "present": client is not None,
        "can_act": client is not None and error is None,
        "anonymizable": client is not None and client.anonymized_at is None and error is None,
        "error_text": i18n.get(error["key"], **error["args"]) if error else "",
        "checks_text": "\n".join(lines),
    }


def can_delete_here(data: dict[str, Any], _widget: Any, manager: DialogManager) -> bool:
    """The card's Delete button: editors, for a client that still exists (anonymized too)."""
    return can_edit(role_in(manager)) and not data.get("missing", True)
