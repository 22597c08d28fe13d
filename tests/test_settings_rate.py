"""Settings → Broadcast rate: the owner sees and types it; bad input is refused in their
language; managers, viewers and customers neither reach nor forge it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.services.broadcast import DEFAULT_RATE, broadcast_rate, parse_rate
from models import Client, Setting
from tests.harness import OWNER_ID, App, Person, start_app

SEP = "\x1d"


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def open_rate(owner: Person) -> None:
    await owner.send("/admin")
    await owner.click("Settings")
    await owner.click("Broadcast rate")


@pytest.mark.parametrize(
    ("typed", "rate"), [("25", 25.0), ("12,5", 12.5), (" 1 ", 1.0), ("1000", 1000.0)]
)
def test_a_typed_rate_is_read(typed: str, rate: float) -> None:
    assert parse_rate(typed) == rate


@pytest.mark.parametrize("typed", ["", "fast", "0", "0.5", "1001", "-3", "nan", "inf", "1e9"])
def test_a_bad_rate_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_rate(typed)


async def test_the_owner_sees_and_changes_the_rate(app: App) -> None:
    owner = app.person(OWNER_ID, first_name="Olga")
    await open_rate(owner)
    assert "Broadcast rate</b>: 25 messages per second" in owner.text()
    assert await broadcast_rate() == DEFAULT_RATE

    for bad in ("fast", "0", "5000", "/start-ish"):
        await owner.send(bad)
        assert owner.plain_texts() == [
            "Please type a number from 1 to 1000, e.g. 25 or 12.5. Nothing was changed."
        ]
        assert not await Setting.filter(key="broadcast_rate").exists()

    await owner.send("12,5")
    assert owner.plain_texts() == ["✅ Saved: 12.5 messages per second."]
    assert await broadcast_rate() == 12.5
    assert "12.5 messages per second" in owner.text()


async def test_the_rate_screen_speaks_polish(app: App) -> None:
    owner = app.person(OWNER_ID, first_name="Olga", language_code="pl")
    await owner.send("/admin")
    await owner.click("Ustawienia")
    await owner.click("Tempo wysyłki")
    assert "25 wiadomości na sekundę" in owner.text()
    await owner.send("abc")
    assert owner.plain_texts() == ["Wpisz liczbę od 1 do 1000, np. 25 lub 12,5. Nic nie zmieniono."]


async def test_managers_viewers_and_customers_cannot_reach_or_forge_it(app: App) -> None:
    owner = app.person(OWNER_ID, first_name="Olga")
    await owner.send("/admin")
    await owner.click("Settings")
    menu_screen = owner.screen()
    rate_button = owner.button("Broadcast rate").callback_data
    await owner.click("Broadcast rate")
    assert "Broadcast rate" in owner.text()

    others = []
    for flag in ("is_manager", "is_viewer", None):
        person = app.person(first_name=flag or "customer")
        await person.send("/start")
        if flag:
            await Client.filter(telegram_id=person.id).update(**{flag: True})
            await person.send("/admin")
            assert not any("Settings" in b for b in person.buttons())
        others.append(person)

    for person in others:
        own_intent = person.screen().reply_markup.inline_keyboard[0][0].callback_data
        await person.click_data(f"{own_intent.split(SEP)[0]}{SEP}rate", person.screen())
        await person.click_data(rate_button, menu_screen)
        await person.send("3")  # as if typed into the owner's screen: not theirs
        assert all("Broadcast rate" not in (m.text or "") for m in person.shown())
    assert not await Setting.filter(key="broadcast_rate").exists()
