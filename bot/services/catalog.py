"""What customers see of the catalog: visible categories, products, favorites.

Every function takes the acting client and refuses a blocked one (`ShopClosed`), so a
forged button or callback reaches nothing: the check is here, not in the keyboards.
Hidden products and categories with nothing visible in them are not shown.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from tortoise.exceptions import IntegrityError

from bot.db import dialect, read_rows
from bot.services.client_query import Params
from bot.services.clients import fold
from bot.services.roles import can_shop
from models import Category, Client, Favorite, Product
from models.money import from_minor

PAGE_SIZE = 8
T = TypeVar("T")


class ShopClosed(Exception):
    """The client may not shop (blocked or anonymized)."""


class NotFound(Exception):
    """No such visible product or category (hidden, deleted or a forged id)."""


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    page: int
    pages: int
    total: int


def require_shopper(client: Client | None) -> Client:
    if client is None or not can_shop(client):
        raise ShopClosed
    return client


def as_id(value: int | str | None) -> int:
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise NotFound from None
    if not 0 < number < 2**31:
        raise NotFound
    return number


def visible_products():
    return Product.filter(is_hidden=False, category__is_hidden=False)


# The customer's hot reads are plain SQL: tortoise builds a query's SQL on every call,
# which costs more than running these indexed SELECTs (python -m bench shop).
_HAS_VISIBLE_PRODUCT = (
    'EXISTS (SELECT 1 FROM "products" p WHERE p."category_id" = c."id" AND NOT p."is_hidden")'
)
# a subcategory (one level of nesting) holding a visible product
_HAS_FILLED_CHILD = (
    'EXISTS (SELECT 1 FROM "categories" s JOIN "products" p ON p."category_id" = s."id" '
    'WHERE s."parent_id" = c."id" AND NOT s."is_hidden" AND NOT p."is_hidden")'
)


def _params() -> Params:
    return Params(dialect())


async def visible_categories(client: Client | None, parent_id: int | None = None) -> list[Category]:
    require_shopper(client)
    return await shown_categories(parent_id)


async def shown_categories(parent_id: int | None = None) -> list[Category]:
    """Children of `parent_id` (roots for None) holding a visible product, themselves
    or in a visible subcategory. Callers check who is asking (a shopper, or staff)."""
    p = _params()
    parent = 'c."parent_id" IS NULL' if parent_id is None else f'c."parent_id" = {p(parent_id)}'
    rows = await read_rows(
        f'SELECT c.* FROM "categories" c WHERE NOT c."is_hidden" AND {parent} '
        f"AND ({_HAS_VISIBLE_PRODUCT} OR {_HAS_FILLED_CHILD}) "
        'ORDER BY c."position", c."name", c."id"',
        p.values,
    )
    return [Category._init_from_db(**row) for row in rows]


async def category_for(client: Client | None, category_id: int | str) -> Category:
    require_shopper(client)
    return await shown_category(category_id)


async def shown_category(category_id: int | str) -> Category:
    """A visible category (and parent); NotFound otherwise. Callers check who asks."""
    p = _params()
    row = await _one_row(
        'SELECT c.* FROM "categories" c '
        'LEFT JOIN "categories" parent ON parent."id" = c."parent_id" '
        f'WHERE c."id" = {p(as_id(category_id))} AND NOT c."is_hidden" '
        'AND (c."parent_id" IS NULL OR NOT parent."is_hidden")',
        p.values,
    )
    return Category._init_from_db(**row)


async def _one_row(sql: str, values: list) -> dict:
    """The row this SELECT finds; NotFound when it finds none."""
    rows = await read_rows(sql, values)
    if not rows:
        raise NotFound
    return rows[0]


@dataclass(frozen=True, slots=True)
class ProductLine:
    """A product as a list of them shows it (no model: a page builds eight at a time)."""

    id: int
    name: str
    price: Decimal
    currency: str


@dataclass(frozen=True)
class CategoryView:
    """A category's screen: the category, its shown subcategories, a page of products."""

    category: Category
    children: list[Category]
    products: Page[ProductLine]


async def category_view(
    client: Client | None, category_id: int | str, page: int = 0
) -> CategoryView:
    require_shopper(client)
    return await shown_category_view(category_id, page)


async def shown_category_view(category_id: int | str, page: int = 0) -> CategoryView:
    category = await shown_category(category_id)
    children = await shown_categories(category.id)
    return CategoryView(category, children, await _product_page(category.id, page))


