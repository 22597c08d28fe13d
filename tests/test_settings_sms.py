"""Settings → SMS gateway through the harness: SMSAPI and Twilio step by step, the token
message deleted and the token stored encrypted, bad input refused, removal."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from aiogram.methods import DeleteMessage

from bot.services.secrets import decrypt_secret
from bot.services.shop_settings import SmsProvider, get_sms_gateway
from bot.services.sms import sms_available
from models import Setting
from tests.harness import OWNER_ID, App, Person, make_settings, start_app

KEY = "sms-settings-secret-key"
SID = "AC" + "0123456789abcdef" * 2


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app(make_settings(secret_key=KEY)) as app:
        yield app


async def open_sms_settings(owner: Person) -> None:
    await owner.send("/admin")
    await owner.click("Settings")
    await owner.click("SMS gateway")


def deleted(person: Person) -> list[tuple[int, int]]:
    return [(r.chat_id, r.message_id) for r in person.requests() if isinstance(r, DeleteMessage)]


async def test_owner_sets_up_smsapi_and_removes_it(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_sms_settings(owner)
    assert "No SMS gateway is set up" in owner.text()
    await owner.click("Set up the gateway")
    await owner.click(r"SMSAPI \(smsapi\.pl\)")
    assert "API token" in owner.text()
    await owner.send("smsapi-oauth-token-123")
    assert deleted(owner) == [(owner.chat_id, owner.client.last_message_id)]
    assert await Setting.get_or_none(key="sms") is None
    await owner.send("Too long sender name")
    assert owner.plain_texts() == [
        "⚠️ The sender name is up to 11 letters, digits, spaces, dots or dashes."
    ]
    await owner.send("Sklep")

    text = owner.text()
    assert "✅ Saved." in text
    assert "Provider: SMSAPI (https://api.smsapi.pl/)" in text
    assert "Sender name: Sklep" in text
    assert "Token: stored encrypted" in text
    row = await Setting.get(key="sms")
    assert "smsapi-oauth-token-123" not in json.dumps(row.value)
    gateway = await get_sms_gateway()
    assert gateway.provider is SmsProvider.SMSAPI and gateway.sender == "Sklep"
    assert decrypt_secret(gateway.token_encrypted, KEY) == "smsapi-oauth-token-123"
    assert await sms_available()

    await owner.click("Remove the gateway")
    assert "The SMS gateway was removed." in owner.text()
    assert not await sms_available()


async def test_owner_sets_up_twilio_with_bad_input_refused(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_sms_settings(owner)
    await owner.click("Set up the gateway")
    await owner.click("Twilio")
    await owner.send("AC123")
    assert owner.plain_texts() == [
        "⚠️ A Twilio Account SID is AC followed by 32 hexadecimal characters."
    ]
    await owner.send(SID)
    await owner.send("twilio-auth-token")
    assert deleted(owner) == [(owner.chat_id, owner.client.last_message_id)]
    assert "Account default" not in owner.buttons()  # Twilio needs a From number
    await owner.send("12345")
    assert owner.plain_texts() == [
        "⚠️ Send a valid phone number in international format, starting with +."
    ]
    assert await Setting.get_or_none(key="sms") is None
    await owner.send("+48 601 234 567")

    text = owner.text()
    assert "Provider: Twilio (https://api.twilio.com)" in text
    assert f"Account SID: {SID}" in text
    assert "From number: +48601234567" in text
    gateway = await get_sms_gateway()
    assert (gateway.provider, gateway.account_sid, gateway.sender) == (
        SmsProvider.TWILIO,
        SID,
        "+48601234567",
    )
    assert decrypt_secret(gateway.token_encrypted, KEY) == "twilio-auth-token"


async def test_a_photo_in_a_text_step_gets_a_clear_line(app: App) -> None:
    owner = app.person(user_id=OWNER_ID, first_name="Olga")
    await open_sms_settings(owner)
    await owner.click("Set up the gateway")
    await owner.click("Twilio")
    step = owner.text()
    await owner.send("")  # a message without text, like a sticker or a photo
    assert owner.plain_texts() == ["Please send this as a text message."]
    assert owner.text() == step
