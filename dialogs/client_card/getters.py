"""Getters of the card windows: ask the services, shape plain values for the texts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext
from babel.dates import format_date

from bot.services.client_profile import (
    OWNER_FLAGS,
    STAFF_GUARDED,
    CardFacts,
    Flag,
    client_by_id,
    is_staff_profile,
    load_card,
)
from bot.services.money import format_money, shop_currency
from bot.services.profile_input import ProfileField
from bot.services.roles import Role, can_edit
from bot.services.tags import client_tags, other_tags
from dialogs.access import require_editor_in, require_staff_in, role_in
from dialogs.client_card.context import ERROR, actor_in, card_client_id, i18n_in
from dialogs.client_mail.getters import card_outbox_values
from models import Address, Client

ERROR_KEYS = {
    "empty": "card-error-empty",
    "too_long": "card-error-too-long",
    "too_short": "card-error-too-short",
    "too_many": "card-error-too-many",
    "login_chars": "card-error-login-chars",
    "login_taken": "card-error-login-taken",
    "phone": "card-error-phone",
    "email": "card-error-email",
    "text_only": "card-error-text-only",
    "command": "card-error-command",
}
FIELD_KEYS = {
    ProfileField.CUSTOM_NAME: "card-field-custom-name",
    ProfileField.LOGIN: "card-field-login",
    ProfileField.PASSWORD: "card-field-password",
    ProfileField.DESCRIPTION: "card-field-description",
    ProfileField.PHONE: "card-field-phone",
    ProfileField.EMAIL: "card-field-email",
    ProfileField.COMPANY: "card-field-company",
}
FLAG_KEYS = {
    Flag.BLOCKED: "card-flag-blocked",
    Flag.BROADCASTS_OFF: "card-flag-broadcasts-off",
    Flag.MANAGER: "card-flag-manager",
    Flag.VIEWER: "card-flag-viewer",
}
FLAG_MARKS = {
    Flag.BLOCKED: "🚫",
    Flag.BROADCASTS_OFF: "🔕",
    Flag.MANAGER: "⭐",
    Flag.VIEWER: "👁",
}


# a Telegram message holds 4,096 characters: long values are clipped on the card
DESCRIPTION_SHOWN = 500
TAGS_SHOWN = 30


def _clip(text: str | None, limit: int) -> str | None:
    return text if text is None or len(text) <= limit else text[: limit - 1] + "…"


def _tag_list(names: list[str]) -> str:
    shown = ", ".join(names[:TAGS_SHOWN])
    return shown + (f", … (+{len(names) - TAGS_SHOWN})" if len(names) > TAGS_SHOWN else "")


def _referrer(i18n: I18nContext, referrer: Client) -> str:
    if referrer.anonymized_at is not None:
        return i18n.get("clients-anonymized", id=referrer.id)
    return f"{referrer.display_name} #{referrer.id}"


def _or_empty(i18n: I18nContext, value: object) -> str:
    return str(value) if value not in (None, "") else i18n.get("card-empty")


def _when(i18n: I18nContext, moment: datetime | None) -> str:
    if moment is None:
        return i18n.get("card-empty")
    return f"{format_date(moment, 'medium', locale=i18n.locale)} {moment:%H:%M} UTC"


def _money(i18n: I18nContext, amount: Decimal | None) -> str:
    if amount is None:
        return i18n.get("card-empty")
    return format_money(Decimal(amount), shop_currency(), i18n.locale)


def _address(address: Address | None) -> str | None:
    if address is None:
        return None
    place = " ".join(part for part in (address.postal_code, address.city) if part)
    return ", ".join(part for part in (address.street, place, address.country) if part)


def _flags(i18n: I18nContext, client: Client) -> str:
    names = [
        f"{FLAG_MARKS[flag]} {i18n.get(FLAG_KEYS[flag])}"
        for flag in Flag
        if getattr(client, flag.value)
    ]
    if client.bot_blocked:
        names.append(f"⛔ {i18n.get('card-flag-bot-blocked')}")
    return "; ".join(names) or i18n.get("card-empty")


def error_text(manager: DialogManager) -> str:
    error = manager.dialog_data.get(ERROR)
    if not error or error.get("reason") not in ERROR_KEYS:
        return ""
    return i18n_in(manager).get(ERROR_KEYS[error["reason"]], limit=error.get("limit") or 0)


def _numbers(i18n: I18nContext, facts: CardFacts) -> dict[str, Any]:
    client = facts.client
    return {
        "id": str(client.id),
        "registered": _when(i18n, client.created_at),
        "orders": client.orders_count,
        "total": _money(i18n, client.total_spent),
        "average": _money(i18n, facts.average_check),
    }


def _facts(i18n: I18nContext, facts: CardFacts) -> dict[str, Any]:
    client = facts.client
    empty = i18n.get("card-empty")
    telegram_name = " ".join(p for p in (client.first_name, client.last_name) if p)
    referrer = facts.referrer
    return {
        **_numbers(i18n, facts),
        "name": client.display_name,
        "telegram_name": telegram_name or empty,
        "username": f"@{client.username}" if client.username else empty,
        "telegram_id": _or_empty(i18n, client.telegram_id),
        "language": _or_empty(i18n, client.locale or client.language_code),
        "phone": _or_empty(i18n, client.phone),
        "email": _or_empty(i18n, client.email),
        "company": _or_empty(i18n, client.company),
        "address": _or_empty(i18n, _address(facts.default_address)),
        "source": client.source,
        "referrer": _referrer(i18n, referrer) if referrer else empty,
        "last_seen": _when(i18n, client.last_seen_at),
        "tags": _tag_list(facts.tags) or empty,
        "flags": _flags(i18n, client),
        "login": _or_empty(i18n, client.login),
        "password": "yes" if facts.has_password else "no",
        "description": _or_empty(i18n, _clip(client.description, DESCRIPTION_SHOWN)),
    }


async def card_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The card: its facts, and the latest emails with the ✉️ / 📱 actions."""
    require_staff_in(dialog_manager)
    i18n = i18n_in(dialog_manager)
    client_id = card_client_id(dialog_manager)
    facts = await load_card(client_id) if client_id is not None else None
    if facts is None:
        return {
            **await card_outbox_values(i18n, None),
            "missing": True,
            "anonymized": False,
            "present": False,
            "can_edit": False,
        }
    anonymized = facts.client.anonymized_at is not None
    values = _numbers(i18n, facts) if anonymized else _facts(i18n, facts)
    return {
        **values,
        **await card_outbox_values(i18n, None if anonymized else facts.client),
        "missing": False,
        "anonymized": anonymized,
        "present": not anonymized,
        "can_edit": can_edit(role_in(dialog_manager)) and not anonymized,
    }


