"""Dialog widgets shared by every area."""

from __future__ import annotations

import html
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from aiogram_dialog.api.protocols import DialogManager
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.text import Text
from aiogram_i18n import I18nContext

FLUENT_ARG_TYPES = (str, int, float, Decimal, datetime, date)


def fluent_args(data: dict[str, Any]) -> dict[str, Any]:
    """The getter values Fluent can format; strings HTML-escaped (messages are HTML)."""
    return {
        key: html.escape(value, quote=False) if isinstance(value, str) else value
        for key, value in data.items()
        if isinstance(value, FLUENT_ARG_TYPES) and not isinstance(value, bool)
    }


class Tr(Text):
    """A text from the Fluent catalog in the user's language; getter data become $args."""

    def __init__(self, key: str, when: WhenCondition = None) -> None:
        super().__init__(when=when)
        self.key = key

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        i18n: I18nContext = manager.middleware_data["i18n"]
        return i18n.get(self.key, **fluent_args(data))
