"""The managers' catalog: categories (one level of nesting) and products, with validation.

Every function validates its input and raises `InputRejected` (a Fluent key and its
arguments) before anything is written, so a dialog shows the message and stays.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.functions import Count

from bot.services.money import minor_unit, shop_currency
from models import Category, OrderItem, Product

CATEGORY_NAME_MAX = 128
PRODUCT_NAME_MAX = 255
DESCRIPTION_MAX = 4000
MAX_PRICE = Decimal("99999999.99")
CENT = Decimal("0.01")
PAGE_SIZE = 8
SKU_MAX = 64

_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


class InputRejected(ValueError):
    """Bad input: `key` names the Fluent message, `args` fill it in."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True, slots=True)
class Page:
    items: list[Any]
    page: int
    pages: int
    total: int


@dataclass(frozen=True, slots=True)
class CategoryRow:
    id: int
    name: str
    parent_id: int | None
    is_hidden: bool
    products: int
    children: list[CategoryRow] = field(default_factory=list)


# --- validation ------------------------------------------------------------------------------


def parse_name(text: str | None, max_length: int) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise InputRejected("catalog-admin-error-name-empty")
    if len(name) > max_length:
        raise InputRejected("catalog-admin-error-name-long", max=max_length, length=len(name))
    return name


def parse_amount(value: str | int | float | Decimal | None, unit: Decimal | None = None) -> Decimal:
    """A positive amount: '12,50', '12.50', 12.5 (a cell). At most two decimals, or none
    when the shop's currency has no minor unit; `unit` overrides that (percentages)."""
    if isinstance(value, bool) or value is None:
        raise InputRejected("catalog-admin-error-price-not-number", value=str(value or ""))
    if isinstance(value, int | float | Decimal):
        try:
            amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation as error:
            raise InputRejected("catalog-admin-error-price-not-number", value=str(value)) from error
        if not amount.is_finite():
            raise InputRejected("catalog-admin-error-price-not-number", value=str(value))
    else:
        text = _SPACES.sub("", value)
        if not _NUMBER.match(text):
            raise InputRejected("catalog-admin-error-price-not-number", value=value.strip()[:32])
        amount = Decimal(text.replace(",", "."))
    if amount <= 0:
        raise InputRejected("catalog-admin-error-price-not-positive")
    if amount > MAX_PRICE:
        raise InputRejected("catalog-admin-error-price-too-large", max=str(MAX_PRICE))
    unit = unit or minor_unit(shop_currency())
    if amount != amount.quantize(unit):
        whole = unit == 1
        raise InputRejected(
            "catalog-admin-error-price-whole" if whole else "catalog-admin-error-price-decimals"
        )
    return amount.quantize(CENT)


def parse_description(text: str | None) -> str | None:
    description = (text or "").strip()
    if len(description) > DESCRIPTION_MAX:
        raise InputRejected("catalog-admin-error-description-long", max=DESCRIPTION_MAX)
    return description or None


