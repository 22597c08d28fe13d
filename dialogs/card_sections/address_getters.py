"""What the client's addresses screens show: everybody on the desk reads, editors change."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.addresses import ADDRESS_FIELDS, AddressError
from bot.services.client_addresses import address_list, address_of
from bot.services.client_profile import ClientNotFound, client_by_id
from dialogs.access import require_editor_in, require_staff_in, role_in
from dialogs.card_sections.common import card_client_id, editor, error_text, i18n_in
from models import Address

ADDRESS_ID = "address_id"
FIELD = "field"
DRAFT = "draft"


def address_line(address: Address) -> str:
    place = " ".join(part for part in (address.postal_code, address.city) if part)
    parts = (address.street, place, address.country)
    return ("⭐ " if address.is_default else "") + ", ".join(p for p in parts if p)


async def addresses_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    client = await client_by_id(card_client_id(dialog_manager))
    if client is None:
        return {"present": False, "missing": True, "items": [], "count": 0, "can_add": False}
    rows = await address_list(role_in(dialog_manager), client.id)
    return {
        "present": True,
        "missing": False,
        "name": client.display_name,
        "id": str(client.id),
        "count": len(rows),
        "items": [(row.id, address_line(row)) for row in rows],
        "can_add": editor(dialog_manager) and client.anonymized_at is None,
        "error_text": error_text(dialog_manager),
    }


async def _chosen(manager: DialogManager) -> Address | None:
    client_id = card_client_id(manager)
    if client_id is None:
        return None
    try:
        return await address_of(role_in(manager), client_id, manager.dialog_data.get(ADDRESS_ID))
    except (AddressError, ClientNotFound):
        return None


def _field_items(manager: DialogManager) -> list[tuple[str, str]]:
    i18n = i18n_in(manager)
    return [(name, "✏️ " + i18n.get(f"address-field-{name}")) for name in ADDRESS_FIELDS]


async def address_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    address = await _chosen(dialog_manager)
    if address is None:
        return {"present": False, "gone": True, "fields": [], "can_edit": False}
    can_edit = editor(dialog_manager)
    return {
        "present": True,
        "gone": False,
        "recipient": address.recipient or "—",
        "street": address.street,
        "postal_code": address.postal_code or "",
        "city": address.city,
        "country": address.country or "",
        "is_default": address.is_default,
        "can_edit": can_edit,
        "can_default": can_edit and not address.is_default,
        "fields": _field_items(dialog_manager) if can_edit else [],
        "error_text": error_text(dialog_manager),
    }


async def field_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    address = await _chosen(dialog_manager)
    field = dialog_manager.dialog_data.get(FIELD)
    if address is None or field not in ADDRESS_FIELDS:
        return {"field_name": "", "current": "—", "error_text": error_text(dialog_manager)}
    return {
        "field_name": i18n_in(dialog_manager).get(f"address-field-{field}"),
        "current": getattr(address, field) or "—",
        "error_text": error_text(dialog_manager),
    }


def next_field(manager: DialogManager) -> str | None:
    """The first field of the new address not typed yet; None when all are in."""
    draft = manager.dialog_data.get(DRAFT) or {}
    return next((name for name in ADDRESS_FIELDS if name not in draft), None)


async def new_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    field = next_field(dialog_manager) or "country"
    return {
        "step": list(ADDRESS_FIELDS).index(field) + 1,
        "steps": len(ADDRESS_FIELDS),
        "prompt": i18n_in(dialog_manager).get(f"address-prompt-{field}"),
        "error_text": error_text(dialog_manager),
    }
