"""Customer screens hear what is written to them.

aiogram-dialog hands a message to the window on top of the stack, and a window with no
input widget (the catalog, the cart, a customer's orders) drops it. A customer writing
there means to write to the shop, as in the main menu: `ShopDialog` sends such a
message to the shop's chat. Windows with an input of their own (a quantity, an address
form) keep it; commands and staff members' messages go the usual way.
"""

from __future__ import annotations

from aiogram.types import Message
from aiogram_dialog import Dialog, DialogManager

from bot.handlers.chat import client_writes
from bot.services.roles import is_staff
from dialogs.chat.dialog import not_a_command


class ShopDialog(Dialog):
    async def _message_handler(self, message: Message, dialog_manager: DialogManager) -> None:
        window = await self._current_window(dialog_manager)
        data = dialog_manager.middleware_data
        if (
            window.on_message is None
            and not is_staff(data["role"])
            and await not_a_command(message)
        ):
            await client_writes(message, data["i18n"], data["settings"], data["client"])
            return
        await super()._message_handler(message, dialog_manager)
