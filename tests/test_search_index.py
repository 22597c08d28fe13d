"""`run` on PostgreSQL without pg_trgm: one line saying how to enable it, no failure."""

from __future__ import annotations

import pytest
from tortoise import Tortoise

from bot.db import CONNECTION
from bot.search_index import EXTENSION, TRIGRAM_INDEX, check_trigram_search, trigram_hint
from tests.conftest import on_postgres

pytestmark = pytest.mark.usefixtures("db")


async def test_nothing_to_say_when_search_is_indexed_or_on_sqlite() -> None:
    db = Tortoise.get_connection(CONNECTION)
    assert await check_trigram_search(db) is None
    if on_postgres():
        rows = await db.execute_query_dict(
            "SELECT 1 FROM pg_indexes WHERE indexname = $1", [TRIGRAM_INDEX]
        )
        assert rows


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only")
async def test_an_extension_that_cannot_be_created_gives_the_one_line_hint() -> None:
    db = Tortoise.get_connection(CONNECTION)
    hint = await check_trigram_search(db, "shopdesk_no_such_extension")
    assert hint == trigram_hint("shopdesk_no_such_extension")
    assert "\n" not in hint
    assert "CREATE EXTENSION shopdesk_no_such_extension;" in hint and "superuser" in hint
    # the connection is still usable afterwards
    assert await db.execute_query_dict("SELECT 1 AS one") == [{"one": 1}]


def test_the_hint_names_the_command() -> None:
    assert "CREATE EXTENSION pg_trgm;" in trigram_hint()
    assert EXTENSION == "pg_trgm"
