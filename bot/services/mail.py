"""Email to clients through the shop's SMTP server: compose, store with status, retry.

Every email is stored `queued` first, then becomes `sent` or `failed` with the reason,
so a failure is never silent and a failed email can be sent again from the card.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from bot.db import dialect, read_rows
from bot.senders.mail import MailSendError, SmtpTarget, send_mail
from bot.services.client_query import Params
from bot.services.roles import Role, require_editor, require_owner
from bot.services.secrets import SecretKeyMissing, SecretUnreadable, decrypt_secret
from bot.services.shop_settings import InvalidSetting, MailServer, get_mail_server, parse_email
from models import AuditEntry, Client, EmailMessage, OutboxStatus

logger = logging.getLogger(__name__)

SUBJECT_MAX = 200
BODY_MAX = 10_000
REASON_MAX = 1_000


class MailError(Exception):
    """Nothing was sent (and nothing stored); `key` is the Fluent message that says why."""

    key = "mail-error"

    def __init__(self, key: str | None = None) -> None:
        super().__init__(key or self.key)
        if key:
            self.key = key


class MailNotConfigured(MailError):
    key = "mail-not-configured"


class ClientHasNoEmail(MailError):
    key = "mail-client-no-email"


class MailPasswordUnreadable(MailError):
    """The stored password cannot be decrypted (SECRET_KEY unset or changed)."""

    key = "mail-password-unreadable"


class MailSendFailed(MailError):
    """A test email did not go; `reason` is the server's or the network's answer."""

    key = "mail-test-failed"

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def check_subject(text: str) -> str:
    subject = " ".join(text.split())
    if not subject or len(subject) > SUBJECT_MAX:
        raise MailError("mail-bad-subject")
    return subject


def check_body(text: str) -> str:
    body = text.strip()
    if not body or len(body) > BODY_MAX:
        raise MailError("mail-bad-body")
    return body


async def smtp_target(server: MailServer | None, secret_key: str | None) -> SmtpTarget:
    """The server with its password decrypted; MailError when it cannot be used."""
    if server is None:
        raise MailNotConfigured
    password = None
    if server.password_encrypted:
        try:
            password = decrypt_secret(server.password_encrypted, secret_key)
        except (SecretKeyMissing, SecretUnreadable):
            raise MailPasswordUnreadable from None
    return SmtpTarget(
        host=server.host,
        port=server.port,
        security=server.security.value,
        sender=server.sender,
        user=server.user,
        password=password,
    )


async def client_email_address(client: Client) -> str:
    if not client.email:
        raise ClientHasNoEmail
    try:
        return parse_email(client.email)
    except InvalidSetting:
        raise ClientHasNoEmail("mail-client-bad-email") from None


async def send_client_email(
    actor: Client | None,
    role: Role,
    client_id: int,
    subject: str,
    body: str,
    secret_key: str | None,
) -> EmailMessage:
    """Compose, store (queued) and send an email to a client; returns the stored row,
    `sent` or `failed` with the reason. MailError when nothing could even be tried."""
    require_editor(role)
    subject, body = check_subject(subject), check_body(body)
    client = await Client.get_or_none(id=client_id, anonymized_at=None)
    if client is None:
        raise MailError("outbox-client-gone")
    target = await smtp_target(await get_mail_server(), secret_key)
    to = await client_email_address(client)
    async with in_transaction():
        email = await EmailMessage.create(
            client=client, manager=actor, to_address=to, subject=subject, body=body
        )
        await AuditEntry.create(
            actor=actor,
            actor_telegram_id=actor.telegram_id if actor else None,
            client=client,
            action="email_queued",
            details={"email_id": email.id},
        )
    return await _deliver(email, target)


async def retry_email(
    actor: Client | None,
    role: Role,
    email_id: int,
    secret_key: str | None,
    *,
    client_id: int | None = None,
) -> EmailMessage:
    """Send a failed email again, to the same address; other statuses are left alone.
    With `client_id`, only that client's email (a card retries its own client's)."""
    require_editor(role)
    email = await EmailMessage.get_or_none(id=email_id)
    if email is None or (client_id is not None and email.client_id != client_id):
        raise MailError("mail-retry-not-failed")
    if email.status is not OutboxStatus.FAILED:
        raise MailError("mail-retry-not-failed")
    target = await smtp_target(await get_mail_server(), secret_key)
    # claim it: a second press (or a second worker) finds it queued and does nothing
    claimed = await EmailMessage.filter(id=email_id, status=OutboxStatus.FAILED).update(
        status=OutboxStatus.QUEUED, error=None
    )
    if not claimed:
        raise MailError("mail-retry-not-failed")
    await AuditEntry.create(
        actor=actor,
        actor_telegram_id=actor.telegram_id if actor else None,
        client_id=email.client_id,
        action="email_retried",
        details={"email_id": email.id},
    )
    await email.refresh_from_db()
    return await _deliver(email, target)


async def _deliver(email: EmailMessage, target: SmtpTarget) -> EmailMessage:
    try:
        await send_mail(target, email.to_address, email.subject, email.body)
    except MailSendError as error:
        email.status, email.error = OutboxStatus.FAILED, error.reason[:REASON_MAX]
        logger.info("email %s failed", email.id)
    else:
        email.status, email.error, email.sent_at = OutboxStatus.SENT, None, datetime.now(UTC)
        logger.info("email %s sent", email.id)
    await email.save(update_fields=["status", "error", "sent_at"])
    return email


async def email_blocker(client: Client) -> str | None:
    """Why no email can be written to this client now (a Fluent key), or None."""
    if await get_mail_server() is None:
        return MailNotConfigured.key
    if not client.email:
        return ClientHasNoEmail.key
    return None


async def client_emails(client_id: int, limit: int = 10) -> list[EmailMessage]:
    """The client's latest emails, newest first."""
    return (
        await EmailMessage.filter(client_id=client_id).order_by("-created_at", "-id").limit(limit)
    )


async def client_email_count(client_id: int) -> int:
    # plain SQL: every client card shows it (tortoise's query building costs more)
    p = Params(dialect())
    rows = await read_rows(
        f'SELECT COUNT(*) AS n FROM "email_messages" WHERE "client_id" = {p(client_id)}', p.values
    )
    return int(rows[0]["n"])


async def send_test_email(
    role: Role, to: str, subject: str, body: str, secret_key: str | None
) -> str:
    """Owners check the server: sends to the typed address (returned normalized)."""
    require_owner(role)
    address = parse_email(to)
    target = await smtp_target(await get_mail_server(), secret_key)
    try:
        await send_mail(target, address, subject, body)
    except MailSendError as error:
        raise MailSendFailed(error.reason) from None
    return address
