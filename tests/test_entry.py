"""A customer's first contact: /start with or without a deep link, the menu, languages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from tortoise.transactions import in_transaction

from bot.services.clients import (
    LAST_SEEN_GRANULARITY,
    TelegramProfile,
    apply_start_payload,
    client_by_telegram_id,
    touch_client,
)
from models import Client
from tests.harness import App, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def test_start_registers_the_customer_and_greets_them(app: App) -> None:
    anna = app.person(first_name="Anna", last_name="Nowak", username="anna_n", language_code="en")
    await anna.send("/start")

    client = await Client.get(telegram_id=anna.id)
    assert (client.first_name, client.last_name, client.username) == ("Anna", "Nowak", "anna_n")
    assert client.language_code == "en" and client.source == "telegram"
    assert client.last_seen_at is not None and client.created_at is not None
    assert "Hello, Anna Nowak!" in anna.text()
    assert "🤝 Invite friends" in anna.buttons()
    assert not any("desk" in b.lower() for b in anna.buttons())


async def test_start_payload_becomes_the_source_on_first_registration_only(app: App) -> None:
    ivan = app.person(first_name="Иван", language_code="ru")
    await ivan.send("/start instagram")
    await ivan.send("/start facebook")

    client = await Client.get(telegram_id=ivan.id)
    assert client.source == "instagram"
    assert "Здравствуйте, Иван!" in ivan.text()


@pytest.mark.parametrize("payload", ["bad%payload", "x" * 65, "ref_", "ref_nobody-has-it"])
async def test_a_malformed_or_unknown_payload_is_ignored(app: App, payload: str) -> None:
    eve = app.person(first_name="Eve")
    await eve.send(f"/start {payload}")

    client = await Client.get(telegram_id=eve.id)
    assert client.source == "telegram" and client.referrer_id is None
    assert "Hello, Eve!" in eve.text()


async def test_referral_link_records_the_referrer_once(app: App) -> None:
    host = app.person(first_name="Host")
    await host.send("/start")
    await host.click("Invite friends")
    code = (await Client.get(telegram_id=host.id)).referral_code
    assert f"https://t.me/shopdesk_test_bot?start=ref_{code}" in host.text()
    assert "Nobody has joined" in host.text()

    guest = app.person(first_name="Guest")
    await guest.send(f"/start ref_{code}")
    other = app.person(first_name="Other")
    await other.send("/start")
    await other.send(f"/start ref_{code}")  # not a first registration any more

    guest_row = await Client.get(telegram_id=guest.id)
    assert guest_row.referrer_id == (await Client.get(telegram_id=host.id)).id
    assert guest_row.source == "referral"
    assert (await Client.get(telegram_id=other.id)).referrer_id is None

    await host.send("/start")
    await host.click("Invite friends")
    assert "1 person has joined" in host.text()


async def test_nobody_refers_themselves(db: None) -> None:
    client = await touch_client(TelegramProfile(telegram_id=555, first_name="Solo"))
    result = await apply_start_payload(client, f"ref_{client.referral_code}")
    assert result.referrer is None
    await client.refresh_from_db()
    assert client.referrer_id is None


async def test_choosing_a_language_switches_every_text(app: App) -> None:
    anna = app.person(first_name="Anna", language_code="en")
    await anna.send("/start")
    await anna.click("Language")
    await anna.click("Polski")

    assert "Dzień dobry, Anna!" in anna.text()
    assert (await Client.get(telegram_id=anna.id)).locale == "pl"
    await anna.send("/menu")
    assert "Dzień dobry" in anna.text()


async def test_unknown_command_gets_a_hint_and_the_menu(app: App) -> None:
    anna = app.person(first_name="Anna")
    await anna.send("/hello")
    assert anna.plain_texts() == ["I did not understand that. Here is the menu."]
    assert "Hello, Anna!" in anna.text()


async def test_free_text_goes_to_the_shop_chat_and_the_menu_follows(app: App) -> None:
    anna = app.person(first_name="Anna")
    await anna.send("hello?")
    assert anna.plain_texts() == ["✅ Your message has been sent to the shop. We will answer here."]
    assert "Hello, Anna!" in anna.text()


async def test_names_are_html_escaped(app: App) -> None:
    mallory = app.person(first_name="<b>Mal</b>")
    await mallory.send("/start")
    assert "&lt;b&gt;Mal&lt;/b&gt;" in mallory.text()


async def test_returning_customer_costs_no_write(db: None, monkeypatch) -> None:
    profile = TelegramProfile(telegram_id=777, first_name="Olga", language_code="ru")
    first = await touch_client(profile)
    saves: list[object] = []
    original_save = Client.save

    async def counting_save(self: Client, *args: object, **kwargs: object) -> None:
        saves.append(kwargs.get("update_fields"))
        await original_save(self, *args, **kwargs)

    monkeypatch.setattr(Client, "save", counting_save)
    await touch_client(profile, now=first.last_seen_at + timedelta(seconds=30))
    assert saves == []

    renamed = TelegramProfile(telegram_id=777, first_name="Ольга", language_code="ru")
    await touch_client(renamed, now=first.last_seen_at + timedelta(seconds=40))
    assert len(saves) == 1
    later = first.last_seen_at + LAST_SEEN_GRANULARITY + timedelta(seconds=41)
    await touch_client(renamed, now=later)
    assert len(saves) == 2

    row = await Client.get(telegram_id=777)
    assert row.first_name == "Ольга" and "ольга" in row.search_text
    assert row.last_seen_at == later


async def test_client_lookup_matches_get_or_none(db: None) -> None:
    await touch_client(TelegramProfile(telegram_id=901, first_name="Ann", username="ann"))
    await touch_client(TelegramProfile(telegram_id=902, first_name="Bob"))
    for telegram_id in (901, 902):
        found = await client_by_telegram_id(telegram_id)
        expected = await Client.get_or_none(telegram_id=telegram_id)
        assert found is not None and expected is not None
        assert dict(found) == dict(expected)
        found.last_name = "Saved"
        await found.save(update_fields=["last_name"])  # a full model, not a partial one
        assert (await Client.get(telegram_id=telegram_id)).last_name == "Saved"
    assert await client_by_telegram_id(903) is None
    async with in_transaction():
        await Client.filter(telegram_id=902).update(first_name="Robert")
        inside = await client_by_telegram_id(902)
        assert inside is not None and inside.first_name == "Robert"
