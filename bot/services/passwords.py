"""Passwords of client profiles: argon2id hashes (argon2-cffi), never stored or logged in
clear. Hashing costs ~0.1 s of CPU and 64 MiB, so it runs off the event loop."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from bot.services.profile_input import PASSWORD_MAX

PASSWORD_HASHER = PasswordHasher()  # argon2id with the library's recommended costs
# a hash of nothing anyone knows: checking an unknown login costs the same time
_DUMMY_HASH: list[str] = []


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(PASSWORD_HASHER.hash, password)


def _verify_sync(password_hash: str | None, password: str) -> bool:
    if password_hash is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(PASSWORD_HASHER.hash("not a password of anyone"))
        password_hash, password = _DUMMY_HASH[0], password + "\0"
    try:
        return PASSWORD_HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_password(password_hash: str | None, password: str) -> bool:
    """False for a wrong password or no hash (no such login), at the same cost."""
    if len(password) > PASSWORD_MAX:
        password_hash = None
    return await asyncio.to_thread(_verify_sync, password_hash, password)
