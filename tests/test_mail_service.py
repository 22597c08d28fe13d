"""Email to clients through a real SMTP server (aiosmtpd on 127.0.0.1): what arrives, what is
stored, failures with their reason, retry, and the SMTP password kept encrypted."""

from __future__ import annotations

import json
from email.header import decode_header

import pytest
from tortoise import Tortoise

from bot.db import CONNECTION
from bot.senders.mail import MailSendError, SmtpTarget, send_mail, smtp_options
from bot.services.mail import (
    ClientHasNoEmail,
    MailError,
    MailNotConfigured,
    MailPasswordUnreadable,
    client_emails,
    retry_email,
    send_client_email,
)
from bot.services.roles import AccessDenied, Role
from bot.services.secrets import (
    SecretKeyMissing,
    SecretUnreadable,
    decrypt_secret,
    encrypt_secret,
)
from bot.services.shop_settings import MailSecurity, MailServer, save_mail_server
from models import AuditEntry, Client, EmailMessage, OutboxStatus
from tests.fakes.smtp import closed_port, self_signed_certificates, smtp_server

# aiosmtpd warns of AUTH without TLS: this is loopback
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

KEY = "a-long-random-secret-key-for-tests"
SUBJECT = "Заказ №42 готов — Zażółć gęślą jaźń"
BODY = "Здравствуйте, Ёжик!\nPaczka czeka: łódź, źdźbło, ŻÓŁW."


async def configure(port: int, *, user: str | None = None, password: str | None = None) -> None:
    server = MailServer(
        host="127.0.0.1",
        port=port,
        security=MailSecurity.PLAIN,
        sender="shop@example.com",
        user=user,
        password_encrypted=encrypt_secret(password, KEY) if password else None,
    )
    await save_mail_server(None, Role.OWNER, server)


async def a_client(email: str | None = "ivan@example.org") -> Client:
    return await Client.create(telegram_id=555_001, first_name="Иван", email=email)


async def test_an_email_arrives_with_utf8_subject_body_and_mime_headers(db: None) -> None:
    client = await a_client()
    with smtp_server() as smtp:
        await configure(smtp.port)
        email = await send_client_email(None, Role.MANAGER, client.id, SUBJECT, BODY, KEY)

    assert email.status is OutboxStatus.SENT and email.error is None and email.sent_at
    stored = await EmailMessage.get(id=email.id)
    assert (stored.status, stored.to_address, stored.subject) == (
        OutboxStatus.SENT,
        "ivan@example.org",
        SUBJECT,
    )
    [arrived] = smtp.mailbox.received
    assert arrived.sender == "shop@example.com"
    assert arrived.recipients == ["ivan@example.org"]
    message = arrived.message
    assert message["Subject"] == SUBJECT
    assert message["To"] == "ivan@example.org"
    assert message["From"] == "shop@example.com"
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message["Message-ID"].endswith("@example.com>")
    assert message["Content-Transfer-Encoding"] == "base64"
    assert message["Date"]
    assert message.get_content() == BODY
    # on the wire the headers are 7-bit: the subject as RFC 2047 encoded words
    raw_headers = arrived.raw.split(b"\r\n\r\n", 1)[0]
    raw_headers.decode("ascii")
    assert b"=?utf-8?" in raw_headers
    decoded = "".join(
        part.decode(charset) if isinstance(part, bytes) else part
        for part, charset in decode_header(message.get("Subject", "").__str__())
    )
    assert decoded == SUBJECT
    assert await AuditEntry.filter(client=client, action="email_queued").count() == 1
    assert [e.id for e in await client_emails(client.id)] == [email.id]


