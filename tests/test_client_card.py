"""The client card through the harness: what staff see and edit, and the DB afterwards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import DeleteMessage, DeleteMyCommands, SetMyCommands, TelegramMethod
from argon2 import PasswordHasher

from bot.services.roles import can_shop
from models import Address, AuditEntry, Client, Tag
from tests.card_harness import make_staff, open_card, send_photo, start_card_app
from tests.harness import OWNER_ID, App, Person

# the card's sections (dialogs/card_sections); refreshing from Telegram writes: editors only
VIEWER_SECTION_BUTTONS = [
    "📍 Addresses",
    "❤️ Favorites",
    "🎟 Promo codes",
    "🛒 Current order",
    "🤝 Referrals",
    "📜 History",
]
SECTION_BUTTONS = [
    *VIEWER_SECTION_BUTTONS[:4],
    "🔄 Refresh from Telegram",
    "🤝 Referrals",
    "📜 History",
]


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


def chat_menus(person: Person, kind: type[TelegramMethod], chat_id: int) -> list:
    """Command-menu calls for one chat made by this person's last action."""
    return [
        request
        for request in person.requests()
        if isinstance(request, kind) and getattr(request.scope, "chat_id", None) == chat_id
    ]


async def customer_in(app: App, language: str = "pl", **fields: object) -> tuple[Person, Client]:
    person = app.person(
        first_name="Kasia", last_name="Nowak", username="kasia", language_code=language
    )
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    if fields:
        await Client.filter(id=client.id).update(**fields)
        await client.refresh_from_db()
    return person, client


async def test_the_card_shows_every_fact(app: App) -> None:
    referrer = await Client.create(first_name="Piotr", source="manual")
    _, client = await customer_in(
        app,
        phone="+48601234567",
        email="kasia@example.com",
        company="Sklep Łódź",
        description="Calls before noon",
        custom_name="Kasia N.",
        source="instagram",
        referrer_id=referrer.id,
        orders_count=4,
        total_spent=Decimal("250.00"),
        login="kasia",
        password_hash=PasswordHasher().hash("secret-pass"),
        is_blocked=True,
        broadcasts_off=True,
    )
    await Address.create(client=client, city="Łódź", street="Piotrkowska 1", postal_code="90-001")
    vip = await Tag.create(name="VIP", name_folded="vip")
    await client.tags.add(vip)
    manager = await make_staff(app, "manager")

    await open_card(manager, client)

    text = manager.text()
    for fact in (
        "Kasia N.",
        f"#{client.id}",
        "Kasia Nowak",
        "@kasia",
        f"id {client.telegram_id}",
        "Language: pl",
        "+48601234567",
        "kasia@example.com",
        "Sklep Łódź",
        "Piotrkowska 1, 90-001 Łódź",
        "Source: instagram",
        f"Piotr #{referrer.id}",
        "Registered: ",
        "Last seen: ",
        "Orders: 4 · total $250.00 · average check $62.50",
        "Tags: VIP",
        "Blocked, no access to the catalog",
        "Mass broadcast blocked",
        "Login: kasia · password set",
        "Calls before noon",
    ):
        assert fact in text, fact
    assert "argon2" not in text
    assert manager.buttons() == [
        "✏️ Edit: general",
        "🏷 Edit: tags",
        "💬 Chat",
        "✉️ Email",
        "📦 Orders",
        "📊 Analytics",
        "🧾 Create order",
        *SECTION_BUTTONS,
        "🕶 Anonymize (GDPR)",
        "🗑 Delete client",
        "📦 Export personal data",
        "⬅️ Back to the list",
    ]


async def test_a_full_card_fits_one_telegram_message(app: App) -> None:
    _, client = await customer_in(
        app, description="d" * 2000, company="c" * 255, custom_name="n" * 128
    )
    for number in range(60):
        name = f"{number:02}" + "t" * 62
        tag = await Tag.create(name=name, name_folded=name)
        await client.tags.add(tag)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    assert len(manager.text()) < 4096
    assert "(+30)" in manager.text()
    await manager.click("Edit: tags")
    assert len(manager.text()) < 4096
    assert len(manager.buttons()) < 30


async def test_the_card_speaks_the_managers_language(app: App) -> None:
    _, client = await customer_in(app)
    manager = app.person(first_name="Marek", language_code="ru")
    await manager.send("/start")
    await Client.filter(telegram_id=manager.id).update(is_manager=True)
    await open_card(manager, client)
    assert "Телефон: —" in manager.text()
    assert "⬅️ К списку" in manager.buttons()


