"""Act as a person in a chat with the bot: type, click, read what the bot shows.

Built on aiogram_dialog.test_tools: `BotClient` feeds real updates through the real
dispatcher (middlewares, routers, dialogs, database); `MockMessageManager` keeps what
the dialogs would have sent; the recording bot keeps every plain Bot API call.

Several people can act in one test: the histories are shared and never reset, and each
person remembers where their last action began, so what A was shown stays readable
after B acts. Use `async with start_app() as app:` (or `await app.close()`), so the
dispatcher's shutdown runs at the end of the test.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass, field
from itertools import count
from types import TracebackType
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import BaseStorage
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message, Update, User
from aiogram_dialog.manager.bg_manager import BgManagerFactoryImpl
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

from bot.app import build_dispatcher
from bot.config import Settings
from tests.fakes.recording_bot import RecordingBot, recording_bot

OWNER_ID = 900_001
TEST_TOKEN = "4242:TEST-token-for-shopdesk-tests-only"

_user_ids = count(100_001)


def make_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "bot_token": TEST_TOKEN,
        "admin_ids": frozenset({OWNER_ID}),
        "database_url": "sqlite://:memory:",
        "default_locale": "en",
        "_env_file": None,
    }
    values.update(overrides)
    return Settings(**values)


class AnsweringMessageManager(MockMessageManager):
    """MockMessageManager whose callback answers go to the bot, like the real one's do,
    so a test sees every answer of a callback query in `bot.session.requests`."""

    async def answer_callback(self, bot: Bot, callback_query: CallbackQuery) -> None:
        await super().answer_callback(bot, callback_query)
        await bot.answer_callback_query(callback_query_id=callback_query.id)


@dataclass
class App:
    """One dispatcher with its fake Telegram side, shared by everybody in a test."""

    dp: Dispatcher
    bot: RecordingBot
    messages: MockMessageManager = field(default_factory=MockMessageManager)
    closed: bool = False

    def person(
        self,
        user_id: int | None = None,
        first_name: str = "Anna",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> Person:
        """Somebody writing to the bot: in private by default, or in a group's chat."""
        user_id = user_id or next(_user_ids)
        client = BotClient(
            self.dp, user_id=user_id, chat_id=chat_id or user_id, chat_type=chat_type, bot=self.bot
        )
        client.user = User(
            id=user_id,
            is_bot=False,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        return Person(self, client)

    async def background_update(self, user_id: int, chat_id: int | None = None) -> None:
        """`bg(user_id=...).update()` as another handler or a task would call it, awaited
        to the end (the library schedules it as a task)."""
        manager = BgManagerFactoryImpl(self.dp).bg(self.bot, user_id, chat_id or user_id)
        updater = manager._updater  # type: ignore[attr-defined]
        updater.notify = updater._process_update
        await manager.update()

    async def notices_sent(self) -> None:
        """Waits for the notices an action handed to the background (the bot answers its
        user first, then tells the others): a test then sees everything that was sent."""
        background = self.dp.workflow_data.get("background_notices")
        if background is not None:
            await background.drain()

    async def close(self) -> None:
        if not self.closed:
            self.closed = True
            await self.dp.emit_shutdown(bot=self.bot, dispatcher=self.dp)
            await self.bot.session.close()

    async def __aenter__(self) -> App:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


class _Starting:
    """What `start_app()` returns: await it for an App, or `async with` it to also close it."""

    def __init__(self, settings: Settings | None, storage: BaseStorage | None) -> None:
        self.settings, self.storage = settings, storage
        self.app: App | None = None

    async def _start(self) -> App:
        messages = AnsweringMessageManager()
        dp = build_dispatcher(
            self.settings or make_settings(),
            storage=self.storage or JsonMemoryStorage(),
            message_manager=messages,
        )
        bot = recording_bot(TEST_TOKEN)
        await dp.emit_startup(bot=bot, dispatcher=dp)
        self.app = App(dp=dp, bot=bot, messages=messages)
        return self.app

    def __await__(self) -> Generator[Any, None, App]:
        return self._start().__await__()

    async def __aenter__(self) -> App:
        return await self._start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.app is not None:
            await self.app.close()


def start_app(settings: Settings | None = None, storage: BaseStorage | None = None) -> _Starting:
    """A dispatcher as production builds it; JSON-only storage catches unserializable state."""
    return _Starting(settings, storage)


@dataclass
class Person:
    app: App
    client: BotClient
    # where this person's last action began in the shared histories
    _shown_from: int = 0
    _requests_from: int = 0

    @property
    def id(self) -> int:
        return self.client.user.id

    @property
    def chat_id(self) -> int:
        return self.client.chat.id

    def _begin(self) -> None:
        self._shown_from = len(self.app.messages.sent_messages)
        self._requests_from = len(self.app.bot.session.requests)

    async def send(self, text: str) -> None:
        self._begin()
        await self.client.send(text)
        await self.app.notices_sent()

    def shown(self) -> list[Message]:
        """Dialog messages shown to this person by their last action (and since)."""
        return [
            message
            for message in self.app.messages.sent_messages[self._shown_from :]
            if message.chat.id == self.chat_id
        ]

    def requests(self) -> list[TelegramMethod[Any]]:
        """Bot API calls made since this person's last action began."""
        return self.app.bot.session.requests[self._requests_from :]

    def screen(self) -> Message:
        """The last dialog message shown to this person (by anyone's action)."""
        for message in reversed(self.app.messages.sent_messages):
            if message.chat.id == self.chat_id:
                return message
        raise AssertionError(f"nothing was shown to {self.id}")

    def text(self) -> str:
        return self.screen().text or self.screen().caption or ""

    def buttons(self) -> list[str]:
        markup = self.screen().reply_markup
        if markup is None:
            return []
        return [button.text for row in markup.inline_keyboard for button in row]

    def button(self, pattern: str) -> InlineKeyboardButton:
        """The first button whose text contains `pattern` (a regular expression)."""
        markup = self.screen().reply_markup
        rows = markup.inline_keyboard if markup else []
        for button in (button for row in rows for button in row):
            if re.search(pattern, button.text):
                return button
        raise AssertionError(f"no button {pattern!r} among {self.buttons()}")

    async def click(self, pattern: str) -> str:
        """Press a button of the current screen; returns the callback query's id."""
        screen = self.screen()
        exact = InlineButtonTextLocator(re.escape(self.button(pattern).text))
        self._begin()
        callback_id = await self.client.click(screen, exact)
        await self.app.notices_sent()
        return callback_id

    async def click_data(self, callback_data: str, message: Message | None = None) -> str:
        """Send a callback with arbitrary data: what a forged or replayed button does."""
        message = message or self.screen()
        button = InlineKeyboardButton(text="forged", callback_data=callback_data)
        self._begin()
        callback = self.client._new_callback(message, button)
        await self.app.dp.feed_update(
            self.app.bot, Update(update_id=self.client._new_update_id(), callback_query=callback)
        )
        await self.app.notices_sent()
        return callback.id

    def answers(self, callback_id: str) -> list[AnswerCallbackQuery]:
        """Every answer the bot gave to one callback query."""
        return [
            request
            for request in self.app.bot.session.sent(AnswerCallbackQuery)
            if request.callback_query_id == callback_id
        ]

    def plain_texts(self) -> list[str]:
        """Texts this person's chat got through plain `bot.send_message` calls (not dialogs)
        since their last action began."""
        return [
            request.text
            for request in self.requests()
            if isinstance(request, SendMessage) and request.chat_id == self.chat_id
        ]
