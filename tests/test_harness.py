"""The harness itself: several people act in one test and each keeps what they were shown."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.harness import OWNER_ID, App, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def test_two_people_interleave_and_each_keeps_their_screen(app: App) -> None:
    anna = app.person(first_name="Anna")
    olga = app.person(user_id=OWNER_ID, first_name="Olga")

    await anna.send("/start")
    await olga.send("/admin")
    assert "Hello, Anna!" in anna.text()  # B acted; A's screen is still readable
    await anna.click("Language")
    assert "Client desk" in olga.text()
    assert "Choose your language" in anna.text()
    assert [button for button in olga.buttons() if "Refresh" in button]

    await olga.click("Refresh")
    assert "Choose your language" in anna.text()
    assert len(anna.shown()) == 1  # her language screen; Olga's refresh added nothing
    assert len(olga.shown()) == 1


async def test_plain_texts_are_kept_per_person(app: App) -> None:
    anna, kasia = app.person(first_name="Anna"), app.person(first_name="Kasia")
    await anna.send("/hello")
    await kasia.send("/start")
    assert anna.plain_texts() == ["I did not understand that. Here is the menu."]
    assert kasia.plain_texts() == []


async def test_start_app_closes_the_dispatcher(db: None) -> None:
    stopped: list[bool] = []
    async with start_app() as app:
        app.dp.shutdown.register(lambda: stopped.append(True))
    assert stopped == [True] and app.closed
