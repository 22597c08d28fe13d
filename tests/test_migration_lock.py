"""PostgreSQL: the migration lock must not hold the connection the migrator needs."""

from __future__ import annotations

import asyncio

import pytest

from bot.db import apply_migrations, close_database, open_database
from models import Client
from tests.conftest import on_postgres
from tests.test_migrations import MIGRATIONS

pytestmark = pytest.mark.skipif(not on_postgres(), reason="the advisory lock is PostgreSQL's")
# migrating from scratch takes about a second; a deadlock would take forever
WITHIN = 60


def one_connection(url: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}maxsize=1"


async def test_migrations_apply_with_a_pool_of_one_connection(empty_database_url: str) -> None:
    url = one_connection(empty_database_url)
    assert await asyncio.wait_for(apply_migrations(url), WITHIN) == MIGRATIONS
    assert await asyncio.wait_for(apply_migrations(url), WITHIN) == []


async def test_workers_with_one_connection_each_migrate_once(empty_database_url: str) -> None:
    url = one_connection(empty_database_url)
    applied = await asyncio.wait_for(
        asyncio.gather(apply_migrations(url), apply_migrations(url)), WITHIN
    )
    assert sorted(applied) == [[], MIGRATIONS]


async def test_the_app_opens_and_migrates_on_one_connection(empty_database_url: str) -> None:
    await asyncio.wait_for(open_database(one_connection(empty_database_url)), WITHIN)
    try:
        await Client.create(first_name="Ola")
        assert await Client.filter(first_name="Ola").count() == 1
    finally:
        await close_database()
