"""The shop's mail server and SMS gateway: validated, stored in `Setting` rows `mail`, `sms`.

Secrets (SMTP password, gateway tokens) are stored only as Fernet tokens
(`bot.services.secrets`); every change is an owner's and is audited.
"""

from __future__ import annotations

import ipaddress
import json
import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from tortoise.transactions import in_transaction

from bot.db import dialect, read_rows
from bot.services.client_query import Params
from bot.services.roles import Role, require_owner
from models import AuditEntry, Client, Setting

MAIL_KEY = "mail"
SMS_KEY = "sms"
HOSTNAME = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)
LOGIN = re.compile(r"[^\s\x00-\x1f\x7f]{1,254}")
SECRET_MAX = 256
TWILIO_SID = re.compile(r"AC[0-9a-fA-F]{32}")
# SMSAPI sender names: up to 11 letters and digits (registered in the SMSAPI panel)
SMSAPI_SENDER = re.compile(r"[A-Za-z0-9 .-]{1,11}")


class InvalidSetting(ValueError):
    """A value an owner typed was refused; `key` is the Fluent message that says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class MailSecurity(StrEnum):
    PLAIN = "none"
    STARTTLS = "starttls"
    TLS = "tls"


DEFAULT_PORTS = {MailSecurity.PLAIN: 25, MailSecurity.STARTTLS: 587, MailSecurity.TLS: 465}


class SmsProvider(StrEnum):
    SMSAPI = "smsapi"
    TWILIO = "twilio"


SMSAPI_DOMAINS = {"pl": "https://api.smsapi.pl/", "com": "https://api.smsapi.com/"}
TWILIO_API = "https://api.twilio.com"


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: MailSecurity
    sender: str
    user: str | None = None
    password_encrypted: str | None = None


@dataclass(frozen=True)
class SmsGateway:
    """SMSAPI: `token_encrypted` is the OAuth token, `sender` the sender name (optional).
    Twilio: `account_sid`, `token_encrypted` the auth token, `sender` the From number."""

    provider: SmsProvider
    token_encrypted: str
    api_url: str
    sender: str | None = None
    account_sid: str | None = None


# --- parsing what an owner types ------------------------------------------------


def parse_host(text: str) -> str:
    host = text.strip().lower()
    if not host:
        raise InvalidSetting("mail-bad-host")
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    if len(host) > 253 or not HOSTNAME.fullmatch(host):
        raise InvalidSetting("mail-bad-host")
    return host


def parse_port(text: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= 65535:
        raise InvalidSetting("mail-bad-port")
    return int(value)


def parse_email(text: str) -> str:
    """A normalized address (an owner's sender or test address, a client's address)."""
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidSetting("mail-bad-email") from None


def parse_login(text: str) -> str:
    value = text.strip()
    if not LOGIN.fullmatch(value):
        raise InvalidSetting("mail-bad-user")
    return value


def check_secret(text: str) -> str:
    """A password or token as typed (spaces inside kept, around it stripped)."""
    value = text.strip()
    if not value or len(value) > SECRET_MAX or "\n" in value:
        raise InvalidSetting("settings-bad-secret")
    return value


def parse_twilio_sid(text: str) -> str:
    value = text.strip()
    if not TWILIO_SID.fullmatch(value):
        raise InvalidSetting("sms-bad-sid")
    return value


def parse_sender_phone(text: str) -> str:
    """An E.164 number (`+48601234567`)."""
    try:
        number = phonenumbers.parse(text.strip(), None)
    except phonenumbers.NumberParseException:
        raise InvalidSetting("sms-bad-from-number") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidSetting("sms-bad-from-number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_smsapi_sender(text: str) -> str:
    value = text.strip()
    if not SMSAPI_SENDER.fullmatch(value):
        raise InvalidSetting("sms-bad-sender-name")
    return value


# --- reading and writing ----------------------------------------------------------


async def _read(key: str) -> dict[str, Any] | None:
    # plain SQL: every client card asks whether SMS is set up, and tortoise takes longer
    # to build the query than the database takes to answer it
    p = Params(dialect())
    rows = await read_rows(f'SELECT "value" FROM "settings" WHERE "key" = {p(key)}', p.values)
    value = rows[0]["value"] if rows else None
    if isinstance(value, str | bytes):  # JSON text, as SQLite and asyncpg hand it over
        value = json.loads(value)
    return value if isinstance(value, dict) else None


async def _write(actor: Client | None, key: str, value: dict[str, Any] | None) -> None:
    async with in_transaction():
        if value is None:
            await Setting.filter(key=key).delete()
        else:
            await Setting.update_or_create(defaults={"value": value}, key=key)
        await AuditEntry.create(
            actor=actor,
            actor_telegram_id=actor.telegram_id if actor else None,
            action=f"settings_{key}_{'removed' if value is None else 'changed'}",
            # what changed, never the secrets
            details={} if value is None else {"fields": sorted(value)},
        )


async def get_mail_server() -> MailServer | None:
    value = await _read(MAIL_KEY)
    if not value or not value.get("host"):
        return None
    return MailServer(
        host=value["host"],
        port=int(value["port"]),
        security=MailSecurity(value.get("tls", MailSecurity.PLAIN)),
        sender=value["from"],
        user=value.get("user"),
        password_encrypted=value.get("password_encrypted"),
    )


async def save_mail_server(actor: Client | None, role: Role, server: MailServer) -> None:
    require_owner(role)
    value = {
        "host": server.host,
        "port": server.port,
        "tls": server.security.value,
        "user": server.user,
        "password_encrypted": server.password_encrypted,
        "from": server.sender,
    }
    await _write(actor, MAIL_KEY, value)


async def remove_mail_server(actor: Client | None, role: Role) -> None:
    require_owner(role)
    await _write(actor, MAIL_KEY, None)


async def get_sms_gateway() -> SmsGateway | None:
    value = await _read(SMS_KEY)
    if not value or value.get("provider") not in set(SmsProvider):
        return None
    return SmsGateway(
        provider=SmsProvider(value["provider"]),
        token_encrypted=value["token_encrypted"],
        api_url=value["api_url"],
        sender=value.get("sender"),
        account_sid=value.get("account_sid"),
    )


async def save_sms_gateway(actor: Client | None, role: Role, gateway: SmsGateway) -> None:
    require_owner(role)
    if gateway.provider is SmsProvider.TWILIO and not (gateway.account_sid and gateway.sender):
        raise ValueError("Twilio needs an account SID and a From number")
    value = {**asdict(gateway), "provider": gateway.provider.value}
    await _write(actor, SMS_KEY, value)


async def remove_sms_gateway(actor: Client | None, role: Role) -> None:
    require_owner(role)
    await _write(actor, SMS_KEY, None)
