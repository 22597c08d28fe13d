"""Catalog services against the real database: validation, order, nesting, XLSX."""

from __future__ import annotations

import re
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bot.services import catalog_admin as catalog
from bot.services.catalog_admin import InputRejected, parse_amount, parse_name
from bot.services.catalog_rows import MAX_ROWS, ImportRejected, parse_products_xlsx
from bot.services.catalog_xlsx import build_workbook, export_products_xlsx, import_products_xlsx
from models import Category, Favorite, Order, OrderItem, Product
from tests.test_i18n import catalog_keys

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ["sku", "category", "name", "price"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,50", Decimal("12.50")),
        ("12.50", Decimal("12.50")),
        (" 1 234,5 ", Decimal("1234.50")),
        ("99999999.99", Decimal("99999999.99")),
        (7, Decimal("7.00")),
        (12.5, Decimal("12.50")),
    ],
)
def test_amounts_people_type_are_read(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("abc", "catalog-admin-error-price-not-number"),
        ("", "catalog-admin-error-price-not-number"),
        ("1e9999", "catalog-admin-error-price-not-number"),
        ("NaN", "catalog-admin-error-price-not-number"),
        ("Infinity", "catalog-admin-error-price-not-number"),
        (float("inf"), "catalog-admin-error-price-not-number"),
        ("-1", "catalog-admin-error-price-not-positive"),
        ("0", "catalog-admin-error-price-not-positive"),
        ("0,00", "catalog-admin-error-price-not-positive"),
        ("100000000", "catalog-admin-error-price-too-large"),
        ("99999999.999", "catalog-admin-error-price-too-large"),
        ("1.001", "catalog-admin-error-price-decimals"),
        (0.1 + 0.2, "catalog-admin-error-price-decimals"),
        (True, "catalog-admin-error-price-not-number"),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(text: object, key: str) -> None:
    with pytest.raises(InputRejected) as error:
        parse_amount(text)  # type: ignore[arg-type]
    assert error.value.key == key


def test_names_are_trimmed_and_bounded() -> None:
    assert parse_name("  Green \n tea  ", 128) == "Green tea"
    with pytest.raises(InputRejected, match="catalog-admin-error-name-empty"):
        parse_name(" \n ", 128)
    with pytest.raises(InputRejected, match="catalog-admin-error-name-long"):
        parse_name("я" * 129, 128)
    assert parse_name("я" * 255, 255) == "я" * 255


def test_every_key_the_services_reject_with_exists_in_every_language() -> None:
    pattern = re.compile(r"""InputRejected\(\s*["']([a-z][\w-]*)["']""")
    used: set[str] = set()
    for name in ("catalog_admin", "catalog_rows", "catalog_xlsx", "promo_admin"):
        used |= set(pattern.findall((ROOT / "bot/services" / f"{name}.py").read_text()))
    for path in (ROOT / "dialogs").rglob("*.py"):
        used |= set(pattern.findall(path.read_text()))
    assert len(used) > 20
    for locale in ("en", "ru", "pl"):
        assert used <= catalog_keys(locale), (locale, used - catalog_keys(locale))


async def test_categories_nest_one_level_and_keep_their_order(db: None) -> None:
    drinks = await catalog.create_category("Drinks")
    food = await catalog.create_category("Food")
    tea = await catalog.create_category("Tea", parent_id=drinks.id)
    coffee = await catalog.create_category("Coffee", parent_id=drinks.id)
    with pytest.raises(InputRejected, match="catalog-admin-error-nesting"):
        await catalog.create_category("Green", parent_id=tea.id)

    tree = await catalog.category_tree()
    assert [(row.name, [c.name for c in row.children]) for row in tree] == [
        ("Drinks", ["Tea", "Coffee"]),
        ("Food", []),
    ]

    await catalog.move_category(food.id, -1)
    await catalog.move_category(coffee.id, -1)
    await catalog.move_category(coffee.id, -1)  # already first: nothing happens
    names = [row.name for row in catalog.flatten(await catalog.category_tree())]
    assert names == ["Food", "Drinks", "Coffee", "Tea"]

    await catalog.rename_category(tea.id, "Herbata")
    await catalog.describe_category(tea.id, "Liście")
    await catalog.set_category_hidden(tea.id, True)
    tea = await Category.get(id=tea.id)
    assert (tea.name, tea.description, tea.is_hidden) == ("Herbata", "Liście", True)
    with pytest.raises(InputRejected):
        await catalog.rename_category(tea.id, "")
    assert (await Category.get(id=tea.id)).name == "Herbata"


async def test_categories_and_products_are_paged(db: None) -> None:
    category = await catalog.create_category("Many")
    for number in range(catalog.PAGE_SIZE + 3):
        await catalog.create_product(category.id, f"Item {number:02}", "1")
    first = await catalog.products_page(category.id, 0)
    last = await catalog.products_page(category.id, 99)
    assert (first.pages, first.total, len(first.items)) == (2, catalog.PAGE_SIZE + 3, 8)
    assert (last.page, [p.name for p in last.items]) == (1, ["Item 08", "Item 09", "Item 10"])
    assert len({p.sku for p in await Product.all()}) == catalog.PAGE_SIZE + 3


async def test_product_edits_and_the_delete_rule(db: None) -> None:
    tea = await catalog.create_category("Tea")
    coffee = await catalog.create_category("Coffee")
    product = await catalog.create_product(tea.id, "Sencha", "9,90", "Green", "photo-1")
    assert (product.price, product.currency, product.position) == (Decimal("9.90"), "USD", 0)

    await catalog.rename_product(product.id, "Sencha Gold")
    await catalog.reprice_product(product.id, "10")
    await catalog.describe_product(product.id, None)
    await catalog.set_product_photo(product.id, None)
    await catalog.move_product(product.id, coffee.id)
    await catalog.set_product_hidden(product.id, True)
    product = await Product.get(id=product.id)
    assert (product.name, product.price, product.description, product.photo_file_id) == (
        "Sencha Gold",
        Decimal("10.00"),
        None,
        None,
    )
    assert (product.category_id, product.is_hidden) == (coffee.id, True)
    with pytest.raises(InputRejected, match="catalog-admin-error-description-long"):
        await catalog.describe_product(product.id, "x" * 4001)

    order = await Order.create(currency="USD")
    await OrderItem.create(
        order=order,
        product=product,
        product_name="Sencha",
        unit_price=Decimal("10"),
        quantity=1,
        line_total=Decimal("10"),
    )
    with pytest.raises(InputRejected, match="catalog-admin-error-product-ordered"):
        await catalog.delete_product(product.id)
    assert await Product.filter(id=product.id).exists()

    spare = await catalog.create_product(tea.id, "Spare", "1")
    from models import Client

    fan = await Client.create(telegram_id=1, first_name="Fan")
    await Favorite.create(client=fan, product=spare)
    await catalog.delete_product(spare.id)
    assert not await Product.filter(id=spare.id).exists()


def sheet(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.append(header or ["sku", "category", "name", "price", "hidden", "stock", "position"])
    for row in rows:
        ws.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_every_bad_row_is_named_with_its_reason() -> None:
    data = sheet(
        [
            ["A", "Tea", "Fine", "1.50", "no", 3, 1],
            ["B", "Tea", "x" * 256, "1", None, None, None],
            ["", "Tea", "No sku", "1", None, None, None],
            ["A", "Tea", "Repeat", "1", None, None, None],
            ["C", "", "No category", "1", None, None, None],
            ["D", "A / B / C", "Too deep", "1", None, None, None],
            ["E", "Tea", "Stock", "1", None, -2, None],
            ["F", "Tea", "Hidden", "1", "maybe", None, None],
            [None, None, None, None, None, None, None],  # blank rows are skipped
            ["G", "Tea", "Price", "12,345", None, None, None],
        ]
    )
    with pytest.raises(ImportRejected) as rejected:
        parse_products_xlsx(data)
    assert [(e.row, e.key) for e in rejected.value.errors] == [
        (3, "catalog-admin-error-name-long"),
        (4, "catalog-admin-import-no-sku"),
        (5, "catalog-admin-import-repeated-sku"),
        (6, "catalog-admin-error-name-empty"),
        (7, "catalog-admin-error-nesting"),
        (8, "catalog-admin-import-bad-integer"),
        (9, "catalog-admin-import-bad-flag"),
        (11, "catalog-admin-error-price-decimals"),
    ]


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"not a zip", "catalog-admin-import-not-xlsx"),
        (sheet([], header=["sku", "name"]), "catalog-admin-import-missing-columns"),
        (sheet([]), "catalog-admin-import-empty"),
        (
            sheet([["A", "T", "N", "1", None, None, None]] * (MAX_ROWS + 1)),
            "catalog-admin-import-too-many-rows",
        ),
        (b"x" * (5 * 1024 * 1024 + 1), "catalog-admin-import-too-big"),
    ],
)
def test_unusable_files_are_refused_whole(data: bytes, key: str) -> None:
    with pytest.raises(InputRejected) as rejected:
        parse_products_xlsx(data)
    assert rejected.value.key == key