def _visible_fields(role: Role, staff_target: bool) -> list[ProfileField]:
    hidden = STAFF_GUARDED if staff_target and role is not Role.OWNER else frozenset()
    return [field for field in ProfileField if field not in hidden]


def _visible_flags(role: Role, staff_target: bool) -> list[Flag]:
    hidden = set() if role is Role.OWNER else set(OWNER_FLAGS)
    if staff_target and role is not Role.OWNER:
        hidden |= STAFF_GUARDED
    return [flag for flag in Flag if flag not in hidden]


async def general_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    i18n = i18n_in(dialog_manager)
    client_id = card_client_id(dialog_manager)
    facts = await load_card(client_id) if client_id is not None else None
    if facts is None or facts.client.anonymized_at is not None:
        return {"present": False, "field_items": [], "flag_items": []}
    client, actor = facts.client, actor_in(dialog_manager)
    staff_target = is_staff_profile(client, actor.owner_ids)
    return {
        **_facts(i18n, facts),
        "custom_name": _or_empty(i18n, client.custom_name),
        "present": True,
        "field_items": [
            (field.value, i18n.get(FIELD_KEYS[field]))
            for field in _visible_fields(actor.role, staff_target)
        ],
        "flag_items": [
            (
                flag.value,
                ("✅ " if getattr(client, flag.value) else "⬜ ") + i18n.get(FLAG_KEYS[flag]),
            )
            for flag in _visible_flags(actor.role, staff_target)
        ],
    }


async def field_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    i18n = i18n_in(dialog_manager)
    client_id = card_client_id(dialog_manager)
    client = await client_by_id(client_id)
    field = ProfileField(dialog_manager.dialog_data.get("field", ProfileField.CUSTOM_NAME))
    if field is ProfileField.PASSWORD:
        current = client.password_hash if client else None
        shown = i18n.get("card-password-state", password="yes" if current else "no")
    else:
        current = getattr(client, field.value) if client else None
        shown = _or_empty(i18n, current)
    return {
        "field": field.value,
        "field_label": i18n.get(FIELD_KEYS[field]),
        "current": shown,
        "clearable": current is not None,
        "error_text": error_text(dialog_manager),
    }


async def tags_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    client_id = card_client_id(dialog_manager)
    client = await client_by_id(client_id)
    if client is None:
        return {"name": "", "id": "", "tags": "", "own_tags": [], "other_tags": []}
    own = await client_tags(client.id)
    others = await other_tags(client.id)
    return {
        "name": client.display_name,
        "id": str(client.id),
        "tags": _tag_list([tag.name for tag in own]) or i18n_in(dialog_manager).get("card-empty"),
        "own_tags": [(tag.id, tag.name) for tag in own],
        "other_tags": [(tag.id, tag.name) for tag in others],
        "error_text": error_text(dialog_manager),
    }