def pages_of(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


def clamp_page(page: int, total: int, size: int = PAGE_SIZE) -> int:
    return min(max(page, 0), pages_of(total, size) - 1)


# --- categories ------------------------------------------------------------------------------


async def category_tree() -> list[CategoryRow]:
    """Top-level categories in order, each with its children in order."""
    rows = (
        await Category.all()
        .annotate(products_count=Count("products"))
        .order_by("position", "id")
        .values("id", "name", "parent_id", "is_hidden", "products_count")
    )
    by_parent: dict[int | None, list[CategoryRow]] = {}
    for row in rows:
        item = CategoryRow(
            row["id"], row["name"], row["parent_id"], row["is_hidden"], row["products_count"]
        )
        by_parent.setdefault(row["parent_id"], []).append(item)
    return [
        CategoryRow(top.id, top.name, None, top.is_hidden, top.products, by_parent.get(top.id, []))
        for top in by_parent.get(None, [])
    ]


def flatten(tree: list[CategoryRow]) -> list[CategoryRow]:
    return [row for top in tree for row in (top, *top.children)]


async def categories_page(page: int, size: int = PAGE_SIZE) -> Page:
    rows = flatten(await category_tree())
    page = clamp_page(page, len(rows), size)
    return Page(rows[page * size : (page + 1) * size], page, pages_of(len(rows), size), len(rows))


async def get_category(category_id: int) -> Category:
    category = await Category.get_or_none(id=category_id)
    if category is None:
        raise InputRejected("catalog-admin-error-category-gone")
    return category


async def _next_position(parent_id: int | None) -> int:
    last = await Category.filter(parent_id=parent_id).order_by("-position").first()
    return last.position + 1 if last else 0


async def create_category(name: str, parent_id: int | None = None) -> Category:
    name = parse_name(name, CATEGORY_NAME_MAX)
    if parent_id is not None:
        parent = await get_category(parent_id)
        if parent.parent_id is not None:
            raise InputRejected("catalog-admin-error-nesting")
    return await Category.create(
        name=name, parent_id=parent_id, position=await _next_position(parent_id)
    )


async def rename_category(category_id: int, name: str) -> Category:
    name = parse_name(name, CATEGORY_NAME_MAX)
    category = await get_category(category_id)
    category.name = name
    await category.save(update_fields=["name"])
    return category


async def describe_category(category_id: int, text: str | None) -> Category:
    description = parse_description(text)
    category = await get_category(category_id)
    category.description = description
    await category.save(update_fields=["description"])
    return category


async def set_category_hidden(category_id: int, hidden: bool) -> Category:
    category = await get_category(category_id)
    category.is_hidden = hidden
    await category.save(update_fields=["is_hidden"])
    return category


async def move_category(category_id: int, step: int) -> None:
    """Swap with the previous (step -1) or next (step +1) sibling; renumbers the siblings."""
    category = await get_category(category_id)
    siblings = await Category.filter(parent_id=category.parent_id).order_by("position", "id")
    index = next(i for i, s in enumerate(siblings) if s.id == category.id)
    target = index + step
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            await sibling.save(update_fields=["position"])


# --- products --------------------------------------------------------------------------------


async def products_page(category_id: int, page: int, size: int = PAGE_SIZE) -> Page:
    query = Product.filter(category_id=category_id)
    total = await query.count()
    page = clamp_page(page, total, size)
    items = await query.order_by("position", "id").offset(page * size).limit(size)
    return Page(list(items), page, pages_of(total, size), total)


async def get_product(product_id: int) -> Product:
    product = await Product.get_or_none(id=product_id).prefetch_related("category")
    if product is None:
        raise InputRejected("catalog-admin-error-product-gone")
    return product


def new_sku() -> str:
    return f"SKU-{secrets.token_hex(4).upper()}"


async def create_product(
    category_id: int,
    name: str,
    price: str | Decimal,
    description: str | None = None,
    photo_file_id: str | None = None,
) -> Product:
    name = parse_name(name, PRODUCT_NAME_MAX)
    amount = parse_amount(price)
    description = parse_description(description)
    await get_category(category_id)
    last = await Product.filter(category_id=category_id).order_by("-position").first()
    return await Product.create(
        category_id=category_id,
        name=name,
        price=amount,
        currency=shop_currency(),
        description=description,
        photo_file_id=photo_file_id,
        sku=new_sku(),
        position=last.position + 1 if last else 0,
    )


async def _update(product_id: int, **changes: Any) -> Product:
    product = await get_product(product_id)
    product.update_from_dict(changes)
    await product.save(update_fields=[*changes, "updated_at"])
    return product


async def rename_product(product_id: int, name: str) -> Product:
    return await _update(product_id, name=parse_name(name, PRODUCT_NAME_MAX))


async def reprice_product(product_id: int, price: str | Decimal) -> Product:
    return await _update(product_id, price=parse_amount(price), currency=shop_currency())


async def describe_product(product_id: int, text: str | None) -> Product:
    return await _update(product_id, description=parse_description(text))


async def set_product_photo(product_id: int, photo_file_id: str | None) -> Product:
    return await _update(product_id, photo_file_id=photo_file_id)


async def set_product_hidden(product_id: int, hidden: bool) -> Product:
    return await _update(product_id, is_hidden=hidden)


async def move_product(product_id: int, category_id: int) -> Product:
    await get_category(category_id)
    return await _update(product_id, category_id=category_id)


async def is_ordered(product_id: int) -> bool:
    return await OrderItem.filter(product_id=product_id).exists()


async def delete_product(product_id: int) -> None:
    """Only a product no order (or cart) mentions; otherwise hiding is the way."""
    product = await get_product(product_id)
    if await is_ordered(product_id):
        raise InputRejected("catalog-admin-error-product-ordered")
    await product.delete()
