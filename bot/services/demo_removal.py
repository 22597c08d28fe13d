"""`shopdesk demo-data --remove`: delete the demo shop, and nothing a real customer made.

What goes: every row marked `is_demo` (clients, categories, products, promo codes, tags,
all written by `fill_demo_shop`) and what hangs on demo clients: their orders with their
lines and promo redemptions, addresses, favorites, chat messages and tag links.

What stays, decided so:
- a real client's order of a demo product keeps its lines as they were (name and prices
  are copied into the line); the line's product link becomes NULL, as when a product
  is deleted from the catalog;
- a real order that used a demo promo code keeps its discount and total; its link to the
  code becomes NULL and the code's redemption record goes with the code;
- a real client's favorite of a demo product goes with the product (a favorite cannot
  outlive it);
- a demo tag attached to a real client stays (removing it would change that client);
  so does a demo category that holds a product the shop added itself;
- real rows that pointed at a demo client (a referral, an order a demo manager placed,
  an audit entry) keep existing with the link NULL (the foreign keys' SET NULL);
- a real promo code's `uses_count` loses the uses demo orders made of it.

One transaction; best run while the bot is stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

DEMO_CLIENTS = 'SELECT "id" FROM "clients" WHERE "is_demo" = TRUE'
DEMO_PRODUCTS = 'SELECT "id" FROM "products" WHERE "is_demo" = TRUE'
DEMO_PROMOS = 'SELECT "id" FROM "promo_codes" WHERE "is_demo" = TRUE'
DEMO_ORDERS = f'SELECT "id" FROM "orders" WHERE "client_id" IN ({DEMO_CLIENTS})'
# redemptions made by the demo clients' orders (their own FKs would only be set NULL)
DEMO_USES = f'("client_id" IN ({DEMO_CLIENTS}) OR "order_id" IN ({DEMO_ORDERS}))'
# a demo category goes unless it holds a product the shop added itself
REMOVABLE_CATEGORIES = (
    '"is_demo" = TRUE AND NOT EXISTS (SELECT 1 FROM "products" p '
    'WHERE p."category_id" = "categories"."id" AND p."is_demo" = FALSE)'
)
# a demo tag goes unless a real client wears it
REMOVABLE_TAGS = (
    '"is_demo" = TRUE AND NOT EXISTS (SELECT 1 FROM "clients_tags" ct '
    'JOIN "clients" c ON c."id" = ct."client_id" '
    'WHERE ct."tag_id" = "tags"."id" AND c."is_demo" = FALSE)'
)


@dataclass(frozen=True, slots=True)
class DemoRemoval:
    """What `remove_demo_shop` deleted, and the demo rows it kept because real data uses them."""

    clients: int = 0
    orders: int = 0
    addresses: int = 0
    favorites: int = 0
    chat_messages: int = 0
    promo_redemptions: int = 0
    categories: int = 0
    products: int = 0
    promo_codes: int = 0
    tags: int = 0
    kept_categories: int = 0
    kept_tags: int = 0

    def __str__(self) -> str:
        removed = ", ".join(
            f"{getattr(self, f.name)} {f.name.replace('_', ' ')}"
            for f in fields(self)
            if not f.name.startswith("kept_")
        )
        kept = []
        if self.kept_categories:
            kept.append(f"{self.kept_categories} demo categories holding the shop's products")
        if self.kept_tags:
            kept.append(f"{self.kept_tags} demo tags on real clients")
        return f"removed {removed}" + (f"; kept {', '.join(kept)}" if kept else "")


async def remove_demo_shop() -> DemoRemoval:
    """Delete what `fill_demo_shop` created; see the module docstring for what stays."""
    async with in_transaction() as conn:
        removal = DemoRemoval(
            clients=await _count(conn, "clients", '"is_demo" = TRUE'),
            orders=await _count(conn, "orders", f'"client_id" IN ({DEMO_CLIENTS})'),
            addresses=await _count(conn, "addresses", f'"client_id" IN ({DEMO_CLIENTS})'),
            favorites=await _count(
                conn,
                "favorites",
                f'"client_id" IN ({DEMO_CLIENTS}) OR "product_id" IN ({DEMO_PRODUCTS})',
            ),
            chat_messages=await _count(conn, "chat_messages", f'"client_id" IN ({DEMO_CLIENTS})'),
            promo_redemptions=await _count(
                conn, "promo_redemptions", f'{DEMO_USES} OR "promo_id" IN ({DEMO_PROMOS})'
            ),
            categories=await _count(conn, "categories", REMOVABLE_CATEGORIES),
            products=await _count(conn, "products", '"is_demo" = TRUE'),
            promo_codes=await _count(conn, "promo_codes", '"is_demo" = TRUE'),
            tags=await _count(conn, "tags", REMOVABLE_TAGS),
            kept_categories=await _count(
                conn, "categories", f'"is_demo" = TRUE AND NOT ({REMOVABLE_CATEGORIES})'
            ),
            kept_tags=await _count(conn, "tags", f'"is_demo" = TRUE AND NOT ({REMOVABLE_TAGS})'),
        )
        for statement in (
            # the shop's own codes forget the uses demo orders made of them
            'UPDATE "promo_codes" SET "uses_count" = "uses_count" - ('
            'SELECT COUNT(*) FROM "promo_redemptions" r WHERE r."promo_id" = "promo_codes"."id" '
            f'AND (r."client_id" IN ({DEMO_CLIENTS}) OR r."order_id" IN ({DEMO_ORDERS}))) '
            'WHERE "is_demo" = FALSE',
            f'DELETE FROM "promo_redemptions" WHERE {DEMO_USES}',
            # order lines go with their orders (ON DELETE CASCADE)
            f'DELETE FROM "orders" WHERE "client_id" IN ({DEMO_CLIENTS})',
            # addresses, favorites, chat messages and tag links cascade
            f'DELETE FROM "tags" WHERE {REMOVABLE_TAGS}',
            'DELETE FROM "clients" WHERE "is_demo" = TRUE',
            # real order lines keep their copies, product_id SET NULL; favorites cascade
            'DELETE FROM "products" WHERE "is_demo" = TRUE',
            f'DELETE FROM "categories" WHERE {REMOVABLE_CATEGORIES}',
            # real orders keep their amounts, promo_code_id SET NULL
            'DELETE FROM "promo_codes" WHERE "is_demo" = TRUE',
        ):
            await conn.execute_query(statement)
    return removal


async def _count(conn: BaseDBAsyncClient, table: str, condition: str) -> int:
    _, rows = await conn.execute_query(f'SELECT COUNT(*) AS n FROM "{table}" WHERE {condition}')
    return int(rows[0]["n"])
