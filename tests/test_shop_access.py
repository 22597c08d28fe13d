"""Blocked clients reach no product; nobody reaches another client's order, address or cart."""

from __future__ import annotations

import re

import pytest
from aiogram.types import Message

from bot.services import cart as cart_service
from bot.services.addresses import add_address
from bot.services.checkout import CheckoutInput, place_order
from models import Address, Client, Favorite, Order, OrderItem, PaymentMethod
from tests.harness import App, Person, start_app
from tests.shop_fixtures import HOME, Shop, make_client, make_shop


@pytest.fixture
async def app(db: None) -> App:
    return await start_app()


@pytest.fixture
async def shop(db: None) -> Shop:
    return await make_shop()


def forged(screen: Message, pattern: str, item_id: object) -> str:
    """The callback data of a select button on `screen`, pointing at another item."""
    for row in screen.reply_markup.inline_keyboard:
        for button in row:
            if re.search(pattern, button.text):
                return re.sub(r":[^:]*$", f":{item_id}", button.callback_data)
    raise AssertionError(f"no {pattern!r} button")


def all_texts(person: Person) -> str:
    """Everything the person's last action showed them."""
    return "\n".join((m.text or m.caption or "") for m in person.shown())


def alerts(person: Person) -> list[str]:
    return [r.text for r in person.requests() if getattr(r, "show_alert", None)]


async def block(person: Person) -> None:
    await Client.filter(telegram_id=person.id).update(is_blocked=True)


async def test_a_blocked_client_sees_the_explanation_and_no_catalog(app: App, shop: Shop) -> None:
    kasia = app.person(first_name="Kasia")
    await kasia.send("/start")
    await block(kasia)
    await kasia.send("/start")
    assert "You have no access to the catalog" in kasia.text()
    assert not any("Catalog" in b or "Cart" in b or "Favorites" in b for b in kasia.buttons())
    assert "💬 Contact the shop" in kasia.buttons() and "🌐 Language" in kasia.buttons()


async def screens_up_to_quantity(person: Person) -> dict[str, Message]:
    """Opens the catalog down to the quantity picker; returns each screen on the way."""
    await Client.filter(telegram_id=person.id).update(is_blocked=False)
    await person.send("/start")
    screens = {"menu": person.screen()}
    for name, button in (
        ("categories", "Catalog"),
        ("category", "^Tea$"),
        ("product", "Green tea"),
        ("quantity", "Add to cart"),
    ):
        await person.click(button)
        screens[name] = person.screen()
    return screens


@pytest.mark.parametrize(
    ("screen", "button", "item"),
    [
        ("categories", "^Tea$", "tea"),
        ("category", "Green tea", "espresso"),
        ("quantity", "^3$", 3),
        ("quantity", "^3$", 10**9),
    ],
)
async def test_live_buttons_of_a_client_blocked_meanwhile_change_nothing(
    app: App, shop: Shop, screen: str, button: str, item: object
) -> None:
    kasia = app.person(first_name="Kasia")
    screens = await screens_up_to_quantity(kasia)
    await kasia.click("Back")  # the product card again: the quantity screen is stale now
    if screen == "quantity":
        await kasia.click("Add to cart")
        screens["quantity"] = kasia.screen()
    elif screen == "category":
        await kasia.click("Back")
        screens["category"] = kasia.screen()
    else:
        await kasia.click("Back")
        await kasia.click("Back")
        screens["categories"] = kasia.screen()
    await block(kasia)

    item_id = getattr(shop, item).id if isinstance(item, str) else item
    await kasia.click_data(forged(screens[screen], button, item_id), screens[screen])

    assert "Green tea" not in all_texts(kasia) and "Espresso" not in all_texts(kasia)
    assert any("access to the catalog is closed" in text for text in alerts(kasia))
    assert "You have no access to the catalog" in kasia.text()  # the menu, with the reason
    client = await Client.get(telegram_id=kasia.id)
    assert not await Order.filter(client_id=client.id).exists()


@pytest.mark.parametrize("hidden_button", ["catalog", "cart", "favorites"])
async def test_forged_menu_buttons_of_a_blocked_client_show_nothing(
    app: App, shop: Shop, hidden_button: str
) -> None:
    kasia = app.person(first_name="Kasia")
    await kasia.send("/start")
    await block(kasia)
    await kasia.send("/start")
    menu = kasia.screen()
    intent = menu.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    await kasia.click_data(f"{intent}\x1d{hidden_button}", menu)
    assert "Green tea" not in all_texts(kasia) and "Tea" not in all_texts(kasia)
    assert any("access to the catalog is closed" in text for text in alerts(kasia))
    client = await Client.get(telegram_id=kasia.id)
    assert not await Order.filter(client_id=client.id).exists()
    assert not await Favorite.filter(client_id=client.id).exists()