async def test_an_anonymized_client_has_no_edit_actions(app: App) -> None:
    _, client = await customer_in(app, anonymized_at=datetime.now(UTC), orders_count=2)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    assert f"🕶 <b>Anonymized client #{client.id}</b>" in manager.text()
    assert "Kasia" not in manager.text()
    # orders, analytics, history and deleting stay; anonymizing again is not offered
    assert manager.buttons() == [
        "📦 Orders",
        "📊 Analytics",
        "📜 History",
        "🗑 Delete client",
        "⬅️ Back to the list",
    ]


async def test_a_missing_client_gets_a_clear_message(app: App) -> None:
    manager = await make_staff(app, "manager")
    await open_card(manager, 424242)
    assert "This client no longer exists" in manager.text()
    assert manager.buttons() == ["⬅️ Back to the list"]


async def test_a_client_deleted_while_the_card_is_open(app: App) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("general")
    await manager.click("Phone")
    await Client.filter(id=client.id).delete()
    await manager.send("+48 601 234 567")
    assert "This client no longer exists" in manager.text()
    assert await AuditEntry.all().count() == 0


async def test_back_to_the_list_closes_the_card(app: App) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await manager.send("/admin")
    await open_card(manager, client)
    await manager.click("Back to the list")
    assert "Client desk" in manager.text()


@pytest.mark.parametrize(
    ("button", "typed", "column", "stored", "searchable"),
    [
        ("Name", "  Kasia   the Baker ", "custom_name", "Kasia the Baker", "kasia the baker"),
        ("Login", "Kasia.Nowak", "login", "kasia.nowak", "kasia.nowak"),
        (
            "Description",
            "Wholesale\nprefers calls",
            "description",
            "Wholesale\nprefers calls",
            None,
        ),
        ("Phone", "601 234 567", "phone", "+48601234567", "+48601234567"),
        ("Email", "Kasia@Example.COM", "email", "Kasia@example.com", "kasia@example.com"),
        ("Company", "Łódź Sp. z o.o.", "company", "Łódź Sp. z o.o.", "lodz sp. z o.o."),
    ],
)
async def test_a_manager_edits_each_field(
    app: App, button: str, typed: str, column: str, stored: str, searchable: str | None
) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Edit: general")
    await manager.click(button)
    assert "Now: —" in manager.text()

    await manager.send(typed)

    await client.refresh_from_db()
    assert getattr(client, column) == stored
    assert "Tap a field to change it" in manager.text()  # back on Edit -> General
    shown = stored.replace("\n", " ") if column != "description" else "Wholesale"
    assert shown in manager.text()
    if searchable:
        assert searchable in client.search_text
    entry = await AuditEntry.get(client_id=client.id)
    manager_row = await Client.get(telegram_id=manager.id)
    assert (entry.actor_id, entry.actor_telegram_id) == (manager_row.id, manager.id)
    assert entry.action == "field_changed"
    assert entry.details == {"field": column, "personal": {"old": None, "new": stored}}


async def test_the_custom_name_becomes_the_sort_name(app: App) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "FIELD", "custom_name")
    await manager.send("Żaneta")
    await client.refresh_from_db()
    assert client.sort_name == "zaneta"


async def test_clearing_a_field(app: App) -> None:
    _, client = await customer_in(app, email="kasia@example.com")
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Edit: general")
    await manager.click("Email")
    assert "Now: kasia@example.com" in manager.text()
    await manager.click("Clear")
    await client.refresh_from_db()
    assert client.email is None
    assert "kasia@example.com" not in client.search_text
    entry = await AuditEntry.get(client_id=client.id)
    assert entry.details == {
        "field": "email",
        "personal": {"old": "kasia@example.com", "new": None},
    }


async def test_the_password_is_hashed_never_shown_and_its_message_deleted(app: App) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Edit: general")
    await manager.click("Password")

    await manager.send("correct horse battery")

    deleted = [r for r in manager.requests() if isinstance(r, DeleteMessage)]
    assert [(d.chat_id, d.message_id) for d in deleted] == [
        (manager.id, manager.client.last_message_id)
    ]
    await client.refresh_from_db()
    assert client.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(client.password_hash, "correct horse battery")
    assert "Password: set" in manager.text()
    assert "correct horse" not in manager.text()
    entry = await AuditEntry.get(client_id=client.id)
    assert entry.action == "password_set"
    assert entry.details == {"field": "password"}
    assert "correct horse" not in str(await AuditEntry.all().values())


