from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.addresses import AddressError, address_text, client_addresses, owned_address
from bot.services.cart import cart_view
from bot.services.payments import payment_methods
from dialogs.cart.getters import cart_text
from dialogs.shop.context import client_of, settings_of, tr


async def address_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    addresses = await client_addresses(client_of(dialog_manager))
    return {
        "addresses": [(a.id, address_text(a)[:60]) for a in addresses],
        "has_saved": bool(addresses),
    }


async def phone_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    phone = client_of(dialog_manager).phone or ""
    return {"known_phone": phone, "has_phone": bool(phone)}


async def email_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    email = client_of(dialog_manager).email or ""
    return {"known_email": email, "has_email": bool(email)}


async def payment_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    methods = payment_methods(settings_of(dialog_manager).payment_provider_token is not None)
    return {"methods": [(m.value, tr(dialog_manager, f"payment-{m.value}")) for m in methods]}


async def summary_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    client = client_of(dialog_manager)
    data = dialog_manager.dialog_data
    view = await cart_view(client)
    try:
        address = address_text(await owned_address(client, data.get("address_id")))
    except AddressError:
        address = ""
    return {
        **cart_text(dialog_manager, view),
        "address": address,
        "phone": data.get("phone", ""),
        "email": data.get("email") or "—",
        "comment": data.get("comment") or "—",
        "payment": tr(dialog_manager, f"payment-{data.get('payment', 'on_delivery')}"),
    }


async def done_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"order_id": dialog_manager.dialog_data.get("order_id", 0)}
