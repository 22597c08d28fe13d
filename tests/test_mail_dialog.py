"""The client's Email and SMS screens through the harness: a manager writes an email that
arrives at aiosmtpd, a failed one is retried, an SMS goes to a local SMSAPI server; viewers
read only; missing server, email or phone get a clear line."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.fsm.state import State
from aiogram_dialog.manager.bg_manager import BgManagerFactoryImpl

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
from dialogs.client_mail.states import ClientMail, ClientSms
from models import Client, EmailMessage, OutboxStatus, SmsMessage
from tests.fakes.sms_gateways import smsapi_server
from tests.fakes.smtp import closed_port, smtp_server
from tests.harness import App, Person, make_settings, start_app

KEY = "client-mail-secret-key"
SUBJECT = "Ваш заказ — Zamówienie gotowe"
BODY = "Здравствуйте!\nPaczka czeka w Łodzi."


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app(make_settings(secret_key=KEY)) as app:
        yield app


async def staff(app: App, *, viewer: bool = False) -> Person:
    person = app.person(first_name="Marek")
    await person.send("/start")
    await Client.filter(telegram_id=person.id).update(is_manager=not viewer, is_viewer=viewer)
    await person.send("/admin")
    return person


async def open_screen(app: App, person: Person, state: State, client_id: int) -> None:
    """What the card's ✉️ / 📱 buttons do: start the dialog with the client's id."""
    manager = BgManagerFactoryImpl(app.dp).bg(app.bot, person.id, person.chat_id)
    updater = manager._updater  # type: ignore[attr-defined]
    updater.notify = updater._process_update
    person._begin()
    await manager.start(state, data={"client_id": client_id})
    # a background start knows only the chat's id: give the shown message the real
    # private chat, as Telegram's copy of it would have
    sent = app.messages.sent_messages
    sent[-1] = sent[-1].model_copy(update={"chat": person.client.chat})


async def configure_mail(port: int) -> None:
    server = MailServer("127.0.0.1", port, MailSecurity.PLAIN, "shop@example.com")
    await save_mail_server(None, Role.OWNER, server)


async def a_client(**fields: object) -> Client:
    values: dict[str, object] = {"telegram_id": 777_001, "first_name": "Ola"}
    values.update(fields)
    return await Client.create(**values)


async def test_a_manager_writes_an_email_that_arrives(app: App) -> None:
    client = await a_client(email="ola@example.org")
    manager = await staff(app)
    with smtp_server() as smtp:
        await configure_mail(smtp.port)
        await open_screen(app, manager, ClientMail.EMAILS, client.id)
        assert "Emails to Ola" in manager.text()
        assert "Sent so far: 0" in manager.text()
        await manager.click("Write an email")
        await manager.send(SUBJECT)
        await manager.send(BODY)
        assert "Send this email?" in manager.text()
        assert "To: ola@example.org" in manager.text()
        await manager.click("Send")

    text = manager.text()
    assert "✅ The email was sent." in text
    assert f"· {SUBJECT}" in text and "Sent so far: 1" in text
    [arrived] = smtp.mailbox.received
    assert arrived.recipients == ["ola@example.org"]
    assert (arrived.message["Subject"], arrived.message.get_content()) == (SUBJECT, BODY)
    email = await EmailMessage.get(client=client)
    manager_row = await Client.get(telegram_id=manager.id)
    assert (email.status, email.manager_id) == (OutboxStatus.SENT, manager_row.id)


async def test_a_failed_email_shows_the_reason_and_is_retried(app: App) -> None:
    client = await a_client(email="ola@example.org")
    manager = await staff(app)
    await configure_mail(closed_port())
    await open_screen(app, manager, ClientMail.EMAILS, client.id)
    await manager.click("Write an email")
    await manager.send("x" * 201)
    assert manager.plain_texts() == ["⚠️ The subject must be 1 to 200 characters."]
    await manager.send("Faktura")
    await manager.send("Dzień dobry")
    await manager.click("Send")
    assert "❌ The email was not sent: cannot connect to 127.0.0.1:" in manager.text()
    assert "❌" in manager.text().split("Sent so far: 1", 1)[1]
    assert (await EmailMessage.get(client=client)).status is OutboxStatus.FAILED

    with smtp_server() as smtp:
        await configure_mail(smtp.port)
        await manager.click("🔁 Faktura")
    assert "✅ The email was sent." in manager.text()
    assert "🔁" not in " ".join(manager.buttons())
    [arrived] = smtp.mailbox.received
    assert arrived.message["Subject"] == "Faktura"
    assert await EmailMessage.filter(client=client, status=OutboxStatus.SENT).count() == 1
    assert await EmailMessage.all().count() == 1


async def test_no_server_or_no_email_is_said_and_nothing_is_written(app: App) -> None:
    client = await a_client(email=None)
    manager = await staff(app)
    await open_screen(app, manager, ClientMail.EMAILS, client.id)
    assert "No mail server is set up" in manager.text()
    assert not any("Write" in b for b in manager.buttons())
    await configure_mail(closed_port())
    await open_screen(app, manager, ClientMail.EMAILS, client.id)
    assert "This client has no email address" in manager.text()
    assert not any("Write" in b for b in manager.buttons())
    assert await EmailMessage.all().count() == 0


async def test_a_viewer_reads_the_list_and_cannot_write(app: App) -> None:
    client = await a_client(email="ola@example.org")
    await configure_mail(closed_port())
    await EmailMessage.create(
        client=client, to_address="ola@example.org", subject="Old", body="b", status="failed"
    )
    viewer = await staff(app, viewer=True)
    await open_screen(app, viewer, ClientMail.EMAILS, client.id)
    assert "· Old" in viewer.text()
    assert viewer.buttons() == ["⬅️ Back"]  # no writing, no retry
    screen = viewer.screen()
    intent = screen.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    before = await EmailMessage.all().values()
    for widget in ("write", "retry:1"):
        answer = await viewer.click_data(f"{intent}\x1d{widget}", screen)
        assert [a.text for a in viewer.answers(answer)] == ["This button is not available to you."]
    assert await EmailMessage.all().values() == before


async def test_a_manager_sends_an_sms_through_smsapi(app: App) -> None:
    client = await a_client(phone="+48 601 234 567")
    manager = await staff(app)
    async with smsapi_server(token="tok") as gateway:
        await save_sms_gateway(
            None,
            Role.OWNER,
            SmsGateway(SmsProvider.SMSAPI, encrypt_secret("tok", KEY), gateway.url, "Sklep"),
        )
        await open_screen(app, manager, ClientSms.MESSAGES, client.id)
        assert "SMS to Ola" in manager.text()
        await manager.click("Write an SMS")
        await manager.send("x" * 481)
        assert manager.plain_texts() == ["⚠️ An SMS is 1 to 480 characters."]
        await manager.send("Zamówienie gotowe, Заказ готов")
        assert "(30 characters)" in manager.text()
        await manager.click("Send")
    assert "✅ The SMS was sent." in manager.text()
    assert "· Zamówienie gotowe, Заказ готов" in manager.text()
    [request] = gateway.requests
    assert (request["to"], request["message"]) == ("48601234567", "Zamówienie gotowe, Заказ готов")
    sms = await SmsMessage.get(client=client)
    assert (sms.status, sms.provider) == (OutboxStatus.SENT, "smsapi")


async def test_sms_without_a_gateway_or_phone_is_said(app: App) -> None:
    client = await a_client(phone=None)
    manager = await staff(app)
    await open_screen(app, manager, ClientSms.MESSAGES, client.id)
    assert "No SMS gateway is set up" in manager.text()
    await save_sms_gateway(
        None,
        Role.OWNER,
        SmsGateway(SmsProvider.SMSAPI, encrypt_secret("t", KEY), "http://127.0.0.1:9/"),
    )
    await open_screen(app, manager, ClientSms.MESSAGES, client.id)
    assert "This client has no phone number" in manager.text()
    assert not any("Write" in b for b in manager.buttons())
    assert await SmsMessage.all().count() == 0


async def test_a_failed_sms_shows_the_reason_and_is_retried(app: App) -> None:
    client = await a_client(phone="+48601234567")
    manager = await staff(app)
    async with smsapi_server(token="right") as gateway:

        async def configure_sms(token: str) -> None:
            encrypted = encrypt_secret(token, KEY)
            await save_sms_gateway(
                None, Role.OWNER, SmsGateway(SmsProvider.SMSAPI, encrypted, gateway.url)
            )

        await configure_sms("wrong")
        await open_screen(app, manager, ClientSms.MESSAGES, client.id)
        await manager.click("Write an SMS")
        await manager.send("Odbiór jutro")
        await manager.click("Send")
        assert "❌ The SMS was not sent: SMSAPI error 401:" in manager.text()
        await configure_sms("right")
        await manager.click("🔁 Odbiór jutro")
    assert "✅ The SMS was sent." in manager.text()
    assert "🔁" not in " ".join(manager.buttons())
    assert [r["auth"] for r in gateway.requests] == ["Bearer wrong", "Bearer right"]
    sms = await SmsMessage.get(client=client)
    assert sms.status is OutboxStatus.SENT
