"""Client and shop analytics through the harness: what staff see, the charts as photos,
viewers welcome, forged callbacks answered with nothing."""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter
from aiogram.methods import SendPhoto
from PIL import Image

from bot.services.shop_analytics import forget_shop_analytics
from models import Client, OrderStatus, Tag
from tests.analytics_data import place
from tests.card_harness import make_staff, open_card, start_card_app
from tests.harness import OWNER_ID, App, Person
from tests.shop_fixtures import make_client

S = OrderStatus
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    forget_shop_analytics()
    app = await start_card_app()
    yield app
    await app.close()


def days_ago(days: int) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


async def shopper() -> Client:
    """Kasia: three spending orders (USD), one cancelled, one in the cart."""
    client = await make_client(801, custom_name="Kasia Nowak", source="instagram")
    await place(client, S.DELIVERED, days_ago(40), [(None, "Espresso beans", 2, "12.50")])
    await place(client, S.SHIPPED, days_ago(10), [(None, "Espresso beans", 1, "12.50")])
    await place(client, S.NEW, days_ago(1), [(None, "Green tea", 3, "4.05")])
    await place(client, S.CANCELLED, days_ago(5), [(None, "Mug", 9, "30.00")])
    await place(client, S.CART, None, [(None, "Mug", 1, "30.00")])
    return client


def photos(person: Person) -> list[SendPhoto]:
    return [r for r in person.requests() if isinstance(r, SendPhoto)]


def assert_png(request: SendPhoto, chat_id: int) -> None:
    assert request.chat_id == chat_id
    data = request.photo.data
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        width, height = image.size
        assert width > 400 and height > 200


async def open_analytics(person: Person, client: Client) -> None:
    await open_card(person, client)
    await person.click("Analytics")


async def test_the_card_opens_the_clients_analytics(app: App) -> None:
    client = await shopper()
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    assert "📊 Analytics" in manager.buttons()

    await manager.click("Analytics")

    text = manager.text()
    assert "Kasia Nowak</b> · #" in text
    assert "Orders (placed, not cancelled): 3" in text
    assert "$49.65 in 3 orders · average check $16.55" in text  # 25 + 12.5 + 12.15
    for line in ("new: 1", "shipped: 1", "delivered: 1", "cancelled: 1"):
        assert line in text
    assert "in the cart" not in text
    assert "1. Espresso beans × 3 · $37.50" in text
    assert "2. Green tea × 3 · $12.15" in text
    assert "Mug" not in text
    await manager.click("Back")
    assert "Kasia Nowak" in manager.text() and "Edit" in " ".join(manager.buttons())


async def test_the_spend_chart_arrives_as_a_photo(app: App) -> None:
    client = await shopper()
    manager = await make_staff(app, "manager")
    await open_analytics(manager, client)

    await manager.click("Spend chart")

    [photo] = photos(manager)
    assert_png(photo, manager.id)
    assert photo.caption == "📈 Kasia Nowak: spend per month, last 12 months"
    assert "Orders (placed, not cancelled): 3" in manager.shown()[-1].text  # below the photo


async def test_no_spending_means_no_chart(app: App) -> None:
    client = await make_client(802, custom_name="Jan")
    await place(client, S.CANCELLED, days_ago(3), [(None, "Mug", 1, "30.00")])
    manager = await make_staff(app, "manager")
    await open_analytics(manager, client)
    assert "Orders (placed, not cancelled): 0" in manager.text()
    assert "$" not in manager.text()

    await manager.click("Spend chart")

    assert photos(manager) == []
    assert "nothing to draw" in manager.text()


@pytest.mark.parametrize("error", [TelegramNetworkError, TelegramRetryAfter])
async def test_a_telegram_failure_sending_the_chart_is_explained(app: App, error: type) -> None:
    client = await shopper()
    manager = await make_staff(app, "manager")
    await open_analytics(manager, client)
    app.bot.session.fail_next(SendPhoto, error)

    await manager.click("Spend chart")

    assert "The chart could not be sent" in manager.text()
    assert "Orders (placed, not cancelled): 3" in manager.text()


async def test_a_viewer_sees_the_clients_analytics_and_chart(app: App) -> None:
    client = await shopper()
    viewer = await make_staff(app, "viewer")
    await open_analytics(viewer, client)
    assert "average check $16.55" in viewer.text()
    await viewer.click("Spend chart")
    assert len(photos(viewer)) == 1


async def test_an_anonymized_clients_analytics_shows_no_name(app: App) -> None:
    client = await shopper()
    await Client.filter(id=client.id).update(anonymized_at=days_ago(0))
    manager = await make_staff(app, "manager")
    await open_analytics(manager, client)
    assert f"Anonymized client #{client.id}" in manager.text()
    assert "Kasia" not in manager.text()