async def test_login_uses_the_decrypted_password_and_the_row_holds_no_clear_password(
    db: None,
) -> None:
    password = "Пароль-Żółw-s3cret"
    client = await a_client()
    with smtp_server(credentials=("shop-user", password)) as smtp:
        await configure(smtp.port, user="shop-user", password=password)
        email = await send_client_email(None, Role.OWNER, client.id, "Hi", "Body", KEY)

    assert email.status is OutboxStatus.SENT
    assert smtp.mailbox.logins == [("shop-user", password)]
    rows = await Tortoise.get_connection(CONNECTION).execute_query_dict(
        "SELECT * FROM settings WHERE key = 'mail'"
    )
    assert len(rows) == 1
    dumped = json.dumps(rows[0], default=str, ensure_ascii=False)
    assert password not in dumped
    assert password.encode("utf-8").hex() not in dumped
    value = rows[0]["value"]
    value = json.loads(value) if isinstance(value, str) else value
    assert decrypt_secret(value["password_encrypted"], KEY) == password


async def test_a_wrong_password_fails_with_the_servers_reason(db: None) -> None:
    client = await a_client()
    with smtp_server(credentials=("shop-user", "right")) as smtp:
        await configure(smtp.port, user="shop-user", password="wrong")
        email = await send_client_email(None, Role.OWNER, client.id, "Hi", "Body", KEY)
    assert email.status is OutboxStatus.FAILED
    assert email.error.startswith("authentication failed: 535")
    assert smtp.mailbox.received == []


async def test_an_unreachable_server_fails_with_the_reason_and_retry_sends_it(db: None) -> None:
    client = await a_client()
    await configure(closed_port())
    email = await send_client_email(None, Role.MANAGER, client.id, SUBJECT, BODY, KEY)

    stored = await EmailMessage.get(id=email.id)
    assert stored.status is OutboxStatus.FAILED
    assert stored.error.startswith("cannot connect to 127.0.0.1:")
    assert stored.sent_at is None

    with smtp_server() as smtp:
        await configure(smtp.port)
        retried = await retry_email(None, Role.MANAGER, email.id, KEY)
    assert retried.id == email.id
    assert (await EmailMessage.get(id=email.id)).status is OutboxStatus.SENT
    assert await EmailMessage.all().count() == 1
    [arrived] = smtp.mailbox.received
    assert arrived.message["Subject"] == SUBJECT
    # a sent email is not sent twice
    with pytest.raises(MailError) as refused:
        await retry_email(None, Role.MANAGER, email.id, KEY)
    assert refused.value.key == "mail-retry-not-failed"


async def test_starttls_against_a_server_without_it_fails_clearly(db: None) -> None:
    client = await a_client()
    with smtp_server() as smtp:
        server = MailServer("127.0.0.1", smtp.port, MailSecurity.STARTTLS, "shop@example.com")
        await save_mail_server(None, Role.OWNER, server)
        email = await send_client_email(None, Role.MANAGER, client.id, "Hi", "Body", KEY)
    assert email.status is OutboxStatus.FAILED
    assert "STARTTLS" in email.error
    assert smtp.mailbox.received == []


@pytest.mark.parametrize(
    ("security", "use_tls", "start_tls"),
    [("none", False, False), ("starttls", False, True), ("tls", True, False)],
)
def test_security_setting_maps_to_aiosmtplib_options(
    security: str, use_tls: bool, start_tls: bool
) -> None:
    target = SmtpTarget("smtp.example.com", 465, security, "a@example.com", "user", "pw")
    options = smtp_options(target)
    assert (options["use_tls"], options["start_tls"]) == (use_tls, start_tls)
    assert (options["hostname"], options["port"]) == ("smtp.example.com", 465)
    assert (options["username"], options["password"]) == ("user", "pw")
    assert "username" not in smtp_options(SmtpTarget("h", 25, security, "a@example.com"))