async def test_a_currency_other_than_the_shops_is_refused(db: None) -> None:
    data = sheet(
        [["A", "Tea", "Sencha", "1", "EUR"]], ["sku", "category", "name", "price", "currency"]
    )
    with pytest.raises(ImportRejected) as rejected:
        await import_products_xlsx(data)
    assert rejected.value.errors[0].args == {"value": "EUR", "shop": "USD"}
    assert await Product.all().count() == 0


async def test_export_then_import_round_trips_and_updates_by_sku(db: None) -> None:
    tea = await catalog.create_category("Чай")
    green = await catalog.create_category("Zielona", parent_id=tea.id)
    await catalog.create_product(green.id, "+cmd|' /C calc'!A0", "3")
    await catalog.create_product(tea.id, "@SUM(1)", "4,5", "-2+3")
    before = await Product.all().order_by("id").values()

    data = await export_products_xlsx()
    report = await import_products_xlsx(data)
    assert (report.created, report.updated, report.unchanged, report.categories_created) == (
        0,
        0,
        2,
        0,
    )
    after = await Product.all().order_by("id").values()
    strip = ("updated_at",)
    assert [{k: v for k, v in r.items() if k not in strip} for r in after] == [
        {k: v for k, v in r.items() if k not in strip} for r in before
    ]

    cells = [c for row in load_workbook(BytesIO(data)).active.iter_rows(min_row=2) for c in row]
    dangerous = [c for c in cells if isinstance(c.value, str) and c.value[0] in "=+-@"]
    assert len(dangerous) == 3
    assert all(c.data_type == "s" and c.quotePrefix for c in dangerous)