async def test_a_telegram_error_deleting_the_password_message_is_survived(app: App) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "FIELD", "password")
    app.bot.session.fail_next(
        DeleteMessage, TelegramBadRequest, "Bad Request: message can't be deleted"
    )
    await manager.send("correct horse battery")
    await client.refresh_from_db()
    assert client.password_hash is not None
    assert "Password: set" in manager.text()


LONG_NAME = "x" * 5000
VALID = {
    "custom_name": "Kasia",
    "company": "ACME",
    "description": "ok",
    "email": "kasia@example.com",
    "phone": "+48 601 234 567",
    "login": "kasia",
    "password": "long enough now",
}


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("custom_name", LONG_NAME, "Too long: at most 128 characters."),
        ("custom_name", "   ", "The value is empty."),
        ("company", "y" * 256, "Too long: at most 255 characters."),
        ("description", "z" * 2001, "Too long: at most 2,000 characters."),
        ("email", "not-an-email", "not a valid email address"),
        ("email", "kasia@", "not a valid email address"),
        ("phone", "12345", "not a valid phone number"),
        ("phone", "+48 12", "not a valid phone number"),
        ("phone", "call me maybe", "not a valid phone number"),
        ("login", "ab", "Too short: at least 3 characters."),
        ("login", "kasia nowak", "letters, digits and . _ - @ + only"),
        ("login", "TAKEN", "This login is taken by another client."),
        ("password", "short", "Too short: at least 8 characters."),
        ("custom_name", "/stats", "This is a command, not a value."),
    ],
)
async def test_bad_input_is_refused_and_nothing_is_written(
    app: App, field: str, typed: str, message: str
) -> None:
    await Client.create(first_name="Other", login="taken")
    _, client = await customer_in(app)
    before = await Client.get(id=client.id).values()
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "FIELD", field)

    await manager.send(typed)

    assert message in manager.text()
    assert "Send" in manager.text()  # still the input prompt
    assert await Client.get(id=client.id).values() == before
    assert await AuditEntry.all().count() == 0
    await manager.send(VALID[field])
    assert message not in manager.text()
    assert "Tap a field to change it" in manager.text()


async def test_a_photo_instead_of_text_is_refused(app: App) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "FIELD", "company")
    await send_photo(manager, caption="ACME")
    assert "Send the value as a text message." in manager.text()
    await client.refresh_from_db()
    assert client.company is None


async def test_a_phone_without_plus_needs_a_known_region(app: App) -> None:
    _, client = await customer_in(app, language="en")
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "FIELD", "phone")
    await manager.send("601 234 567")
    assert "not a valid phone number" in manager.text()
    await manager.send("+48 601 234 567")
    await client.refresh_from_db()
    assert client.phone == "+48601234567"


async def test_a_russian_client_gets_a_russian_region(app: App) -> None:
    _, client = await customer_in(app, language="ru")
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "FIELD", "phone")
    await manager.send("8 912 345-67-89")
    await client.refresh_from_db()
    assert client.phone == "+79123456789"


@pytest.mark.parametrize(
    ("button", "column"),
    [("Blocked, no access", "is_blocked"), ("Mass broadcast blocked", "broadcasts_off")],
)
async def test_a_manager_toggles_the_customer_flags(app: App, button: str, column: str) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client)
    await manager.click("Edit: general")
    assert "Sees all orders and clients" not in " ".join(manager.buttons())

    await manager.click(f"⬜ {button}")
    await client.refresh_from_db()
    assert getattr(client, column) is True
    assert f"✅ {button}" in " ".join(manager.buttons())

    await manager.click(f"✅ {button}")
    await client.refresh_from_db()
    assert getattr(client, column) is False
    entries = (
        await AuditEntry.filter(client_id=client.id)
        .order_by("id")
        .values_list("details", flat=True)
    )
    assert entries == [
        {"field": column, "old": False, "new": True},
        {"field": column, "old": True, "new": False},
    ]


async def test_blocking_from_the_card_stops_shopping_at_once(app: App) -> None:
    _, client = await customer_in(app)
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "GENERAL")
    assert can_shop(await Client.get(id=client.id))
    await manager.click("Blocked, no access")
    assert not can_shop(await Client.get(id=client.id))
    await manager.click("Blocked, no access")
    assert can_shop(await Client.get(id=client.id))


