"""The card's delivery addresses through the harness: staff read, editors change, every
change audited; viewers and customers change nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.services.addresses import ADDRESS_FIELDS
from models import Address, AuditEntry, Client
from tests.card_harness import make_staff, open_card
from tests.harness import App
from tests.section_harness import (
    forge_section,
    open_section,
    snapshot,
    start_section_app,
)

NEW = ["Jan Kowalski", "ul. Długa 5", "Kraków", "30-001", "Poland"]


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


async def home(client: Client, **fields: object) -> Address:
    values = {"recipient": "Kasia", "street": "Piotrkowska 1", "city": "Łódź"}
    values |= {"postal_code": "90-001", "country": "Poland", "is_default": True}
    return await Address.create(client=client, **(values | fields))


async def test_a_manager_adds_an_address_from_the_card(app: App, client: Client) -> None:
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Addresses")
    assert "<b>Kasia</b> · #" in manager.text() and "No saved addresses" in manager.text()

    await manager.click("Add an address")
    assert "step 1 of 5" in manager.text()
    for value in NEW[:3]:
        await manager.send(value)
    await manager.send("!!")  # not a postcode
    assert "“Postcode” is not valid" in manager.text()
    assert "step 4 of 5" in manager.text()
    await manager.send("/stats")  # a command is not a value
    assert "This is a command" in manager.text()
    await manager.send(NEW[3])
    assert await Address.filter(client=client).count() == 0  # nothing until the last step
    await manager.send(NEW[4])

    address = await Address.get(client=client)
    assert [getattr(address, f) for f in ADDRESS_FIELDS] == NEW
    assert address.is_default
    assert "⭐ ul. Długa 5, 30-001 Kraków, Poland" in manager.buttons()
    entry = await AuditEntry.get(client=client)
    assert entry.action == "address_added" and entry.details["address_id"] == address.id
    assert entry.actor_id == (await Client.get(telegram_id=manager.id)).id


async def test_a_manager_edits_makes_default_and_deletes(app: App, client: Client) -> None:
    first = await home(client)
    second = await home(client, street="Zielona 2", is_default=False)
    manager = await make_staff(app, "manager")
    await open_section(manager, client, "CardAddresses.LIST")
    await manager.click("Zielona 2")
    assert "Zielona 2" in manager.text() and "Default address" not in manager.text()

    await manager.click("City")
    assert "Now: Łódź" in manager.text()
    await manager.send("x" * 200)
    assert "“City” is not valid" in manager.text()
    await manager.send("Gdańsk")
    assert "Gdańsk" in manager.text()
    assert (await Address.get(id=second.id)).city == "Gdańsk"

    await manager.click("Make default")
    assert "Default address" in manager.text()
    assert not (await Address.get(id=first.id)).is_default
    assert (await Address.get(id=second.id)).is_default

    await manager.click("Delete")
    assert "Delete this address?" in manager.text()
    await manager.click("Yes, delete")
    assert not await Address.exists(id=second.id)
    assert (await Address.get(id=first.id)).is_default  # the one left becomes the default
    actions = await AuditEntry.filter(client=client).order_by("id").values_list("action", flat=True)
    assert actions == ["address_changed", "address_default", "address_deleted"]
    changed = await AuditEntry.get(client=client, action="address_changed")
    assert changed.details["field"] == "city"
    assert changed.details["personal"] == {"old": "Łódź", "new": "Gdańsk"}


async def test_a_viewer_sees_the_addresses_but_cannot_change_them(app: App, client: Client) -> None:
    address = await home(client)
    viewer = await make_staff(app, "viewer")
    await open_section(viewer, client, "CardAddresses.LIST")
    assert "Add an address" not in " ".join(viewer.buttons())
    await viewer.click("Piotrkowska 1")
    assert "Piotrkowska 1" in viewer.text()
    assert viewer.buttons() == ["⬅️ Back"]

    before = await snapshot()
    for data in ("add", "field:city", "default", "delete", "yes"):
        await open_section(viewer, client, "CardAddresses.ADDRESS", f"address_id={address.id}")
        await forge_section(viewer, data)
        assert await snapshot() == before, data
    for where in ("CardAddresses.FIELD", "CardAddresses.NEW"):
        await open_section(viewer, client, where, f"address_id={address.id}", "field=city")
        await viewer.send("Gdańsk")
        assert await snapshot() == before, where


async def test_another_clients_address_cannot_be_reached(app: App, client: Client) -> None:
    other = await Client.create(first_name="Other")
    theirs = await home(other)
    manager = await make_staff(app, "manager")
    await open_section(manager, client, "CardAddresses.LIST")
    before = await snapshot()
    await forge_section(manager, f"address:{theirs.id}")
    assert "Piotrkowska" not in manager.text()
    for data in ("default", "delete", "yes"):
        await open_section(manager, client, "CardAddresses.ADDRESS", f"address_id={theirs.id}")
        assert "There is no such address" in manager.text()
        await forge_section(manager, data)
    await open_section(
        manager, client, "CardAddresses.FIELD", f"address_id={theirs.id}", "field=city"
    )
    await manager.send("Gdańsk")
    assert await snapshot() == before


async def test_an_anonymized_client_gets_no_new_address(app: App, client: Client) -> None:
    manager = await make_staff(app, "manager")
    await open_section(manager, client, "CardAddresses.LIST")
    await manager.click("Add an address")
    for value in NEW[:4]:
        await manager.send(value)
    await Client.filter(id=client.id).update(anonymized_at=client.created_at)
    await manager.send(NEW[4])
    assert "deleted or anonymized meanwhile" in manager.text()
    assert not await Address.exists(client=client)