async def _product_page(category_id: int, page: int) -> Page[ProductLine]:
    """A page of the visible products of a category already checked visible; a page
    past the end shows the last one."""
    page = max(page, 0)
    rows = await _product_rows(category_id, page)
    if not rows and page > 0:
        p = _params()
        counted = await read_rows(
            f'SELECT COUNT(*) AS n FROM "products" WHERE "category_id" = {p(category_id)} '
            'AND NOT "is_hidden"',
            p.values,
        )
        page = max(0, -(-counted[0]["n"] // PAGE_SIZE) - 1)
        rows = await _product_rows(category_id, page)
    total = rows[0]["total_"] if rows else 0
    return Page(
        items=[
            ProductLine(row["id"], row["name"], from_minor(row["price"]), row["currency"])
            for row in rows
        ],
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        total=total,
    )


async def _product_rows(category_id: int, page: int) -> list[dict]:
    p = _params()
    return await read_rows(
        'SELECT p."id", p."name", p."price", p."currency", COUNT(*) OVER () AS "total_" '
        'FROM "products" p '
        f'WHERE p."category_id" = {p(category_id)} AND NOT p."is_hidden" '
        f'ORDER BY p."position", p."name", p."id" LIMIT {PAGE_SIZE} OFFSET {page * PAGE_SIZE}',
        p.values,
    )


async def product_for(client: Client | None, product_id: int | str) -> Product:
    """A product the client may see: not hidden, in a visible category."""
    require_shopper(client)
    return await shown_product(product_id)


async def shown_product(product_id: int | str) -> Product:
    """A visible product; NotFound otherwise. Callers check who asks."""
    p = _params()
    row = await _one_row(
        f'SELECT p.* FROM "products" p {_VISIBLE_CATEGORY} WHERE p."id" = {p(as_id(product_id))} '
        'AND NOT p."is_hidden"',
        p.values,
    )
    return Product._init_from_db(**row)


_VISIBLE_CATEGORY = 'JOIN "categories" c ON c."id" = p."category_id" AND NOT c."is_hidden"'


@dataclass(frozen=True, slots=True)
class ProductCard:
    """What a customer's product card shows (no model: read as its columns)."""

    id: int
    name: str
    description: str | None
    price: Decimal
    currency: str
    photo_file_id: str | None
    in_cart: int  # the quantity in the client's cart
    favorite: bool


async def product_card(client: Client | None, product_id: int | str) -> ProductCard:
    """A visible product with what this client did with it, in one read."""
    require_shopper(client)
    p = _params()
    sql = (
        'SELECT p."id", p."name", p."description", p."price", p."currency", '
        'p."photo_file_id", (SELECT i."quantity" FROM "order_items" i '
        'JOIN "orders" o ON o."id" = i."order_id" '
        f'WHERE o."client_id" = {p(client.id)} AND o."status" = \'cart\' '
        'AND i."product_id" = p."id" LIMIT 1) AS "in_cart", '
        '(SELECT COUNT(*) FROM "favorites" f '
        f'WHERE f."client_id" = {p(client.id)} AND f."product_id" = p."id") AS "favorite" '
        f'FROM "products" p {_VISIBLE_CATEGORY} WHERE p."id" = {p(as_id(product_id))} '
        'AND NOT p."is_hidden"'
    )
    row = await _one_row(sql, p.values)
    return ProductCard(
        id=row["id"],
        name=row["name"],
        description=row["description"],
        price=from_minor(row["price"]),
        currency=row["currency"],
        photo_file_id=row["photo_file_id"],
        in_cart=row["in_cart"] or 0,
        favorite=bool(row["favorite"]),
    )


async def find_products(text: str, page: int = 0) -> Page[Product]:
    """Visible products whose name holds every word of `text`, in any case or accent
    ('ЁЛКА' finds 'ёлка', 'lodz' finds 'Łódź'). Names are folded here, in Python:
    SQLite's LIKE folds ASCII only, and the product table has no folded column."""
    terms = fold(text).split()
    rows = await visible_products().order_by("name", "id").values_list("id", "name")
    ids = [pid for pid, name in rows if all(term in fold(name) for term in terms)]
    pages = max(1, -(-len(ids) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    shown = ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    products = {p.id: p for p in await Product.filter(id__in=shown)} if shown else {}
    items = [products[pid] for pid in shown if pid in products]
    return Page(items=items, page=page, pages=pages, total=len(ids))


async def toggle_favorite(client: Client | None, product_id: int | str) -> bool:
    """Adds or removes the product from the client's favorites; returns the new state."""
    product = await product_for(client, product_id)
    deleted = await Favorite.filter(client_id=client.id, product_id=product.id).delete()
    if deleted:
        return False
    with suppress(IntegrityError):  # a double click raced us: it is a favorite either way
        await Favorite.create(client_id=client.id, product_id=product.id)
    return True


async def favorite_products(client: Client | None) -> list[Product]:
    require_shopper(client)
    favorites = (
        await Favorite.filter(
            client_id=client.id, product__is_hidden=False, product__category__is_hidden=False
        )
        .order_by("-created_at", "-id")
        .prefetch_related("product")
    )
    return [favorite.product for favorite in favorites]
