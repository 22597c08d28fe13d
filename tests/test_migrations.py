"""The models and the migrations agree, and the migrations apply on an empty database."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest
from tortoise import Tortoise
from tortoise.context import TortoiseContext
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.migrations.executor import MigrationExecutor, MigrationTarget
from tortoise.transactions import in_transaction

from bot.db import APP, CONNECTION, apply_migrations, close_database, open_database, tortoise_config
from bot.db import pending_model_changes as pending_changes
from bot.services.roles import staff_sql
from models import (
    AuditEntry,
    BroadcastDelivery,
    ChatDirection,
    ChatMessage,
    Client,
    EmailMessage,
    Order,
    OrderStatus,
    SmsMessage,
)
from tests.conftest import on_postgres

EXPECTED_TABLES = {
    "addresses",
    "audit_entries",
    "broadcast_deliveries",
    "broadcasts",
    "categories",
    "chat_messages",
    "chat_sessions",
    "clients",
    "clients_tags",
    "email_messages",
    "erasure_requests",
    "favorites",
    "order_items",
    "order_status_changes",
    "orders",
    "products",
    "promo_codes",
    "promo_redemptions",
    "saved_segments",
    "settings",
    "sms_messages",
    "tags",
    "tortoise_migrations",
}
MIGRATIONS = [
    "0001_initial",
    "0002_search_and_cart_indexes",
    "0003_money_as_minor_units",
    "0004_desk_indexes",
    "0005_demo_marks",
    "0006_order_flow_and_payments",
    "0007_client_search_fts",
    "0008_broadcast_leases",
    "0009_order_desk",
    "0010_chat_sessions",
    "0011_erasure_requests",
]
# the FTS5 client search of migration 0006 and its shadow tables (SQLite only)
SQLITE_SEARCH_TABLES = {
    "clients_fts",
    *(f"clients_fts_{part}" for part in ("data", "idx", "docsize", "config")),
}
# made by hand (RunSQL/RunPython), unknown to tortoise: a table rebuild would drop them
DESK_INDEXES = {
    "idx_clients_desk_name",
    "idx_clients_desk_created",
    "idx_clients_desk_seen",
    "idx_clients_desk_orders",
    "idx_clients_desk_spent",
}
HAND_MADE_INDEXES = {
    "uidx_orders_one_cart_per_client",
    "idx_clients_tags_tag_id",
    *DESK_INDEXES,
    "idx_clients_blocked",
    "idx_clients_staff",
    "idx_clients_anonymized",
    "uidx_erasure_requests_one_open",
}
POSTGRES_HAND_MADE_INDEXES = {"idx_clients_search_text_trgm"}


async def table_names() -> set[str]:
    connection = Tortoise.get_connection(CONNECTION)
    if connection.capabilities.dialect == "sqlite":
        _, rows = await connection.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        _, rows = await connection.execute_query(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
        )
    return {row["name"] for row in rows}


async def index_names() -> set[str]:
    connection = Tortoise.get_connection(CONNECTION)
    if connection.capabilities.dialect == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        query = "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
    _, rows = await connection.execute_query(query)
    return {row["name"] for row in rows}


async def test_models_and_migrations_agree() -> None:
    assert await pending_changes("sqlite://:memory:") == []


async def test_migrations_apply_on_an_empty_database_once(empty_database_url: str) -> None:
    assert await apply_migrations(empty_database_url) == MIGRATIONS
    assert await apply_migrations(empty_database_url) == []

    await open_database(empty_database_url)  # migrates too: nothing left to do
    try:
        sqlite = Tortoise.get_connection(CONNECTION).capabilities.dialect == "sqlite"
        assert await table_names() == EXPECTED_TABLES | (SQLITE_SEARCH_TABLES if sqlite else set())
        indexes = await index_names()
        assert indexes >= HAND_MADE_INDEXES
        if Tortoise.get_connection(CONNECTION).capabilities.dialect == "postgres":
            assert indexes >= POSTGRES_HAND_MADE_INDEXES
        client = await Client.create(first_name="Zoë")
        await Order.create(client=client, status=OrderStatus.CART, currency="EUR")
    finally:
        await close_database()


async def test_open_database_migrates_an_in_memory_database() -> None:
    await open_database("sqlite://:memory:")
    try:
        assert await table_names() == EXPECTED_TABLES | SQLITE_SEARCH_TABLES
    finally:
        await close_database()


@pytest.mark.skipif(not on_postgres(), reason="several workers means PostgreSQL")
async def test_workers_starting_together_migrate_once(empty_database_url: str) -> None:
    applied = await asyncio.gather(
        apply_migrations(empty_database_url), apply_migrations(empty_database_url)
    )
    assert sorted(applied) == [[], MIGRATIONS]


def sqlite_index_shapes(path: Path) -> set[tuple[str, tuple[str, ...], bool]]:
    """(table, columns, unique) of every index, whatever its name."""
    shapes = set()
    with closing(sqlite3.connect(path)) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for (table,) in tables:
            for _, index, unique, *_ in connection.execute(f'PRAGMA index_list("{table}")'):
                columns = connection.execute(f'PRAGMA index_info("{index}")').fetchall()
                shapes.add((table, tuple(column[2] for column in columns), bool(unique)))
    return shapes


async def test_migrated_sqlite_has_every_index_the_models_declare(tmp_path: Path) -> None:
    # tortoise rebuilds a SQLite table to alter a column and drops its indexes and
    # unique_together on the way: a later migration must not lose them silently.
    declared, migrated = tmp_path / "declared.sqlite3", tmp_path / "migrated.sqlite3"
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(f"sqlite://{declared}"))
        await context.generate_schemas()
    await apply_migrations(f"sqlite://{migrated}")
    missing = sqlite_index_shapes(declared) - sqlite_index_shapes(migrated)
    assert not missing, f"indexes the models declare but the migrations lost: {missing}"


# --- data survives the migrations ----------------------------------------------------

MONEY_AT_0002 = """
INSERT INTO "clients" ("id", "first_name", "source", "referral_code", "is_blocked",
    "broadcasts_off", "is_manager", "is_viewer", "bot_blocked", "created_at",
    "orders_count", "total_spent", "search_text", "sort_name") VALUES
  (1, 'Ann', 'telegram', 'ref1', false, false, false, false, false, '{t}', 1, '0.01', '', 'ann'),
  (2, 'Bob', 'telegram', 'ref2', false, false, false, false, false, '{t}', 2, '12.50', '', 'bob'),
  (3, 'Cy', 'manual', 'ref3', false, false, false, false, false, '{t}', 9, '99999999.99', '', 'cy'),
  (4, 'Di', 'telegram', 'ref4', false, false, false, false, false, '{t}', 0, '0.00', '', 'di'),
  (5, 'Ed', 'telegram', 'ref5', false, false, false, false, false, '{t}', 1,
   '999999999999.99', '', 'ed');
