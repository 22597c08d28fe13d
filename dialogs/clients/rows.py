"""The list's rows as buttons: the client's name, and 💬 beside those who can be written to.

What `ListGroup(Button(...), Button(...))` showed, rendered in one pass: a ListGroup
renders every row's buttons through a sub-manager and widget tree of its own, which cost
more than the page's database reads. The callbacks keep ListGroup's shape,
`rows:<client id>:open` and `rows:<client id>:chat`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.types import CallbackQuery, InlineKeyboardButton
from aiogram_dialog import DialogManager
from aiogram_dialog.api.internal import RawKeyboard
from aiogram_dialog.api.protocols import DialogProtocol
from aiogram_dialog.widgets.kbd import Keyboard

RowAction = Callable[[CallbackQuery, Any, DialogManager, int], Awaitable[None]]
CHAT_MARK = "💬"


class ClientRowButtons(Keyboard):
    """Reads `rows` from the getter: dicts with `id`, `label` and `has_chat`."""

    def __init__(self, id: str, on_open: RowAction, on_chat: RowAction) -> None:
        super().__init__(id=id)
        self.actions = {"open": on_open, "chat": on_chat}

    async def _render_keyboard(self, data: dict[str, Any], manager: DialogManager) -> RawKeyboard:
        keyboard = []
        for row in data["rows"]:
            line = [self._button(row["label"], row["id"], "open")]
            if row["has_chat"]:
                line.append(self._button(CHAT_MARK, row["id"], "chat"))
            keyboard.append(line)
        return keyboard

    def _button(self, text: str, client_id: int, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(
            text=text, callback_data=self._item_callback_data(f"{client_id}:{action}")
        )

    async def _process_item_callback(
        self, callback: CallbackQuery, data: str, dialog: DialogProtocol, manager: DialogManager
    ) -> bool:
        client_id, _, action = data.partition(":")
        run = self.actions.get(action)
        if run is None or not client_id.isdigit():
            return False
        await run(callback, self, manager, int(client_id))
        return True