def test_the_workbook_marks_every_dangerous_start_as_text() -> None:
    values = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "plain"]
    data = build_workbook(
        [("S", "C", v, None, Decimal("1"), "USD", False, None, 0) for v in values]
    )
    cells = [row[2] for row in load_workbook(BytesIO(data)).active.iter_rows(min_row=2)]
    # XML turns a carriage return into a line feed; the cell stays text either way
    assert [c.value for c in cells] == [v.replace("\r", "\n") for v in values]
    assert [c.data_type for c in cells] == ["s"] * len(values)
    assert [bool(c.quotePrefix) for c in cells] == [True] * 6 + [False]


async def test_an_import_failing_midway_leaves_nothing_behind(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    tea = await catalog.create_category("Tea")
    await Product.create(category=tea, name="Old", price=Decimal("1"), currency="USD", sku="A")
    before = await Product.all().order_by("id").values()

    def broken_bulk_create(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Product, "bulk_create", broken_bulk_create)
    data = sheet([["A", "Tea", "Renamed", "2"], ["B", "New / Sub", "Fresh", "3"]])
    with pytest.raises(RuntimeError):
        await import_products_xlsx(data)

    assert await Product.all().order_by("id").values() == before
    assert [c.name for c in await Category.all()] == ["Tea"]


async def test_columns_missing_from_the_file_leave_products_alone(db: None) -> None:
    tea = await catalog.create_category("Tea")
    await Product.create(
        category=tea,
        name="Sencha",
        description="Green",
        price=Decimal("5"),
        currency="USD",
        sku="S-1",
        is_hidden=True,
        stock=4,
    )
    data = sheet([["S-1", "Tea", "Sencha", "6"], ["N-1", "Tea", "New", "2"]], REQUIRED)
    report = await import_products_xlsx(data)

    assert (report.created, report.updated) == (1, 1)
    kept = await Product.get(sku="S-1")
    assert (kept.price, kept.description, kept.is_hidden, kept.stock) == (
        Decimal("6.00"),
        "Green",
        True,
        4,
    )
    new = await Product.get(sku="N-1")
    assert (new.description, new.is_hidden, new.stock, new.position) == (None, False, None, 1)
