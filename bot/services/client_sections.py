"""What the client card's sections show staff: favorites, used promo codes, the current
order and referrals. Read only; every function takes the viewer's role and checks it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from bot.services.cart import CartView, view_of_cart
from bot.services.catalog import Page
from bot.services.clients import REFERRAL_PREFIX
from bot.services.roles import Role, require_staff
from models import Client, Favorite, Product, PromoRedemption

SECTION_PAGE = 10


@dataclass(frozen=True, slots=True)
class FavoriteRow:
    product_id: int
    name: str
    price: Decimal
    currency: str
    # hidden itself or in a hidden category: customers do not see it
    hidden: bool


@dataclass(frozen=True, slots=True)
class PromoUse:
    code: str
    discount: Decimal
    currency: str
    order_id: int | None
    used_at: datetime


@dataclass(frozen=True, slots=True)
class ReferralRow:
    client_id: int
    name: str
    orders: int
    total: Decimal
    anonymized: bool


def page_bounds(page: int, total: int, size: int = SECTION_PAGE) -> tuple[int, int]:
    """(the page clamped into range, the number of pages); an empty list has one page."""
    pages = max(1, -(-total // size))
    return min(max(page, 0), pages - 1), pages


async def client_favorites(role: Role, client_id: int) -> list[FavoriteRow]:
    require_staff(role)
    favorites = (
        await Favorite.filter(client_id=client_id)
        .order_by("-created_at", "-id")
        .prefetch_related("product__category")
    )
    return [
        FavoriteRow(
            product_id=f.product.id,
            name=f.product.name,
            price=Decimal(f.product.price),
            currency=f.product.currency,
            hidden=f.product.is_hidden or f.product.category.is_hidden,
        )
        for f in favorites
    ]


async def favorite_product(role: Role, client_id: int, product_id: int) -> Product | None:
    """A product among this client's favorites (hidden ones too); None for any other id."""
    require_staff(role)
    favorite = await Favorite.get_or_none(client_id=client_id, product_id=product_id)
    if favorite is None:
        return None
    return await Product.get_or_none(id=product_id).prefetch_related("category")


async def promo_uses(role: Role, client_id: int, page: int = 0) -> Page[PromoUse]:
    require_staff(role)
    query = PromoRedemption.filter(client_id=client_id)
    total = await query.count()
    page, pages = page_bounds(page, total)
    rows = (
        await query.order_by("-created_at", "-id")
        .offset(page * SECTION_PAGE)
        .limit(SECTION_PAGE)
        .prefetch_related("promo")
    )
    uses = [
        PromoUse(
            code=row.promo.code,
            discount=Decimal(row.discount),
            currency=row.currency,
            order_id=row.order_id,
            used_at=row.created_at,
        )
        for row in rows
    ]
    return Page(items=uses, page=page, pages=pages, total=total)


async def current_order(role: Role, client_id: int) -> CartView | None:
    """The client's cart with its flagged lines; None when there is none or it is empty."""
    require_staff(role)
    client = await Client.get_or_none(id=client_id)
    if client is None:
        return None
    view = await view_of_cart(client)
    return None if view.is_empty else view


def referral_link(bot_username: str, client: Client) -> str:
    return f"https://t.me/{bot_username}?start={REFERRAL_PREFIX}{client.referral_code}"


async def referrer_of(role: Role, client: Client) -> Client | None:
    require_staff(role)
    if client.referrer_id is None:
        return None
    return await Client.get_or_none(id=client.referrer_id)


async def referrals(role: Role, client_id: int, page: int = 0) -> Page[ReferralRow]:
    """The clients this one brought, newest first, with their orders count and total."""
    require_staff(role)
    query = Client.filter(referrer_id=client_id)
    total = await query.count()
    page, pages = page_bounds(page, total)
    rows = (
        await query.order_by("-created_at", "-id").offset(page * SECTION_PAGE).limit(SECTION_PAGE)
    )
    items = [
        ReferralRow(
            client_id=row.id,
            name=row.display_name,
            orders=row.orders_count,
            total=Decimal(row.total_spent),
            anonymized=row.anonymized_at is not None,
        )
        for row in rows
    ]
    return Page(items=items, page=page, pages=pages, total=total)


async def brought_by(role: Role, referrer_id: int, client_id: int) -> bool:
    """Whether `client_id` came through `referrer_id`'s link (what a referral button may open)."""
    require_staff(role)
    return await Client.exists(id=client_id, referrer_id=referrer_id)
