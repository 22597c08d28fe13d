"""The shop's one currency, and amounts rounded and shown the way that currency is.

The currency is `CURRENCY` from the settings, set once at start-up by the dispatcher
assembly (`configure_currency`); nothing else decides it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import format_currency

DEFAULT_CURRENCY = "USD"
# ISO 4217 currencies without minor units; every other accepted one has two decimals.
ZERO_DECIMAL_CURRENCIES = frozenset(
    {
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "ISK",
        "JPY",
        "KMF",
        "KRW",
        "PYG",
        "RWF",
        "UGX",
        "UYI",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    }
)
# Three decimals do not fit the two-decimal money columns; the settings refuse them.
THREE_DECIMAL_CURRENCIES = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})

_currency = DEFAULT_CURRENCY


def configure_currency(code: str) -> None:
    global _currency
    _currency = code


def shop_currency() -> str:
    return _currency


def minor_unit(currency: str) -> Decimal:
    """The smallest amount of `currency`: 0.01, or 1 for the yen and its kind."""
    return Decimal(1) if currency in ZERO_DECIMAL_CURRENCIES else Decimal("0.01")


def round_money(amount: Decimal, currency: str | None = None) -> Decimal:
    """Half-up to the currency's minor unit: 10.005 -> 10.01, 0.5 JPY -> 1."""
    return amount.quantize(minor_unit(currency or _currency), rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, percent: Decimal, currency: str | None = None) -> Decimal:
    return round_money(amount * percent / 100, currency)


def format_money(amount: Decimal, currency: str | None = None, locale: str = "en") -> str:
    """'$1,234.50', '1 234,50 zł', '1 234,50 ₽'."""
    # + 0 turns -0 into 0, which compares equal to it and would share its cached text
    return _formatted(amount + 0, currency or _currency, locale)


# Babel reads the locale's pattern on every call (0.1 ms): a catalog page shows 8 prices,
# and the same prices come back page after page.
@lru_cache(maxsize=4096)
def _formatted(amount: Decimal, currency: str, locale: str) -> str:
    return format_currency(amount, currency, locale=locale)
