"""Secrets kept at rest (SMTP password, SMS gateway tokens): Fernet with a key from SECRET_KEY.

The Fernet key is derived with HKDF-SHA256 from SECRET_KEY, so any string works as
SECRET_KEY and the stored token never holds the secret in clear. Without SECRET_KEY
nothing is stored; with a different SECRET_KEY nothing stored before can be read, and
the owner is asked to enter the secret again.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# a fixed salt and purpose: the same SECRET_KEY always gives the same Fernet key
KDF_SALT = b"shopdesk/settings-secrets/v1"
KDF_INFO = b"shop settings secrets"


class SecretKeyMissing(Exception):
    """SECRET_KEY is not set: no secret can be stored or read."""


class SecretUnreadable(Exception):
    """A stored secret cannot be decrypted: SECRET_KEY changed since it was stored."""


def _fernet(secret_key: str | None) -> Fernet:
    if not secret_key:
        raise SecretKeyMissing
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=KDF_SALT, info=KDF_INFO).derive(
        secret_key.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_secret(plain: str, secret_key: str | None) -> str:
    """The token to store for `plain`; raises SecretKeyMissing without SECRET_KEY."""
    return _fernet(secret_key).encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt_secret(token: str, secret_key: str | None) -> str:
    """The secret back; SecretKeyMissing without SECRET_KEY, SecretUnreadable with a wrong one."""
    fernet = _fernet(secret_key)
    try:
        return fernet.decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError, UnicodeError):
        raise SecretUnreadable from None
