"""Settings → Mail server through the harness: an owner sets it up step by step and sends a
test email that arrives at aiosmtpd; bad input changes nothing; nobody else gets in."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import DeleteMessage

from bot.services.roles import Role
from bot.services.secrets import decrypt_secret, encrypt_secret
from bot.services.shop_settings import MailSecurity, MailServer, get_mail_server, save_mail_server
from models import AuditEntry, Setting
from tests.fakes.smtp import smtp_server
from tests.harness import OWNER_ID, App, Person, make_settings, start_app

# aiosmtpd warns of AUTH without TLS: this is loopback
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

KEY = "settings-test-secret-key"
PASSWORD = "Hasło-Пароль-42"


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app(make_settings(secret_key=KEY)) as app:
        yield app


async def open_mail_settings(owner: Person) -> None:
    await owner.send("/admin")
    await owner.click("Settings")
    await owner.click("Mail server")


async def mail_row() -> dict | None:
    row = await Setting.get_or_none(key="mail")
    return row.value if row else None


async def test_owner_sets_up_the_server_step_by_step_and_a_test_email_arrives(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_mail_settings(owner)
    assert "No mail server is set up" in owner.text()

    with smtp_server(credentials=("shop-user", PASSWORD)) as smtp:
        await owner.click("Set up the server")
        assert "Step 1 of 6" in owner.text()
        await owner.send("127.0.0.1")
        assert "Step 2 of 6" in owner.text()
        await owner.send(str(smtp.port))
        assert "Step 3 of 6" in owner.text()
        await owner.click("None")
        assert "Step 4 of 6" in owner.text()
        await owner.send("shop-user")
        assert "Step 5 of 6" in owner.text()
        assert await mail_row() is None  # nothing stored before the last step

        await owner.send(PASSWORD)
        password_message_id = owner.client.last_message_id
        deletes = [r for r in owner.requests() if isinstance(r, DeleteMessage)]
        assert [(d.chat_id, d.message_id) for d in deletes] == [
            (owner.chat_id, password_message_id)
        ]
        assert "Step 6 of 6" in owner.text()
        await owner.send("shop@example.com")

        text = owner.text()
        assert "✅ Saved." in text
        assert f"Server: 127.0.0.1:{smtp.port}" in text
        assert "Security: none (plain)" in text
        assert "Login: shop-user" in text
        assert "Password: stored encrypted" in text
        assert "Sender: shop@example.com" in text
        assert PASSWORD not in text

        value = await mail_row()
        assert PASSWORD not in json.dumps(value, ensure_ascii=False)
        assert decrypt_secret(value["password_encrypted"], KEY) == PASSWORD
        assert (value["host"], value["port"], value["tls"], value["user"], value["from"]) == (
            "127.0.0.1",
            smtp.port,
            "none",
            "shop-user",
            "shop@example.com",
        )
        assert await AuditEntry.filter(action="settings_mail_changed").count() == 1

        await owner.click("Send a test email")
        await owner.send("Olga.Owner@Example.org")
        assert "✅ The test email was sent to Olga.Owner@example.org." in owner.text()

    [arrived] = smtp.mailbox.received
    assert arrived.recipients == ["Olga.Owner@example.org"]
    assert arrived.message["Subject"] == "Test email from your shop bot"
    assert "mail server settings work" in arrived.message.get_content()
    assert smtp.mailbox.logins == [("shop-user", PASSWORD)]


async def test_a_failed_test_email_shows_the_reason(app: App) -> None:
    await save_mail_server(
        None, Role.OWNER, MailServer("127.0.0.1", 9, MailSecurity.PLAIN, "shop@example.com")
    )
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_mail_settings(owner)
    await owner.click("Send a test email")
    await owner.send("not an email")
    assert owner.plain_texts() == ["⚠️ That is not a valid email address."]
    await owner.send("olga@example.org")
    assert "❌ The test email was not sent: cannot connect to 127.0.0.1:9" in owner.text()


@pytest.mark.parametrize(
    ("step_inputs", "bad", "message"),
    [
        ([], "", "That is not a server address"),
        ([], "smtp example.com", "That is not a server address"),
        (["smtp.example.com"], "abc", "The port must be a number from 1 to 65535."),
        (["smtp.example.com"], "70000", "The port must be a number from 1 to 65535."),
        (["smtp.example.com"], "0", "The port must be a number from 1 to 65535."),
    ],
)
async def test_bad_host_or_port_is_refused_and_nothing_changes(
    app: App, step_inputs: list[str], bad: str, message: str
) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_mail_settings(owner)
    await owner.click("Set up the server")
    for text in step_inputs:
        await owner.send(text)
    step = owner.text()
    await owner.send(bad or " ")
    assert len(owner.plain_texts()) == 1 and message in owner.plain_texts()[0]
    assert owner.text() == step  # the same step again
    assert await mail_row() is None


async def test_an_invalid_sender_is_refused_and_the_old_server_stays(app: App) -> None:
    old = MailServer("old.example.com", 25, MailSecurity.PLAIN, "old@example.com")
    await save_mail_server(None, Role.OWNER, old)
    before = await mail_row()
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_mail_settings(owner)
    await owner.click("Set up the server")
    await owner.send("smtp.example.com")
    await owner.send("587")
    await owner.click("STARTTLS")
    await owner.click("No login")
    assert "Step 6 of 6" in owner.text()
    await owner.send("shop@@example")
    assert owner.plain_texts() == ["⚠️ That is not a valid email address."]
    assert "Step 6 of 6" in owner.text()
    assert await mail_row() == before
    await owner.send("shop@example.com")
    server = await get_mail_server()
    assert (server.host, server.port, server.security, server.user) == (
        "smtp.example.com",
        587,
        MailSecurity.STARTTLS,
        None,
    )


async def test_without_secret_key_the_password_is_refused_and_deleted(db: None) -> None:
    async with start_app(make_settings(secret_key=None)) as app:
        owner = app.person(user_id=OWNER_ID, first_name="Olga")
        await open_mail_settings(owner)
        await owner.click("Set up the server")
        await owner.send("smtp.example.com")
        await owner.send("587")
        await owner.click("STARTTLS")
        await owner.send("shop-user")
        app.bot.session.fail_next(DeleteMessage, TelegramBadRequest, "message can't be deleted")
        await owner.send(PASSWORD)
        [refusal] = owner.plain_texts()
        assert "SECRET_KEY is not set" in refusal
        assert any(isinstance(r, DeleteMessage) for r in owner.requests())
        assert "Step 5 of 6" in owner.text()
        assert await mail_row() is None


async def test_a_changed_secret_key_asks_to_reenter_the_password(app: App) -> None:
    await save_mail_server(
        None,
        Role.OWNER,
        MailServer(
            "smtp.example.com",
            587,
            MailSecurity.STARTTLS,
            "shop@example.com",
            user="shop",
            password_encrypted=encrypt_secret("pw", "the-old-key"),
        ),
    )
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_mail_settings(owner)
    assert "Password: ⚠️ cannot be decrypted" in owner.text()
    assert "re-enter the password" in owner.text()
    await owner.click("Send a test email")
    await owner.send("olga@example.org")
    assert any("re-enter the password" in text for text in owner.plain_texts())
