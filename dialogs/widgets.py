"""Dialog widgets shared by every area."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from aiogram.types import CallbackQuery, InlineKeyboardButton
from aiogram_dialog.api.internal import RawKeyboard
from aiogram_dialog.api.protocols import DialogManager, DialogProtocol
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.kbd import Keyboard
from aiogram_dialog.widgets.text import Text
from aiogram_i18n import I18nContext
from fluent.syntax.ast import Message as FluentMessage
from fluent.syntax.ast import TextElement

FLUENT_ARG_TYPES = (str, int, float, Decimal, datetime, date)


def fluent_args(data: dict[str, Any]) -> dict[str, Any]:
    """The getter values Fluent can format; strings HTML-escaped (messages are HTML)."""
    return {
        key: html.escape(value, quote=False) if isinstance(value, str) else value
        for key, value in data.items()
        if isinstance(value, FLUENT_ARG_TYPES) and not isinstance(value, bool)
    }


# Texts without placeables, per (locale, key): most buttons. Formatting them through
# Fluent on every render is a measurable share of a click (python -m bench updates).
_static_texts: dict[tuple[str, str], str] = {}


def _is_static(i18n: I18nContext, key: str) -> bool:
    bundle = i18n.core.locales.get(i18n.locale)
    message = getattr(bundle, "_messages", {}).get(key)
    return (
        isinstance(message, FluentMessage)
        and message.value is not None
        and all(isinstance(element, TextElement) for element in message.value.elements)
    )


class Tr(Text):
    """A text from the Fluent catalog in the user's language; getter data become $args."""

    def __init__(self, key: str, when: WhenCondition = None) -> None:
        super().__init__(when=when)
        self.key = key

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        i18n: I18nContext = manager.middleware_data["i18n"]
        cache_key = (i18n.locale, self.key)
        text = _static_texts.get(cache_key)
        if text is None:
            text = i18n.get(self.key, **fluent_args(data))
            if _is_static(i18n, self.key):
                _static_texts[cache_key] = text
        return text


OnItem = Callable[[CallbackQuery, Any, DialogManager, int], Awaitable[None]]


class ItemColumn(Keyboard):
    """A button a row for each `(id, label)` pair of the getter's `items` (all in one row
    with `in_row`); a press calls `on_click(callback, widget, manager, id)`.

    What `Column(Select(Format("{item[1]}"), item_id_getter=itemgetter(0),
    type_factory=int))` showed, with its callbacks (`<id>:<item id>`), rendered in one
    pass: Select formats each label and renders a style per item, a measurable share of
    a catalog page's click (python -m bench shop). An id that is not a number is not
    handled (a forged callback).
    """

    def __init__(
        self,
        id: str,
        items: str,
        on_click: OnItem,
        when: WhenCondition = None,
        *,
        in_row: bool = False,
    ) -> None:
        super().__init__(id=id, when=when)
        self.items = items
        self.on_click = on_click
        self.in_row = in_row

    async def _render_keyboard(self, data: dict[str, Any], manager: DialogManager) -> RawKeyboard:
        buttons = [
            InlineKeyboardButton(text=label, callback_data=self._item_callback_data(item_id))
            for item_id, label in data[self.items]
        ]
        return [buttons] if self.in_row else [[button] for button in buttons]

    async def _process_item_callback(
        self, callback: CallbackQuery, data: str, dialog: DialogProtocol, manager: DialogManager
    ) -> bool:
        if not (data.isascii() and data.isdigit()):  # int() takes "١" and " 1" too
            return False
        await self.on_click(callback, self, manager, int(data))
        return True