INSERT INTO "clients" ("id", "telegram_id", "first_name", "source", "referral_code",
    "is_blocked", "broadcasts_off", "is_manager", "is_viewer", "bot_blocked", "created_at",
    "orders_count", "total_spent", "search_text", "sort_name") VALUES
  (6, 9000000000007, 'Demo', 'telegram', 'ref6', false, false, false, false, false, '{t}',
   0, '0.00', '', 'demo');
INSERT INTO "categories" ("id", "name", "position", "is_hidden") VALUES (1, 'Tea', 0, false);
INSERT INTO "products" ("id", "category_id", "name", "price", "currency", "is_hidden",
    "position", "created_at", "updated_at") VALUES
  (1, 1, 'Sencha', '12.50', 'USD', false, 0, '{t}', '{t}'),
  (2, 1, 'Sample', '0.01', 'USD', false, 1, '{t}', '{t}'),
  (3, 1, 'Gold', '99999999.99', 'USD', false, 2, '{t}', '{t}');
INSERT INTO "promo_codes" ("id", "code", "kind", "value", "min_order_total", "is_active",
    "created_at", "uses_count") VALUES
  (1, 'WELCOME10', 'percent', '10.00', NULL, true, '{t}', 1),
  (2, 'MINUS5', 'fixed', '5.00', '30.00', true, '{t}', 0);
INSERT INTO "orders" ("id", "client_id", "status", "currency", "subtotal", "discount",
    "total", "created_at", "updated_at", "promo_code_id") VALUES
  (1, 2, 'new', 'USD', '13.89', '1.39', '12.50', '{t}', '{t}', 1),
  (2, 2, 'cart', 'USD', '0.01', '0.00', '0.01', '{t}', '{t}', NULL),
  (3, 3, 'delivered', 'USD', '99999999.99', '0.00', '99999999.99', '{t}', '{t}', NULL);
