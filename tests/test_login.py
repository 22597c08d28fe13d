"""/login: a client takes over the profile a manager gave a login and password."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import DeleteMessage, SetMyCommands

from bot.services.client_profile import Actor, edit_field
from bot.services.profile_claim import (
    FAILURE_WINDOW,
    MAX_FAILURES,
    ClaimOutcome,
    attempts_left,
    claim_profile,
)
from bot.services.profile_input import ProfileField
from bot.services.roles import Role
from models import AuditEntry, Client, Order, Tag
from tests.card_harness import make_staff, open_card, send_photo, start_card_app
from tests.harness import App, Person

MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=7)
PASSWORD = "phone-order-2024"


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    yield app
    await app.close()


async def phone_order_profile(login: str = "kasia") -> Client:
    """What a manager creates after a phone order: no Telegram account yet."""
    profile = await Client.create(first_name="Kasia", source="manual", phone="+48601234567")
    await edit_field(MANAGER, profile.id, ProfileField.LOGIN, login)
    await edit_field(MANAGER, profile.id, ProfileField.PASSWORD, PASSWORD)
    return profile


async def log_in(person: Person, login: str, password: str) -> None:
    await person.send("/login")
    assert "Send your login" in person.plain_texts()[-1]
    await person.send(login)
    assert "send your password" in person.plain_texts()[-1]
    await person.send(password)


def deleted_ids(app: App, person: Person) -> list[int]:
    """Messages of this person's chat the bot deleted since their last action began."""
    return [
        r.message_id
        for r in person.requests()
        if isinstance(r, DeleteMessage) and r.chat_id == person.id
    ]


async def test_a_new_account_claims_the_profile(app: App) -> None:
    profile = await phone_order_profile()
    person = app.person(first_name="Kasia")
    await person.send("/start")
    fresh = await Client.get(telegram_id=person.id)

    await log_in(person, "KASIA", PASSWORD)

    assert "this Telegram account now has your profile" in person.plain_texts()[-1]
    assert deleted_ids(app, person) == [person.client.last_message_id]
    await profile.refresh_from_db()
    assert profile.telegram_id == person.id
    assert str(person.id) in profile.search_text
    assert not await Client.filter(id=fresh.id).exists()  # the empty row went
    claimed = await AuditEntry.get(action="claimed")
    assert claimed.client_id == profile.id
    assert claimed.details == {"personal": {"old_telegram_id": None, "new_telegram_id": person.id}}
    assert PASSWORD not in str(await AuditEntry.all().values())

    await person.send("/start")  # the next update is the claimed profile's
    assert await Client.filter(telegram_id=person.id).count() == 1
    assert (await Client.get(telegram_id=person.id)).id == profile.id


async def test_a_manager_sets_the_login_in_the_card_and_the_client_logs_in(app: App) -> None:
    profile = await Client.create(first_name="Kasia", source="manual")
    manager = await make_staff(app, "manager")
    await open_card(manager, profile, "FIELD", "login")
    await manager.send("kasia")
    await open_card(manager, profile, "FIELD", "password")
    await manager.send(PASSWORD)

    person = app.person(first_name="Kasia")
    await log_in(person, "kasia", PASSWORD)
    await profile.refresh_from_db()
    assert profile.telegram_id == person.id


async def test_an_account_with_its_own_data_is_detached_not_deleted(app: App) -> None:
    profile = await phone_order_profile()
    person = app.person(first_name="Kasia")
    await person.send("/start")
    own = await Client.get(telegram_id=person.id)
    await Order.create(client=own, currency="USD", status="new")

    await log_in(person, "kasia", PASSWORD)

    await own.refresh_from_db()
    assert own.telegram_id is None
    assert await Order.filter(client_id=own.id).count() == 1
    await profile.refresh_from_db()
    assert profile.telegram_id == person.id
    assert await AuditEntry.filter(action="detached_by_claim", client_id=own.id).exists()


async def test_a_profile_with_a_telegram_account_moves_to_the_new_one(app: App) -> None:
    old_account = app.person(first_name="Kasia")
    await old_account.send("/start")
    profile = await Client.get(telegram_id=old_account.id)
    await edit_field(MANAGER, profile.id, ProfileField.LOGIN, "kasia")
    await edit_field(MANAGER, profile.id, ProfileField.PASSWORD, PASSWORD)
    await profile.tags.add(await Tag.create(name="vip", name_folded="vip"))

    new_account = app.person(first_name="Kasia")
    await log_in(new_account, "kasia", PASSWORD)

    await profile.refresh_from_db()
    assert profile.telegram_id == new_account.id
    assert "vip" in profile.search_text
    await old_account.send("/start")  # the old account starts afresh
    assert (await Client.get(telegram_id=old_account.id)).id != profile.id


async def test_wrong_password_and_unknown_login_read_the_same(app: App) -> None:
    profile = await phone_order_profile()
    person = app.person(first_name="Eve")
    await log_in(person, "kasia", "wrong password")
    wrong = person.plain_texts()[-1]
    await log_in(person, "nobody", "wrong password")
    unknown = person.plain_texts()[-1]
    assert "Wrong login or password" in wrong
    assert wrong.replace("4", "3") == unknown
    await profile.refresh_from_db()
    assert profile.telegram_id is None
    assert deleted_ids(app, person)  # the password message went in any case


