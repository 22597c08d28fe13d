"""Every message key the mail, SMS and settings services name exists in en, ru and pl, and
renders without errors (the services pass keys as values, which test_i18n cannot see)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_i18n import bundle, catalog_keys

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("bot/services/mail.py", "bot/services/sms.py", "bot/services/shop_settings.py")
KEY_LITERAL = re.compile(r"""["']((?:mail|sms|settings|outbox)-[a-z-]+)["']""")
ARGS = {
    "host": "smtp.example.com",
    "port": "587",
    "security": "starttls",
    "user": "shop",
    "password": "set",
    "sender": "shop@example.com",
    "test_to": "a@example.com",
    "reason": "cannot connect",
    "provider": "smsapi",
    "api_url": "https://api.smsapi.pl/",
    "account_sid": "AC0",
    "token": "unreadable",
    "name": "Ola",
    "email": "ola@example.com",
    "phone": "+48601234567",
    "total": 2,
    "status": "failed",
    "date": "2026-11-23 15:00 UTC",
    "subject": "Hi",
    "to": "ola@example.com",
    "text": "Hi",
    "body": "Hello",
    "length": 2,
    "limit": 480,
}


def service_keys() -> set[str]:
    keys: set[str] = set()
    for path in SERVICES:
        keys |= set(KEY_LITERAL.findall((ROOT / path).read_text(encoding="utf-8")))
    return keys


def test_the_services_name_keys_that_exist_everywhere() -> None:
    keys = service_keys()
    assert {"mail-not-configured", "sms-bad-text", "mail-bad-port"} <= keys
    for locale in ("en", "ru", "pl"):
        assert keys <= catalog_keys(locale), (locale, keys - catalog_keys(locale))


@pytest.mark.parametrize("locale", ["en", "ru", "pl"])
def test_every_mail_text_renders(locale: str) -> None:
    b = bundle(locale)
    path = ROOT / "locales" / locale / "mail.ftl"
    keys = re.findall(r"^([a-z][\w-]*)\s*=", path.read_text(encoding="utf-8"), re.M)
    assert len(keys) > 60
    for key in keys:
        text, errors = b.format_pattern(b.get_message(key).value, ARGS)
        assert not errors, (key, errors)
        assert text.strip(), key
