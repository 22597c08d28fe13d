"""A fake Telegram Bot API HTTP server for end-to-end tests (aiogram's real AiohttpSession).

Point a bot at it with `TelegramAPIServer.from_base(api.base_url)`, or run it standalone:
`python -m tests.fakes.bot_api --port N` (updates can then be pushed with
`POST /_fake/updates` and requests read with `GET /_fake/requests`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from aiohttp import ClientSession, MultipartReader, web

from tests.fakes.telegram import ApiError, FakeTelegram, Files, Params, resolve_attachments

TOKEN_PATTERN = re.compile(r"^\d+:[\w-]+$")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Form values that are strings by definition; everything else is JSON-decoded like Telegram does.
TEXT_FIELDS = frozenset(
    (
        "text",
        "caption",
        "query",
        "data",
        "url",
        "secret_token",
        "description",
        "short_description",
        "title",
        "name",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "file_id",
        "next_offset",
        "parse_mode",
        "action",
        "ip_address",
        "language_code",
        "business_connection_id",
        "message_effect_id",
    )
)


@dataclass
class Recorded:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    token: str = ""
    index: int = -1
    result: Any = None
    error: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class _Changes:
    """Lets coroutines wait for a condition that sync code may make true at any time."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], within: float) -> bool:
        try:
            async with asyncio.timeout(within):
                while not predicate():
                    await self._event.wait()
        except TimeoutError:
            return predicate()
        return True


def _decode(name: str, value: str) -> Any:
    if name in TEXT_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def read_multipart(reader: MultipartReader) -> tuple[Params, Files]:
    params: Params = {}
    files: Files = {}
    async for part in reader:
        if isinstance(part, MultipartReader) or part.name is None:
            continue
        if part.filename:
            files[part.name] = (part.filename, bytes(await part.read()))
        else:
            params[part.name] = _decode(part.name, await part.text())
    return params, files


async def _read_request(request: web.Request) -> tuple[Params, Files]:
    params: Params = {k: _decode(k, v) for k, v in request.query.items()}
    files: Files = {}
    if request.content_type == "application/json" and request.can_read_body:
        params.update(await request.json())
    elif request.content_type == "multipart/form-data":
        form, files = await read_multipart(await request.multipart())
        params.update(form)
    elif request.content_type == "application/x-www-form-urlencoded":
        params.update({k: _decode(k, v) for k, v in (await request.post()).items()})
    return params, resolve_attachments(params, files)


