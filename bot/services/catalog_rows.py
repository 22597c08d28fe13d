"""Rows of a products workbook: read, every row checked, each bad one named with its reason.

Synchronous (openpyxl): run it in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any

from bot.services.catalog_admin import (
    CATEGORY_NAME_MAX,
    PRODUCT_NAME_MAX,
    SKU_MAX,
    InputRejected,
    parse_amount,
    parse_description,
    parse_name,
)
from bot.services.money import shop_currency

COLUMNS = (
    "sku",
    "category",
    "name",
    "description",
    "price",
    "currency",
    "hidden",
    "stock",
    "position",
)
REQUIRED_COLUMNS = ("sku", "category", "name", "price")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_REPORTED_ERRORS = 15
PATH_SEPARATOR = " / "
TRUE_WORDS = frozenset({"1", "yes", "true", "y", "x", "да", "tak", "+"})
FALSE_WORDS = frozenset({"", "0", "no", "false", "n", "нет", "nie", "-"})


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    key: str
    args: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ProductRow:
    row: int
    sku: str
    category: tuple[str, ...]
    name: str
    description: str | None
    price: Decimal
    hidden: bool
    stock: int | None
    position: int | None
    # the optional columns the file has: an absent one leaves existing products alone
    columns: frozenset[str] = frozenset()


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} bad rows")
        self.errors = errors


def read_sheet(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    """(row number, {column: value}) for each non-empty data row; the first row names columns."""
    if len(data) > MAX_FILE_BYTES:
        raise InputRejected("catalog-admin-import-too-big", mb=MAX_FILE_BYTES // (1024 * 1024))
    try:
        from openpyxl import load_workbook  # here: a heavy import the bot rarely needs

        workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a non-workbook
        raise InputRejected("catalog-admin-import-not-xlsx") from error
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(max_col=len(COLUMNS) + 10, values_only=True)
        header = next(rows, None) or ()
        columns = {str(name).strip().lower(): index for index, name in enumerate(header) if name}
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            raise InputRejected("catalog-admin-import-missing-columns", columns=", ".join(missing))
        result: list[tuple[int, dict[str, Any]]] = []
        for number, values in enumerate(rows, start=2):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if len(result) >= MAX_ROWS:
                raise InputRejected("catalog-admin-import-too-many-rows", max=MAX_ROWS)
            result.append(
                (
                    number,
                    {
                        name: values[index] if index < len(values) else None
                        for name, index in columns.items()
                        if name in COLUMNS
                    },
                )
            )
        return result
    finally:
        workbook.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = _text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InputRejected("catalog-admin-import-bad-flag", value=word[:32])


def _integer(value: Any, column: str, minimum: int | None) -> int | None:
    text = _text(value)
    if not text:
        return None
    try:
        number = int(text)
    except ValueError as error:
        raise InputRejected(
            "catalog-admin-import-bad-integer", column=column, value=text[:32]
        ) from error
    if (minimum is not None and number < minimum) or abs(number) > 2**31 - 1:
        raise InputRejected("catalog-admin-import-bad-integer", column=column, value=text[:32])
    return number


def _category_path(value: Any) -> tuple[str, ...]:
    parts = _text(value).split(PATH_SEPARATOR.strip())
    if len(parts) > 2:
        raise InputRejected("catalog-admin-error-nesting")
    return tuple(parse_name(part, CATEGORY_NAME_MAX) for part in parts)


def _sku(value: Any) -> str:
    sku = _text(value)
    if not sku:
        raise InputRejected("catalog-admin-import-no-sku")
    if len(sku) > SKU_MAX:
        raise InputRejected("catalog-admin-import-long-sku", max=SKU_MAX)
    return sku


def _currency(value: Any) -> None:
    currency = _text(value).upper()
    if currency and currency != shop_currency():
        raise InputRejected(
            "catalog-admin-import-bad-currency", value=currency[:8], shop=shop_currency()
        )


def validate_row(number: int, cells: dict[str, Any]) -> ProductRow:
    _currency(cells.get("currency"))
    return ProductRow(
        row=number,
        sku=_sku(cells.get("sku")),
        category=_category_path(cells.get("category")),
        name=parse_name(_text(cells.get("name")), PRODUCT_NAME_MAX),
        description=parse_description(_text(cells.get("description"))),
        price=parse_amount(cells.get("price") if cells.get("price") is not None else ""),
        hidden=_flag(cells.get("hidden")),
        stock=_integer(cells.get("stock"), "stock", 0),
        position=_integer(cells.get("position"), "position", None),
        columns=frozenset(cells),
    )


def validate_rows(rows: list[tuple[int, dict[str, Any]]]) -> list[ProductRow]:
    """Every row checked; any error rejects the file with every bad row named."""
    valid: list[ProductRow] = []
    errors: list[RowError] = []
    first_row_of: dict[str, int] = {}
    for number, cells in rows:
        try:
            row = validate_row(number, cells)
        except InputRejected as rejected:
            errors.append(RowError(number, rejected.key, rejected.args_))
            continue
        key = row.sku.casefold()
        if key in first_row_of:
            errors.append(
                RowError(number, "catalog-admin-import-repeated-sku", {"first": first_row_of[key]})
            )
            continue
        first_row_of[key] = number
        valid.append(row)
    if not rows:
        raise InputRejected("catalog-admin-import-empty")
    if errors:
        raise ImportRejected(errors)
    return valid


def parse_products_xlsx(data: bytes) -> list[ProductRow]:
    return validate_rows(read_sheet(data))
