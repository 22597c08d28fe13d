"""Forged callbacks on the card's sections change nothing: a customer reaches no section
window, and a viewer changes no address; nothing personal is shown to a customer."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from models import Address, Client, Favorite
from tests.card_harness import forge, open_card
from tests.harness import App, Person
from tests.section_harness import forge_section, open_section, snapshot, start_section_app
from tests.shop_fixtures import make_shop

STATES = (
    "CardAddresses.LIST",
    "CardAddresses.ADDRESS",
    "CardAddresses.FIELD",
    "CardAddresses.NEW",
    "CardAddresses.DELETE",
    "CardFavorites.LIST",
    "CardFavorites.PRODUCT",
    "CardInfo.PROMOS",
    "CardInfo.ORDER",
    "CardInfo.REFRESH",
    "CardInfo.REFERRALS",
    "CardInfo.HISTORY",
)
CARD_BUTTONS = ("addresses", "favorites", "promos", "order", "refresh", "referrals", "history")


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_section_app()
    yield app
    await app.close()


@pytest.fixture
async def target(app: App) -> tuple[Client, Address, int, Client]:
    person = app.person(first_name="Kasia", language_code="pl")
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    await Client.filter(id=client.id).update(phone="+48601234567")
    address = await Address.create(
        client=client, recipient="Kasia Nowak", street="Piotrkowska 1", city="Łódź",
        postal_code="90-001", country="Poland", is_default=True,
    )  # fmt: skip
    shop = await make_shop()
    await Favorite.create(client=client, product=shop.espresso)
    friend = await Client.create(first_name="Friend", referrer_id=client.id)
    return client, address, shop.espresso.id, friend


def callbacks(address_id: int, product_id: int, friend_id: int) -> list[str]:
    """Every callback any section window can send, hidden buttons included."""
    return [
        f"address:{address_id}",
        "add",
        "field:city",
        "default",
        "delete",
        "yes",
        "back",
        "close",
        f"product:{product_id}",
        "prev",
        "next",
        "referrer",
        f"referral:{friend_id}",
    ]


async def customer(app: App) -> Person:
    person = app.person(first_name="Eve")
    await person.send("/start")
    return person


@pytest.mark.parametrize("where", STATES)
async def test_a_customer_forging_section_callbacks_changes_nothing(
    app: App, target: tuple, where: str, caplog: pytest.LogCaptureFixture
) -> None:
    client, address, product_id, friend = target
    eve = await customer(app)
    extra = (f"address_id={address.id}", "field=city", f"product_id={product_id}")
    shown: list[str] = []
    for data in callbacks(address.id, product_id, friend.id):
        await open_section(eve, client, where, *extra)
        before = await snapshot()
        with caplog.at_level(logging.WARNING):
            await forge_section(eve, data)
        assert await snapshot() == before, data
        shown += [m.text or m.caption or "" for m in eve.shown()]
        await eve.send("Gdańsk")  # typed into an input window
        assert await snapshot() == before, data
    assert not any(s in text for text in shown for s in ("Kasia", "Piotrkowska", "+48601"))
    assert any("denied" in record.getMessage() for record in caplog.records)


async def test_a_customer_forging_the_cards_section_buttons_changes_nothing(
    app: App, target: tuple
) -> None:
    client = target[0]
    eve = await customer(app)
    for data in CARD_BUTTONS:
        await open_card(eve, client)
        before = await snapshot()
        await forge(eve, data)
        assert await snapshot() == before, data
        assert not any("Kasia" in (m.text or "") for m in eve.shown()), data
