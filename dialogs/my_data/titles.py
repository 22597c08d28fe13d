"""The export's sheet titles in the reader's language (a table added later keeps its name)."""

from __future__ import annotations

from aiogram_i18n import I18nContext

SECTIONS = (
    "profile",
    "addresses",
    "orders",
    "order_items",
    "order_status_changes",
    "favorites",
    "promo_redemptions",
    "referrals",
    "chat_messages",
    "email_messages",
    "sms_messages",
    "tags",
    "audit_entries",
    "broadcast_deliveries",
    "erasure_requests",
    "staff_actions",
)


def sheet_titles(i18n: I18nContext) -> dict[str, str]:
    return {name: i18n.get(f"gdpr-sheet-{name}") for name in SECTIONS}


def utc_minutes(moment: object) -> str:
    """A time as people read it in a message: 2026-11-23 18:05 (UTC)."""
    return f"{moment:%Y-%m-%d %H:%M}"
