"""Upserts the client behind every update and resolves their role from the database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.services.clients import TelegramProfile, touch_client
from bot.services.roles import Role, role_of


def profile_of(user: User) -> TelegramProfile:
    return TelegramProfile(
        telegram_id=user.id,
        first_name=user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
    )


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
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot:
            data["client"], data["role"] = None, Role.CUSTOMER
            return await handler(event, data)
        client = await touch_client(profile_of(user))
        data["client"] = client
        data["role"] = role_of(client, self.owner_ids)
        return await handler(event, data)