async def test_a_favorite_toggle_of_a_client_blocked_meanwhile_does_nothing(
    app: App, shop: Shop
) -> None:
    kasia = app.person(first_name="Kasia")
    screens = await screens_up_to_quantity(kasia)
    await kasia.click("Back")
    await block(kasia)
    await kasia.click_data(forged(kasia.screen(), "To favorites", "x").rsplit(":", 1)[0])
    assert any("access to the catalog is closed" in text for text in alerts(kasia))
    assert not await Favorite.exists()
    assert screens["product"] is not None


async def test_a_hidden_product_cannot_be_forged_into_the_cart(app: App, shop: Shop) -> None:
    jan = app.person(first_name="Jan")
    await jan.send("/start")
    await jan.click("Catalog")
    await jan.click("^Tea$")
    category = jan.screen()
    await jan.click_data(forged(category, "Green tea", shop.secret.id), category)
    assert "Hidden thing" not in all_texts(jan)
    assert alerts(jan) == ["This product is no longer available."]
    assert not await OrderItem.exists()


async def test_catalog_buttons_forged_with_ids_that_are_no_numbers_change_nothing(
    app: App, shop: Shop
) -> None:
    jan = app.person(first_name="Jan")
    await jan.send("/start")
    await jan.click("Catalog")
    await jan.click("^Tea$")
    category = jan.screen()
    for item_id in ("abc", "-1", "1e3", "", "١"):  # "١": a digit to str.isdigit, not to int
        await jan.click_data(forged(category, "Green tea", item_id), category)
        assert jan.screen().text == category.text
    await jan.click("Green tea")
    await jan.click("Add to cart")
    quantities = jan.screen()
    for item_id in ("0", "-5", "x", "10" * 20):
        await jan.click_data(forged(quantities, "^2$", item_id), quantities)
    assert not await OrderItem.exists()
    await jan.click_data(forged(quantities, "^2$", 3), quantities)
    assert await OrderItem.filter(quantity=3).count() == 1


async def test_nobody_reaches_another_clients_order_address_or_cart_line(
    app: App, shop: Shop
) -> None:
    victim = await make_client(4242_000)
    await cart_service.add_to_cart(victim, shop.green.id, 2)
    placed = await place_order(
        victim,
        CheckoutInput(
            phone="+48600123456", payment_method=PaymentMethod.TRANSFER, new_address=HOME
        ),
    )
    await cart_service.add_to_cart(victim, shop.espresso.id, 1)
    victim_line = await OrderItem.filter(order__client_id=victim.id, order__status="cart").first()
    victim_address = await Address.get(client_id=victim.id)

    eve = app.person(first_name="Eve")
    await eve.send("/start")
    own = await add_address(await Client.get(telegram_id=eve.id), HOME)
    await cart_service.add_to_cart(await Client.get(telegram_id=eve.id), shop.green.id, 1)
    await eve.send("/start")

    await eve.click("Addresses")
    addresses = eve.screen()
    await eve.click_data(forged(addresses, "Kraków", victim_address.id), addresses)
    assert alerts(eve) == ["There is no such address."]
    await eve.click_data(forged(addresses, "Kraków", own.id), addresses)
    assert "Anna Nowak" in eve.text()

    await eve.send("/start")
    await eve.click("Cart")
    cart = eve.screen()
    await eve.click_data(forged(cart, "Green tea", victim_line.id), cart)
    assert alerts(eve) == ["This line is not in your cart any more."]

    await eve.send("/start")
    await eve.click("My orders")
    orders = eve.screen()
    await eve.click_data(
        f"{orders.reply_markup.inline_keyboard[0][0].callback_data.split(chr(29))[0]}\x1dorder:{placed.order.id}",
        orders,
    )
    assert alerts(eve) == ["There is no such order."]

    assert (await OrderItem.get(id=victim_line.id)).quantity == 1
    assert (await Order.get(id=placed.order.id)).status == "new"
    assert await Address.filter(client_id=victim.id).count() == 1
