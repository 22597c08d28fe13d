"""Router filters that admit staff only, from the role ClientMiddleware loaded this update."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject

from bot.services.roles import Role, is_staff


class StaffFilter(Filter):
    async def __call__(self, event: TelegramObject, role: Role = Role.CUSTOMER) -> bool:
        return is_staff(role)
