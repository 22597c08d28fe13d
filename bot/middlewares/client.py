"""Loads the client behind every update and resolves their role from the database.

Only a real person writing in a private chat is upserted. A background dialog update
(`bg(user_id=...)`) carries a placeholder user with an empty name, and an inline query
comes from no chat: for those the client is read, never written or created. In a
group, supergroup or channel the bot stores nothing and reads nothing: no client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import Chat, TelegramObject, User
from aiogram_dialog.utils import is_user_loaded

from bot.services.clients import TelegramProfile, find_client, touch_client
from bot.services.roles import role_of
from models import Client


def profile_of(user: User) -> TelegramProfile:
    return TelegramProfile(
        telegram_id=user.id,
        first_name=user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
    )


async def client_behind(user: User | None, chat: Chat | None, business: bool) -> Client | None:
    if user is None or user.is_bot:
        return None
    if not is_user_loaded(user) or business:
        return await find_client(user.id)  # not a profile we may write
    if chat is None:
        return await find_client(user.id)  # inline queries: from a user, not a chat
    if chat.type != ChatType.PRIVATE:
        return None
    return await touch_client(profile_of(user))


class ClientMiddleware(BaseMiddleware):
    """Puts `client` and `role` into handler data; both are fresh from the DB each update."""

    def __init__(self, owner_ids: Collection[int]) -> None:
        self.owner_ids = frozenset(owner_ids)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        client = await client_behind(
            data.get("event_from_user"),
            data.get("event_chat"),
            business=getattr(data.get("event_context"), "business_connection_id", None) is not None,
        )
        data["client"] = client
        data["role"] = role_of(client, self.owner_ids)
        return await handler(event, data)
