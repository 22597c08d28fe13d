"""Refresh from Telegram through the harness: what changed is saved, shown and audited;
viewers, customers and anonymized clients get no getChat and no change."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import GetChat

from bot.senders.telegram_profile import ChatProfile, FetchFailure, ProfileFetchError
from bot.services.client_profile import Actor
from bot.services.client_refresh import RefreshStatus, refresh_from_telegram
from bot.services.roles import AccessDenied, Role
from models import AuditEntry, Client, Tag
from tests.card_harness import forge, make_staff, open_card, start_card_app
from tests.harness import App
from tests.section_harness import snapshot

EDITOR = Actor(role=Role.MANAGER, client_id=None, telegram_id=900_001)


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


@pytest.fixture
async def client(app: App) -> Client:
    person = app.person(first_name="Kasia", last_name="Nowak", username="kasia")
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    await client.tags.add(await Tag.create(name="VIP", name_folded="vip"))
    return client


def telegram_says(app: App, client: Client, **chat: object) -> None:
    app.bot.session.telegram.chats[client.telegram_id] = {"type": "private", **chat}


def get_chats(app: App) -> list[GetChat]:
    return app.bot.session.sent(GetChat)


async def test_a_refresh_saves_shows_and_audits_what_changed(app: App, client: Client) -> None:
    telegram_says(app, client, first_name="Katarzyna", last_name="Nowak", username="kasia_n")
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Refresh from Telegram")

    text = manager.text()
    assert "Updated from Telegram" in text
    assert "First name: Kasia → Katarzyna" in text
    assert "Username: @kasia → @kasia_n" in text
    assert "Last name" not in text
    saved = await Client.get(id=client.id)
    assert (saved.first_name, saved.last_name, saved.username) == ("Katarzyna", "Nowak", "kasia_n")
    assert "katarzyna" in saved.search_text and "@kasia_n" in saved.search_text
    assert "vip" in saved.search_text  # the tags stay searchable
    assert saved.sort_name == "katarzyna nowak"
    entry = await AuditEntry.get(client=client, action="profile_refreshed")
    assert entry.details["fields"] == ["first_name", "username"]
    assert entry.details["personal"]["username"] == {"old": "kasia", "new": "kasia_n"}

    await manager.click("Back to the card")
    await manager.click("Refresh from Telegram")
    assert "nothing changed" in manager.text()
    assert await AuditEntry.filter(client=client).count() == 1
    assert len(get_chats(app)) == 2


async def test_a_403_is_explained_and_marks_the_client(app: App, client: Client) -> None:
    app.bot.session.fail_next(GetChat, TelegramForbiddenError)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Refresh from Telegram")
    assert "blocked the bot" in manager.text()
    saved = await Client.get(id=client.id)
    assert saved.bot_blocked and saved.first_name == "Kasia"


async def test_a_success_leaves_bot_blocked_as_it_was(app: App, client: Client) -> None:
    await Client.filter(id=client.id).update(bot_blocked=True)
    telegram_says(app, client, first_name="Kasia", last_name="Nowak", username="kasia")
    outcome = await refresh_from_telegram(
        EDITOR, client.id, lambda _: _profile("Kasia", "Nowak", "kasia")
    )
    assert outcome.status is RefreshStatus.UNCHANGED
    assert (await Client.get(id=client.id)).bot_blocked


async def _profile(first: str, last: str | None, username: str | None) -> ChatProfile:
    return ChatProfile(first, last, username)


async def test_anonymized_and_manual_clients_are_not_asked_about(app: App) -> None:
    calls: list[int] = []

    async def fetch(telegram_id: int) -> ChatProfile:
        calls.append(telegram_id)
        raise ProfileFetchError(FetchFailure.NETWORK)

    gone = await Client.create(telegram_id=77, first_name="", anonymized_at=datetime.now(UTC))
    manual = await Client.create(first_name="Phone order", source="manual")
    assert (await refresh_from_telegram(EDITOR, gone.id, fetch)).status is RefreshStatus.ANONYMIZED
    outcome = await refresh_from_telegram(EDITOR, manual.id, fetch)
    assert outcome.status is RefreshStatus.NO_TELEGRAM
    assert (await refresh_from_telegram(EDITOR, 999_999, fetch)).status is RefreshStatus.MISSING
    assert calls == []
    viewer = Actor(role=Role.VIEWER, client_id=None, telegram_id=1)
    with pytest.raises(AccessDenied):
        await refresh_from_telegram(viewer, manual.id, fetch)


async def test_an_anonymized_clients_card_refuses_a_stale_refresh(app: App, client: Client) -> None:
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await Client.filter(id=client.id).update(anonymized_at=datetime.now(UTC))
    before = await snapshot()
    await manager.click("Refresh from Telegram")  # the button on the screen before
    assert "anonymized" in manager.text()
    assert get_chats(app) == [] and await snapshot() == before


@pytest.mark.parametrize("role", ["viewer", "customer"])
async def test_no_refresh_for_viewers_and_customers(app: App, client: Client, role: str) -> None:
    telegram_says(app, client, first_name="Changed")
    person = await make_staff(app, role) if role == "viewer" else app.person()
    if role == "customer":
        await person.send("/start")
    await open_card(person, client)
    if role == "viewer":
        assert "🔄 Refresh from Telegram" not in person.buttons()
        assert "📜 History" in person.buttons()
    before = await snapshot()
    await forge(person, "refresh")
    assert get_chats(app) == []
    assert await snapshot() == before
