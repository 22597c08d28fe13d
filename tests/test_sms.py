"""SMS through SMSAPI and Twilio adapters, each against a local server speaking the
provider's API shape (including error replies), and the SMS service with its log."""

from __future__ import annotations

import json

import pytest
from tortoise import Tortoise

from bot.db import CONNECTION
from bot.senders.sms import SmsSendError, send_smsapi, send_twilio
from bot.services.roles import AccessDenied, Role
from bot.services.secrets import encrypt_secret
from bot.services.shop_settings import SmsGateway, SmsProvider, save_sms_gateway
from bot.services.sms import (
    SMS_MAX,
    ClientHasNoPhone,
    SmsError,
    SmsNotConfigured,
    SmsTokenUnreadable,
    client_sms_messages,
    retry_sms,
    send_client_sms,
    sms_available,
)
from models import Client, OutboxStatus, SmsMessage
from tests.fakes.sms_gateways import INVALID_NUMBER, smsapi_server, twilio_server
from tests.fakes.smtp import closed_port

KEY = "sms-tests-secret-key"
TEXT = "Заказ готов. Paczka czeka: Łódź, ŻÓŁW."


async def test_smsapi_sends_utf8_text_with_the_bearer_token() -> None:
    async with smsapi_server(token="tok-1") as gateway:
        message_id = await send_smsapi(gateway.url, "tok-1", "+48601234567", TEXT, "Shop")
    [request] = gateway.requests
    assert request["auth"] == "Bearer tok-1"
    assert (request["to"], request["message"], request["from"]) == ("48601234567", TEXT, "Shop")
    assert (request["encoding"], request["format"]) == ("utf-8", "json")
    assert message_id and message_id.isalnum()


async def test_smsapi_error_replies_become_reasons() -> None:
    async with smsapi_server(token="tok-1") as gateway:
        with pytest.raises(SmsSendError) as invalid:
            await send_smsapi(gateway.url, "tok-1", INVALID_NUMBER, TEXT)
        with pytest.raises(SmsSendError) as unauthorized:
            await send_smsapi(gateway.url, "wrong", "+48601234567", TEXT)
    assert invalid.value.reason == "SMSAPI error 13: No correct phone numbers"
    assert unauthorized.value.reason.startswith("SMSAPI error 401:")
    assert "Authorization failed" in unauthorized.value.reason
    with pytest.raises(SmsSendError) as unreachable:
        await send_smsapi(f"http://127.0.0.1:{closed_port()}/", "tok-1", "+48601234567", TEXT)
    assert unreachable.value.reason == "cannot reach SMSAPI: ConnectionError"


async def test_twilio_sends_with_basic_auth_to_the_accounts_messages() -> None:
    async with twilio_server() as gateway:
        sid = await send_twilio(
            gateway.url, gateway.account_sid, gateway.token, "+15005550006", "+48601234567", TEXT
        )
    [request] = gateway.requests
    assert request["auth"] == (gateway.account_sid, gateway.token)
    assert request["account"] == gateway.account_sid
    assert (request["To"], request["From"], request["Body"]) == (
        "+48601234567",
        "+15005550006",
        TEXT,
    )
    assert sid.startswith("SM") and len(sid) == 34


async def test_twilio_error_replies_become_reasons() -> None:
    async with twilio_server() as gateway:
        with pytest.raises(SmsSendError) as invalid:
            await send_twilio(
                gateway.url,
                gateway.account_sid,
                gateway.token,
                "+15005550006",
                INVALID_NUMBER,
                TEXT,
            )
        with pytest.raises(SmsSendError) as unauthorized:
            await send_twilio(
                gateway.url, gateway.account_sid, "wrong", "+15005550006", "+48601234567", TEXT
            )
    assert invalid.value.reason == (
        f"Twilio error 21211: The 'To' number {INVALID_NUMBER} is not a valid phone number."
    )
    assert unauthorized.value.reason == "Twilio error 20003: Authenticate"
    with pytest.raises(SmsSendError) as unreachable:
        await send_twilio(
            f"http://127.0.0.1:{closed_port()}", "AC" + "0" * 32, "t", "+15005550006", "+4860", TEXT
        )
    assert unreachable.value.reason == "cannot reach Twilio: ConnectionError"


async def configure(provider: SmsProvider, url: str, token: str, **extra: str) -> None:
    gateway = SmsGateway(
        provider=provider, token_encrypted=encrypt_secret(token, KEY), api_url=url, **extra
    )
    await save_sms_gateway(None, Role.OWNER, gateway)


