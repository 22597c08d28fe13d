"""Anonymize and delete from the card, through the harness: what staff see, what changed."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.services.anonymize import ANONYMIZED
from bot.services.client_deletion import DELETED
from models import AuditEntry, Client, Order, OrderStatus
from tests.card_harness import forge, make_staff, open_card, snapshot, start_card_app
from tests.gdpr_data import fill_every_table, make_person
from tests.gdpr_scan import scan
from tests.harness import App, Person
from tests.shop_fixtures import make_shop


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


async def customer_with_data() -> Client:
    shop = await make_shop()
    anna = await make_person("qzanna", 777_000_111)
    other = await make_person("qzother", 777_000_333)
    await fill_every_table(anna, other, shop)
    return anna.client


async def test_a_manager_anonymizes_from_the_card(app: App) -> None:
    client = await customer_with_data()
    manager = await make_staff(app, "manager")
    await open_card(manager, client)

    await manager.click("Anonymize")
    assert "cannot be undone" in manager.text()
    assert "amounts and items" in manager.text()
    assert await Client.filter(id=client.id, anonymized_at=None).exists()
    await manager.click("Yes, anonymize")

    assert "is anonymized" in manager.text()
    for kind in ("✔ Names", "✔ Addresses", "✔ Chat messages", "✔ Emails", "✔ History"):
        assert kind in manager.text()
    assert await scan(["qzanna"]) == []
    await manager.click("Back")
    assert f"Anonymized client #{client.id}" in manager.text()
    assert not any("Anonymize" in button for button in manager.buttons())
    assert await AuditEntry.filter(action=ANONYMIZED, client_id=client.id).count() == 1


async def test_no_leaves_the_client_as_it_was(app: App) -> None:
    client = await customer_with_data()
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    before = await snapshot()
    await manager.click("Anonymize")
    await manager.click("No")
    assert "qzanna" in manager.text()
    assert await snapshot() == before


async def test_an_open_order_is_refused_with_the_reason(app: App) -> None:
    client = await customer_with_data()
    await Order.create(client=client, status=OrderStatus.CONFIRMED, currency="USD")
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    before = await snapshot()

    await manager.click("Anonymize")
    await manager.click("Yes, anonymize")

    assert "Refused" in manager.text() and "open order" in manager.text()
    assert not any("Yes" in button for button in manager.buttons())
    assert await snapshot() == before


async def test_a_manager_deletes_from_the_card(app: App) -> None:
    client = await customer_with_data()
    orders = await Order.filter(client_id=client.id).exclude(status=OrderStatus.CART).count()
    manager = await make_staff(app, "manager", first_name="Marek")
    await open_card(manager, client)

    await manager.click("Delete client")
    assert "What stays" in manager.text() and "orders" in manager.text()
    await manager.click("Yes, delete")

    assert f"Client #{client.id} is deleted" in manager.text()
    assert not await Client.exists(id=client.id)
    assert await Order.filter(client_id=None).count() >= orders
    assert await scan(["qzanna"]) == []
    entry = await AuditEntry.get(action=DELETED)
    assert entry.details == {"client_id": client.id}
    await manager.click("Back")
    assert "no longer exists" in manager.text()


async def test_a_viewer_has_no_buttons_and_forging_them_changes_nothing(app: App) -> None:
    client = await customer_with_data()
    viewer = await make_staff(app, "viewer")
    await open_card(viewer, client)
    assert not any("Anonymize" in b or "Delete" in b for b in viewer.buttons())
    before = await snapshot()
    for data in ("anonymize", "delete"):
        await forge(viewer, data)
        assert await snapshot() == before
        assert "cannot be undone" not in viewer.text()


@pytest.mark.parametrize("role", ["viewer", "customer"])
@pytest.mark.parametrize("action", ["Anonymize", "Delete client"])
async def test_a_demoted_managers_yes_changes_nothing(app: App, role: str, action: str) -> None:
    """The YES callback of a real warning screen, pressed after losing the role."""
    client = await customer_with_data()
    manager: Person = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click(action)
    yes = manager.button("Yes").callback_data
    assert yes is not None
    await Client.filter(telegram_id=manager.id).update(is_manager=False, is_viewer=role == "viewer")
    before = await snapshot()

    await manager.click_data(yes)

    assert await snapshot() == before
    assert await Client.filter(id=client.id, anonymized_at=None).exists()


async def test_a_customer_forging_the_card_buttons_changes_nothing(app: App) -> None:
    client = await customer_with_data()
    customer = app.person(first_name="Eve")
    await customer.send("/start")
    await open_card(customer, client)
    before = await snapshot()
    for data in ("anonymize", "delete"):
        await forge(customer, data)
        assert await snapshot() == before
    assert not any("qzanna" in (m.text or "") for m in customer.shown())


@pytest.mark.parametrize("action", ["Anonymize", "Delete client"])
async def test_the_persons_bot_sessions_go_too(app: App, action: str) -> None:
    """What they typed into an unfinished dialog lives in the FSM storage, not the DB."""
    kasia = app.person(first_name="Kasia", language_code="pl")
    await kasia.send("/start")
    client = await Client.get(telegram_id=kasia.id)
    stack = StorageKey(
        bot_id=app.bot.id, chat_id=kasia.id, user_id=kasia.id, destiny="aiogd:stack:"
    )
    intents = (await app.dp.storage.get_data(stack)).get("intents")
    assert intents
    manager = await make_staff(app, "manager")
    await open_card(manager, client)

    await manager.click(action)
    await manager.click("Yes")

    assert await app.dp.storage.get_data(stack) == {}
    for intent in intents:
        context = StorageKey(
            bot_id=app.bot.id, chat_id=kasia.id, user_id=kasia.id, destiny=f"aiogd:context:{intent}"
        )
        assert await app.dp.storage.get_data(context) == {}
    await kasia.send("/start")  # a new, unrelated client, with a working menu
    assert await Client.filter(telegram_id=kasia.id).exclude(id=client.id).count() == 1
    assert kasia.buttons()