async def test_nothing_is_stored_without_a_server_or_an_email(db: None) -> None:
    client = await a_client()
    with pytest.raises(MailNotConfigured):
        await send_client_email(None, Role.MANAGER, client.id, "Hi", "Body", KEY)
    await configure(closed_port())
    nobody = await Client.create(telegram_id=555_002, first_name="Ola", email=None)
    with pytest.raises(ClientHasNoEmail):
        await send_client_email(None, Role.MANAGER, nobody.id, "Hi", "Body", KEY)
    for subject, body, key in (("", "Body", "mail-bad-subject"), ("Hi", "  ", "mail-bad-body")):
        with pytest.raises(MailError) as bad:
            await send_client_email(None, Role.MANAGER, client.id, subject, body, KEY)
        assert bad.value.key == key
    with pytest.raises(AccessDenied):
        await send_client_email(None, Role.VIEWER, client.id, "Hi", "Body", KEY)
    assert await EmailMessage.all().count() == 0


async def test_a_changed_secret_key_cannot_decrypt_and_asks_to_reenter(db: None) -> None:
    client = await a_client()
    with smtp_server() as smtp:
        await configure(smtp.port, user="shop-user", password="s3cret")
        with pytest.raises(MailPasswordUnreadable) as unreadable:
            await send_client_email(None, Role.MANAGER, client.id, "Hi", "Body", "another-key")
        with pytest.raises(MailPasswordUnreadable):
            await send_client_email(None, Role.MANAGER, client.id, "Hi", "Body", None)
    assert unreadable.value.key == "mail-password-unreadable"
    assert await EmailMessage.all().count() == 0
    assert smtp.mailbox.received == []


def test_secrets_need_the_same_secret_key() -> None:
    token = encrypt_secret("hasło", KEY)
    assert "hasło" not in token
    assert decrypt_secret(token, KEY) == "hasło"
    with pytest.raises(SecretUnreadable):
        decrypt_secret(token, KEY + "x")
    with pytest.raises(SecretUnreadable):
        decrypt_secret("not-a-token", KEY)
    with pytest.raises(SecretKeyMissing):
        encrypt_secret("hasło", None)
    with pytest.raises(SecretKeyMissing):
        encrypt_secret("hasło", "")


@pytest.mark.parametrize("security", [MailSecurity.STARTTLS, MailSecurity.TLS])
async def test_starttls_and_tls_deliver_over_an_encrypted_connection(
    db: None, security: MailSecurity
) -> None:
    certificates = self_signed_certificates()
    tls = {"starttls": certificates.server} if security is MailSecurity.STARTTLS else {}
    if security is MailSecurity.TLS:
        tls = {"implicit_tls": certificates.server}
    with smtp_server(credentials=("shop-user", "pw"), **tls) as smtp:
        target = SmtpTarget(
            "127.0.0.1", smtp.port, security.value, "shop@example.com", "shop-user", "pw"
        )
        await send_mail(target, "ola@example.org", SUBJECT, BODY, tls_context=certificates.client)
        # the same server refuses a client that does not speak its TLS
        plain = SmtpTarget("127.0.0.1", smtp.port, "none", "shop@example.com", "shop-user", "pw")
        with pytest.raises(MailSendError):
            await send_mail(plain, "ola@example.org", "x", "y", timeout=5)
    [arrived] = smtp.mailbox.received
    assert (arrived.message["Subject"], arrived.message.get_content()) == (SUBJECT, BODY)
    assert smtp.mailbox.logins == [("shop-user", "pw")]


async def test_tls_against_an_untrusted_certificate_fails_with_the_reason(db: None) -> None:
    certificates = self_signed_certificates()
    with smtp_server(implicit_tls=certificates.server) as smtp:
        target = SmtpTarget("127.0.0.1", smtp.port, "tls", "shop@example.com")
        with pytest.raises(MailSendError) as failed:
            await send_mail(target, "ola@example.org", "x", "y", timeout=5)
    assert (
        "CERTIFICATE_VERIFY_FAILED" in failed.value.reason or "certificate" in failed.value.reason
    )
    assert smtp.mailbox.received == []