class FakeBotAPI:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host, self.port = host, port
        self.telegram = FakeTelegram()
        self.requests: list[Recorded] = []
        self._changes = _Changes()
        self._closing = False
        self._runner: web.AppRunner | None = None
        # methods whose next calls get no answer until the server stops (client timeouts)
        self._stalls: dict[str, int] = {}
        self._released = asyncio.Event()

    # Shortcuts to the shared state, so tests write `api.chats[...]`, `api.blocked_chats.add(...)`.
    @property
    def chats(self) -> dict[int, dict[str, Any]]:
        return self.telegram.chats

    @property
    def blocked_chats(self) -> set[int]:
        return self.telegram.blocked_chats

    @property
    def webhook(self) -> dict[str, Any]:
        return self.telegram.webhook

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def token_ok(self, token: str) -> bool:
        return bool(TOKEN_PATTERN.match(token))

    async def start(self) -> Self:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        app.router.add_post("/_fake/updates", self._control_push)
        app.router.add_get("/_fake/requests", self._control_requests)
        self._closing = False
        self._released = asyncio.Event()
        self._runner = web.AppRunner(
            app, handle_signals=False, shutdown_timeout=1.0, handler_cancellation=True
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        self._closing = True
        self._released.set()
        self._changes.notify()  # releases pending long polls
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType
    ) -> None:
        await self.stop()

    # --- test controls -------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> int:
        update_id = self.telegram.push_update(update)
        self._changes.notify()
        return update_id

    def fail_next(
        self,
        method: str,
        error_code: int = 400,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        self.telegram.fail_next(method, error_code, description, retry_after, count)

    def fail_chat(
        self,
        chat_id: int,
        error_code: int = 400,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        self.telegram.fail_chat(chat_id, error_code, description, retry_after, count)

    def add_file(self, data: bytes, file_name: str = "file.bin") -> dict[str, Any]:
        return self.telegram.add_file(data, file_name)

    def stall_next(self, method: str, count: int = 1) -> None:
        """The next `count` calls of `method` are recorded and never answered (until the
        server stops): what a client sees as a network timeout."""
        key = method.lower()
        self._stalls[key] = self._stalls.get(key, 0) + count

    def clear(self) -> None:
        self.requests.clear()

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """Texts of successful sendMessage calls, optionally to one chat."""
        return [
            r.result["text"]
            for r in self.requests
            if r.method == "sendMessage" and r.ok and r.result.get("text") is not None
            if chat_id is None or r.result["chat"]["id"] == chat_id
        ]

    def find(
        self, method: str, predicate: Callable[[Recorded], bool] | None = None, since: int = 0
    ) -> Recorded | None:
        for recorded in self.requests[since:]:
            if recorded.method.lower() == method.lower() and (
                predicate is None or predicate(recorded)
            ):
                return recorded
        return None

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Recorded], bool] | None = None,
        timeout: float = 30.0,  # noqa: ASYNC109 - a plain number reads best in tests
        since: int = 0,
    ) -> Recorded:
        """First request to `method` (recorded at index >= `since`) matching `predicate`."""
        found: list[Recorded] = []

        def match() -> bool:
            recorded = self.find(method, predicate, since)
            found[:] = [recorded] if recorded else []
            return bool(found)

        if not await self._changes.wait_until(match, timeout):
            seen = [r.method for r in self.requests[since:]]
            raise AssertionError(f"no matching {method} request within {timeout}s; seen: {seen}")
        return found[0]

    async def post_webhook(
        self, url: str, update: dict[str, Any], secret_token: str | None = None
    ) -> tuple[int, Any]:
        """POST an update to a bot's webhook like Telegram; a method in the reply is executed."""
        update = self.telegram.accept_update(update)
        headers = {SECRET_HEADER: secret_token} if secret_token else {}
        async with ClientSession() as session, session.post(url, json=update, headers=headers) as r:
            if r.content_type == "multipart/form-data":
                params, files = await read_multipart(MultipartReader.from_response(r))
                files = resolve_attachments(params, files)
                if method := params.pop("method", None):
                    self._call(method, params, files, self.webhook.get("token") or "")
                return r.status, {"method": method, **params}
            body = await r.text()
            try:
                return r.status, json.loads(body)
            except ValueError:
                return r.status, body

    async def deliver_webhook(self, update: dict[str, Any]) -> tuple[int, Any]:
        """`post_webhook` to the URL and secret the bot registered with setWebhook."""
        if not self.webhook["url"]:
            raise AssertionError("no webhook is set")
        return await self.post_webhook(self.webhook["url"], update, self.webhook["secret_token"])

    # --- HTTP ----------------------------------------------------------------------------------

    def _record(self, recorded: Recorded) -> Recorded:
        recorded.index = len(self.requests)
        self.requests.append(recorded)
        self._changes.notify()
        return recorded

    def _call(self, method: str, params: Params, files: Files, token: str) -> Recorded:
        recorded = Recorded(self.telegram.canonical(method), params, files, token)
        try:
            recorded.result = self.telegram.call(method, params, files)
        except ApiError as error:
            recorded.error = error.payload()
        if recorded.method == "setWebhook" and recorded.ok:
            self.webhook["token"] = token
        return self._record(recorded)

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params, files = await _read_request(request)
        if not self.token_ok(token):
            recorded = Recorded(method, params, files, token)
            recorded.error = ApiError(401, "Unauthorized").payload()
            self._record(recorded)
        elif self._stalls.get(method.lower()):
            self._stalls[method.lower()] -= 1
            self._record(Recorded(self.telegram.canonical(method), params, files, token))
            await self._released.wait()  # cancelled when the client gives up
            return web.json_response({"ok": False, "error_code": 504, "description": "stalled"})
        elif method.lower() == "getupdates":
            recorded = self._record(Recorded("getUpdates", params, files, token))
            await self._long_poll(recorded)
        else:
            recorded = self._call(method, params, files, token)
        if recorded.error is not None:
            return web.json_response(recorded.error, status=recorded.error["error_code"])
        return web.json_response({"ok": True, "result": recorded.result})

    async def _long_poll(self, recorded: Recorded) -> None:
        def poll() -> list[dict[str, Any]]:
            return self.telegram.get_updates(recorded.params)

        try:
            self.telegram.check_failure("getUpdates")
            timeout = float(recorded.params.get("timeout") or 0)
            if not poll() and timeout > 0:
                await self._changes.wait_until(lambda: self._closing or bool(poll()), timeout)
            recorded.result = poll()
        except ApiError as error:
            recorded.error = error.payload()

    async def _download(self, request: web.Request) -> web.Response:
        stored = self.telegram.file_by_path(request.match_info["path"])
        if not self.token_ok(request.match_info["token"]) or stored is None:
            body = {"ok": False, "error_code": 404, "description": "Not Found"}
            return web.json_response(body, status=404)
        return web.Response(body=stored[1], content_type="application/octet-stream")

    async def _control_push(self, request: web.Request) -> web.Response:
        return web.json_response({"update_id": self.push_update(await request.json())})

    async def _control_requests(self, request: web.Request) -> web.Response:
        return web.json_response(
            [
                {
                    "method": r.method,
                    "params": r.params,
                    "files": {name: [fn, len(data)] for name, (fn, data) in r.files.items()},
                    "result": r.result,
                    "error": r.error,
                }
                for r in self.requests
            ]
        )


async def _serve(port: int) -> None:
    api = await FakeBotAPI(port=port).start()
    print(f"listening on {api.base_url}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server for tests")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(parser.parse_args().port))


if __name__ == "__main__":
    main()
