"""The pieces the client card uses (its second getter and the ✉️ / 📱 actions), exercised
from a stand-in card window started like the real one (`data={"client_id": ...}`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from aiogram.fsm.state import State, StatesGroup
from aiogram_dialog import Dialog, Window
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage
from aiogram_dialog.widgets.kbd import Button, Row
from aiogram_dialog.widgets.text import Format

from bot.app import build_dispatcher
from bot.services.roles import Role
from bot.services.secrets import encrypt_secret
from bot.services.shop_settings import SmsGateway, SmsProvider, save_sms_gateway
from dialogs.access import staff_only
from dialogs.client_mail.getters import card_outbox_getter
from dialogs.client_mail.handlers import open_client_email, open_client_sms
from dialogs.widgets import Tr
from models import Client, EmailMessage
from tests.fakes.recording_bot import recording_bot
from tests.harness import TEST_TOKEN, AnsweringMessageManager, App, make_settings
from tests.test_mail_dialog import a_client, open_screen, staff

KEY = "card-actions-secret-key"


@staff_only
class StandInCard(StatesGroup):
    MAIN = State()


def stand_in_card() -> Dialog:
    return Dialog(
        Window(
            Format("Card"),
            Format("{card_emails}", when="card_emails"),
            Row(
                Button(
                    Tr("card-email"),
                    id="email",
                    on_click=open_client_email,
                    when="card_email_action",
                ),
                Button(Tr("card-sms"), id="sms", on_click=open_client_sms, when="card_sms_action"),
            ),
            state=StandInCard.MAIN,
            getter=[card_outbox_getter],
        )
    )


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    messages = AnsweringMessageManager()
    dp = build_dispatcher(
        make_settings(secret_key=KEY), storage=JsonMemoryStorage(), message_manager=messages
    )
    next(r for r in dp.sub_routers if r.name == "desk").include_router(stand_in_card())
    bot = recording_bot(TEST_TOKEN)
    await dp.emit_startup(bot=bot, dispatcher=dp)
    async with App(dp=dp, bot=bot, messages=messages) as app:
        yield app


async def test_the_card_lists_emails_and_offers_sms_only_with_a_gateway(app: App) -> None:
    client = await a_client(email="ola@example.org", phone="+48601234567")
    await EmailMessage.create(
        client=client, to_address="ola@example.org", subject="Faktura", body="b", status="sent"
    )
    manager = await staff(app)
    await open_screen(app, manager, StandInCard.MAIN, client.id)
    assert "✉️ <b>Emails</b>: 1" in manager.text() and "· Faktura" in manager.text()
    assert manager.buttons() == ["✉️ Email"]

    await save_sms_gateway(
        None,
        Role.OWNER,
        SmsGateway(SmsProvider.SMSAPI, encrypt_secret("t", KEY), "http://127.0.0.1:9/"),
    )
    await open_screen(app, manager, StandInCard.MAIN, client.id)
    assert manager.buttons() == ["✉️ Email", "📱 SMS"]
    await manager.click("SMS")
    assert "SMS to Ola" in manager.text()

    await open_screen(app, manager, StandInCard.MAIN, client.id)
    await manager.click("Email")
    assert "Emails to Ola" in manager.text() and "Sent so far: 1" in manager.text()


async def test_an_anonymized_client_gets_no_actions(app: App) -> None:
    client = await a_client(email="ola@example.org")
    await Client.filter(id=client.id).update(anonymized_at=datetime.now(UTC))
    manager = await staff(app)
    await open_screen(app, manager, StandInCard.MAIN, client.id)
    assert manager.text() == "Card" and manager.buttons() == []
