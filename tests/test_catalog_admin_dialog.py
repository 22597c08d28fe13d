"""The catalog as a manager, a viewer and a customer use it: typed, clicked, checked in the DB."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from aiogram.methods import SendDocument
from aiogram.types import Document, Message, PhotoSize, Update
from openpyxl import Workbook, load_workbook

from bot.services.catalog_rows import COLUMNS
from models import Category, Client, Order, OrderItem, Product
from tests.harness import OWNER_ID, App, Person, start_app

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def send_message(person: Person, **content: Any) -> None:
    """A message with any content (photo, document...) from this person, as Telegram sends it."""
    message = Message(
        message_id=person.client._new_message_id(),
        date=datetime.now(),
        chat=person.client.chat,
        from_user=person.client.user,
        **content,
    )
    person._begin()
    await person.app.dp.feed_update(
        person.app.bot, Update(update_id=person.client._new_update_id(), message=message)
    )


async def send_photo(person: Person, file_id: str) -> None:
    """A photo as Telegram delivers it: several sizes (here the largest is not the last)."""
    sizes = [
        PhotoSize(file_id="small-id", file_unique_id="s", width=90, height=90),
        PhotoSize(file_id=file_id, file_unique_id="b", width=1280, height=960),
        PhotoSize(file_id="medium-id", file_unique_id="m", width=320, height=240),
    ]
    await send_message(person, photo=sizes)


async def open_catalog(person: Person) -> None:
    await person.send("/admin")
    await person.click("Catalog")


async def make_staff(app: App, flag: str, name: str = "Marek") -> Person:
    person = app.person(first_name=name)
    await person.send("/start")
    await Client.filter(telegram_id=person.id).update(**{flag: True})
    return person


async def test_manager_builds_a_category_and_a_product_with_a_photo(app: App) -> None:
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    assert "No categories yet" in manager.text()

    await manager.click("New category")
    await manager.send("Чай и кофе")
    assert "Чай и кофе" in manager.text()
    category = await Category.get(name="Чай и кофе")

    await manager.click("Product")
    assert "step 1 of 4" in manager.text()
    await manager.send("Herbata Żurawina")
    await manager.send("12,50")
    await manager.click("Skip")
    assert "Step 4 of 4" in manager.text()
    await send_photo(manager, "big-photo-id")

    product = await Product.get(name="Herbata Żurawina")
    assert product.category_id == category.id
    assert product.price == Decimal("12.50")
    assert product.currency == "USD"
    assert product.description is None
    assert product.photo_file_id == "big-photo-id"
    assert product.sku
    screen = manager.screen()
    assert screen.photo and screen.photo[-1].file_id == "big-photo-id"
    assert "$12.50" in manager.text()

    await manager.click("Price")
    await manager.send("abc")
    assert "“abc” is not a number" in manager.text()
    await manager.send("15.99")
    assert "$15.99" in manager.text()
    await manager.click("Hide")
    assert "Hidden from customers" in manager.text()

    product = await Product.get(id=product.id)
    assert product.price == Decimal("15.99")
    assert product.is_hidden

    await manager.click("Back")
    assert "🙈 Herbata Żurawina — $15.99" in manager.buttons()


async def test_bad_input_is_refused_and_nothing_is_written(app: App) -> None:
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    await manager.click("New category")
    await manager.send("   ")
    assert "The name is empty" in manager.text()
    await manager.send("x" * 300)
    assert "too long: 300 characters, at most 128" in manager.text()
    assert await Category.all().count() == 0
    await manager.send("Tea")

    await manager.click("Product")
    await manager.send("Green tea")
    for bad, message in [
        ("abc", "is not a number"),
        ("-1", "greater than zero"),
        ("0", "greater than zero"),
        ("1e9999", "is not a number"),
        ("100000000", "too large"),
        ("1.234", "two digits"),
    ]:
        await manager.send(bad)
        assert message in manager.text(), bad
        assert "Step 2 of 4" in manager.text()
    assert await Product.all().count() == 0

    await manager.click("Back")
    assert await Product.all().count() == 0


async def send_document(person: Person, data: bytes, file_name: str) -> None:
    stored = person.app.bot.session.telegram.add_file(data, file_name)
    await send_message(person, document=Document(**stored, mime_type=XLSX_MIME))


def workbook_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["sku", "category", "name", "description", "price", "currency", "hidden"])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def seed_catalog() -> tuple[Category, Category]:
    tea = await Category.create(name="Чай", position=0)
    green = await Category.create(name="Zielona", parent=tea, position=0)
    await Product.create(
        category=tea, name="Чай «Иван-чай»", price=Decimal("3.50"), currency="USD", sku="T-1"
    )
    await Product.create(
        category=green, name="Herbata źródlana", price=Decimal("7"), currency="USD", sku="G-1"
    )
    await Product.create(
        category=green, name="=SUM(A1)", price=Decimal("1.99"), currency="USD", sku="G-2"
    )
    return tea, green


async def test_export_sends_a_workbook_with_every_product_and_no_formulas(app: App) -> None:
    await seed_catalog()
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_catalog(owner)
    await owner.click("Export")

    [request] = [r for r in owner.requests() if isinstance(r, SendDocument)]
    assert request.chat_id == owner.id
    assert request.document.filename.endswith(".xlsx")
    sheet = load_workbook(BytesIO(request.document.data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == list(COLUMNS)
    by_sku = {row[0]: row for row in rows[1:]}
    assert by_sku["T-1"][1:5] == ["Чай", "Чай «Иван-чай»", None, 3.5]
    assert by_sku["G-1"][1:3] == ["Чай / Zielona", "Herbata źródlana"]
    formula = sheet.cell(row=rows.index(by_sku["G-2"]) + 1, column=3)
    assert formula.value == "=SUM(A1)"
    assert formula.data_type == "s"  # text, never evaluated
    assert formula.quotePrefix
    assert "Catalog" in owner.text()  # the menu comes back below the document


async def test_import_creates_and_updates_by_sku(app: App) -> None:
    tea, _green = await seed_catalog()
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    await manager.click("Import")
    data = workbook_bytes(
        [
            ["T-1", "Чай", "Чай «Иван-чай» 2", "новый", "4,20", "USD", "no"],
            ["K-1", "Kawa / Ziarnista", "Kawa Łódź", None, 25, None, "yes"],
        ]
    )
    await send_document(manager, data, "prices.xlsx")

    assert "created: 1, updated: 1, unchanged: 0; new categories: 2" in manager.text()
    updated = await Product.get(sku="T-1")
    assert (updated.name, updated.price, updated.description) == (
        "Чай «Иван-чай» 2",
        Decimal("4.20"),
        "новый",
    )
    assert updated.category_id == tea.id
    created = await Product.get(sku="K-1").prefetch_related("category__parent")
    assert created.is_hidden and created.price == Decimal("25.00")
    assert created.category.name == "Ziarnista"
    assert created.category.parent.name == "Kawa"


async def test_a_bad_row_rejects_the_whole_file(app: App) -> None:
    await seed_catalog()
    before = await Product.all().order_by("id").values()
    categories = await Category.all().count()
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    await manager.click("Import")
    data = workbook_bytes(
        [
            ["T-1", "Чай", "Renamed", None, "5", "USD", "no"],
            ["N-1", "Nowa", "New one", None, "abc", None, None],
            ["N-2", "Nowa", "", None, "2", None, None],
        ]
    )
    await send_document(manager, data, "prices.xlsx")

    text = manager.text()
    assert "Nothing was imported: 2 rows are wrong" in text
    assert "row 3: Price “abc” is not a number" in text
    assert "row 4: The name is empty" in text
    assert await Product.all().order_by("id").values() == before
    assert await Category.all().count() == categories


async def test_a_file_that_is_not_a_workbook_gets_a_clear_message(app: App) -> None:
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    await manager.click("Import")
    await send_document(manager, b"sku,name\n1,x\n", "prices.xlsx")
    assert "not an .xlsx workbook" in manager.text()
    await manager.send("hello")
    assert "send the .xlsx file as a document" in manager.text()
    assert await Product.all().count() == 0


def intent_of(person: Person) -> str:
    markup = person.screen().reply_markup
    assert markup is not None
    return markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]


async def snapshot() -> tuple[list[dict], list[dict]]:
    return (
        await Category.all().order_by("id").values(),
        await Product.all().order_by("id").values(),
    )


async def test_a_viewer_sees_the_catalog_but_every_change_is_refused(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await seed_catalog()
    viewer = await make_staff(app, "is_viewer", name="Vera")
    await open_catalog(viewer)
    assert "2 categories" in viewer.text()
    assert not any("New category" in b or "Import" in b for b in viewer.buttons())
    before = await snapshot()

    intent, screen = intent_of(viewer), viewer.screen()
    for widget in ("new_category", "import"):
        await viewer.click_data(f"{intent}\x1d{widget}", screen)
    await viewer.send("/admin")
    await viewer.click("Catalog")
    await viewer.click("Чай \\(1\\)")
    assert "Чай «Иван-чай» — $3.50" in viewer.buttons()
    assert not any(b.startswith(("✏️", "➕", "🙈", "⬆️")) for b in viewer.buttons())
    category_screen = viewer.screen()
    intent = intent_of(viewer)
    for widget in ("new_product", "new_sub", "rename", "describe", "cat_up", "cat_hide"):
        await viewer.click_data(f"{intent}\x1d{widget}", category_screen)
    await viewer.click_data(f"{intent}\x1dproduct:1", category_screen)
    assert "SKU: T-1" in viewer.text()
    product_screen = viewer.screen()
    for widget in ("edit_price", "edit_name", "hide", "delete", "move"):
        await viewer.click_data(f"{intent}\x1d{widget}", product_screen)
    await viewer.send("99")  # no input window is open for a viewer: nothing to change

    assert await snapshot() == before
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_a_customer_replaying_manager_buttons_changes_nothing(app: App) -> None:
    await seed_catalog()
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_catalog(owner)
    await owner.click("Чай \\(1\\)")
    category_screen = owner.screen()
    intent = intent_of(owner)
    await owner.click("Чай «Иван-чай»")
    product_screen = owner.screen()
    before = await snapshot()

    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    menu = customer.screen()
    own_intent = intent_of(customer)
    for widget in ("cat_hide", "cat_up", "new_product"):
        await customer.click_data(f"{intent}\x1d{widget}", category_screen)
    for widget in ("hide", "delete", "edit_price"):
        await customer.click_data(f"{intent}\x1d{widget}", product_screen)
    await customer.click_data(f"{intent}\x1dcategory:1", menu)
    await customer.click_data(f"{own_intent}\x1dnew_category", menu)

    assert await snapshot() == before
    shown = " ".join(m.text or m.caption or "" for m in customer.shown())
    assert "Catalog" not in shown and "SKU" not in shown


async def test_a_product_in_an_order_is_not_deleted_but_can_be_hidden(app: App) -> None:
    _tea, green = await seed_catalog()
    product = await Product.get(sku="G-1")
    order = await Order.create(currency="USD", status="new")
    await OrderItem.create(
        order=order,
        product=product,
        product_name=product.name,
        unit_price=Decimal("7"),
        quantity=1,
        line_total=Decimal("7"),
    )
    manager = await make_staff(app, "is_manager")
    await open_catalog(manager)
    await manager.click("Zielona")
    await manager.click("Herbata źródlana")
    await manager.click("Delete")
    await manager.click("Yes, delete")
    assert "cannot be deleted. Hide it instead" in manager.text()
    assert await Product.filter(id=product.id).exists()

    await manager.click("Back")
    await manager.click("SUM")
    await manager.click("Delete")
    await manager.click("Yes, delete")
    assert not await Product.filter(sku="G-2").exists()
    assert "Herbata źródlana — $7.00" in manager.buttons()
    assert green.id == (await Product.get(sku="G-1")).category_id
