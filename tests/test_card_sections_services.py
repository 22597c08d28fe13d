"""The card sections' services against the database: roles, ownership, audit, paging,
and a history that never hands out personal values."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bot.services.addresses import AddressError, AddressInput
from bot.services.client_addresses import (
    add_client_address,
    address_list,
    delete_client_address,
    edit_client_address,
    make_client_default,
)
from bot.services.client_history import client_history
from bot.services.client_profile import Actor, ClientAnonymized, ClientNotFound
from bot.services.client_sections import (
    brought_by,
    client_favorites,
    current_order,
    favorite_product,
    promo_uses,
    referrals,
)
from bot.services.roles import AccessDenied, Role
from models import Address, AuditEntry, Client, Favorite, Order, OrderStatus
from tests.shop_fixtures import HOME, make_shop

MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=900_001)
VIEWER = Actor(role=Role.VIEWER, client_id=None, telegram_id=900_002)


async def test_address_changes_are_audited_without_personal_details_outside(db: None) -> None:
    client = await Client.create(first_name="Kasia")
    address = await add_client_address(MANAGER, client.id, HOME)
    await edit_client_address(MANAGER, client.id, address.id, "city", "  Gdańsk  ")
    await edit_client_address(MANAGER, client.id, address.id, "city", "Gdańsk")  # no change
    second = await add_client_address(MANAGER, client.id, HOME)
    await make_client_default(MANAGER, client.id, second.id)
    await delete_client_address(MANAGER, client.id, address.id)

    assert [a.id for a in await address_list(Role.VIEWER, client.id)] == [second.id]
    entries = await AuditEntry.filter(client=client).order_by("id")
    assert [e.action for e in entries] == [
        "address_added",
        "address_changed",
        "address_added",
        "address_default",
        "address_deleted",
    ]
    for entry in entries:
        outside = {k: v for k, v in entry.details.items() if k != "personal"}
        assert "Gdańsk" not in str(outside) and "Anna" not in str(outside)
        assert entry.actor_telegram_id == 900_001


async def test_address_rules_viewers_bad_input_and_other_clients(db: None) -> None:
    client = await Client.create(first_name="Kasia")
    other = await Client.create(first_name="Other")
    theirs = await Address.create(client=other, street="Zielona 2", city="Łódź")
    with pytest.raises(AccessDenied):
        await add_client_address(VIEWER, client.id, HOME)
    with pytest.raises(AddressError):
        await edit_client_address(MANAGER, client.id, theirs.id, "city", "Gdańsk")
    with pytest.raises(AddressError):
        await delete_client_address(MANAGER, client.id, theirs.id)
    bad = AddressInput(**{**HOME.__dict__, "postal_code": "!!"})
    with pytest.raises(AddressError):
        await edit_client_address(MANAGER, other.id, theirs.id, "postal_code", bad.postal_code)
    with pytest.raises(ClientNotFound):
        await add_client_address(MANAGER, 424_242, HOME)
    await Client.filter(id=client.id).update(anonymized_at=datetime.now(UTC))
    with pytest.raises(ClientAnonymized):
        await add_client_address(MANAGER, client.id, HOME)
    assert not await Address.exists(client=client)
    assert (await Address.get(id=theirs.id)).city == "Łódź"
    assert await AuditEntry.all().count() == 0


async def test_history_returns_facts_and_the_names_of_personal_values_only(db: None) -> None:
    client = await Client.create(first_name="Kasia")
    actor = await Client.create(first_name="Marek", is_manager=True)
    await AuditEntry.create(
        actor=actor,
        client=client,
        action="field_changed",
        details={"field": "email", "personal": {"old": "a@x.pl", "new": "b@x.pl"}},
    )
    await AuditEntry.create(client=await Client.create(first_name="X"), action="tag_added")
    page = await client_history(Role.VIEWER, client.id)
    assert page.total == 1
    entry = page.items[0]
    assert entry.facts == {"field": "email"} and entry.personal_keys == ("new", "old")
    assert entry.actor_name == "Marek" and "a@x.pl" not in repr(entry)
    with pytest.raises(AccessDenied):
        await client_history(Role.CUSTOMER, client.id)


async def test_reads_page_and_stay_within_the_client(db: None) -> None:
    shop = await make_shop()
    client = await Client.create(first_name="Kasia")
    other = await Client.create(first_name="Other")
    await Favorite.create(client=other, product=shop.green)
    await Favorite.create(client=client, product=shop.secret)
    assert [(f.name, f.hidden) for f in await client_favorites(Role.VIEWER, client.id)] == [
        ("Hidden thing", True)
    ]
    assert await favorite_product(Role.VIEWER, client.id, shop.green.id) is None
    for number in range(23):
        await Client.create(first_name=f"F{number}", referrer_id=client.id, orders_count=1)
    last = await referrals(Role.VIEWER, client.id, page=99)  # past the end: the last page
    assert (last.page, last.pages, last.total, len(last.items)) == (2, 3, 23, 3)
    assert await brought_by(Role.VIEWER, client.id, last.items[0].client_id)
    assert not await brought_by(Role.VIEWER, client.id, other.id)
    assert (await promo_uses(Role.VIEWER, client.id)).total == 0
    await Order.create(client=client, status=OrderStatus.CART, currency="USD")
    assert await current_order(Role.VIEWER, client.id) is None  # an empty cart is no order
    with pytest.raises(AccessDenied):
        await current_order(Role.CUSTOMER, client.id)
    assert Decimal(last.items[0].total) == Decimal("0")