async def test_the_service_sends_through_smsapi_and_logs_the_status(db: None) -> None:
    client = await Client.create(telegram_id=1, first_name="Ola", phone="+48 601 234 567")
    assert not await sms_available()
    async with smsapi_server(token="tok-secret-1") as gateway:
        await configure(SmsProvider.SMSAPI, gateway.url, "tok-secret-1", sender="Shop")
        assert await sms_available()
        sms = await send_client_sms(None, Role.MANAGER, client.id, TEXT, KEY)

    stored = await SmsMessage.get(id=sms.id)
    assert (stored.status, stored.to_phone, stored.body, stored.provider) == (
        OutboxStatus.SENT,
        "+48601234567",
        TEXT,
        "smsapi",
    )
    assert stored.provider_message_id and stored.sent_at and stored.error is None
    assert gateway.requests[0]["to"] == "48601234567"
    assert [m.id for m in await client_sms_messages(client.id)] == [sms.id]
    rows = await Tortoise.get_connection(CONNECTION).execute_query_dict(
        "SELECT * FROM settings WHERE key = 'sms'"
    )
    assert "tok-secret-1" not in json.dumps(rows, default=str)


async def test_the_service_through_twilio_stores_the_failure_reason(db: None) -> None:
    client = await Client.create(telegram_id=1, first_name="Ola", phone="+48601234567")
    async with twilio_server() as gateway:
        await configure(
            SmsProvider.TWILIO,
            gateway.url,
            "an-old-token",
            account_sid=gateway.account_sid,
            sender="+15005550006",
        )
        sms = await send_client_sms(None, Role.OWNER, client.id, TEXT, KEY)
    stored = await SmsMessage.get(id=sms.id)
    assert stored.status is OutboxStatus.FAILED
    assert stored.error == "Twilio error 20003: Authenticate"
    assert stored.sent_at is None and stored.provider == "twilio"


async def test_nothing_is_stored_when_sms_cannot_be_tried(db: None) -> None:
    client = await Client.create(telegram_id=1, first_name="Ola", phone="+48601234567")
    with pytest.raises(SmsNotConfigured):
        await send_client_sms(None, Role.MANAGER, client.id, TEXT, KEY)
    await configure(SmsProvider.SMSAPI, f"http://127.0.0.1:{closed_port()}/", "tok")
    no_phone = await Client.create(telegram_id=2, first_name="Jan")
    with pytest.raises(ClientHasNoPhone):
        await send_client_sms(None, Role.MANAGER, no_phone.id, TEXT, KEY)
    local = await Client.create(telegram_id=3, first_name="Jan", phone="601 234 567")
    with pytest.raises(ClientHasNoPhone) as local_number:
        await send_client_sms(None, Role.MANAGER, local.id, TEXT, KEY)
    assert local_number.value.key == "sms-client-bad-phone"
    for text in ("", " ", "x" * (SMS_MAX + 1)):
        with pytest.raises(SmsError) as bad:
            await send_client_sms(None, Role.MANAGER, client.id, text, KEY)
        assert bad.value.key == "sms-bad-text"
    with pytest.raises(SmsTokenUnreadable):
        await send_client_sms(None, Role.MANAGER, client.id, TEXT, "another-key")
    with pytest.raises(AccessDenied):
        await send_client_sms(None, Role.VIEWER, client.id, TEXT, KEY)
    assert await SmsMessage.all().count() == 0
    # the limit itself is allowed
    sms = await send_client_sms(None, Role.MANAGER, client.id, "x" * SMS_MAX, KEY)
    assert sms.status is OutboxStatus.FAILED
    assert sms.error == "cannot reach SMSAPI: ConnectionError"


async def test_a_failed_sms_is_retried_once_the_gateway_is_fixed(db: None) -> None:
    client = await Client.create(telegram_id=1, first_name="Ola", phone="+48601234567")
    async with twilio_server() as gateway:
        extra = {"account_sid": gateway.account_sid, "sender": "+15005550006"}
        await configure(SmsProvider.TWILIO, gateway.url, "an-old-token", **extra)
        sms = await send_client_sms(None, Role.MANAGER, client.id, TEXT, KEY)
        assert sms.status is OutboxStatus.FAILED
        other = await Client.create(telegram_id=2, first_name="Jan")
        with pytest.raises(SmsError):  # not that client's SMS
            await retry_sms(None, Role.MANAGER, sms.id, KEY, client_id=other.id)
        await configure(SmsProvider.TWILIO, gateway.url, gateway.token, **extra)
        retried = await retry_sms(None, Role.MANAGER, sms.id, KEY, client_id=client.id)
        with pytest.raises(SmsError) as again:
            await retry_sms(None, Role.MANAGER, sms.id, KEY)
    assert again.value.key == "sms-retry-not-failed"
    stored = await SmsMessage.get(id=sms.id)
    assert retried.id == sms.id and stored.status is OutboxStatus.SENT and stored.error is None
    assert stored.provider_message_id.startswith("SM")
    assert [r["Body"] for r in gateway.requests] == [TEXT, TEXT]
    assert await SmsMessage.all().count() == 1
