"""Money columns: `Decimal` in Python, an integer number of minor units in the database.

Tortoise keeps `DecimalField` as VARCHAR on SQLite, where amounts neither sum nor sort;
a BIGINT of hundredths sums, sorts and compares in SQL on SQLite and PostgreSQL alike.
Every currency the shop accepts has at most two decimal places (see `bot.config`), so one
fixed scale serves them all.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tortoise import fields
from tortoise.functions import Sum

MINOR_DIGITS = 2
CENT = Decimal(1).scaleb(-MINOR_DIGITS)
MINOR_PER_UNIT = 10**MINOR_DIGITS


def to_minor(amount: Decimal | int | str) -> int:
    """12.345 -> 1235 (half-up): what a money column stores."""
    return int(Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP).scaleb(MINOR_DIGITS))


def from_minor(minor: int | None) -> Decimal:
    """1235 -> Decimal('12.35'); None (an empty SUM) -> 0.00."""
    return (Decimal(minor or 0) / MINOR_PER_UNIT).quantize(CENT)


class MoneyField(fields.Field[Decimal], Decimal):  # type: ignore[misc]
    """An amount of money (or a percentage) with two decimal places, stored as BIGINT.

    Filters and saves take `Decimal` and convert; SQL expressions that bypass the field
    (`F()` arithmetic, `Sum`) see minor units: use `to_minor` / `from_minor` there.
    """

    SQL_TYPE = "BIGINT"
    skip_to_python_if_native = False

    def to_db_value(self, value: Any, instance: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must be Decimal, not float")
        minor = to_minor(value)
        self.validate(from_minor(minor))
        return minor

    def to_python_value(self, value: Any) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, int):  # from the database
            return from_minor(value)
        return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


class MinorSum(Sum):
    """SUM of a money column in minor units on every database: pass it to `from_minor`.

    (Tortoise's `Sum` hands the total to the field, which cannot tell PostgreSQL's NUMERIC
    sum of minor units from an amount.)
    """

    populate_field_object = False
