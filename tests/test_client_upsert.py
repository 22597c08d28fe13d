"""The client upsert: anonymized rows stay anonymous; a returning client costs one SELECT."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tortoise import Tortoise

from bot.db import CONNECTION
from bot.services.clients import TelegramProfile, fold, touch_client
from models import Client
from tests.harness import start_app

PROFILE = TelegramProfile(telegram_id=4711, first_name="Jan", last_name="Kowal", username="jk")


async def anonymize(client: Client, *, keep_telegram_id: bool) -> None:
    """What the anonymization service does to a row (names erased, the time set)."""
    client.first_name, client.last_name, client.username = "Anonymized", None, None
    client.anonymized_at = datetime.now(UTC)
    client.search_text = ""
    if not keep_telegram_id:
        client.telegram_id = None
    await client.save()


@pytest.mark.parametrize("keep_telegram_id", [True, False])
async def test_an_anonymized_client_is_never_restored(db: None, keep_telegram_id: bool) -> None:
    old = await touch_client(PROFILE)
    await anonymize(old, keep_telegram_id=keep_telegram_id)

    new = await touch_client(PROFILE)

    assert new.id != old.id and new.anonymized_at is None
    assert (new.telegram_id, new.first_name, new.username) == (4711, "Jan", "jk")
    row = await Client.get(id=old.id)
    assert (row.first_name, row.last_name, row.username, row.search_text) == (
        "Anonymized",
        None,
        None,
        "",
    )
    assert row.telegram_id is None and row.anonymized_at is not None
    assert await Client.filter(telegram_id=4711).count() == 1


async def test_the_person_writing_again_is_a_new_client(db: None) -> None:
    async with start_app() as app:
        jan = app.person(first_name="Jan", username="jk")
        await jan.send("/start")
        old = await Client.get(telegram_id=jan.id)
        await anonymize(old, keep_telegram_id=True)

        await jan.send("/start")

        assert "Hello, Jan!" in jan.text()
        assert (await Client.get(id=old.id)).first_name == "Anonymized"
        new = await Client.get(telegram_id=jan.id)
        assert new.id != old.id and new.search_text.startswith(fold("Jan"))


async def test_a_returning_client_costs_one_select(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await touch_client(PROFILE)
    connection = Tortoise.get_connection(CONNECTION)
    queries: list[str] = []
    for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_script"):
        original = getattr(type(connection), name)

        async def counting(self, sql: str, *args: object, _original=original, **kw: object):
            queries.append(sql)
            return await _original(self, sql, *args, **kw)

        monkeypatch.setattr(type(connection), name, counting)

    again = await touch_client(PROFILE, now=first.last_seen_at + timedelta(seconds=10))

    assert again.id == first.id
    assert len(queries) == 1 and queries[0].lstrip().upper().startswith("SELECT")
