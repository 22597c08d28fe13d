"""A router group that steps aside for updates none of its routers handles.

aiogram walks every router in order for every update, wrapping each in its middleware
chain and checking its filters, even when the router has no handler for that kind of
update. Customers' button presses are most of a shop's traffic, and they would walk the
command, login and payment routers for nothing; grouped under a `PassByRouter`, those
routers cost one set lookup for a button press.
"""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject


class PassByRouter(Router):
    def __init__(self, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self._handled: frozenset[str] | None = None

    def include_router(self, router: Router) -> Router:
        self._handled = None  # recounted on the next update
        return super().include_router(router)

    async def propagate_event(self, update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        if self._handled is None:
            self._handled = frozenset(
                name
                for router in self.chain_tail
                for name, observer in router.observers.items()
                if observer.handlers
            )
        if update_type not in self._handled:
            return UNHANDLED
        return await super().propagate_event(update_type, event, **kwargs)
