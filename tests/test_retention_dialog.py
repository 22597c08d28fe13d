"""Settings → Data retention through the harness: the dry run first, owners only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.services.retention import CHANGED, get_policy
from models import AuditEntry, Client, Setting
from tests.harness import OWNER_ID, App, Person, start_app
from tests.test_settings_access import a_manager


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def inactive_clients(count: int) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=6 * 366)
    for number in range(count):
        client = await Client.create(first_name=f"Old {number}", last_seen_at=long_ago)
        await Client.filter(id=client.id).update(created_at=long_ago)


async def open_retention(person: Person) -> None:
    await person.send("/admin")
    await person.click("Settings")
    await person.click("Data retention")


async def test_the_owner_sees_the_dry_run_and_turns_it_on(app: App) -> None:
    await inactive_clients(2)
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_retention(owner)
    assert "Status: off" in owner.text()
    assert "with 3 years, 2 clients would be anonymized" in owner.text()
    await owner.click("^10$")
    assert "with 10 years, 0 clients" in owner.text()
    await owner.click("^5$")
    await owner.click("Turn on")
    assert "Retention after 5 years?" in owner.text() and "2 clients" in owner.text()
    assert not (await get_policy()).enabled  # the dry run comes first

    await owner.click("Yes")

    policy = await get_policy()
    assert (policy.enabled, policy.years) == (True, 5)
    assert "Saved." in owner.text() and "on, after 5 years" in owner.text()
    assert await AuditEntry.filter(action=CHANGED).count() == 1
    await owner.click("Turn off")
    assert not (await get_policy()).enabled
    assert await Client.filter(anonymized_at__isnull=False).count() == 0


async def test_a_manager_cannot_reach_retention(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_retention(owner)
    await owner.click("^1$")
    turn_on = owner.button("Turn on").callback_data
    manager = await a_manager(app)
    await manager.click_data(turn_on or "", owner.screen())
    assert await Setting.filter(key="retention").count() == 0
    await manager.send("/admin")
    assert not any("Settings" in button for button in manager.buttons())
