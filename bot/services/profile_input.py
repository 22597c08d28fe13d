"""What a manager may type into a client's profile: limits, normalization, errors.

Pure functions: nothing here touches the database, so a refused value never leaves a
half-written row behind.
"""

from __future__ import annotations

import re
from enum import StrEnum

import phonenumbers
from email_validator import EmailNotValidError, validate_email

PHONE_REGIONS = {"ru": "RU", "pl": "PL"}
LOGIN_PATTERN = re.compile(r"[\w.@+-]+")
LOGIN_MIN, LOGIN_MAX = 3, 64
PASSWORD_MIN, PASSWORD_MAX = 8, 128
DESCRIPTION_MAX = 2000


class ProfileField(StrEnum):
    CUSTOM_NAME = "custom_name"
    LOGIN = "login"
    PASSWORD = "password"
    DESCRIPTION = "description"
    PHONE = "phone"
    EMAIL = "email"
    COMPANY = "company"


TEXT_LIMITS = {
    ProfileField.CUSTOM_NAME: 128,
    ProfileField.DESCRIPTION: DESCRIPTION_MAX,
    ProfileField.COMPANY: 255,
    ProfileField.EMAIL: 254,
    ProfileField.PHONE: 32,
    ProfileField.LOGIN: LOGIN_MAX,
    ProfileField.PASSWORD: PASSWORD_MAX,
}
MULTILINE = frozenset({ProfileField.DESCRIPTION})


class Invalid(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    TOO_SHORT = "too_short"
    LOGIN_CHARS = "login_chars"
    LOGIN_TAKEN = "login_taken"
    PHONE = "phone"
    EMAIL = "email"


class ProfileError(Exception):
    """Bad input: nothing was written; `reason` and `limit` tell the person why."""

    def __init__(self, reason: Invalid, limit: int | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.limit = limit


def _single_line(raw: str) -> str:
    return " ".join(raw.split())


def _checked_text(profile_field: ProfileField, raw: str) -> str:
    value = raw.strip() if profile_field in MULTILINE else _single_line(raw)
    if not value:
        raise ProfileError(Invalid.EMPTY)
    limit = TEXT_LIMITS[profile_field]
    if len(value) > limit:
        raise ProfileError(Invalid.TOO_LONG, limit)
    return value


def normalize_phone(raw: str, language: str | None) -> str:
    """E.164; a number without + is read in the region of the client's language."""
    region = PHONE_REGIONS.get((language or "").split("-")[0].lower())
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise ProfileError(Invalid.PHONE) from error
    if not phonenumbers.is_valid_number(number):
        raise ProfileError(Invalid.PHONE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(raw: str) -> str:
    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ProfileError(Invalid.EMAIL) from error


def normalize_login(raw: str) -> str:
    """Logins are case-insensitive: kept casefolded."""
    value = raw.strip().casefold()
    if not value:
        raise ProfileError(Invalid.EMPTY)
    if len(value) > LOGIN_MAX:
        raise ProfileError(Invalid.TOO_LONG, LOGIN_MAX)
    if len(value) < LOGIN_MIN:
        raise ProfileError(Invalid.TOO_SHORT, LOGIN_MIN)
    if not LOGIN_PATTERN.fullmatch(value):
        raise ProfileError(Invalid.LOGIN_CHARS)
    return value


def check_password(raw: str) -> str:
    if len(raw) > PASSWORD_MAX:
        raise ProfileError(Invalid.TOO_LONG, PASSWORD_MAX)
    if len(raw.strip()) < PASSWORD_MIN:
        raise ProfileError(Invalid.TOO_SHORT, PASSWORD_MIN)
    return raw


def validated(profile_field: ProfileField, raw: str, language: str | None) -> str:
    """The value to store for what was typed into one field (not the password)."""
    if profile_field is ProfileField.PHONE:
        return normalize_phone(_checked_text(profile_field, raw), language)
    if profile_field is ProfileField.EMAIL:
        return normalize_email(_checked_text(profile_field, raw))
    if profile_field is ProfileField.LOGIN:
        return normalize_login(raw)
    return _checked_text(profile_field, raw)
