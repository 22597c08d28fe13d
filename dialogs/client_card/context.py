"""What every card getter and action needs: the client shown and who is acting."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.client_profile import Actor
from dialogs.access import role_in

CLIENT_ID = "client_id"
ERROR = "error"


def card_client_id(manager: DialogManager) -> int | None:
    """The client the card was started for; None when the start data is not an id."""
    start_data: Any = manager.start_data
    value = start_data.get(CLIENT_ID) if isinstance(start_data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def actor_in(manager: DialogManager) -> Actor:
    data = manager.middleware_data
    client = data.get("client")
    user = data.get("event_from_user")
    settings = data.get("settings")
    return Actor(
        role=role_in(manager),
        client_id=client.id if client is not None else None,
        telegram_id=user.id if user is not None else None,
        owner_ids=frozenset(settings.admin_ids) if settings is not None else frozenset(),
    )


def i18n_in(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def show_error(manager: DialogManager, reason: str, limit: int | None = None) -> None:
    """Keep the window and show why the input was refused (rendered by the getter)."""
    manager.dialog_data[ERROR] = {"reason": reason, "limit": limit}


def clear_error(manager: DialogManager) -> None:
    manager.dialog_data.pop(ERROR, None)