async def test_the_owner_grants_and_revokes_the_desk(app: App) -> None:
    person, client = await customer_in(app, language="en")
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_card(owner, client)
    await owner.click("Edit: general")

    await owner.click("⬜ Sees all orders and clients")
    (granted,) = chat_menus(owner, SetMyCommands, person.id)
    assert [c.command for c in granted.commands] == ["start", "menu", "admin"]
    await person.send("/admin")
    assert "Your role: manager" in person.text()

    await owner.click("✅ Sees all orders and clients")
    assert chat_menus(owner, DeleteMyCommands, person.id)
    await person.send("/admin")
    assert "Client desk" not in " ".join(person.plain_texts())
    assert all("Client desk" not in (m.text or "") for m in person.shown())
    roles = (
        await AuditEntry.filter(client_id=client.id).order_by("id").values_list("action", "details")
    )
    assert roles == [
        ("role_changed", {"from": "customer", "to": "manager"}),
        ("role_changed", {"from": "manager", "to": "customer"}),
    ]


async def test_blocking_a_manager_takes_the_desk_and_the_admin_command(app: App) -> None:
    manager = await make_staff(app, "manager", first_name="Jan")
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_card(owner, await Client.get(telegram_id=manager.id), "GENERAL")
    await owner.click("⬜ Blocked")
    assert chat_menus(owner, DeleteMyCommands, manager.id)
    await manager.send("/admin")
    assert all("Client desk" not in (m.text or "") for m in manager.shown())


async def test_manager_and_viewer_exclude_each_other(app: App) -> None:
    _, client = await customer_in(app)
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_card(owner, client, "GENERAL")
    await owner.click("⬜ Viewer")
    await client.refresh_from_db()
    assert (client.is_viewer, client.is_manager) == (True, False)
    await owner.click("⬜ Sees all orders")
    await client.refresh_from_db()
    assert (client.is_viewer, client.is_manager) == (False, True)
    actions = (
        await AuditEntry.filter(client_id=client.id)
        .order_by("id")
        .values_list("details", flat=True)
    )
    assert actions == [{"from": "customer", "to": "viewer"}, {"from": "viewer", "to": "manager"}]


async def test_a_manager_sees_no_login_password_or_block_on_a_colleague(app: App) -> None:
    colleague = await make_staff(app, "manager", first_name="Jan")
    manager = await make_staff(app, "manager")
    await open_card(manager, await Client.get(telegram_id=colleague.id), "GENERAL")
    buttons = " ".join(manager.buttons())
    assert "Login" not in buttons and "Password" not in buttons and "Blocked" not in buttons
    assert "Phone" in buttons


async def test_a_viewer_reads_the_card_without_edit_buttons(app: App) -> None:
    _, client = await customer_in(app, phone="+48601234567")
    viewer = await make_staff(app, "viewer")
    await open_card(viewer, client)
    assert "+48601234567" in viewer.text()
    # the chat history, the email log, the orders, the analytics and the sections are readable
    assert viewer.buttons() == [
        "💬 Chat",
        "✉️ Email",
        "📦 Orders",
        "📊 Analytics",
        *VIEWER_SECTION_BUTTONS,
        "⬅️ Back to the list",
    ]


async def test_a_telegram_error_syncing_the_command_menu_is_survived(app: App) -> None:
    manager = await make_staff(app, "manager", first_name="Jan")
    row = await Client.get(telegram_id=manager.id)
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_card(owner, row, "GENERAL")
    app.bot.session.fail_next(DeleteMyCommands, TelegramBadRequest, "Bad Request: chat not found")
    await owner.click("✅ Sees all orders and clients")
    await row.refresh_from_db()
    assert row.is_manager is False
    assert "⬜ Sees all orders and clients" in owner.buttons()


async def test_start_typed_into_a_field_resets_to_the_customer_menu(app: App) -> None:
    """`/start` and `/menu` always reset to the customer menu, whatever dialog is open."""
    _, client = await customer_in(app)
    before = await Client.get(id=client.id).values()
    manager = await make_staff(app, "manager")
    await open_card(manager, client, "FIELD", "custom_name")

    await manager.send("/start")

    assert "Send" not in manager.text()
    assert any("Catalog" in button for button in manager.buttons())
    assert await Client.get(id=client.id).values() == before
