"""Edit -> Tags: typed and tapped tags, ✖ to remove, bad names refused; search follows."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.services.client_profile import Actor
from bot.services.roles import AccessDenied, Role
from bot.services.tags import (
    TagError,
    add_existing_tag,
    add_tags_by_text,
    parse_tag_names,
    remove_tag,
)
from models import AuditEntry, Client, Tag
from tests.card_harness import make_staff, open_card, snapshot, start_card_app
from tests.harness import App, Person


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


async def tags_of(client: Client) -> list[str]:
    return sorted(await client.tags.all().values_list("name", flat=True))


async def manager_on_tags(app: App) -> tuple[Person, Client]:
    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    client = await Client.get(telegram_id=customer.id)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Edit: tags")
    return manager, client


async def test_typing_several_tags_adds_them(app: App) -> None:
    manager, client = await manager_on_tags(app)
    await manager.send(" vip ,  Wholesale   buyer, VIP,, ")

    assert await tags_of(client) == ["Wholesale buyer", "vip"]
    assert {"✖ vip", "✖ Wholesale buyer"} <= set(manager.buttons())
    assert "vip, Wholesale buyer" in manager.text() or "Wholesale buyer, vip" in manager.text()
    await client.refresh_from_db()
    assert "wholesale buyer" in client.search_text and "vip" in client.search_text
    entries = await AuditEntry.filter(client_id=client.id, action="tag_added").values_list(
        "details", flat=True
    )
    assert sorted(e["personal"]["tag"] for e in entries) == ["Wholesale buyer", "vip"]


async def test_a_typed_tag_reuses_the_shops_tag_whatever_the_case(app: App) -> None:
    await Tag.create(name="VIP", name_folded="vip")
    manager, client = await manager_on_tags(app)
    await manager.send("vip")
    assert await tags_of(client) == ["VIP"]
    assert await Tag.all().count() == 1


async def test_tapping_a_shop_tag_adds_it_and_x_removes_it(app: App) -> None:
    await Tag.create(name="regular", name_folded="regular")
    manager, client = await manager_on_tags(app)
    await manager.click("➕ regular")
    assert await tags_of(client) == ["regular"]
    assert "➕ regular" not in manager.buttons()

    await manager.click("✖ regular")
    assert await tags_of(client) == []
    assert "➕ regular" in manager.buttons()
    await client.refresh_from_db()
    assert "regular" not in client.search_text
    assert await Tag.filter(name="regular").exists()  # the shop keeps the tag
    actions = (
        await AuditEntry.filter(client_id=client.id).order_by("id").values_list("action", flat=True)
    )
    assert actions == ["tag_added", "tag_removed"]


async def test_the_shops_tags_are_paged(app: App) -> None:
    for number in range(11):
        await Tag.create(name=f"tag{number:02}", name_folded=f"tag{number:02}")
    manager, client = await manager_on_tags(app)
    first_page = [b for b in manager.buttons() if b.startswith("➕")]
    assert first_page == [f"➕ tag{n:02}" for n in range(8)]
    await manager.click(">")
    second_page = [b for b in manager.buttons() if b.startswith("➕")]
    assert second_page == ["➕ tag08", "➕ tag09", "➕ tag10"]
    await manager.click("tag10")
    assert await tags_of(client) == ["tag10"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("t" * 65, "Too long: at most 64 characters."),
        ("ok, " + "t" * 300, "Too long: at most 64 characters."),
        (" , ,, ", "The value is empty."),
        (",".join(f"t{n}" for n in range(21)), "Too many at once: at most 20 tags."),
    ],
)
async def test_bad_tags_are_refused_and_nothing_is_written(
    app: App, typed: str, message: str
) -> None:
    manager, _ = await manager_on_tags(app)
    before = await snapshot()
    await manager.send(typed)
    assert message in manager.text()
    assert "Type new tags" in manager.text()
    assert await snapshot() == before
    await manager.send("fine")
    assert message not in manager.text()


def test_parsing_tag_names() -> None:
    assert parse_tag_names("a,b , A,  c  d ") == ["a", "b", "c d"]
    assert parse_tag_names("Straße, STRASSE") == ["Straße"]
    with pytest.raises(TagError):
        parse_tag_names("ß" * 40)  # folds to 80 characters: too long for name_folded


async def test_tag_services_refuse_viewers_and_customers(db: None) -> None:
    client = await Client.create(first_name="Kasia")
    tag = await Tag.create(name="vip", name_folded="vip")
    for role in (Role.VIEWER, Role.CUSTOMER):
        actor = Actor(role=role, client_id=None, telegram_id=1)
        with pytest.raises(AccessDenied):
            await add_tags_by_text(actor, client.id, "x")
        with pytest.raises(AccessDenied):
            await add_existing_tag(actor, client.id, tag.id)
        with pytest.raises(AccessDenied):
            await remove_tag(actor, client.id, tag.id)
    assert await tags_of(client) == []
    assert await Tag.all().count() == 1
