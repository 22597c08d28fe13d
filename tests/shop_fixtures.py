"""A small catalog and customers for the shop and order tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.services.addresses import AddressInput
from models import Category, Client, Product, PromoCode, PromoKind


@dataclass
class Shop:
    coffee: Category
    beans: Category
    tea: Category
    empty: Category
    espresso: Product
    filter_: Product
    green: Product
    secret: Product


async def make_shop() -> Shop:
    coffee = await Category.create(name="Coffee", position=1)
    beans = await Category.create(name="Beans", parent=coffee, position=1)
    tea = await Category.create(name="Tea", position=2)
    empty = await Category.create(name="Empty", position=3)
    espresso = await Product.create(
        category=beans, name="Espresso beans", price=Decimal("12.50"), currency="USD",
        description="Dark roast", photo_file_id="photo-espresso", position=1,
    )  # fmt: skip
    filter_ = await Product.create(
        category=beans, name="Filter beans", price=Decimal("9.99"), currency="USD", position=2
    )
    green = await Product.create(
        category=tea, name="Green tea", price=Decimal("4.05"), currency="USD"
    )
    secret = await Product.create(
        category=empty, name="Hidden thing", price=Decimal("1"), currency="USD", is_hidden=True
    )
    return Shop(coffee, beans, tea, empty, espresso, filter_, green, secret)


async def make_client(telegram_id: int, **fields: object) -> Client:
    return await Client.create(telegram_id=telegram_id, first_name=f"C{telegram_id}", **fields)


async def make_promo(code: str = "SAVE10", **fields: object) -> PromoCode:
    values: dict[str, object] = {"kind": PromoKind.PERCENT, "value": Decimal("10")}
    values.update(fields)
    return await PromoCode.create(code=code, **values)


HOME = AddressInput(
    recipient="Anna Nowak",
    street="ul. Długa 5",
    city="Kraków",
    postal_code="30-001",
    country="Poland",
)
