"""SMS through SMSAPI (`smsapi-client`) or Twilio (`twilio`).

Both clients are synchronous (requests), so each call runs in a worker thread and the
event loop keeps serving other updates meanwhile.
"""

from __future__ import annotations

import asyncio

import requests
from smsapi.client import Client as SmsApiClient
from smsapi.exception import SmsApiException
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client as TwilioClient

SMS_TIMEOUT = 20.0


class SmsSendError(Exception):
    """The gateway could not be reached or refused the message; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def send_smsapi(
    api_url: str, token: str, to: str, text: str, sender: str | None = None
) -> str:
    """Send through SMSAPI (`api_url`: https://api.smsapi.pl/ or .com); the message id."""
    return await asyncio.to_thread(_send_smsapi, api_url, token, to, text, sender)


def _send_smsapi(api_url: str, token: str, to: str, text: str, sender: str | None) -> str:
    client = SmsApiClient(domain=api_url.rstrip("/") + "/", access_token=token)
    options: dict[str, object] = {"encoding": "utf-8", "timeout": SMS_TIMEOUT}
    if sender:
        options["from_"] = sender
    try:
        result = client.sms.send(to=to.lstrip("+"), message=text, **options)
    except SmsApiException as error:
        raise SmsSendError(f"SMSAPI error {error.code}: {_short(error.message)}") from None
    except requests.RequestException as error:
        raise SmsSendError(f"cannot reach SMSAPI: {type(error).__name__}") from None
    sent = list(result.results)
    if not sent or sent[0].error:
        code = sent[0].error if sent else "no result"
        raise SmsSendError(f"SMSAPI did not accept the message: {code}")
    return str(sent[0].id)


async def send_twilio(
    api_url: str, account_sid: str, token: str, from_number: str, to: str, text: str
) -> str:
    """Send through Twilio's Messages API (`api_url`: https://api.twilio.com); the SID."""
    return await asyncio.to_thread(_send_twilio, api_url, account_sid, token, from_number, to, text)


def _send_twilio(
    api_url: str, account_sid: str, token: str, from_number: str, to: str, text: str
) -> str:
    client = TwilioClient(
        account_sid, token, http_client=TwilioHttpClient(timeout=SMS_TIMEOUT), environment={}
    )
    client.api.base_url = api_url.rstrip("/")
    try:
        message = client.messages.create(to=to, from_=from_number, body=text)
    except TwilioRestException as error:
        text = error.msg.removeprefix("Unable to create record: ")
        raise SmsSendError(f"Twilio error {error.code or error.status}: {_short(text)}") from None
    except requests.RequestException as error:
        raise SmsSendError(f"cannot reach Twilio: {type(error).__name__}") from None
    except TwilioException as error:
        raise SmsSendError(f"Twilio error: {_short(str(error))}") from None
    return str(message.sid)


def _short(text: object, limit: int = 300) -> str:
    value = " ".join(str(text or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
