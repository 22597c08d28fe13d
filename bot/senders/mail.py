"""Email over SMTP with aiosmtplib: builds a proper UTF-8 MIME message and sends it."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from email.header import Header
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid
from typing import Any

import aiosmtplib

SMTP_TIMEOUT = 20.0


class MailSendError(Exception):
    """The server could not be reached or refused the message; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    # "none" (plain), "starttls" or "tls" (implicit TLS, usually port 465)
    security: str
    sender: str
    user: str | None = None
    password: str | None = None


def build_message(sender: str, to: str, subject: str, body: str) -> MIMEText:
    """A text/plain UTF-8 message; a non-ASCII subject becomes RFC 2047 encoded words.

    Built with the compat32 `Header` on purpose: `email.policy.SMTP` folds a long
    non-ASCII subject between encoded words and drops the space there ("Zażółć gęślą"
    arrives as "Zażółćgęślą"); `Header` keeps the spaces inside the encoded words.
    """
    message = MIMEText(body, "plain", "utf-8")
    message["From"] = sender
    message["To"] = to
    message["Subject"] = Header(subject, "utf-8")
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    return message


def smtp_options(target: SmtpTarget) -> dict[str, Any]:
    """aiosmtplib's connection options for the target's security setting."""
    options: dict[str, Any] = {
        "hostname": target.host,
        "port": target.port,
        "use_tls": target.security == "tls",
        # plain means plain: no opportunistic STARTTLS either
        "start_tls": target.security == "starttls",
    }
    if target.user:
        options["username"] = target.user
        options["password"] = target.password or ""
    return options


async def send_mail(
    target: SmtpTarget,
    to: str,
    subject: str,
    body: str,
    *,
    timeout: float = SMTP_TIMEOUT,  # noqa: ASYNC109 - passed to aiosmtplib
    tls_context: ssl.SSLContext | None = None,
) -> None:
    """Send one message; raises MailSendError with a reason a person can act on."""
    message = build_message(target.sender, to, subject, body)
    options = smtp_options(target)
    if tls_context is not None:
        options["tls_context"] = tls_context
    try:
        await aiosmtplib.send(message, timeout=timeout, **options)
    except aiosmtplib.SMTPAuthenticationError as error:
        raise MailSendError(f"authentication failed: {error.code} {error.message}") from None
    except aiosmtplib.SMTPRecipientsRefused as error:
        refused = "; ".join(f"{e.code} {e.message}" for e in error.recipients)
        raise MailSendError(f"recipient refused: {refused}") from None
    except aiosmtplib.SMTPConnectError as error:
        # aiosmtplib says "Error connecting to <host> on port <port>: <cause>"
        cause = str(error).split(": ", 1)[-1]
        raise MailSendError(f"cannot connect to {target.host}:{target.port}: {cause}") from None
    except aiosmtplib.SMTPTimeoutError:
        raise MailSendError(f"{target.host}:{target.port} did not answer in time") from None
    except aiosmtplib.SMTPResponseException as error:
        raise MailSendError(f"server refused: {error.code} {error.message}") from None
    except aiosmtplib.SMTPException as error:
        raise MailSendError(f"SMTP error: {error}") from None
    except ssl.SSLError as error:
        raise MailSendError(f"TLS error: {error.reason or error}") from None
    except OSError as error:
        raise MailSendError(f"cannot connect to {target.host}:{target.port}: {error}") from None