async def shop_data() -> None:
    vip = await Tag.create(name="VIP", name_folded="vip")
    anna = await make_client(810, custom_name="Anna Referrer", source="telegram")
    for n in range(3):
        friend = await make_client(820 + n, source="referral", referrer_id=anna.id)
        await friend.tags.add(vip)
    client = await shopper()
    await place(client, S.DELIVERED, days_ago(200), [(None, "Old", 1, "100.00")])


async def open_shop_analytics(person: Person) -> None:
    await person.send("/admin")
    await person.click("Shop analytics")


async def test_the_desk_opens_the_shops_analytics(app: App) -> None:
    await shop_data()
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await owner.send("/admin")
    assert owner.buttons()[:2] == ["🔄 Refresh", "🛍 Shop menu"]

    await owner.click("Shop analytics")

    text = owner.text()
    assert "Shop analytics" in text
    assert "Clients: 6" in text  # Anna, three friends, Kasia, the owner
    assert "referral: 3 (50%)" in text
    assert "instagram: 1 (17%)" in text
    assert "VIP: 3" in text
    assert "Anna Referrer #" in text and ": 3 clients" in text
    assert "Average check, 30 days" in text
    assert "$24.65 in 2 orders · average check $12.33" in text  # 12.50 + 12.15
    assert "As of" in text
    await owner.click("90 days")
    assert "✅ 90 days" in owner.buttons()
    assert "$49.65 in 3 orders · average check $16.55" in owner.text()
    await owner.click("all time")
    assert "$149.65 in 4 orders · average check $37.41" in owner.text()
    await owner.click("Back")
    assert "Client desk" in owner.text()


async def test_the_shops_charts_arrive_as_photos(app: App) -> None:
    await shop_data()
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_shop_analytics(owner)

    await owner.click("Charts")

    weeks, months = photos(owner)
    assert_png(weeks, owner.id)
    assert_png(months, owner.id)
    assert weeks.caption.startswith("📈 New clients per week")
    assert months.caption.startswith("📈 Revenue per month")
    assert "Shop analytics" in owner.shown()[-1].text


async def test_refresh_recounts_only_figures_that_are_not_fresh(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_shop_analytics(owner)
    assert "Clients: 1" in owner.text()
    await make_client(830)
    await owner.click("Refresh")
    assert "Clients: 1" in owner.text()  # seconds old: the same snapshot, as of the same time
    forget_shop_analytics()
    await owner.click("Refresh")
    assert "Clients: 2" in owner.text()


async def test_a_viewer_sees_the_shops_analytics(app: App) -> None:
    await shop_data()
    viewer = await make_staff(app, "viewer")
    await open_shop_analytics(viewer)
    assert "VIP: 3" in viewer.text()
    await viewer.click("Charts")
    assert len(photos(viewer)) == 2


def intent_of(person: Person) -> str:
    markup = person.screen().reply_markup
    return markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]


CLIENT_WIDGETS = ["chart", "back"]
SHOP_WIDGETS = ["period:12m", "period:all", "period:forged", "charts", "refresh", "back"]


@pytest.mark.parametrize("screen", ["client", "shop"])
async def test_forged_analytics_callbacks_get_nothing(
    app: App, screen: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = await shopper()
    manager = await make_staff(app, "manager")
    if screen == "client":
        await open_analytics(manager, client)
        widgets = CLIENT_WIDGETS
    else:
        await open_shop_analytics(manager)
        widgets = SHOP_WIDGETS
    intent, shown = intent_of(manager), manager.screen()
    await Client.filter(telegram_id=manager.id).update(is_manager=False)  # revoked
    customer = app.person(first_name="Eve")
    await customer.send("/start")
    customer_screen, customer_intent = customer.screen(), intent_of(customer)

    with caplog.at_level(logging.WARNING):
        for data in widgets:
            await manager.click_data(f"{intent}\x1d{data}", shown)
            assert manager.shown() == [] and photos(manager) == [], data
            for forged_intent in (intent, customer_intent):
                await customer.click_data(f"{forged_intent}\x1d{data}", customer_screen)
                texts = [m.text or "" for m in customer.shown()]
                assert not any("Kasia" in t or "analytics" in t for t in texts), data
                assert photos(customer) == [], data
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_a_customer_forging_the_cards_analytics_button_gets_nothing(app: App) -> None:
    from tests.card_harness import forge

    client = await shopper()
    customer = app.person(first_name="Eve")
    await customer.send("/start")
    await open_card(customer, client)
    await forge(customer, "analytics")
    texts = [m.text or "" for m in customer.shown()]
    assert not any("Kasia" in t or "analytics" in t for t in texts)
