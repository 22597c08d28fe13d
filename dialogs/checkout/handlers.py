"""Checkout steps: each validates its input, keeps it in dialog data, moves on."""

from __future__ import annotations

from typing import Any

from aiogram.types import (
    CallbackQuery,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import ManagedTextInput, MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.notify import BackgroundNotices
from bot.services import addresses
from bot.services.addresses import AddressError
from bot.services.cart import CartError, apply_promo
from bot.services.checkout import CheckoutInput, clean_comment, place_order
from bot.services.contact_details import ContactError, normalize_email, normalize_phone
from bot.services.payments import payment_methods
from bot.services.promo import PromoError
from dialogs.cart.handlers import promo_error_text
from dialogs.cart.states import CartDialog
from dialogs.checkout.states import Checkout
from dialogs.my_orders.handlers import send_invoice_for
from dialogs.shop.context import client_of, i18n_of, settings_of, tr
from models import PaymentMethod


async def on_saved_address(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, address_id: int
) -> None:
    try:
        address = await addresses.owned_address(client_of(manager), address_id)
    except AddressError as error:
        await callback.answer(tr(manager, error.key), show_alert=True)
        return
    manager.dialog_data["address_id"] = address.id
    await ask_phone(manager)


async def on_new_address(_start_data: Any, result: Any, manager: DialogManager) -> None:
    if isinstance(result, dict) and result.get("address_id"):
        manager.dialog_data["address_id"] = result["address_id"]
        await ask_phone(manager)


async def ask_phone(manager: DialogManager) -> None:
    """The "share contact" button lives on a reply keyboard: its own message, then the step."""
    keyboard = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=tr(manager, "checkout-share-phone"), request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    client = client_of(manager)
    await manager.middleware_data["bot"].send_message(
        client.telegram_id, tr(manager, "checkout-phone-keyboard"), reply_markup=keyboard
    )
    manager.show_mode = ShowMode.SEND
    await manager.switch_to(Checkout.PHONE)


async def _phone_ok(message: Message, manager: DialogManager, text: str) -> None:
    try:
        manager.dialog_data["phone"] = normalize_phone(text, i18n_of(manager).locale)
    except ContactError as error:
        await message.answer(tr(manager, error.key))
        return
    await message.answer(tr(manager, "checkout-phone-saved"), reply_markup=ReplyKeyboardRemove())
    manager.show_mode = ShowMode.SEND
    await manager.switch_to(Checkout.EMAIL)


async def on_contact(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    contact = message.contact
    if contact is None or (contact.user_id and contact.user_id != message.from_user.id):
        await message.answer(tr(manager, "phone-not-yours"))
        return
    await _phone_ok(message, manager, contact.phone_number)


async def on_phone_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    await _phone_ok(message, manager, text)


async def on_known_phone(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await _phone_ok(callback.message, manager, client_of(manager).phone or "")


async def on_email_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    try:
        manager.dialog_data["email"] = normalize_email(text)
    except ContactError as error:
        await message.answer(tr(manager, error.key))
        return
    await manager.switch_to(Checkout.PROMO)


async def on_known_email(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    manager.dialog_data["email"] = client_of(manager).email
    await manager.switch_to(Checkout.PROMO)


async def on_promo_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    try:
        view = await apply_promo(client_of(manager), text)
    except (PromoError, CartError) as error:
        await message.answer(promo_error_text(manager, error))
        return
    await message.answer(tr(manager, "promo-applied", code=view.promo_code or ""))
    await manager.switch_to(Checkout.COMMENT)


async def on_comment_typed(
    message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    try:
        manager.dialog_data["comment"] = clean_comment(text)
    except CartError as error:
        await message.answer(tr(manager, error.key))
        return
    await manager.switch_to(Checkout.PAYMENT)


async def on_payment(
    callback: CallbackQuery, _widget: Select[str], manager: DialogManager, method: str
) -> None:
    allowed = payment_methods(settings_of(manager).payment_provider_token is not None)
    if method not in {m.value for m in allowed}:
        return
    manager.dialog_data["payment"] = method
    await manager.switch_to(Checkout.SUMMARY)


async def on_confirm(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    data, settings = manager.dialog_data, settings_of(manager)
    checkout = CheckoutInput(
        phone=data.get("phone", ""),
        payment_method=PaymentMethod(data.get("payment", PaymentMethod.ON_DELIVERY)),
        address_id=data.get("address_id"),
        email=data.get("email"),
        comment=data.get("comment"),
    )
    try:
        placed = await place_order(client_of(manager), checkout, settings.admin_ids)
    except (CartError, AddressError) as error:
        await callback.answer(tr(manager, error.key), show_alert=True)
        await manager.start(CartDialog.MAIN, mode=StartMode.RESET_STACK)
        return
    except PromoError as error:
        await callback.answer(promo_error_text(manager, error), show_alert=True)
        await manager.switch_to(Checkout.PROMO)
        return
    data["order_id"] = placed.order.id
    background: BackgroundNotices = manager.middleware_data["background_notices"]
    bot = manager.middleware_data["bot"]
    core, locale = i18n_of(manager).core, settings.default_locale
    background.build_and_send(bot, core, placed.staff_notices, locale)
    await manager.switch_to(Checkout.DONE)
    if placed.order.payment_method == PaymentMethod.TELEGRAM:
        await send_invoice_for(manager, placed.order.id)
