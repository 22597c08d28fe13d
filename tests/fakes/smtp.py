"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what arrived, for mail tests."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass
class Received:
    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)  # type: ignore[return-value]


@dataclass
class Mailbox:
    """The aiosmtpd handler: every message the server accepted, and who logged in."""

    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        self.received.append(
            Received(
                sender=str(envelope.mail_from),
                recipients=list(envelope.rcpt_tos),
                raw=bytes(envelope.original_content or envelope.content or b""),
            )
        )
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    host: str
    port: int
    mailbox: Mailbox


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def closed_port() -> int:
    """A port nobody listens on: connecting there is refused at once."""
    return free_port()


@dataclass(frozen=True)
class Certificates:
    server: ssl.SSLContext  # for aiosmtpd
    client: ssl.SSLContext  # trusts only the server's self-signed certificate


def self_signed_certificates() -> Certificates:
    """A throwaway certificate for 127.0.0.1 and the SSL contexts of both ends."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certificate_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    with tempfile.TemporaryDirectory() as folder:
        certificate_path, key_path = f"{folder}/cert.pem", f"{folder}/key.pem"
        with open(certificate_path, "wb") as out:
            out.write(certificate_pem)
        with open(key_path, "wb") as out:
            out.write(key_pem)
        server.load_cert_chain(certificate_path, key_path)
    client = ssl.create_default_context(cadata=certificate_pem.decode("ascii"))
    return Certificates(server=server, client=client)


@contextmanager
def smtp_server(
    credentials: tuple[str, str] | None = None,
    *,
    starttls: ssl.SSLContext | None = None,
    implicit_tls: ssl.SSLContext | None = None,
) -> Iterator[SmtpServer]:
    """aiosmtpd on 127.0.0.1 in its own thread; with `credentials`, AUTH is required
    (over plain text: this is loopback). `starttls` offers and requires STARTTLS with that
    context; `implicit_tls` speaks TLS from the first byte (SMTPS)."""
    mailbox = Mailbox()
    options: dict[str, Any] = {}
    if credentials is not None:

        def authenticator(
            server: Any, session: Session, envelope: Envelope, mechanism: str, data: Any
        ) -> AuthResult:
            if isinstance(data, LoginPassword):
                login, password = data.login.decode(), data.password.decode()
                mailbox.logins.append((login, password))
                if (login, password) == credentials:
                    return AuthResult(success=True)
            return AuthResult(success=False, handled=False)

        options = {
            "authenticator": authenticator,
            "auth_required": True,
            "auth_require_tls": False,
        }
    if starttls is not None:
        options.update(tls_context=starttls, require_starttls=True)
    if implicit_tls is not None:
        options.update(ssl_context=implicit_tls)
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield SmtpServer(host="127.0.0.1", port=port, mailbox=mailbox)
    finally:
        controller.stop()
