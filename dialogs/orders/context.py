"""What order desk getters and handlers read from the dialog: the ids they were started with."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

CLIENT_ID = "client_id"
ORDER_ID = "order_id"
VERSION = "version"
ERROR = "error"


def start_id(manager: DialogManager, key: str) -> int | None:
    """An id from the start data; None when it is missing or not an int."""
    start_data: Any = manager.start_data
    value = start_data.get(key) if isinstance(start_data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
