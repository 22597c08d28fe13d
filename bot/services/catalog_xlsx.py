"""Products to and from XLSX: export everything, import all-or-nothing upserts by SKU.

Workbooks are built and parsed in a worker thread (openpyxl is synchronous and slow).
An import checks every row first (`catalog_rows`); one bad row rejects the whole file,
so a half-applied price list never reaches the shop.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any

from tortoise.transactions import in_transaction

from bot.services.catalog_rows import (
    COLUMNS,
    PATH_SEPARATOR,
    ProductRow,
    parse_products_xlsx,
)
from bot.services.money import shop_currency
from models import Category, Product

MAX_REPORTED_ERRORS = 15
# product field -> the column that sets it; a file without the column keeps the field
OPTIONAL_COLUMNS = {"description": "description", "is_hidden": "hidden", "stock": "stock"}
# A spreadsheet would run a cell starting with these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    categories_created: int


# --- export ----------------------------------------------------------------------------------


def category_paths(categories: list[Category]) -> dict[int, str]:
    names = {c.id: c.name for c in categories}
    return {
        c.id: f"{names[c.parent_id]}{PATH_SEPARATOR}{c.name}" if c.parent_id else c.name
        for c in categories
    }


async def export_rows() -> list[tuple[Any, ...]]:
    categories = await Category.all().order_by("position", "id")
    paths = category_paths(categories)
    by_id = {c.id: c for c in categories}

    def tree_order(category: Category) -> tuple[int, int, int, int]:
        if category.parent_id is None:
            return (category.position, category.id, -1, 0)
        parent = by_id[category.parent_id]
        return (parent.position, parent.id, category.position, category.id)

    products = await Product.all()
    products.sort(key=lambda p: (tree_order(by_id[p.category_id]), p.position, p.id))
    return [
        (
            p.sku,
            paths[p.category_id],
            p.name,
            p.description,
            Decimal(p.price),
            p.currency,
            p.is_hidden,
            p.stock,
            p.position,
        )
        for p in products
    ]


def build_workbook(rows: list[tuple[Any, ...]]) -> bytes:
    from openpyxl import Workbook  # here: a heavy import the bot rarely needs
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "products"
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                # explicit text: never a formula, whatever it starts with
                cell.data_type = "s"
                cell.quotePrefix = cell.value.startswith(FORMULA_STARTS)
        row[COLUMNS.index("price")].number_format = "0.00"
    for index, width in enumerate((16, 24, 32, 40, 12, 9, 8, 8, 9), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def export_products_xlsx() -> bytes:
    return await asyncio.to_thread(build_workbook, await export_rows())


# --- import: writing -------------------------------------------------------------------------


class _Categories:
    """Categories by (parent id, folded name), created on first need."""

    def __init__(self, categories: list[Category]) -> None:
        self.ids = {(c.parent_id, c.name.casefold()): c.id for c in categories}
        self.created = 0

    async def resolve(self, path: tuple[str, ...]) -> int:
        parent_id: int | None = None
        for name in path:
            key = (parent_id, name.casefold())
            if key not in self.ids:
                last = await Category.filter(parent_id=parent_id).order_by("-position").first()
                category = await Category.create(
                    name=name, parent_id=parent_id, position=last.position + 1 if last else 0
                )
                self.ids[key] = category.id
                self.created += 1
            parent_id = self.ids[key]
        assert parent_id is not None
        return parent_id


async def upsert_products(rows: list[ProductRow]) -> ImportReport:
    currency = shop_currency()
    async with in_transaction():
        categories = _Categories(await Category.all())
        existing = {p.sku.casefold(): p for p in await Product.exclude(sku=None) if p.sku}
        next_position: dict[int, int] = {}
        new_products: list[Product] = []
        changed: list[Product] = []
        for row in rows:
            category_id = await categories.resolve(row.category)
            product = existing.get(row.sku.casefold())
            values = _values(row, category_id, currency, is_new=product is None)
            if product is None:
                if "position" not in values:
                    values["position"] = await _append_position(category_id, next_position)
                new_products.append(Product(sku=row.sku, **values))
            elif any(getattr(product, field) != value for field, value in values.items()):
                product.update_from_dict(values)
                changed.append(product)
        await Product.bulk_create(new_products, batch_size=500)
        for product in changed:  # one UPDATE each: faster than bulk CASE lists here
            await product.save()
    unchanged = len(rows) - len(new_products) - len(changed)
    return ImportReport(len(new_products), len(changed), unchanged, categories.created)


def _values(row: ProductRow, category_id: int, currency: str, is_new: bool) -> dict[str, Any]:
    """The fields a row sets: an optional column the file lacks sets nothing on a known product."""
    values: dict[str, Any] = {
        "category_id": category_id,
        "name": row.name,
        "price": row.price,
        "currency": currency,
    }
    optional = {"description": row.description, "is_hidden": row.hidden, "stock": row.stock}
    for field, value in optional.items():
        if is_new or OPTIONAL_COLUMNS[field] in row.columns:
            values[field] = value
    if row.position is not None:
        values["position"] = row.position
    return values


async def _append_position(category_id: int, next_position: dict[int, int]) -> int:
    if category_id not in next_position:
        last = await Product.filter(category_id=category_id).order_by("-position").first()
        next_position[category_id] = last.position + 1 if last else 0
    position = next_position[category_id]
    next_position[category_id] = position + 1
    return position


async def import_products_xlsx(data: bytes) -> ImportReport:
    """Parse and check in a worker thread; write in one transaction only if all rows pass."""
    rows = await asyncio.to_thread(parse_products_xlsx, data)
    return await upsert_products(rows)
