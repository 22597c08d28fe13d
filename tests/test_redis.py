"""The production storage: dialog state in Redis, shared by several workers."""

from __future__ import annotations

import os
import re

import pytest
from aiogram.fsm.storage.redis import RedisStorage
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator

from bot.app import build_storage
from models import Client
from tests.harness import make_settings, start_app

REDIS_URL = os.environ.get("TEST_REDIS_URL")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL is not set")


async def test_two_workers_share_dialog_state_through_redis(db: None) -> None:
    settings = make_settings(redis_url=REDIS_URL)
    first_storage, second_storage = build_storage(settings), build_storage(settings)
    assert isinstance(first_storage, RedisStorage)
    assert first_storage.key_builder.with_destiny
    await first_storage.redis.flushdb()
    try:
        async with (
            start_app(settings, storage=first_storage) as worker_one,
            start_app(settings, storage=second_storage) as worker_two,
        ):
            anna = worker_one.person(user_id=424242, first_name="Anna")
            await anna.send("/start")
            await anna.click("Language")

            # the next tap lands on the other worker, which finds the same dialog stack
            same_anna = worker_two.person(user_id=424242, first_name="Anna")
            polski = InlineButtonTextLocator(re.escape(anna.button("Polski").text))
            await same_anna.client.click(anna.screen(), polski)
            assert "Dzień dobry, Anna!" in same_anna.text()
            assert (await Client.get(telegram_id=424242)).locale == "pl"
    finally:
        await first_storage.redis.flushdb()
        await first_storage.close()
        await second_storage.close()


async def test_a_revoked_manager_is_not_locked_out_with_redis(db: None) -> None:
    """The refused stack used to stay in Redis for good; /start now resets it."""
    settings = make_settings(redis_url=REDIS_URL)
    storage = build_storage(settings)
    assert isinstance(storage, RedisStorage)
    await storage.redis.flushdb()
    try:
        async with start_app(settings, storage=storage) as app:
            marek = app.person(user_id=434343, first_name="Marek")
            await marek.send("/start")
            await Client.filter(telegram_id=marek.id).update(is_manager=True)
            await marek.send("/admin")
            assert "Your role: manager" in marek.text()
            await Client.filter(telegram_id=marek.id).update(is_manager=False)

            await marek.send("/start")
            assert "Hello, Marek!" in marek.text()
            await marek.click("Language")
            assert "Choose your language" in marek.text()
    finally:
        await storage.redis.flushdb()
        await storage.close()
