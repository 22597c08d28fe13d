"""Local HTTP servers on 127.0.0.1 that speak SMSAPI's and Twilio's send-SMS API shapes.

SMSAPI: `POST /sms.do` (form: to, message, from, encoding, format=json), Bearer token;
an accepted message is `{"count": 1, "list": [{"id": ..., "status": "QUEUE", ...}]}`,
a refused one `{"error": <code>, "message": ...}`, a bad token HTTP 401.
Twilio: `POST /2010-04-01/Accounts/<sid>/Messages.json` (form: To, From, Body), HTTP Basic
(sid:token); 201 with the message resource, or 400/401 with `{"code", "message", ...}`.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.smtp import free_port

# what the fake refuses, like the real services do for an invalid recipient
INVALID_NUMBER = "+48000000000"


@dataclass
class Gateway:
    url: str
    token: str
    account_sid: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)


def _basic(request: web.Request) -> tuple[str, str] | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Basic "):
        return None
    sid, _, token = base64.b64decode(header[6:]).decode().partition(":")
    return sid, token


@asynccontextmanager
async def _serve(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def smsapi_server(token: str = "smsapi-token") -> AsyncIterator[Gateway]:
    gateway = Gateway(url="", token=token)

    async def send(request: web.Request) -> web.Response:
        form = dict(await request.post())
        gateway.requests.append({"auth": request.headers.get("Authorization"), **form})
        if request.headers.get("Authorization") != f"Bearer {token}":
            return web.json_response({"error": 101, "message": "Authorization failed"}, status=401)
        if "+" + str(form.get("to", "")) == INVALID_NUMBER:
            return web.json_response(
                {
                    "error": 13,
                    "message": "No correct phone numbers",
                    "invalid_numbers": [
                        {"number": form["to"], "submitted_number": form["to"], "message": "bad"}
                    ],
                }
            )
        message_id = uuid.uuid4().hex[:24].upper()
        return web.json_response(
            {
                "count": 1,
                "list": [
                    {
                        "id": message_id,
                        "points": 0.16,
                        "number": form["to"],
                        "date_sent": 1700000000,
                        "submitted_number": form["to"],
                        "status": "QUEUE",
                        "error": None,
                    }
                ],
            }
        )

    app = web.Application()
    app.router.add_post("/sms.do", send)
    async with _serve(app) as url:
        gateway.url = url + "/"
        yield gateway


@asynccontextmanager
async def twilio_server(
    account_sid: str = "AC" + "0123456789abcdef" * 2, token: str = "twilio-token"
) -> AsyncIterator[Gateway]:
    gateway = Gateway(url="", token=token, account_sid=account_sid)

    async def send(request: web.Request) -> web.Response:
        form = dict(await request.post())
        gateway.requests.append(
            {"auth": _basic(request), "account": request.match_info["sid"], **form}
        )
        if _basic(request) != (account_sid, token) or request.match_info["sid"] != account_sid:
            return web.json_response(
                {"code": 20003, "message": "Authenticate", "status": 401}, status=401
            )
        if form.get("To") == INVALID_NUMBER:
            return web.json_response(
                {
                    "code": 21211,
                    "message": f"The 'To' number {INVALID_NUMBER} is not a valid phone number.",
                    "more_info": "https://www.twilio.com/docs/errors/21211",
                    "status": 400,
                },
                status=400,
            )
        return web.json_response(
            {
                "sid": "SM" + uuid.uuid4().hex,
                "account_sid": account_sid,
                "to": form["To"],
                "from": form["From"],
                "body": form["Body"],
                "status": "queued",
                "num_segments": "1",
                "direction": "outbound-api",
                "api_version": "2010-04-01",
            },
            status=201,
        )

    app = web.Application()
    app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", send)
    async with _serve(app) as url:
        gateway.url = url
        yield gateway
