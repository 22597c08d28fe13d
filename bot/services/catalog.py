"""What customers see of the catalog: visible categories, products, favorites.

Every function takes the acting client and refuses a blocked one (`ShopClosed`), so a
forged button or callback reaches nothing: the check is here, not in the keyboards.
Hidden products and categories with nothing visible in them are not shown.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Generic, TypeVar

from tortoise.exceptions import IntegrityError

from bot.services.clients import fold
from bot.services.roles import can_shop
from models import Category, Client, Favorite, Product

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


async def _with_visible_products(category_ids: list[int]) -> set[int]:
    """Which of these categories hold a visible product.

    One EXISTS per category, which stops at its first visible product through the
    (category_id, position) index; a DISTINCT over the products would read them all
    (14 ms at 10,000 products on SQLite, against well under 1 ms). The ids are integers
    from the database, written into the SQL as such.
    """
    if not category_ids:
        return set()
    id_list = ",".join(str(int(i)) for i in category_ids)
    sql = (
        f'SELECT c."id" AS "id" FROM "categories" c WHERE c."id" IN ({id_list}) '
        'AND EXISTS (SELECT 1 FROM "products" p '
        'WHERE p."category_id" = c."id" AND NOT p."is_hidden")'
    )
    _, rows = await Product._meta.db.execute_query(sql)
    return {row["id"] for row in rows}


async def visible_categories(client: Client | None, parent_id: int | None = None) -> list[Category]:
    require_shopper(client)
    return await shown_categories(parent_id)


async def shown_categories(parent_id: int | None = None) -> list[Category]:
    """Children of `parent_id` (roots for None) holding a visible product, themselves
    or in a visible subcategory. Callers check who is asking (a shopper, or staff)."""
    query = Category.filter(is_hidden=False)
    query = query.filter(parent_id=parent_id) if parent_id else query.filter(parent_id__isnull=True)
    candidates = await query.order_by("position", "name", "id")
    if not candidates:
        return []
    children = await Category.filter(
        is_hidden=False, parent_id__in=[c.id for c in candidates]
    ).values_list("parent_id", "id")
    filled = await _with_visible_products([c.id for c in candidates] + [c for _, c in children])
    filled_parents = {parent for parent, child in children if child in filled}
    return [c for c in candidates if c.id in filled or c.id in filled_parents]


async def category_for(client: Client | None, category_id: int | str) -> Category:
    require_shopper(client)
    return await shown_category(category_id)


async def shown_category(category_id: int | str) -> Category:
    """A visible category (and parent); NotFound otherwise. Callers check who asks."""
    category = await Category.get_or_none(id=as_id(category_id), is_hidden=False)
    if category is None:
        raise NotFound
    if category.parent_id is not None:
        parent = await Category.get_or_none(id=category.parent_id, is_hidden=False)
        if parent is None:
            raise NotFound
    return category


async def category_products(
    client: Client | None, category_id: int | str, page: int = 0
) -> Page[Product]:
    require_shopper(client)
    return await shown_category_products(category_id, page)


async def shown_category_products(category_id: int | str, page: int = 0) -> Page[Product]:
    category = await shown_category(category_id)
    query = visible_products().filter(category_id=category.id)
    total = await query.count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    items = await query.order_by("position", "name", "id").offset(page * PAGE_SIZE).limit(PAGE_SIZE)
    return Page(items=list(items), page=page, pages=pages, total=total)


async def product_for(client: Client | None, product_id: int | str) -> Product:
    """A product the client may see: not hidden, in a visible category."""
    require_shopper(client)
    return await shown_product(product_id)


async def shown_product(product_id: int | str) -> Product:
    """A visible product; NotFound otherwise. Callers check who asks."""
    product = await visible_products().get_or_none(id=as_id(product_id))
    if product is None:
        raise NotFound
    return product


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


async def is_favorite(client: Client, product_id: int) -> bool:
    return await Favorite.exists(client_id=client.id, product_id=product_id)


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
