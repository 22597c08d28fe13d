"""Contact details a customer types or shares: phone numbers and email addresses.

Phones are parsed with `phonenumbers` and kept in E.164; emails are checked with
`email-validator` (syntax only, no DNS: checkout must not wait on the network).
"""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

MAX_PHONE_INPUT = 32
MAX_EMAIL_LENGTH = 254
# a typed number without +country code is read in the customer's language's country
REGION_BY_LOCALE = {"pl": "PL", "ru": "RU", "en": "GB"}


class ContactError(ValueError):
    """Bad phone or email; `key` is the Fluent message that explains it."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def normalize_phone(text: str, locale: str | None = None) -> str:
    """'+48 600-123-456' -> '+48600123456'; raises ContactError('phone-invalid')."""
    text = (text or "").strip()
    if not text or len(text) > MAX_PHONE_INPUT:
        raise ContactError("phone-invalid")
    region = REGION_BY_LOCALE.get(locale or "")
    # a national number in the customer's country, else international without its
    # plus (Telegram shares contacts' numbers like that)
    candidates = [(text, region)]
    if not text.startswith("+"):
        candidates.append(("+" + text, None))
    for candidate, candidate_region in candidates:
        try:
            number = phonenumbers.parse(candidate, candidate_region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise ContactError("phone-invalid")


def normalize_email(text: str) -> str:
    """The normalized address; raises ContactError('email-invalid')."""
    text = (text or "").strip()
    if not text or len(text) > MAX_EMAIL_LENGTH:
        raise ContactError("email-invalid")
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ContactError("email-invalid") from None
