"""Catalog dialog: categories arranged, products moved, races and limits, other languages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from decimal import Decimal

import pytest
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import GetFile, SendDocument
from aiogram.types import Document

from bot.services.catalog_admin import PAGE_SIZE, InputRejected, parse_amount
from bot.services.money import configure_currency, shop_currency
from models import Category, Client, Product
from tests.harness import App, start_app
from tests.test_catalog_admin_dialog import (
    XLSX_MIME,
    make_staff,
    open_catalog,
    seed_catalog,
    send_message,
)


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


@pytest.fixture
def yen() -> Iterator[None]:
    previous = shop_currency()
    configure_currency("JPY")
    try:
        yield
    finally:
        configure_currency(previous)


async def test_manager_arranges_categories(app: App) -> None:
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    for name in ("Tea", "Coffee"):
        await manager.click("New category")
        await manager.send(name)
        await manager.click("Back")
    await manager.click("Tea")
    await manager.click("Subcategory")
    await manager.send("Zielona")
    assert "Tea / Zielona" in manager.text()
    assert not any("Subcategory" in b for b in manager.buttons())  # one level only
    await manager.click("Rename")
    await manager.send("Herbata zielona")
    await manager.click("Description")
    await manager.send("x" * 4001)
    assert "too long: at most 4,000" in manager.text()
    await manager.send("Liściasta, z Chin")
    assert "Liściasta, z Chin" in manager.text()
    await manager.click("Hide")
    assert "Hidden from customers" in manager.text()
    await manager.click("Back")
    assert "↳ 🙈 Herbata zielona (0)" in manager.buttons()

    await manager.click("Coffee")
    await manager.click("Up")
    await manager.click("Back")
    names = [b for b in manager.buttons() if "(" in b]
    assert names == ["📁 Coffee (0)", "📁 Tea (0)", "↳ 🙈 Herbata zielona (0)"]
    child = await Category.get(name="Herbata zielona").prefetch_related("parent")
    assert (child.parent.name, child.description, child.is_hidden) == (
        "Tea",
        "Liściasta, z Chin",
        True,
    )

    await manager.click("Herbata zielona")
    await manager.click("Show")
    assert not (await Category.get(id=child.id)).is_hidden
    await manager.click("Back")
    await manager.click("Back")
    assert "Client desk" in manager.text()


async def test_manager_edits_every_field_and_moves_a_product(app: App) -> None:
    await seed_catalog()
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    await manager.click("Чай \\(1\\)")
    await manager.click("Иван-чай")
    await manager.click("Name")
    await manager.send("")
    assert "The name is empty" in manager.text()
    await manager.send("Иван-чай <b>листовой</b>")
    assert "Иван-чай &lt;b&gt;листовой&lt;/b&gt;" in manager.text()  # shown, not run as HTML
    await manager.click("Description")
    await manager.send("Ферментированный")
    assert "<i>Ферментированный</i>" in manager.text()
    await manager.click("Photo")
    await manager.send("not a photo")
    assert "Please send a photo" in manager.text()
    await manager.click("Remove photo")
    await manager.click("Move")
    await manager.click("Zielona")
    assert "Чай / Zielona" not in manager.text()  # the card shows the category itself
    assert "Zielona" in manager.text()

    product = await Product.get(sku="T-1").prefetch_related("category")
    assert product.name == "Иван-чай <b>листовой</b>"
    assert product.description == "Ферментированный"
    assert product.category.name == "Zielona"


async def test_a_product_deleted_meanwhile_is_reported_not_crashed(app: App) -> None:
    await seed_catalog()
    first = await make_staff(app, "is_manager", name="Marek")
    second = await make_staff(app, "is_manager", name="Ola")
    await open_catalog(second)
    await second.click("Zielona")
    await second.click("SUM")
    card, hide = second.screen(), second.button("Hide").callback_data
    await open_catalog(first)
    await first.click("Zielona")
    await first.click("SUM")
    await first.click("Delete")
    await first.click("Yes, delete")
    assert not await Product.filter(sku="G-2").exists()

    await second.click_data(hide, card)
    assert "This product no longer exists" in second.text()
    assert not any("Price" in b for b in second.buttons())
    await second.click("Back")
    assert "Zielona" in second.text()


async def test_a_too_big_file_is_refused_before_downloading(app: App) -> None:
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    await manager.click("Import")
    huge = Document(
        file_id="huge", file_unique_id="huge", file_size=6 * 1024 * 1024, mime_type=XLSX_MIME
    )
    await send_message(manager, document=huge)
    assert "too big: at most 5 MB" in manager.text()
    assert not [r for r in manager.requests() if isinstance(r, GetFile)]


def test_a_currency_without_fractions_takes_whole_amounts(yen: None) -> None:
    assert parse_amount("1200") == Decimal("1200")
    with pytest.raises(InputRejected, match="catalog-admin-error-price-whole"):
        parse_amount("12.50")


async def test_the_catalog_speaks_russian_and_polish(app: App) -> None:
    await seed_catalog()
    for language, expected in (("ru", "2 категории"), ("pl", "2 kategorie")):
        person = app.person(first_name="Ян", language_code=language)
        await person.send("/start")
        await Client.filter(telegram_id=person.id).update(is_manager=True)
        await person.send("/admin")
        await person.click("🗂")
        assert expected in person.text()
        await person.click("Чай \\(1\\)")
        await person.click("Иван-чай")
        assert "$3.50" in person.text() or "3,50" in person.text()


async def test_categories_are_paged(app: App) -> None:
    for number in range(PAGE_SIZE + 2):
        await Category.create(name=f"Kategoria {number:02}", position=number)
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    assert "1/2" in manager.buttons()
    assert "📁 Kategoria 07 (0)" in manager.buttons()
    assert "📁 Kategoria 08 (0)" not in manager.buttons()
    await manager.click("▶")
    assert "2/2" in manager.buttons()
    assert [b for b in manager.buttons() if "Kategoria" in b] == [
        "📁 Kategoria 08 (0)",
        "📁 Kategoria 09 (0)",
    ]
    assert "▶" not in manager.buttons()
    await manager.click("◀")
    assert "📁 Kategoria 00 (0)" in manager.buttons()


async def test_telegram_failures_while_exporting_or_downloading_are_reported(app: App) -> None:
    await seed_catalog()
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    app.bot.session.fail_next(SendDocument, TelegramNetworkError, "timeout")
    await manager.click("Export")
    assert "Could not send the file" in manager.text()

    await manager.click("Import")
    never_uploaded = Document(file_id="never-uploaded", file_unique_id="n", file_size=100)
    await send_message(manager, document=never_uploaded)
    assert "Could not download the file" in manager.text()
    assert await Product.all().count() == 3
