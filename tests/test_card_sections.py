"""The card's read-only sections through the harness: favorites and their products, used
promo codes, the current order, referrals and history, as a manager sees them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from models import AuditEntry, Client, Favorite, Order, OrderItem, OrderStatus, PromoRedemption
from tests.card_harness import make_staff, open_card
from tests.harness import App
from tests.section_harness import open_section, start_section_app
from tests.shop_fixtures import make_promo, make_shop


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_section_app()
    yield app
    await app.close()


@pytest.fixture
async def client(app: App) -> Client:
    person = app.person(first_name="Kasia", language_code="pl")
    await person.send("/start")
    return await Client.get(telegram_id=person.id)


async def test_favorites_open_the_product_hidden_ones_too(app: App, client: Client) -> None:
    shop = await make_shop()
    await Favorite.create(client=client, product=shop.espresso)
    await Favorite.create(client=client, product=shop.secret)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Favorites")
    assert "favorites (2)" in manager.text()
    assert manager.buttons()[:2] == ["🙈 Hidden thing · $1.00", "Espresso beans · $12.50"]

    await manager.click("Espresso beans")
    screen = manager.screen()
    assert "<b>Espresso beans</b>" in manager.text() and "Dark roast" in manager.text()
    assert "$12.50" in manager.text() and "Hidden: no" in manager.text()
    assert screen.photo is not None  # the product's photo is shown
    await manager.click("Back")
    await manager.click("Hidden thing")
    assert "Hidden: yes" in manager.text()


async def test_a_product_that_is_not_a_favorite_is_not_shown(app: App, client: Client) -> None:
    shop = await make_shop()
    manager = await make_staff(app, "manager")
    await open_section(manager, client, "CardFavorites.PRODUCT", f"product_id={shop.green.id}")
    assert "no longer among the client's favorites" in manager.text()
    assert "Green tea" not in manager.text()


async def test_used_promo_codes_with_discount_order_and_date(app: App, client: Client) -> None:
    promo = await make_promo("SAVE10")
    order = await Order.create(client=client, status=OrderStatus.NEW, currency="USD")
    await PromoRedemption.create(
        promo=promo, client=client, order=order, discount=Decimal("2.50"), currency="USD"
    )
    other = await Client.create(first_name="Other")
    await PromoRedemption.create(promo=promo, client=other, discount=Decimal("9"), currency="USD")
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Promo codes")
    text = manager.text()
    assert "used promo codes (1)" in text
    assert f"<b>SAVE10</b> · −$2.50 · order #{order.id} · " in text
    assert "$9.00" not in text


async def test_promo_codes_page_by_ten(app: App, client: Client) -> None:
    for number in range(12):
        promo = await make_promo(f"CODE{number:02}")
        await PromoRedemption.create(
            promo=promo, client=client, discount=Decimal(number), currency="USD"
        )
    manager = await make_staff(app, "manager")
    await open_section(manager, client, "CardInfo.PROMOS")
    assert manager.text().count("• ") == 10 and "1 / 2" in manager.buttons()
    await manager.click("▶️")
    assert manager.text().count("• ") == 2 and "2 / 2" in manager.buttons()


async def test_the_current_order_flags_hidden_and_repriced_lines(app: App, client: Client) -> None:
    shop = await make_shop()
    cart = await Order.create(client=client, status=OrderStatus.CART, currency="USD")
    for product, quantity in ((shop.espresso, 2), (shop.green, 1)):
        await OrderItem.create(
            order=cart, product=product, product_name=product.name, unit_price=product.price,
            quantity=quantity, line_total=Decimal(product.price) * quantity,
        )  # fmt: skip
    await Order.create(client=client, status=OrderStatus.NEW, currency="USD")
    shop.espresso.price = Decimal("14.00")
    await shop.espresso.save()
    shop.green.is_hidden = True
    await shop.green.save()
    # a blocked client's cart is shown to staff all the same
    await Client.filter(id=client.id).update(is_blocked=True)

    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Current order")
    text = manager.text()
    assert f"current order #{cart.id}" in text
    assert "Espresso beans × 2 · $12.50 = $25.00" in text
    assert "the price is now $14.00" in text
    assert "Green tea × 1 · $4.05 = $4.05" in text
    assert "no longer available" in text
    assert "Total: $29.05" in text
    assert "accept today's prices" in text


async def test_no_current_order_is_said_plainly(app: App, client: Client) -> None:
    await Order.create(client=client, status=OrderStatus.NEW, currency="USD")
    manager = await make_staff(app, "manager")
    await open_section(manager, client, "CardInfo.ORDER")
    assert "no current order" in manager.text()


async def test_referrals_link_referrer_and_the_clients_brought(app: App, client: Client) -> None:
    referrer = await Client.create(first_name="Piotr")
    await Client.filter(id=client.id).update(referrer_id=referrer.id)
    brought = [
        await Client.create(
            first_name=f"Friend{number:02}",
            referrer_id=client.id,
            orders_count=number,
            total_spent=Decimal(number * 10),
            created_at=datetime.now(UTC) - timedelta(days=number),
        )
        for number in range(11)
    ]
    await Client.create(first_name="Stranger")
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Referrals")
    text = manager.text()
    assert f"?start=ref_{client.referral_code}" in text
    assert f"Referred by: Piotr #{referrer.id}" in text
    assert "Clients brought: 11" in text
    assert "Friend00 · 🛒 0 · $0.00" in manager.buttons()
    assert "Stranger" not in " ".join(manager.buttons())
    await manager.click("▶️")
    assert "Friend10 · 🛒 10 · $100.00" in manager.buttons()

    await manager.click("Friend10")
    assert f"<b>Friend10</b> · #{brought[10].id}" in manager.text()  # that client's card
    await manager.click("Back to the list")
    await open_section(manager, client, "CardInfo.REFERRALS")
    await manager.click("Open the referrer's card")
    assert f"<b>Piotr</b> · #{referrer.id}" in manager.text()


async def test_history_names_actions_in_the_managers_language(app: App, client: Client) -> None:
    marek = await make_staff(app, "manager")
    actor = await Client.get(telegram_id=marek.id)
    await Client.filter(id=actor.id).update(locale="ru")
    await AuditEntry.create(
        actor=actor, client=client, action="field_changed",
        details={"field": "phone", "personal": {"old": "+48601000000", "new": "+48602000000"}},
    )  # fmt: skip
    await AuditEntry.create(
        actor_telegram_id=900_001, client=client, action="flag_changed",
        details={"field": "is_blocked", "old": False, "new": True},
    )  # fmt: skip
    await AuditEntry.create(client=client, action="something_new_later", details={})
    await open_card(marek, client)
    await marek.click("История")
    text = marek.text()
    assert "история (3)" in text
    assert "Marek #" in text and "Изменено поле: 📞 Телефон" in text
    assert "+48601000000" not in text and "+48602000000" not in text
    assert "значения записаны, не показаны" in text
    assert "сотрудник без профиля (id 900001)" in text and "вкл" in text
    assert "something_new_later" in text


async def test_history_pages_by_ten(app: App, client: Client) -> None:
    for number in range(13):
        await AuditEntry.create(
            client=client, action="tag_added", details={"personal": {"tag": f"t{number}"}}
        )
    manager = await make_staff(app, "manager")
    await open_section(manager, client, "CardInfo.HISTORY")
    assert manager.text().count("🕓") == 10
    await manager.click("▶️")
    assert manager.text().count("🕓") == 3
    assert "t12" not in manager.text()
