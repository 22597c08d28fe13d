"""Forgetting a person's bot sessions when their data is erased.

What they typed into a dialog they never finished (a phone or an address at checkout)
sits in the FSM storage (Redis in production) under their Telegram id, outside the
database: anonymization and deletion clear it too. Private chats only (the bot serves
no groups), so the keys are (chat = user = Telegram id).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram_dialog.api.entities import DEFAULT_STACK_ID

Forget = Callable[[int], Awaitable[None]]


def _key(bot_id: int, telegram_id: int, destiny: str) -> StorageKey:
    return StorageKey(bot_id=bot_id, chat_id=telegram_id, user_id=telegram_id, destiny=destiny)


async def forget_sessions(storage: BaseStorage, bot_id: int, telegram_id: int) -> None:
    """The plain FSM state and data, the dialog stack and every context on it."""
    plain = _key(bot_id, telegram_id, "default")
    await storage.set_state(plain, None)
    await storage.set_data(plain, {})
    stack = _key(bot_id, telegram_id, f"aiogd:stack:{DEFAULT_STACK_ID}")
    intents = (await storage.get_data(stack)).get("intents") or []
    for intent_id in intents:
        await storage.set_data(_key(bot_id, telegram_id, f"aiogd:context:{intent_id}"), {})
    await storage.set_data(stack, {})


def session_forgetter(storage: BaseStorage, bot_id: int) -> Forget:
    async def forget(telegram_id: int) -> None:
        await forget_sessions(storage, bot_id, telegram_id)

    return forget
