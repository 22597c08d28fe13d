from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.addresses import address_text, client_addresses, owned_address
from dialogs.shop.context import client_of, tr


async def list_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    addresses = await client_addresses(client_of(dialog_manager))
    return {
        "addresses": [
            (a.id, ("⭐ " if a.is_default else "") + address_text(a)[:60]) for a in addresses
        ],
        "empty": not addresses,
    }


async def address_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    address = await owned_address(
        client_of(dialog_manager), dialog_manager.dialog_data.get("address_id")
    )
    return {
        "recipient": address.recipient or "",
        "street": address.street,
        "city": address.city,
        "postal_code": address.postal_code or "",
        "country": address.country or "",
        "is_default": address.is_default,
        "not_default": not address.is_default,
        "fields": [
            (name, tr(dialog_manager, f"address-field-{name}"))
            for name in ("recipient", "street", "city", "postal_code", "country")
        ],
    }


async def field_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    field = dialog_manager.dialog_data.get("field", "street")
    return {"field_name": tr(dialog_manager, f"address-field-{field}")}
