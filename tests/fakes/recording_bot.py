"""An in-process Bot whose session records calls and answers like Telegram (no network).

Follows aiogram's own tests (tests/mocked_bot.py), but results are built by the same
FakeTelegram as the HTTP fake, so nothing has to be queued for the common methods.
Use it with aiogram_dialog.test_tools: `BotClient(dp, bot=recording_bot())`.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import AsyncGenerator
from typing import Any, TypeVar

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter
from aiogram.methods import TelegramMethod
from aiogram.types import InputFile

from tests.fakes.telegram import (
    BOT_USER,
    DEFAULT_DESCRIPTIONS,
    ApiError,
    FakeTelegram,
    Files,
    Params,
    resolve_attachments,
)

M = TypeVar("M", bound=TelegramMethod[Any])
Failure = BaseException | type[TelegramAPIError]


class RecordingSession(BaseSession):
    def __init__(self, telegram: FakeTelegram | None = None) -> None:
        super().__init__()
        self.telegram = telegram or FakeTelegram()
        self.requests: list[TelegramMethod[Any]] = []
        self.closed = False
        self._results: defaultdict[type, deque[Any]] = defaultdict(deque)
        self._failures: defaultdict[type, deque[tuple[Failure, str | None, int]]] = defaultdict(
            deque
        )

    @property
    def blocked_chats(self) -> set[int]:
        return self.telegram.blocked_chats

    def sent(self, method_type: type[M]) -> list[M]:
        return [m for m in self.requests if isinstance(m, method_type)]

    def add_result(self, method_type: type[TelegramMethod[Any]], result: Any) -> None:
        """Queue the result returned by the next call of `method_type` (overrides the default)."""
        self._results[method_type].append(result)

    def fail_next(
        self,
        method_type: type[TelegramMethod[Any]],
        error: Failure,
        description: str | None = None,
        *,
        retry_after: int = 1,
        count: int = 1,
    ) -> None:
        """Raise on the next `count` calls: an exception instance as is, or a TelegramAPIError
        subclass built with the actual method: `fail_next(SendMessage, TelegramForbiddenError)`.
        """
        self._failures[method_type].extend([(error, description, retry_after)] * count)

    async def close(self) -> None:
        self.closed = True

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - BaseSession's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        path = url.split("/file/bot", 1)[-1].split("/", 1)[-1]
        stored = self.telegram.file_by_path(path)
        yield stored[1] if stored else b""

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109 - BaseSession's signature
    ) -> Any:
        self.closed = False
        self.requests.append(method)
        if failures := self._failures.get(type(method)):
            raise _build_error(method, *failures.popleft())
        if results := self._results.get(type(method)):
            return results.popleft()
        name = method.__api_method__
        if not self.telegram.knows(name) and method.__returning__ is bool:
            return True
        if not self.telegram.knows(name):
            raise NotImplementedError(f"no default for {name}: use session.add_result()")
        params, files = await self._serialize(bot, method)
        try:
            status, body = 200, {"ok": True, "result": self.telegram.call(name, params, files)}
        except ApiError as error:
            status, body = error.error_code, error.payload()
        # check_response parses like the real session and raises the real aiogram exceptions.
        return self.check_response(bot, method, status, json.dumps(body)).result

    async def _serialize(self, bot: Bot, method: TelegramMethod[Any]) -> tuple[Params, Files]:
        uploads: dict[str, InputFile] = {}
        params: Params = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=uploads, _dumps_json=False)
            if prepared is not None:
                params[key] = prepared
        files: Files = {}
        for key, upload in uploads.items():
            data = b"".join([chunk async for chunk in upload.read(bot)])
            files[key] = (upload.filename or key, data)
        return params, resolve_attachments(params, files)


def _build_error(
    method: TelegramMethod[Any], error: Failure, description: str | None, retry_after: int
) -> BaseException:
    if isinstance(error, BaseException):
        return error
    if issubclass(error, TelegramRetryAfter):
        message = description or f"Too Many Requests: retry after {retry_after}"
        return error(method=method, message=message, retry_after=retry_after)
    codes = {"TelegramForbiddenError": 403, "TelegramBadRequest": 400, "TelegramNotFound": 404}
    default = DEFAULT_DESCRIPTIONS.get(codes.get(error.__name__, 500), "Error")
    return error(method=method, message=description or default)


class RecordingBot(Bot):
    session: RecordingSession  # narrows the type for `bot.session.requests` etc.


def recording_bot(token: str = "42:TEST", **kwargs: Any) -> RecordingBot:
    """A Bot on a RecordingSession; getMe answers with the token's id so `bot.id` agrees."""
    bot_user = {**BOT_USER, "id": int(token.split(":", 1)[0])}
    return RecordingBot(token, session=RecordingSession(FakeTelegram(bot_user)), **kwargs)
