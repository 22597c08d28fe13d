"""Address, promo code, comment, payment and the confirm that places the order."""

from __future__ import annotations

import logging
from dataclasses import replace

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import ManagedTextInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.notify import send_notices
from bot.services import addresses
from bot.services.addresses import AddressError
from bot.services.cart import CartError
from bot.services.checkout import clean_comment
from bot.services.manager_orders import order_target, place_for_client
from bot.services.money import format_money
from bot.services.order_drafts import (
    MANAGER_PAYMENTS,
    DraftError,
    quote_draft,
    settled,
    with_promo,
)
from bot.services.promo import PromoError
from dialogs.access import require_editor_in
from dialogs.addresses.handlers import field_error
from dialogs.client_card.context import actor_in, card_client_id, i18n_in
from dialogs.create_order.context import draft_of, promo_text, save_draft
from dialogs.create_order.handlers import alert, say, tr
from dialogs.create_order.states import CreateOrder

logger = logging.getLogger(__name__)

ADDRESS_STATES = {
    CreateOrder.RECIPIENT.state: "recipient",
    CreateOrder.STREET.state: "street",
    CreateOrder.CITY.state: "city",
    CreateOrder.POSTAL_CODE.state: "postal_code",
    CreateOrder.COUNTRY.state: "country",
}
TYPED_ADDRESS = "typed_address"


# --- address ----------------------------------------------------------------------


async def on_saved_address(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, address_id: int
) -> None:
    require_editor_in(manager)
    try:
        client = await order_target(card_client_id(manager))
        address = await addresses.owned_address(client, address_id)
    except (DraftError, AddressError) as refused:
        await alert(callback, tr(manager, refused.key, field=""))
        return
    save_draft(manager, replace(draft_of(manager), address_id=address.id, new_address=None))
    await manager.switch_to(CreateOrder.PROMO)


async def on_new_address(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    manager.dialog_data[TYPED_ADDRESS] = {}
    await manager.switch_to(CreateOrder.RECIPIENT)


async def on_address_field(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    """One field of a new address, validated as the shop does; saved only at confirm."""
    require_editor_in(manager)
    state = manager.current_context().state.state
    field = ADDRESS_STATES[state]
    typed = manager.dialog_data.setdefault(TYPED_ADDRESS, {})
    try:
        typed[field] = addresses.clean_field(field, text)
    except AddressError as refused:
        await say(message, field_error(manager, refused))
        return
    if state != CreateOrder.COUNTRY.state:
        await manager.next()
        return
    try:
        new_address = addresses.clean_address(typed)
    except AddressError as refused:  # a field skipped somehow: start the address again
        await say(message, field_error(manager, refused))
        await manager.switch_to(CreateOrder.RECIPIENT)
        return
    save_draft(manager, replace(draft_of(manager), address_id=None, new_address=new_address))
    manager.dialog_data.pop(TYPED_ADDRESS, None)
    await manager.switch_to(CreateOrder.PROMO)


# --- promo, comment, payment --------------------------------------------------------


async def on_promo_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    require_editor_in(manager)
    draft = draft_of(manager)
    try:
        client = await order_target(card_client_id(manager))
        draft = await with_promo(client, draft, text)
    except DraftError as refused:
        await say(message, tr(manager, refused.key))
        return
    except (PromoError, CartError) as refused:
        await say(message, promo_text(manager, refused))
        return
    save_draft(manager, draft)
    quote = await quote_draft(client, draft)
    discount = format_money(quote.discount, quote.currency, i18n_in(manager).locale)
    await say(
        message, tr(manager, "create-order-promo-applied", code=draft.promo_code, discount=discount)
    )
    await manager.switch_to(CreateOrder.COMMENT)


async def on_promo_skip(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    save_draft(manager, replace(draft_of(manager), promo_code=None))
    await manager.switch_to(CreateOrder.COMMENT)


async def on_comment_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    require_editor_in(manager)
    try:
        comment = clean_comment(text)
    except CartError as refused:
        await say(message, tr(manager, refused.key))
        return
    save_draft(manager, replace(draft_of(manager), comment=comment))
    await manager.switch_to(CreateOrder.SUMMARY)


async def on_comment_skip(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    save_draft(manager, replace(draft_of(manager), comment=None))
    await manager.switch_to(CreateOrder.SUMMARY)


async def on_payment_toggle(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    require_editor_in(manager)
    draft = draft_of(manager)
    methods = list(MANAGER_PAYMENTS)
    following = methods[(methods.index(draft.payment_method) + 1) % len(methods)]
    save_draft(manager, replace(draft, payment_method=following))


# --- confirm ----------------------------------------------------------------------


async def _refused_draft(
    callback: CallbackQuery, manager: DialogManager, error: DraftError
) -> None:
    """A product gone or re-priced: the draft takes today's catalog, the manager looks again."""
    await alert(callback, tr(manager, error.key, **error.args_))
    if error.key not in ("create-order-gone", "create-order-repriced"):
        return
    client = await order_target(card_client_id(manager))
    draft = draft_of(manager)
    save_draft(manager, settled(draft, await quote_draft(client, draft)))
    if not draft_of(manager).lines:
        await manager.switch_to(CreateOrder.ITEMS)


async def on_confirm(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client_id = card_client_id(manager)
    try:
        placed = await place_for_client(actor_in(manager), client_id, draft_of(manager))
    except DraftError as refused:
        await _refused_draft(callback, manager, refused)
        return
    except PromoError as refused:
        await alert(callback, promo_text(manager, refused))
        await manager.switch_to(CreateOrder.PROMO)
        return
    except AddressError as refused:
        await alert(callback, field_error(manager, refused))
        await manager.switch_to(CreateOrder.ADDRESS)
        return
    except CartError as refused:
        await alert(callback, tr(manager, refused.key))
        return
    data = manager.dialog_data
    data.clear()
    data["order_id"] = placed.order.id
    logger.info("order %s created by a manager for client %s", placed.order.id, client_id)
    bot, settings = manager.middleware_data["bot"], manager.middleware_data["settings"]
    core = i18n_in(manager).core
    sent = await send_notices(bot, core, placed.client_notices, settings.default_locale)
    await send_notices(bot, core, placed.staff_notices, settings.default_locale)
    data["notified"] = sent > 0
    await manager.switch_to(CreateOrder.DONE)