INSERT INTO "order_items" ("id", "order_id", "product_id", "product_name", "unit_price",
    "quantity", "line_total") VALUES
  (1, 1, 1, 'Sencha', '12.50', 1, '12.50'),
  (2, 1, 2, 'Sample', '0.01', 139, '1.39'),
  (3, 2, 2, 'Sample', '0.01', 1, '0.01'),
  (4, 3, 3, 'Gold', '99999999.99', 1, '99999999.99');
INSERT INTO "promo_redemptions" ("id", "promo_id", "client_id", "order_id", "discount",
    "currency", "created_at") VALUES (1, 1, 2, 1, '1.39', 'USD', '{t}');
INSERT INTO "addresses" ("id", "client_id", "city", "street", "is_default", "created_at")
  VALUES (1, 2, 'Kraków', 'Rynek 1', true, '{t}');
INSERT INTO "favorites" ("id", "client_id", "product_id", "created_at") VALUES (1, 2, 1, '{t}');
INSERT INTO "chat_messages" ("id", "client_id", "direction", "kind", "is_read", "created_at")
  VALUES (1, 2, 'incoming', 'text', false, '{t}');
INSERT INTO "tags" ("id", "name", "name_folded", "created_at") VALUES (1, 'VIP', 'vip', '{t}');
INSERT INTO "clients_tags" ("client_id", "tag_id") VALUES (3, 1)
"""

# (table, money columns): minor units every row must hold after 0003, by id
MONEY_IN_MINOR_UNITS = {
    ("clients", "total_spent"): {1: 1, 2: 1250, 3: 9999999999, 4: 0, 5: 99999999999999, 6: 0},
    ("products", "price"): {1: 1250, 2: 1, 3: 9999999999},
    ("promo_codes", "value"): {1: 1000, 2: 500},
    ("promo_codes", "min_order_total"): {1: None, 2: 3000},
    ("orders", "subtotal"): {1: 1389, 2: 1, 3: 9999999999},
    ("orders", "discount"): {1: 139, 2: 0, 3: 0},
    ("orders", "total"): {1: 1250, 2: 1, 3: 9999999999},
    ("order_items", "unit_price"): {1: 1250, 2: 1, 3: 1, 4: 9999999999},
    ("order_items", "line_total"): {1: 1250, 2: 139, 3: 1, 4: 9999999999},
    ("promo_redemptions", "discount"): {1: 139},
}


async def migrate_to(database_url: str, migration: str) -> None:
    config = tortoise_config(database_url)
    async with TortoiseContext() as context:
        await context.init(config=config)
        executor = MigrationExecutor(context.db(CONNECTION), config["apps"])
        await executor.migrate([MigrationTarget(APP, migration)], direction="forward")


async def row_counts() -> dict[str, int]:
    connection = Tortoise.get_connection(CONNECTION)
    counts = {}
    # tables that come later than 0002: order_status_changes (0006), chat_sessions (0010),
    # erasure_requests (0011)
    later = {"tortoise_migrations", "order_status_changes", "chat_sessions", "erasure_requests"}
    for table in sorted(EXPECTED_TABLES - later):
        _, rows = await connection.execute_query(f'SELECT COUNT(*) AS n FROM "{table}"')
        counts[table] = rows[0]["n"]
    return counts


async def test_data_survives_the_migrations_after_0002(empty_database_url: str) -> None:
    await migrate_to(empty_database_url, "0002_search_and_cart_indexes")
    await open_database(empty_database_url, migrate=False)
    try:
        connection = Tortoise.get_connection(CONNECTION)
        await connection.execute_script(MONEY_AT_0002.format(t="2024-05-01 10:00:00+00:00"))
        before = await row_counts()
    finally:
        await close_database()

    assert await apply_migrations(empty_database_url) == MIGRATIONS[2:]

    await open_database(empty_database_url, migrate=False)
    try:
        connection = Tortoise.get_connection(CONNECTION)
        assert await row_counts() == before  # no row lost to a table rebuild
        for (table, column), expected in MONEY_IN_MINOR_UNITS.items():
            _, rows = await connection.execute_query(
                f'SELECT "id", "{column}" AS v FROM "{table}" ORDER BY "id"'
            )
            stored = {row["id"]: row["v"] for row in rows}
            assert stored == expected, (table, column)
            assert all(v is None or type(v) is int for v in stored.values()), (table, column)
        # the models read them back as the amounts they were
        assert await Client.all().order_by("id").values_list("total_spent", flat=True) == [
            Decimal("0.01"),
            Decimal("12.50"),
            Decimal("99999999.99"),
            Decimal("0.00"),
            Decimal("999999999999.99"),
            Decimal("0.00"),
        ]
        # 0005: a demo client of an earlier fill is recognized by its Telegram id
        assert await Client.filter(is_demo=True).values_list("id", flat=True) == [6]
        # the hand-made indexes of 0002 are still there and still work
        assert await index_names() >= HAND_MADE_INDEXES
        if on_postgres():
            assert await index_names() >= POSTGRES_HAND_MADE_INDEXES
        with pytest.raises(IntegrityError):
            await Order.create(client_id=2, status=OrderStatus.CART, currency="USD")
        assert await Client.filter(tags__name_folded="vip").values_list("id", flat=True) == [3]
    finally:
        await close_database()


# --- the client list's indexes -------------------------------------------------------

# (columns, unique, partial) of every index on `clients`: each one costs a write on
# every "last seen", so the set is decided here, not grown by accident.
CLIENT_INDEXES = {
    (("telegram_id",), True, False),
    (("login",), True, False),
    (("referral_code",), True, False),
    (("username",), False, False),
    (("phone",), False, False),
    (("email",), False, False),
    (("referrer_id",), False, False),
    # the desk's list: (key, id) among the clients not anonymized
    (("sort_name", "id"), False, True),
    (("created_at", "id"), False, True),
    (("last_seen_at", "id"), False, True),
    (("orders_count", "id"), False, True),
    (("total_spent", "id"), False, True),
    # the blocked, the staff, the anonymized: few rows each
    (("id",), False, True),
    (("anonymized_at",), False, True),
}
# the staff and the blocked have the same shape
CLIENT_INDEX_COUNT = len(CLIENT_INDEXES) + 1
POSTGRES_CLIENT_INDEXES = {(("id",), True, False), (("search_text",), False, False)}


async def client_indexes() -> list[tuple[tuple[str, ...], bool, bool]]:
    connection = Tortoise.get_connection(CONNECTION)
    if connection.capabilities.dialect == "sqlite":
        shapes = []
        _, indexes = await connection.execute_query('PRAGMA index_list("clients")')
        for index in indexes:
            _, columns = await connection.execute_query(f'PRAGMA index_info("{index["name"]}")')
            names = tuple(column["name"] for column in columns)
            shapes.append((names, bool(index["unique"]), bool(index["partial"])))
        return shapes
    _, rows = await connection.execute_query(
        "SELECT ix.indisunique AS uniq, ix.indpred IS NOT NULL AS partial, "
        "array_to_string(ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY "
        "AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = ix.indrelid "
        "AND a.attnum = k.attnum ORDER BY k.n), ',') AS cols "
        "FROM pg_index ix WHERE ix.indrelid = 'clients'::regclass"
    )
    return [(tuple(row["cols"].split(",")), row["uniq"], row["partial"]) for row in rows]


async def test_clients_have_exactly_the_indexes_decided(db: None) -> None:
    shapes = await client_indexes()
    expected, count = CLIENT_INDEXES, CLIENT_INDEX_COUNT
    if on_postgres():
        expected, count = expected | POSTGRES_CLIENT_INDEXES, count + 2
    assert set(shapes) == expected
    assert len(shapes) == count


KEYSET_PAGE = (
    'SELECT "id" FROM "clients" WHERE "anonymized_at" IS NULL '
    'AND ("{key}", "id") {op} ({value}, 100) ORDER BY "{key}" {order}, "id" {order} LIMIT 10'
)
DESK_KEYS = {
    "sort_name": "name",
    "created_at": "created",
    "last_seen_at": "seen",
    "orders_count": "orders",
    "total_spent": "spent",
}
SORT_KEYS = {
    "sort_name": "'m'",
    "created_at": "'2025-01-01 00:00:00+00:00'",
    "last_seen_at": "'2025-01-01 00:00:00+00:00'",
    "orders_count": "3",
    "total_spent": "0",
}


@pytest.mark.parametrize("key", sorted(SORT_KEYS))
@pytest.mark.parametrize("descending", [True, False], ids=["desc", "asc"])
async def test_a_keyset_page_walks_its_index_without_sorting(
    db: None, key: str, descending: bool
) -> None:
    op, order = ("<", "DESC") if descending else (">", "ASC")
    sql = KEYSET_PAGE.format(key=key, op=op, value=SORT_KEYS[key], order=order)
    async with in_transaction(CONNECTION) as connection:
        if connection.capabilities.dialect == "sqlite":
            _, rows = await connection.execute_query("EXPLAIN QUERY PLAN " + sql)
            plan = " | ".join(row["detail"] for row in rows)
            assert "TEMP B-TREE" not in plan
        else:
            # an empty table is scanned whatever the indexes: ask whether the index serves
            await connection.execute_script("SET LOCAL enable_seqscan = off")
            await connection.execute_script("SET LOCAL enable_sort = off")
            _, rows = await connection.execute_query("EXPLAIN " + sql)
            plan = " | ".join(row["QUERY PLAN"] for row in rows)
            assert "Sort" not in plan and "Index Cond: (ROW(" in plan
    assert f"idx_clients_desk_{DESK_KEYS[key]}" in plan, plan


async def test_the_flag_queries_use_their_partial_indexes(db: None) -> None:
    connection = Tortoise.get_connection(CONNECTION)
    people = Client.filter(anonymized_at=None)
    queries = {
        "idx_clients_blocked": people.filter(is_blocked=True).count(),
        "idx_clients_staff": people.filter(Q(is_manager=True) | Q(is_viewer=True)).count(),
        "idx_clients_anonymized": Client.filter(anonymized_at__isnull=False).order_by(
            "-anonymized_at"
        ),
    }
    if connection.capabilities.dialect != "sqlite":
        pytest.skip("PostgreSQL picks its plan by the table's size: see the keyset test")
    for index, query in queries.items():
        query._make_query()
        sql, params = query.query.get_parameterized_sql()
        _, rows = await connection.execute_query("EXPLAIN QUERY PLAN " + sql, params)
        plan = " | ".join(row["detail"] for row in rows)
        assert f"USING INDEX {index}" in plan and "TEMP B-TREE" not in plan, plan


async def test_the_staff_are_found_through_their_partial_index(db: None) -> None:
    connection = Tortoise.get_connection(CONNECTION)
    if connection.capabilities.dialect != "sqlite":
        pytest.skip("PostgreSQL picks its plan by the table's size: see the keyset test")
    _, rows = await connection.execute_query("EXPLAIN QUERY PLAN " + staff_sql({42, 7}))
    plan = " | ".join(row["detail"] for row in rows)
    # the staff through their index, the owners through the unique telegram_id: no scan
    assert "USING INDEX idx_clients_staff" in plan and "SCAN clients |" not in plan + " |", plan


GROWING_PER_MESSAGE = [AuditEntry, BroadcastDelivery, ChatMessage, EmailMessage, SmsMessage]


@pytest.mark.parametrize("model", GROWING_PER_MESSAGE, ids=lambda m: m.__name__)
async def test_tables_that_grow_per_message_have_64_bit_ids(db: None, model: type) -> None:
    connection = Tortoise.get_connection(CONNECTION)
    if connection.capabilities.dialect != "postgres":
        pytest.skip("an INTEGER PRIMARY KEY is SQLite's 64-bit rowid")
    table = model._meta.db_table
    _, rows = await connection.execute_query(
        "SELECT format_type(a.atttypid, a.atttypmod) AS column_type, "
        "s.seqtypid::regtype::text AS sequence_type FROM pg_attribute a, pg_sequence s "
        f"WHERE a.attrelid = '{table}'::regclass AND a.attname = 'id' "
        f"AND s.seqrelid = pg_get_serial_sequence('{table}', 'id')::regclass"
    )
    assert [dict(row) for row in rows] == [{"column_type": "bigint", "sequence_type": "bigint"}]


async def test_a_chat_message_id_beyond_32_bits(db: None) -> None:
    client = await Client.create(first_name="Chatty")
    big = 2**31 + 7
    await ChatMessage.create(id=big, client=client, direction=ChatDirection.INCOMING, text="hi")
    assert (await ChatMessage.get(id=big)).text == "hi"
