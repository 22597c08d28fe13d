"""The "blocked" flag: no catalog, products or ordering; staff lose the desk; owners stay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.services.roles import Role, can_shop, role_of
from models import Client
from tests.harness import OWNER_ID, App, start_app


async def make_client(telegram_id: int, **flags: object) -> Client:
    return await Client.create(telegram_id=telegram_id, first_name="Ola", **flags)


async def test_can_shop(db: None) -> None:
    assert can_shop(await make_client(1))
    assert not can_shop(await make_client(2, is_blocked=True))
    assert not can_shop(await make_client(3, anonymized_at=datetime.now(UTC)))
    assert not can_shop(None)


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({"is_manager": True}, Role.MANAGER),
        ({"is_manager": True, "is_blocked": True}, Role.CUSTOMER),
        ({"is_viewer": True, "is_blocked": True}, Role.CUSTOMER),
        ({"is_blocked": True}, Role.CUSTOMER),
    ],
)
async def test_a_blocked_staff_member_is_a_customer(
    db: None, flags: dict[str, bool], expected: Role
) -> None:
    assert role_of(await make_client(10, **flags), {OWNER_ID}) is expected


async def test_an_owner_cannot_be_locked_out_by_the_flag(db: None) -> None:
    owner = await make_client(OWNER_ID, is_blocked=True)
    assert role_of(owner, {OWNER_ID}) is Role.OWNER


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def test_a_blocked_client_sees_why_in_the_menu_and_keeps_the_basics(app: App) -> None:
    kasia = app.person(first_name="Kasia")
    await kasia.send("/start")
    assert "no access to the catalog" not in kasia.text()
    await Client.filter(telegram_id=kasia.id).update(is_blocked=True)

    await kasia.send("/start")
    assert "Hello, Kasia!" in kasia.text()
    assert "You have no access to the catalog" in kasia.text()
    assert "contact the shop" in kasia.text()

    await kasia.click("Language")
    await kasia.click("Polski")
    assert "Nie masz dostępu do katalogu" in kasia.text()


async def test_a_blocked_manager_has_no_desk_until_unblocked(app: App) -> None:
    marek = app.person(first_name="Marek")
    await marek.send("/start")
    await Client.filter(telegram_id=marek.id).update(is_manager=True, is_blocked=True)

    await marek.send("/admin")
    assert "Client desk" not in marek.text()
    assert not any("desk" in button.lower() for button in marek.buttons())

    await Client.filter(telegram_id=marek.id).update(is_blocked=False)
    await marek.send("/admin")
    assert "Your role: manager" in marek.text()
