"""Settings are the owners': managers and customers neither see them nor get in with a forged
or replayed callback or a typed message; the database stays as it was."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from aiogram.types import Message
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

from bot.services.roles import Role
from bot.services.secrets import encrypt_secret
from bot.services.shop_settings import (
    MailSecurity,
    MailServer,
    SmsGateway,
    SmsProvider,
    save_mail_server,
    save_sms_gateway,
)
from models import AuditEntry, Client, Setting
from tests.harness import OWNER_ID, App, Person, make_settings, start_app

KEY = "access-test-secret-key"
SEP = "\x1d"  # aiogram-dialog's callback data: <intent id><SEP><widget id>


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app(make_settings(secret_key=KEY)) as app:
        yield app


async def configured() -> list[dict]:
    await save_mail_server(
        None, Role.OWNER, MailServer("smtp.example.com", 587, MailSecurity.STARTTLS, "a@b.co")
    )
    gateway = SmsGateway(SmsProvider.SMSAPI, encrypt_secret("tok", KEY), "https://api.smsapi.pl/")
    await save_sms_gateway(None, Role.OWNER, gateway)
    return await snapshot()


async def snapshot() -> list[dict]:
    return [
        *await Setting.all().order_by("key").values("key", "value"),
        *await AuditEntry.all().order_by("id").values("id", "action"),
    ]


def intent_of(screen: Message) -> str:
    return screen.reply_markup.inline_keyboard[0][0].callback_data.split(SEP)[0]


async def a_manager(app: App) -> Person:
    manager = app.person(first_name="Marek")
    await manager.send("/start")
    await Client.filter(telegram_id=manager.id).update(is_manager=True)
    return manager


async def test_only_the_owner_sees_the_settings_button(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await owner.send("/admin")
    assert "⚙️ Settings" in owner.buttons()
    manager = await a_manager(app)
    await manager.send("/admin")
    assert "Your role: manager" in manager.text()
    assert "⚙️ Settings" not in manager.buttons()


async def test_a_manager_forging_the_settings_button_gets_nothing(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    before = await configured()
    manager = await a_manager(app)
    await manager.send("/admin")
    desk = manager.screen()
    with caplog.at_level(logging.WARNING):
        callback_id = await manager.click_data(f"{intent_of(desk)}{SEP}settings", desk)
    assert manager.shown() == []
    assert [a.text for a in manager.answers(callback_id)] == [
        "This button is not available to you."
    ]
    assert any("denied" in r.getMessage() for r in caplog.records)
    assert await snapshot() == before


async def test_a_customer_replaying_the_owners_settings_callbacks_changes_nothing(
    app: App,
) -> None:
    before = await configured()
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await owner.send("/admin")
    await owner.click("Settings")
    await owner.click("SMS gateway")
    sms_screen = owner.screen()
    remove = owner.button("Remove").callback_data

    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    await customer.click_data(remove, customer.screen())
    await customer.click_data(f"{intent_of(customer.screen())}{SEP}settings", customer.screen())
    assert all("Settings" not in (m.text or "") for m in customer.shown())
    assert all("SMS gateway" not in (m.text or "") for m in customer.shown())

    manager = await a_manager(app)
    await manager.send("/admin")
    await manager.click_data(remove, sms_screen)
    assert all("SMS gateway" not in (m.text or "") for m in manager.shown())
    assert await snapshot() == before


async def test_an_owner_demoted_mid_dialog_cannot_go_on(
    db: None, caplog: pytest.LogCaptureFixture
) -> None:
    """The same person with the settings dialog open, after their id left ADMIN_IDS (but
    they are still a manager): every button and typed step is refused by the handlers."""
    before = await configured()
    storage = JsonMemoryStorage()
    async with start_app(make_settings(secret_key=KEY), storage=storage) as as_owner:
        owner = as_owner.person(user_id=OWNER_ID, first_name="Olga")
        await owner.send("/start")
        await owner.send("/admin")
        await owner.click("Settings")
        await owner.click("Mail server")
        mail_screen = owner.screen()
        setup = owner.button("Set up").callback_data
        await owner.click("Set up")
        await owner.send("evil.example.com")
        port_screen = owner.screen()
        assert "Step 2 of 6" in port_screen.text
        cancel = owner.button("Cancel").callback_data
    await Client.filter(telegram_id=OWNER_ID).update(is_manager=True)
    assert await snapshot() == before

    demoted_settings = make_settings(secret_key=KEY, admin_ids=frozenset({1}))
    async with start_app(demoted_settings, storage=storage) as as_manager:
        demoted = as_manager.person(user_id=OWNER_ID, first_name="Olga")
        with caplog.at_level(logging.WARNING):
            await demoted.send("25")
            assert demoted.shown() == []
            first = await demoted.click_data(cancel, port_screen)
            assert [a.text for a in demoted.answers(first)] == [
                "This button is not available to you."
            ]
            await demoted.click_data(setup, mail_screen)
            assert demoted.shown() == []
    denied = [r for r in caplog.records if "tried a staff action" in r.getMessage()]
    assert len(denied) == 3
    assert await snapshot() == before
