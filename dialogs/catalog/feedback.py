"""What staff dialogs share: a rejected input shown on the window, and page buttons."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Row
from aiogram_dialog.widgets.text import Const, Format
from aiogram_i18n import I18nContext

from bot.services.catalog_admin import InputRejected
from bot.services.roles import can_edit
from dialogs.access import require_staff_in, role_in
from dialogs.widgets import fluent_args

ERROR_KEY = "error"
OnClick = Callable[[CallbackQuery, Button, DialogManager], Awaitable[None]]
Handler = TypeVar("Handler", bound=Callable[..., Awaitable[None]])


def reject(manager: DialogManager, rejected: InputRejected) -> None:
    """Remember the message for the window; the dialog stays where it is."""
    manager.dialog_data[ERROR_KEY] = {"key": rejected.key, "args": rejected.args_}


def refuses_bad_input(handler: Handler) -> Handler:
    """An action whose service refuses (bad input, a thing deleted meanwhile) shows why."""

    @functools.wraps(handler)
    async def wrapper(event: Any, widget: Any, manager: DialogManager, *args: Any) -> None:
        try:
            await handler(event, widget, manager, *args)
        except InputRejected as rejected:
            reject(manager, rejected)

    return wrapper  # type: ignore[return-value]


def clear_error(manager: DialogManager) -> None:
    manager.dialog_data.pop(ERROR_KEY, None)


async def go(manager: DialogManager, state: State) -> None:
    clear_error(manager)
    await manager.switch_to(state)


async def close(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """Back to the desk."""
    require_staff_in(manager)
    await manager.done()


def i18n_of(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def render(manager: DialogManager, key: str, args: dict[str, Any]) -> str:
    return i18n_of(manager).get(key, **fluent_args(args))


async def common_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The error text (if any) and whether this person may change things."""
    require_staff_in(dialog_manager)
    error = dialog_manager.dialog_data.get(ERROR_KEY)
    return {
        "error": render(dialog_manager, error["key"], error["args"]) if error else "",
        "can_edit": can_edit(role_in(dialog_manager)),
    }


ERROR_TEXT = Format("\n⚠️ {error}", when="error")


def page_of(manager: DialogManager, key: str) -> int:
    return int(manager.dialog_data.get(key, 0))


def _turn(key: str, step: int) -> OnClick:
    async def turn(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
        require_staff_in(manager)
        clear_error(manager)
        manager.dialog_data[key] = max(0, page_of(manager, key) + step)

    return turn


def pager(key: str) -> Row:
    """◀ k/n ▶ for a page number kept in dialog_data[key]; the getter returns
    `<key>_has_prev`, `<key>_has_next` and `<key>_label`."""
    return Row(
        Button(Const("◀"), id=f"{key}_prev", on_click=_turn(key, -1), when=f"{key}_has_prev"),
        Button(Format(f"{{{key}_label}}"), id=f"{key}_at", when=f"{key}_many"),
        Button(Const("▶"), id=f"{key}_next", on_click=_turn(key, 1), when=f"{key}_has_next"),
    )


def pager_data(key: str, page: int, pages: int) -> dict[str, Any]:
    return {
        f"{key}_has_prev": page > 0,
        f"{key}_has_next": page + 1 < pages,
        f"{key}_many": pages > 1,
        f"{key}_label": f"{page + 1}/{pages}",
    }
