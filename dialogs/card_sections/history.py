"""The client's history screen: audit entries in the manager's language.

Actions get their localized names; the plain facts (which field, a flag's new value, a
role) are shown; personal values recorded with an entry are named, never shown
(`bot.services.client_history` does not even return them)."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.client_history import HistoryEntry, client_history
from bot.services.client_profile import client_by_id
from dialogs.access import require_staff_in, role_in
from dialogs.card_sections.common import (
    PAGE,
    card_client_id,
    html_line,
    i18n_in,
    page_of,
    page_values,
    when,
)
from dialogs.client_card.getters import FIELD_KEYS, FLAG_KEYS

ACTIONS = frozenset(
    {
        "field_changed",
        "password_set",
        "password_cleared",
        "flag_changed",
        "role_changed",
        "tag_added",
        "tag_removed",
        "email_queued",
        "email_retried",
        "sms_queued",
        "sms_retried",
        "login_failed",
        "claimed",
        "detached_by_claim",
        "address_added",
        "address_changed",
        "address_default",
        "address_deleted",
        "profile_refreshed",
        "order_created",
        "order_note",
        "client_anonymized",
        "personal_data_exported",
        "personal_data_self_exported",
        "erasure_requested",
        "erasure_done",
        "erasure_refused",
    }
)
TRIGGERS = frozenset({"manager", "retention"})
ROLES = frozenset({"owner", "manager", "viewer", "customer"})
REFRESHED_FIELDS = {
    "first_name": "sections-refresh-first_name",
    "last_name": "sections-refresh-last_name",
    "username": "sections-refresh-username",
}


def _field_name(i18n: I18nContext, name: object) -> str:
    key = FIELD_KEYS.get(name) or FLAG_KEYS.get(name)  # type: ignore[call-overload]
    if key is None and name in REFRESHED_FIELDS:
        key = REFRESHED_FIELDS[name]  # type: ignore[index]
    if key is None and name in ("recipient", "street", "city", "postal_code", "country"):
        key = f"address-field-{name}"
    if key is None and name == "password":
        key = "card-field-password"
    return i18n.get(key) if key else str(name)


def _details(i18n: I18nContext, entry: HistoryEntry) -> list[str]:
    facts, parts = entry.facts, []
    if "field" in facts:
        parts.append(_field_name(i18n, facts["field"]))
    if isinstance(facts.get("fields"), list):
        parts.append(", ".join(_field_name(i18n, name) for name in facts["fields"]))
    if isinstance(facts.get("new"), bool):
        parts.append(i18n.get("sections-history-on" if facts["new"] else "sections-history-off"))
    if facts.get("from") in ROLES and facts.get("to") in ROLES:
        roles = (i18n.get(f"sections-role-{facts[side]}") for side in ("from", "to"))
        parts.append(" → ".join(roles))
    if facts.get("trigger") in TRIGGERS:
        parts.append(i18n.get(f"sections-history-trigger-{facts['trigger']}"))
    if facts.get("cleared") is True:
        parts.append(i18n.get("sections-history-note-cleared"))
    for key in ("address_id", "email_id", "sms_id", "order_id", "request_id"):
        if isinstance(facts.get(key), int):
            parts.append(f"#{facts[key]}")
    if entry.personal_keys:
        parts.append(i18n.get("sections-history-personal"))
    return parts


def _actor(i18n: I18nContext, entry: HistoryEntry, client_id: int) -> str:
    if entry.actor_client_id == client_id:
        return i18n.get("sections-actor-client")
    if entry.actor_name is not None:
        return f"{entry.actor_name} #{entry.actor_client_id}"
    if entry.actor_telegram_id is not None:
        return i18n.get("sections-actor-telegram", telegram_id=str(entry.actor_telegram_id))
    return i18n.get("sections-actor-system")


def _action(i18n: I18nContext, action: str) -> str:
    if action in ACTIONS:
        return i18n.get(f"sections-action-{action.replace('_', '-')}")
    return i18n.get("sections-action-other", action=action)


def history_line(i18n: I18nContext, entry: HistoryEntry, client_id: int) -> str:
    details = _details(i18n, entry)
    return html_line(
        i18n,
        "sections-history-line",
        date=when(i18n, entry.at),
        actor=_actor(i18n, entry, client_id),
        action=_action(i18n, entry.action),
        details=(": " + "; ".join(details)) if details else "",
    )


async def history_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    client = await client_by_id(card_client_id(dialog_manager))
    if client is None:
        return {"present": False, "missing": True, "pages": 1, "lines": "", "total": 0}
    i18n = i18n_in(dialog_manager)
    page = await client_history(role_in(dialog_manager), client.id, page_of(dialog_manager))
    dialog_manager.dialog_data[PAGE] = page.page
    return {
        "present": True,
        "missing": False,
        "name": client.display_name if client.anonymized_at is None else f"#{client.id}",
        "id": str(client.id),
        "total": page.total,
        "lines": "\n\n".join(history_line(i18n, entry, client.id) for entry in page.items),
        **page_values(page.page, page.pages),
    }
