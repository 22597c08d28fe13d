"""SMS to clients through the gateway owners configure (SMSAPI or Twilio), logged like emails."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import phonenumbers
from tortoise.transactions import in_transaction

from bot.senders.sms import SmsSendError, send_smsapi, send_twilio
from bot.services.roles import Role, require_editor
from bot.services.secrets import SecretKeyMissing, SecretUnreadable, decrypt_secret
from bot.services.shop_settings import SmsGateway, SmsProvider, get_sms_gateway
from models import AuditEntry, Client, OutboxStatus, SmsMessage

logger = logging.getLogger(__name__)

# three concatenated GSM-7 parts at most (153 characters each is 459; 480 is the clear limit
# people know from the providers' panels, which split longer texts into more parts)
SMS_MAX = 480
REASON_MAX = 1_000


class SmsError(Exception):
    """Nothing was sent (and nothing stored); `key` is the Fluent message that says why."""

    key = "sms-error"

    def __init__(self, key: str | None = None) -> None:
        super().__init__(key or self.key)
        if key:
            self.key = key


class SmsNotConfigured(SmsError):
    key = "sms-not-configured"


class ClientHasNoPhone(SmsError):
    key = "sms-client-no-phone"


class SmsTokenUnreadable(SmsError):
    key = "sms-token-unreadable"


def check_sms_text(text: str) -> str:
    value = text.strip()
    if not value or len(value) > SMS_MAX:
        raise SmsError("sms-bad-text")
    return value


def client_phone_e164(phone: str | None) -> str:
    """The client's phone in E.164; it must carry its country code (+48..., +7...)."""
    if not phone:
        raise ClientHasNoPhone
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        raise ClientHasNoPhone("sms-client-bad-phone") from None
    if not phonenumbers.is_valid_number(number):
        raise ClientHasNoPhone("sms-client-bad-phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


async def sms_available() -> bool:
    """Whether the card offers SMS at all."""
    return await get_sms_gateway() is not None


async def sms_blocker(client: Client) -> str | None:
    """Why no SMS can be written to this client now (a Fluent key), or None."""
    if await get_sms_gateway() is None:
        return SmsNotConfigured.key
    try:
        client_phone_e164(client.phone)
    except ClientHasNoPhone as refused:
        return refused.key
    return None


def _token(gateway: SmsGateway, secret_key: str | None) -> str:
    try:
        return decrypt_secret(gateway.token_encrypted, secret_key)
    except (SecretKeyMissing, SecretUnreadable):
        raise SmsTokenUnreadable from None


async def _send_through(gateway: SmsGateway, token: str, to: str, text: str) -> str:
    if gateway.provider is SmsProvider.SMSAPI:
        return await send_smsapi(gateway.api_url, token, to, text, gateway.sender)
    return await send_twilio(
        gateway.api_url, gateway.account_sid or "", token, gateway.sender or "", to, text
    )


async def send_client_sms(
    actor: Client | None, role: Role, client_id: int, text: str, secret_key: str | None
) -> SmsMessage:
    """Store (queued) and send an SMS to a client; the row ends `sent` or `failed`."""
    require_editor(role)
    text = check_sms_text(text)
    gateway = await get_sms_gateway()
    if gateway is None:
        raise SmsNotConfigured
    client = await Client.get_or_none(id=client_id, anonymized_at=None)
    if client is None:
        raise SmsError("outbox-client-gone")
    to = client_phone_e164(client.phone)
    token = _token(gateway, secret_key)
    async with in_transaction():
        sms = await SmsMessage.create(
            client=client, manager=actor, to_phone=to, body=text, provider=gateway.provider.value
        )
        await AuditEntry.create(
            actor=actor,
            actor_telegram_id=actor.telegram_id if actor else None,
            client=client,
            action="sms_queued",
            details={"sms_id": sms.id},
        )
    return await _deliver(sms, gateway, token)


async def retry_sms(
    actor: Client | None,
    role: Role,
    sms_id: int,
    secret_key: str | None,
    *,
    client_id: int | None = None,
) -> SmsMessage:
    """Send a failed SMS again, to the same number, through the gateway configured now."""
    require_editor(role)
    sms = await SmsMessage.get_or_none(id=sms_id)
    if sms is None or (client_id is not None and sms.client_id != client_id):
        raise SmsError("sms-retry-not-failed")
    if sms.status is not OutboxStatus.FAILED:
        raise SmsError("sms-retry-not-failed")
    gateway = await get_sms_gateway()
    if gateway is None:
        raise SmsNotConfigured
    token = _token(gateway, secret_key)
    # claim it: a second press finds it queued and does nothing
    claimed = await SmsMessage.filter(id=sms_id, status=OutboxStatus.FAILED).update(
        status=OutboxStatus.QUEUED, error=None, provider=gateway.provider.value
    )
    if not claimed:
        raise SmsError("sms-retry-not-failed")
    await AuditEntry.create(
        actor=actor,
        actor_telegram_id=actor.telegram_id if actor else None,
        client_id=sms.client_id,
        action="sms_retried",
        details={"sms_id": sms.id},
    )
    await sms.refresh_from_db()
    return await _deliver(sms, gateway, token)


async def _deliver(sms: SmsMessage, gateway: SmsGateway, token: str) -> SmsMessage:
    try:
        sms.provider_message_id = await _send_through(gateway, token, sms.to_phone, sms.body)
    except SmsSendError as error:
        sms.status, sms.error = OutboxStatus.FAILED, error.reason[:REASON_MAX]
        logger.info("sms %s failed", sms.id)
    else:
        sms.status, sms.error, sms.sent_at = OutboxStatus.SENT, None, datetime.now(UTC)
        logger.info("sms %s sent", sms.id)
    await sms.save(update_fields=["status", "error", "sent_at", "provider_message_id"])
    return sms


async def client_sms_messages(client_id: int, limit: int = 10) -> list[SmsMessage]:
    return await SmsMessage.filter(client_id=client_id).order_by("-created_at", "-id").limit(limit)


async def client_sms_count(client_id: int) -> int:
    return await SmsMessage.filter(client_id=client_id).count()