async def test_five_failures_lock_the_account_out_for_a_while(app: App) -> None:
    await phone_order_profile()
    person = app.person(first_name="Eve")
    for _ in range(MAX_FAILURES):
        await log_in(person, "kasia", "guess")
    assert "Too many wrong attempts" in person.plain_texts()[-1]

    await person.send("/login")
    assert "Too many wrong attempts" in person.plain_texts()[-1]
    result = await claim_profile(person.id, "kasia", PASSWORD)
    assert result.outcome is ClaimOutcome.LIMITED
    assert await Client.filter(telegram_id=person.id, login="kasia").count() == 0
    assert await AuditEntry.filter(action="login_failed").count() == MAX_FAILURES

    later = datetime.now(UTC) + FAILURE_WINDOW + timedelta(seconds=1)
    assert await attempts_left(person.id, later) == MAX_FAILURES
    result = await claim_profile(person.id, "kasia", PASSWORD, now=later)
    assert result.outcome is ClaimOutcome.CLAIMED


async def test_the_limit_is_per_telegram_account(app: App) -> None:
    await phone_order_profile()
    for _ in range(MAX_FAILURES):
        await claim_profile(111, "kasia", "guess")
    assert (await claim_profile(222, "kasia", PASSWORD)).outcome is ClaimOutcome.CLAIMED


async def test_a_failed_delete_of_the_password_message_is_survived(app: App) -> None:
    profile = await phone_order_profile()
    person = app.person(first_name="Kasia")
    await person.send("/login")
    await person.send("kasia")
    app.bot.session.fail_next(
        DeleteMessage, TelegramBadRequest, "Bad Request: message can't be deleted"
    )
    await person.client.send(PASSWORD)
    await profile.refresh_from_db()
    assert profile.telegram_id == person.id


async def test_already_yours(app: App) -> None:
    profile = await phone_order_profile()
    person = app.person(first_name="Kasia")
    await log_in(person, "kasia", PASSWORD)
    await log_in(person, "kasia", PASSWORD)
    assert "already linked" in person.plain_texts()[-1]
    await profile.refresh_from_db()
    assert profile.telegram_id == person.id


async def test_an_anonymized_profile_cannot_be_claimed(app: App) -> None:
    profile = await phone_order_profile()
    await Client.filter(id=profile.id).update(anonymized_at=datetime.now(UTC))
    person = app.person(first_name="Eve")
    await log_in(person, "kasia", PASSWORD)
    assert "Wrong login or password" in person.plain_texts()[-1]
    await profile.refresh_from_db()
    assert profile.telegram_id is None


async def test_cancel_and_other_commands_leave_the_flow(app: App) -> None:
    await phone_order_profile()
    person = app.person(first_name="Kasia")
    await person.send("/login")
    await person.send("/cancel")
    assert person.plain_texts() == ["Cancelled."]
    await person.send("/login")
    await person.send("/start")
    assert "Hello" in person.text()  # /start did its own job
    await person.send("kasia")  # no longer read as a login
    assert not any("password" in text for text in person.plain_texts())


async def test_a_photo_in_the_flow_is_refused_and_a_caption_deleted(app: App) -> None:
    await phone_order_profile()
    person = app.person(first_name="Kasia")
    await person.send("/login")
    await person.send("kasia")
    await send_photo(person, caption=PASSWORD)
    assert deleted_ids(app, person)
    assert "Send it as a text message" in person.plain_texts()[-1]


async def test_login_in_russian(app: App) -> None:
    person = app.person(first_name="Катя", language_code="ru")
    await person.send("/login")
    assert "Отправьте ваш логин" in person.plain_texts()[-1]


async def test_a_password_that_looks_like_a_command_is_still_deleted(app: App) -> None:
    profile = await Client.create(first_name="Kasia", source="manual")
    await edit_field(MANAGER, profile.id, ProfileField.LOGIN, "kasia")
    await edit_field(MANAGER, profile.id, ProfileField.PASSWORD, "/start-secret")
    person = app.person(first_name="Kasia")
    await log_in(person, "kasia", "/start-secret")
    assert deleted_ids(app, person) == [person.client.last_message_id]
    await profile.refresh_from_db()
    assert profile.telegram_id == person.id


async def test_a_claimed_managers_profile_brings_the_admin_command(app: App) -> None:
    owner = Actor(role=Role.OWNER, client_id=None, telegram_id=900_001)
    profile = await Client.create(first_name="Jan", is_manager=True)
    await edit_field(owner, profile.id, ProfileField.LOGIN, "jan")
    await edit_field(owner, profile.id, ProfileField.PASSWORD, PASSWORD)
    person = app.person(first_name="Jan")
    await log_in(person, "jan", PASSWORD)
    menus = [
        r
        for r in person.requests()
        if isinstance(r, SetMyCommands) and getattr(r.scope, "chat_id", None) == person.id
    ]
    assert [c.command for c in menus[-1].commands] == ["start", "menu", "admin"]
    await person.send("/admin")
    assert "Your role: manager" in person.text()


async def test_what_makes_a_profile_worth_keeping(db: None) -> None:
    from bot.services.profile_claim import is_empty_profile
    from models import Address

    fresh = await Client.create(first_name="A", telegram_id=1)
    assert await is_empty_profile(fresh)
    with_address = await Client.create(first_name="B", telegram_id=2)
    await Address.create(client=with_address, city="Łódź", street="Piotrkowska 1")
    with_tag = await Client.create(first_name="C", telegram_id=3)
    await with_tag.tags.add(await Tag.create(name="vip", name_folded="vip"))
    with_phone = await Client.create(first_name="D", telegram_id=4, phone="+48601234567")
    referrer = await Client.create(first_name="E", telegram_id=5)
    await Client.create(first_name="F", referrer=referrer)
    for client in (with_address, with_tag, with_phone, referrer):
        assert not await is_empty_profile(client), client.first_name
