"""The card's services against the real database: validation, rules, audit, search."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bot.services.audit import PERSONAL, record_audit
from bot.services.client_profile import (
    Actor,
    ClientAnonymized,
    ClientNotFound,
    Flag,
    clear_field,
    edit_field,
    load_card,
    toggle_flag,
)
from bot.services.profile_input import (
    Invalid,
    ProfileError,
    ProfileField,
    normalize_email,
    normalize_phone,
)
from bot.services.roles import AccessDenied, Role
from models import AuditEntry, Client

OWNER_TG = 900_001
MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=7, owner_ids=frozenset({OWNER_TG}))
OWNER = Actor(
    role=Role.OWNER, client_id=None, telegram_id=OWNER_TG, owner_ids=frozenset({OWNER_TG})
)
VIEWER = Actor(role=Role.VIEWER, client_id=None, telegram_id=8)


@pytest.mark.parametrize(
    ("typed", "language", "expected"),
    [
        ("+48 601 234 567", None, "+48601234567"),
        ("601-234-567", "pl", "+48601234567"),
        ("8 (912) 345-67-89", "ru", "+79123456789"),
        ("+1 650 253 0000", "ru", "+16502530000"),
        ("(601) 234 567", "pl-PL", "+48601234567"),
    ],
)
def test_phones_become_e164(typed: str, language: str | None, expected: str) -> None:
    assert normalize_phone(typed, language) == expected


@pytest.mark.parametrize(
    ("typed", "language"),
    [("601 234 567", None), ("601 234 567", "en"), ("+48 1", None), ("phone", "pl"), ("+", None)],
)
def test_bad_phones(typed: str, language: str | None) -> None:
    with pytest.raises(ProfileError) as error:
        normalize_phone(typed, language)
    assert error.value.reason is Invalid.PHONE


def test_emails() -> None:
    assert normalize_email("Anna.K@Example.COM") == "Anna.K@example.com"
    for bad in ("anna", "anna@", "@example.com", "anna@@example.com", "anna@exa mple.com"):
        with pytest.raises(ProfileError):
            normalize_email(bad)


async def test_logins_are_unique_whatever_the_case(db: None) -> None:
    first = await Client.create(first_name="A")
    second = await Client.create(first_name="B")
    await edit_field(MANAGER, first.id, ProfileField.LOGIN, "Kasia")
    with pytest.raises(ProfileError) as error:
        await edit_field(MANAGER, second.id, ProfileField.LOGIN, "KASIA")
    assert error.value.reason is Invalid.LOGIN_TAKEN
    await second.refresh_from_db()
    assert second.login is None
    assert await edit_field(MANAGER, first.id, ProfileField.LOGIN, "kasia") is False  # same


async def test_an_unchanged_value_writes_no_audit(db: None) -> None:
    client = await Client.create(first_name="A", company="ACME")
    assert await edit_field(MANAGER, client.id, ProfileField.COMPANY, " ACME ") is False
    assert await clear_field(MANAGER, client.id, ProfileField.EMAIL) is False
    assert await AuditEntry.all().count() == 0


async def test_search_text_follows_each_edit(db: None) -> None:
    client = await Client.create(first_name="Anna")
    for field, typed in [
        (ProfileField.CUSTOM_NAME, "Żaneta"),
        (ProfileField.PHONE, "+48 601 234 567"),
        (ProfileField.EMAIL, "zaneta@example.com"),
        (ProfileField.LOGIN, "zaneta_k"),
        (ProfileField.COMPANY, "Łódzka Sp."),
    ]:
        await edit_field(MANAGER, client.id, field, typed)
    await client.refresh_from_db()
    for part in ("zaneta", "+48601234567", "zaneta@example.com", "zaneta_k", "lodzka sp."):
        assert part in client.search_text
    assert client.sort_name == "zaneta"


async def test_the_password_never_reaches_the_audit_log(db: None) -> None:
    client = await Client.create(first_name="A")
    await edit_field(MANAGER, client.id, ProfileField.PASSWORD, "hunter2hunter2")
    await clear_field(MANAGER, client.id, ProfileField.PASSWORD)
    entries = await AuditEntry.all().order_by("id").values("action", "details")
    assert entries == [
        {"action": "password_set", "details": {"field": "password"}},
        {"action": "password_cleared", "details": {"field": "password"}},
    ]
    with pytest.raises(ValueError):
        await record_audit(
            actor_id=None,
            actor_telegram_id=1,
            client_id=client.id,
            action="x",
            personal={"password": "hunter2"},
        )


async def test_personal_values_sit_under_one_key(db: None) -> None:
    client = await Client.create(first_name="A", email="old@example.com")
    await edit_field(MANAGER, client.id, ProfileField.EMAIL, "new@example.com")
    entry = await AuditEntry.get(client_id=client.id)
    assert entry.details == {
        "field": "email",
        PERSONAL: {"old": "old@example.com", "new": "new@example.com"},
    }
    assert entry.actor_telegram_id == MANAGER.telegram_id


async def test_viewers_and_customers_change_nothing(db: None) -> None:
    client = await Client.create(first_name="A")
    before = await Client.get(id=client.id).values()
    customer = Actor(role=Role.CUSTOMER, client_id=None, telegram_id=9)
    for actor in (VIEWER, customer):
        with pytest.raises(AccessDenied):
            await edit_field(actor, client.id, ProfileField.COMPANY, "ACME")
        with pytest.raises(AccessDenied):
            await clear_field(actor, client.id, ProfileField.COMPANY)
        with pytest.raises(AccessDenied):
            await edit_field(actor, client.id, ProfileField.PASSWORD, "long password")
        for flag in Flag:
            with pytest.raises(AccessDenied):
                await toggle_flag(actor, client.id, flag)
    assert await Client.get(id=client.id).values() == before
    assert await AuditEntry.all().count() == 0


async def test_only_owners_grant_staff_flags(db: None) -> None:
    client = await Client.create(first_name="A")
    for flag in (Flag.MANAGER, Flag.VIEWER):
        with pytest.raises(AccessDenied):
            await toggle_flag(MANAGER, client.id, flag)
    await client.refresh_from_db()
    assert (client.is_manager, client.is_viewer) == (False, False)
    assert (await toggle_flag(OWNER, client.id, Flag.MANAGER)).is_manager is True


async def test_managers_cannot_block_or_take_over_staff(db: None) -> None:
    colleague = await Client.create(first_name="Jan", is_manager=True)
    owner_row = await Client.create(first_name="Olga", telegram_id=OWNER_TG)
    for target in (colleague, owner_row):
        with pytest.raises(AccessDenied):
            await toggle_flag(MANAGER, target.id, Flag.BLOCKED)
        with pytest.raises(AccessDenied):
            await edit_field(MANAGER, target.id, ProfileField.LOGIN, "takeover")
        with pytest.raises(AccessDenied):
            await edit_field(MANAGER, target.id, ProfileField.PASSWORD, "takeover-pass")
    assert await edit_field(MANAGER, colleague.id, ProfileField.PHONE, "+48601234567")
    assert (await toggle_flag(OWNER, colleague.id, Flag.BLOCKED)).is_blocked is True


async def test_missing_and_anonymized_clients(db: None) -> None:
    with pytest.raises(ClientNotFound):
        await edit_field(MANAGER, 4242, ProfileField.COMPANY, "ACME")
    with pytest.raises(ClientNotFound):
        await toggle_flag(MANAGER, 4242, Flag.BLOCKED)
    gone = await Client.create(first_name="", anonymized_at=datetime.now(UTC))
    with pytest.raises(ClientAnonymized):
        await edit_field(MANAGER, gone.id, ProfileField.COMPANY, "ACME")
    with pytest.raises(ClientAnonymized):
        await toggle_flag(MANAGER, gone.id, Flag.BLOCKED)
    assert await load_card(4242) is None


async def test_the_card_facts(db: None) -> None:
    client = await Client.create(first_name="A", orders_count=3, total_spent=Decimal("100"))
    facts = await load_card(client.id)
    assert facts is not None
    assert str(facts.average_check) == "33.33"
    assert facts.has_password is False


def test_every_key_the_card_looks_up_exists_in_every_language() -> None:
    from dialogs.client_card.getters import ERROR_KEYS, FIELD_KEYS, FLAG_KEYS
    from tests.test_i18n import catalog_keys

    used = {*ERROR_KEYS.values(), *FIELD_KEYS.values(), *FLAG_KEYS.values()}
    assert set(FIELD_KEYS) == set(ProfileField)
    assert set(FLAG_KEYS) == set(Flag)
    assert {reason.value for reason in Invalid} <= set(ERROR_KEYS)
    for locale in ("en", "ru", "pl"):
        assert used <= catalog_keys(locale), locale


@pytest.mark.parametrize(
    ("locale", "key", "args", "expected"),
    [
        ("ru", "login-wrong", {"attempts": 1}, "Осталась 1 попытка."),
        ("ru", "login-wrong", {"attempts": 3}, "Осталось 3 попытки."),
        ("ru", "login-wrong", {"attempts": 5}, "Осталось 5 попыток."),
        ("pl", "login-wrong", {"attempts": 1}, "Została 1 próba."),
        ("pl", "login-wrong", {"attempts": 4}, "Zostały 4 próby."),
        ("pl", "card-error-too-long", {"limit": 64}, "najwyżej 64 znaki."),
        ("pl", "card-error-too-long", {"limit": 128}, "najwyżej 128 znaków."),
        ("ru", "card-error-too-long", {"limit": 64}, "не больше 64 символов."),
        ("ru", "card-error-too-many", {"limit": 20}, "не больше 20 тегов."),
        ("en", "card-error-too-short", {"limit": 8}, "at least 8 characters."),
    ],
)
def test_card_plurals(locale: str, key: str, args: dict[str, int], expected: str) -> None:
    from tests.test_i18n import render

    assert expected in render(locale, key, **args)
