"""Money: Decimal in code, minor units in the database, half-up to the currency's unit."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from bot.services.money import format_money, percent_of, round_money
from models.money import from_minor, to_minor


@pytest.mark.parametrize(
    ("amount", "minor"),
    [("0", 0), ("12.34", 1234), ("12.345", 1235), ("-0.005", -1), ("99999999.99", 9999999999)],
)
def test_amounts_convert_to_minor_units_and_back(amount: str, minor: int) -> None:
    assert to_minor(Decimal(amount)) == minor
    assert from_minor(minor) == Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_an_empty_sum_is_zero() -> None:
    assert from_minor(None) == Decimal("0.00")


def test_rounding_is_half_up_to_the_currency_unit() -> None:
    assert round_money(Decimal("10.005"), "PLN") == Decimal("10.01")
    assert round_money(Decimal("10.004"), "PLN") == Decimal("10.00")
    assert round_money(Decimal("2.5"), "JPY") == Decimal("3")
    # 15% of 33.33 = 4.9995 -> 5.00
    assert percent_of(Decimal("33.33"), Decimal("15"), "EUR") == Decimal("5.00")
    assert percent_of(Decimal("0.10"), Decimal("5"), "USD") == Decimal("0.01")


def test_amounts_are_shown_the_way_each_language_writes_them() -> None:
    assert format_money(Decimal("1234.5"), "USD", "en") == "$1,234.50"
    assert format_money(Decimal("1234.5"), "PLN", "pl") == "1\xa0234,50\xa0zł"
    assert format_money(Decimal("1234.5"), "RUB", "ru") == "1\xa0234,50\xa0₽"


async def test_the_shop_currency_comes_from_the_settings(db: None) -> None:
    from bot.services.money import shop_currency
    from tests.harness import make_settings, start_app

    async with start_app(make_settings(currency="PLN")):
        assert shop_currency() == "PLN"
    async with start_app(make_settings(currency="USD")):
        assert shop_currency() == "USD"
