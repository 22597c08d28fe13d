"""What the client's Email and SMS screens show; staff read, editors write."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.mail import client_email_count, client_emails, email_blocker
from bot.services.roles import can_edit
from bot.services.sms import (
    SMS_MAX,
    client_sms_count,
    client_sms_messages,
    sms_available,
    sms_blocker,
)
from dialogs.access import require_editor_in, require_staff_in, role_in
from models import Client, OutboxStatus

SUBJECT_IN_BUTTON = 24
EMAILS_IN_CARD = 3


def client_id_in(manager: DialogManager) -> int | None:
    data = manager.start_data if isinstance(manager.start_data, dict) else {}
    value = data.get("client_id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


async def client_in(manager: DialogManager) -> Client | None:
    client_id = client_id_in(manager)
    if client_id is None:
        return None
    return await Client.get_or_none(id=client_id, anonymized_at=None)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def _line(i18n: I18nContext, key: str, status: OutboxStatus, **args: Any) -> str:
    """One log line; typed texts are escaped here (the screen is HTML)."""
    escaped = {k: html.escape(str(v), quote=False) for k, v in args.items()}
    return i18n.get(key, status=status.value, **escaped)


def _notice(manager: DialogManager) -> dict[str, Any]:
    notice = manager.dialog_data.pop("notice", None)
    reason = manager.dialog_data.pop("reason", "")
    return {"just_sent": notice == "sent", "just_failed": notice == "failed", "reason": reason}


def _email_lines(i18n: I18nContext, emails: list[Any]) -> list[str]:
    return [
        _line(
            i18n,
            "client-mail-line",
            email.status,
            date=_when(email.sent_at or email.created_at),
            subject=email.subject,
            to=email.to_address,
            reason=email.error or "",
        )
        for email in emails
    ]


async def card_outbox_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """For the client card (started with the same `client_id`), as a second getter of its
    window: the latest emails as text, and which of ✉️ / 📱 to offer (📱 only with an SMS
    gateway configured; neither for a missing or anonymized client)."""
    require_staff_in(dialog_manager)
    i18n: I18nContext = dialog_manager.middleware_data["i18n"]
    return await card_outbox_values(i18n, await client_in(dialog_manager))


async def card_outbox_values(i18n: I18nContext, client: Client | None) -> dict[str, Any]:
    """`card_outbox_getter`'s values for a client already read (None: missing or
    anonymized), so that the card reads its client once."""
    if client is None:
        return {"card_emails": "", "card_email_action": False, "card_sms_action": False}
    total = await client_email_count(client.id)
    lines = _email_lines(i18n, await client_emails(client.id, EMAILS_IN_CARD)) if total else []
    return {
        "card_emails": "\n".join([i18n.get("card-emails-title", total=total), *lines]),
        "card_email_action": True,
        "card_sms_action": await sms_available(),
    }


async def emails_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n: I18nContext = dialog_manager.middleware_data["i18n"]
    client = await client_in(dialog_manager)
    if client is None:
        return {"present": False, "missing": True, "can_write": False, "failed": []}
    editor = can_edit(role_in(dialog_manager))
    emails = await client_emails(client.id)
    blocker = await email_blocker(client) if editor else None
    lines = _email_lines(i18n, emails)
    return {
        **_notice(dialog_manager),
        "present": True,
        "missing": False,
        "name": client.display_name,
        "email": client.email or "-",
        "total": await client_email_count(client.id),
        "lines": "\n".join(lines),
        "blocker_text": i18n.get(blocker) if blocker else "",
        "can_write": editor and blocker is None,
        "failed": [
            (email.id, email.subject[:SUBJECT_IN_BUTTON])
            for email in emails
            if editor and email.status is OutboxStatus.FAILED
        ],
    }


async def email_confirm_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    client = await client_in(dialog_manager)
    return {
        "to": (client.email if client else None) or "-",
        "subject": dialog_manager.dialog_data.get("subject", ""),
        "body": dialog_manager.dialog_data.get("body", ""),
    }


async def sms_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n: I18nContext = dialog_manager.middleware_data["i18n"]
    client = await client_in(dialog_manager)
    if client is None:
        return {"present": False, "missing": True, "can_write": False, "failed": []}
    editor = can_edit(role_in(dialog_manager))
    messages = await client_sms_messages(client.id)
    blocker = await sms_blocker(client) if editor else None
    lines = [
        _line(
            i18n,
            "client-sms-line",
            sms.status,
            date=_when(sms.sent_at or sms.created_at),
            text=sms.body if len(sms.body) <= 60 else sms.body[:59] + "…",
            to=sms.to_phone,
            reason=sms.error or "",
        )
        for sms in messages
    ]
    return {
        **_notice(dialog_manager),
        "present": True,
        "missing": False,
        "name": client.display_name,
        "phone": client.phone or "-",
        "total": await client_sms_count(client.id),
        "lines": "\n".join(lines),
        "blocker_text": i18n.get(blocker) if blocker else "",
        "can_write": editor and blocker is None,
        "failed": [
            (sms.id, sms.body[:SUBJECT_IN_BUTTON])
            for sms in messages
            if editor and sms.status is OutboxStatus.FAILED
        ],
    }


async def sms_confirm_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    client = await client_in(dialog_manager)
    text = dialog_manager.dialog_data.get("text", "")
    return {"to": (client.phone if client else None) or "-", "text": text, "length": len(text)}


async def editor_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    return {"limit": SMS_MAX}
