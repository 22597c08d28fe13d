"""Promo codes: the list, a code's card, and a new code one field at a time."""

from __future__ import annotations

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services.catalog_admin import InputRejected
from bot.services.promo_admin import (
    PromoDraft,
    create_promo,
    get_promo,
    parse_draft_field,
    set_promo_active,
)
from dialogs.access import require_editor_in, require_staff_in
from dialogs.catalog.feedback import clear_error, go, refuses_bad_input, reject
from dialogs.promo.getters import USES_PAGE
from dialogs.promo.states import PromoAdmin
from models import PromoKind

# state -> (the draft field it asks for, the next state)
STEPS: dict[State, tuple[str, State]] = {
    PromoAdmin.CODE: ("code", PromoAdmin.KIND),
    PromoAdmin.VALUE: ("value", PromoAdmin.MIN_TOTAL),
    PromoAdmin.MIN_TOTAL: ("min_order_total", PromoAdmin.VALID_FROM),
    PromoAdmin.VALID_FROM: ("valid_from", PromoAdmin.VALID_UNTIL),
    PromoAdmin.VALID_UNTIL: ("valid_until", PromoAdmin.MAX_USES),
    PromoAdmin.MAX_USES: ("max_uses", PromoAdmin.MAX_PER_CLIENT),
    PromoAdmin.MAX_PER_CLIENT: ("max_uses_per_client", PromoAdmin.SUMMARY),
}
OPTIONAL_FIELDS = frozenset(
    {"min_order_total", "valid_from", "valid_until", "max_uses", "max_uses_per_client"}
)


async def open_promo(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The desk's Promo codes button."""
    require_staff_in(manager)
    await manager.start(PromoAdmin.LIST)


async def on_promo_chosen(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: int
) -> None:
    require_staff_in(manager)
    try:
        await get_promo(item_id)
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    manager.dialog_data.update(promo_id=item_id)
    manager.dialog_data[USES_PAGE] = 0
    await go(manager, PromoAdmin.CARD)


async def to_list(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """Back to the list; a code being created is dropped (nothing was written)."""
    require_staff_in(manager)
    manager.dialog_data.pop("draft", None)
    await go(manager, PromoAdmin.LIST)


@refuses_bad_input
async def toggle_active(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    promo = await get_promo(manager.dialog_data["promo_id"])
    await set_promo_active(promo.id, not promo.is_active)
    clear_error(manager)


async def start_new_code(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    manager.dialog_data["draft"] = {}
    await go(manager, PromoAdmin.CODE)


async def on_kind(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    kind = PromoKind.FIXED if button.widget_id == "fixed" else PromoKind.PERCENT
    manager.dialog_data.setdefault("draft", {})["kind"] = kind.value
    await go(manager, PromoAdmin.VALUE)


def _step(manager: DialogManager) -> tuple[str, State]:
    context = manager.current_context()
    for state, step in STEPS.items():
        if state.state == context.state.state:
            return step
    raise KeyError(context.state)


async def on_field(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    field, then = _step(manager)
    draft: dict = manager.dialog_data.setdefault("draft", {})
    try:
        draft[field] = await parse_draft_field(field, message.text, draft)
    except InputRejected as rejected:
        reject(manager, rejected)
        return
    await go(manager, then)


async def skip_field(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    field, then = _step(manager)
    if field not in OPTIONAL_FIELDS:
        return
    manager.dialog_data.setdefault("draft", {})[field] = None
    await go(manager, then)


async def on_create(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    try:
        promo = await create_promo(PromoDraft.from_dict(manager.dialog_data.get("draft", {})))
    except (InputRejected, KeyError, ValueError) as error:
        rejected = (
            error if isinstance(error, InputRejected) else InputRejected("promo-admin-error-draft")
        )
        reject(manager, rejected)
        return
    manager.dialog_data.pop("draft", None)
    manager.dialog_data.update(promo_id=promo.id)
    manager.dialog_data[USES_PAGE] = 0
    await go(manager, PromoAdmin.CARD)
