"""`run_steps`: a transaction written as steps commits or rolls back as a whole, on SQLite
(one call on aiosqlite's thread) and on PostgreSQL, alone or inside an open transaction,
and waits for a tortoise transaction that holds the connection."""

from __future__ import annotations

import asyncio

import pytest
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.db import dialect
from bot.services.client_query import Params
from bot.transaction_steps import Steps, run_steps
from models import Category, Product

pytestmark = pytest.mark.usefixtures("db")


class Refused(Exception):
    pass


def add_categories(*names: str, refuse_after: int | None = None) -> Steps[list[int]]:
    ids = []
    for number, name in enumerate(names):
        if number == refuse_after:
            raise Refused
        p = Params(dialect())
        rows = yield (
            'INSERT INTO "categories" ("name", "position", "is_hidden") '
            f'VALUES ({p(name)}, {p(number)}, {p(False)}) RETURNING "id"',
            p.values,
        )
        ids.append(rows[0]["id"])
    return ids


def rename_then_take_sku(category_id: int, product_id: int, sku: str) -> Steps[None]:
    p = Params(dialect())
    yield f'UPDATE "categories" SET "name" = {p("renamed")} WHERE "id" = {p(category_id)}', p.values
    p = Params(dialect())
    yield f'UPDATE "products" SET "sku" = {p(sku)} WHERE "id" = {p(product_id)}', p.values


async def names() -> list[str]:
    return list(await Category.all().order_by("id").values_list("name", flat=True))


async def test_the_steps_commit_together_and_return_their_result() -> None:
    ids = await run_steps(add_categories("Łąka", "Ёлки"))
    assert await names() == ["Łąka", "Ёлки"]
    assert ids == list(await Category.all().order_by("id").values_list("id", flat=True))


async def test_a_step_that_raises_undoes_the_statements_before_it() -> None:
    with pytest.raises(Refused):
        await run_steps(add_categories("one", "two", "three", refuse_after=2))
    assert await names() == []
    # the connection is left usable, in no transaction
    await Category.create(name="after")
    assert await names() == ["after"]


async def test_a_failing_statement_raises_tortoises_error_and_undoes_the_rest() -> None:
    category = await Category.create(name="Shoes")
    await Product.create(category=category, name="A", currency="EUR", sku="SKU-1")
    second = await Product.create(category=category, name="B", currency="EUR", sku="SKU-2")

    with pytest.raises(IntegrityError):
        await run_steps(rename_then_take_sku(category.id, second.id, "SKU-1"))
    assert await names() == ["Shoes"]
    assert (await Product.get(id=second.id)).sku == "SKU-2"


async def test_inside_an_open_transaction_the_steps_join_it() -> None:
    with pytest.raises(Refused):
        async with in_transaction():
            await run_steps(add_categories("inside"))
            assert await names() == ["inside"]  # seen in the transaction
            raise Refused
    assert await names() == []


async def test_the_steps_wait_for_a_tortoise_transaction_holding_the_connection() -> None:
    opened, go_on = asyncio.Event(), asyncio.Event()

    async def slow_transaction() -> None:
        async with in_transaction():
            await Category.create(name="first", position=0)
            opened.set()
            await go_on.wait()
            await Category.create(name="second", position=1)

    task = asyncio.create_task(slow_transaction())
    await opened.wait()
    steps = asyncio.create_task(run_steps(add_categories("third")))
    await asyncio.sleep(0.05)
    go_on.set()
    await asyncio.gather(task, steps)  # on SQLite: no BEGIN inside the open transaction
    assert sorted(await names()) == ["first", "second", "third"]
