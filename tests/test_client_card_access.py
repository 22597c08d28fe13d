"""Forged and stale card callbacks change nothing: customers, revoked managers, viewers,
and managers reaching for owner-only flags or a colleague's login, password or block."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from bot.services.client_profile import Flag
from bot.services.profile_input import ProfileField
from models import AuditEntry, Client, Tag
from tests.card_harness import forge, make_staff, open_card, snapshot, start_card_app
from tests.harness import App, Person

STATES = ("MAIN", "GENERAL", "FIELD", "TAGS")
TYPED = {"FIELD": "+48 500 600 700", "TAGS": "forged-tag, another"}


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


@pytest.fixture
async def target(app: App) -> Client:
    person = app.person(first_name="Kasia", language_code="pl")
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    await Client.filter(id=client.id).update(phone="+48601234567", login="kasia")
    own = await Tag.create(name="vip", name_folded="vip")
    await Tag.create(name="wholesale", name_folded="wholesale")
    await client.tags.add(own)
    return client


async def every_widget_callback() -> list[str]:
    """Every callback any card window can send, hidden (`when=`) buttons included."""
    own = await Tag.get(name_folded="vip")
    other = await Tag.get(name_folded="wholesale")
    return [
        *(f"field:{field}" for field in ProfileField),
        *(f"flag:{flag}" for flag in Flag),
        "clear",
        f"untag:{own.id}",
        f"tag:{other.id}",
        "tag_pages:1",
        "own_tag_pages:1",
        "general",
        "tags",
        "back",
        "close",
        "anonymize",
        "delete",
    ]


async def forge_everything(
    app: App, person: Person, target: Client, state: str, prepare: object = None
) -> list[str]:
    """Reopen the card in `state` before each forged callback; return the screens shown."""
    shown: list[str] = []
    for data in await every_widget_callback():
        await open_card(person, target, state, "phone")
        if callable(prepare):
            await prepare()
        before = await snapshot()
        await forge(person, data)
        assert await snapshot() == before, data
        shown += [m.text or "" for m in person.shown()]
        if state in TYPED:
            await person.send(TYPED[state])
            assert await snapshot() == before, TYPED[state]
    return shown


@pytest.mark.parametrize("state", STATES)
async def test_a_customer_forging_any_card_callback_changes_nothing(
    app: App, target: Client, state: str, caplog: pytest.LogCaptureFixture
) -> None:
    customer = app.person(first_name="Eve")
    await customer.send("/start")
    with caplog.at_level(logging.WARNING):
        shown = await forge_everything(app, customer, target, state)
    assert not any("+48601234567" in text or "Kasia" in text for text in shown)
    assert any("denied" in record.getMessage() for record in caplog.records)
    assert await AuditEntry.all().count() == 0


@pytest.mark.parametrize("state", STATES)
async def test_a_revoked_managers_next_click_does_nothing(
    app: App, target: Client, state: str
) -> None:
    manager = await make_staff(app, "manager")

    async def revoke() -> None:
        await Client.filter(telegram_id=manager.id).update(is_manager=False)

    async def grant() -> None:
        await Client.filter(telegram_id=manager.id).update(is_manager=True)

    for data in await every_widget_callback():
        await grant()
        await open_card(manager, target, state, "phone")
        assert "Kasia" in manager.text() or "Phone" in manager.text()
        await revoke()
        before = await snapshot()
        await forge(manager, data)
        assert await snapshot() == before, data
        assert manager.shown() == [], data
    assert await AuditEntry.all().count() == 0


@pytest.mark.parametrize("state", STATES)
async def test_a_viewer_changes_nothing(app: App, target: Client, state: str) -> None:
    viewer = await make_staff(app, "viewer")
    shown = await forge_everything(app, viewer, target, state)
    assert not any("Tap a field to change it" in text for text in shown)
    assert await AuditEntry.all().count() == 0


@pytest.mark.parametrize("flag", ["is_manager", "is_viewer"])
async def test_a_manager_cannot_grant_staff_flags(app: App, target: Client, flag: str) -> None:
    manager = await make_staff(app, "manager")
    await open_card(manager, target, "GENERAL")
    assert "Sees all orders" not in " ".join(manager.buttons())
    before = await snapshot()
    await forge(manager, f"flag:{flag}")
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("callback", "typed"),
    [("field:login", "takeover"), ("field:password", "takeover-password"), ("flag:is_blocked", "")],
)
async def test_a_manager_cannot_take_over_or_block_a_colleague(
    app: App, callback: str, typed: str
) -> None:
    colleague = await make_staff(app, "manager", first_name="Jan")
    colleague_row = await Client.get(telegram_id=colleague.id)
    manager = await make_staff(app, "manager")
    await open_card(manager, colleague_row, "GENERAL")
    before = await snapshot()
    await forge(manager, callback)
    if typed:
        await manager.send(typed)
    assert await snapshot() == before


async def test_the_owner_may_set_a_colleagues_login(app: App) -> None:
    from tests.harness import OWNER_ID

    colleague = await make_staff(app, "manager", first_name="Jan")
    colleague_row = await Client.get(telegram_id=colleague.id)
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_card(owner, colleague_row, "GENERAL")
    await owner.click("Login")
    await owner.send("jan")
    await colleague_row.refresh_from_db()
    assert colleague_row.login == "jan"


async def test_a_customer_replaying_a_managers_button_changes_nothing(
    app: App, target: Client
) -> None:
    manager = await make_staff(app, "manager")
    await open_card(manager, target, "GENERAL")
    blocked = manager.button("Blocked").callback_data
    customer = app.person(first_name="Eve")
    await customer.send("/start")
    before = await snapshot()
    await customer.click_data(blocked, customer.screen())
    assert await snapshot() == before
