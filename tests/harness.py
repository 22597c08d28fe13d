"""Act as a person in a chat with the bot: type, click, read what the bot shows.

Built on aiogram_dialog.test_tools: `BotClient` feeds real updates through the real
dispatcher (middlewares, routers, dialogs, database); `MockMessageManager` keeps what
the dialogs would have sent; the recording bot keeps every plain Bot API call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import count

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import BaseStorage
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardButton, Message, Update, User
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

from bot.app import build_dispatcher
from bot.config import Settings
from tests.fakes.recording_bot import recording_bot

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


@dataclass
class App:
    """One dispatcher with its fake Telegram side, shared by everybody in a test."""

    dp: Dispatcher
    bot: Bot
    messages: MockMessageManager = field(default_factory=MockMessageManager)

    def person(
        self,
        user_id: int | None = None,
        first_name: str = "Anna",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> Person:
        user_id = user_id or next(_user_ids)
        client = BotClient(self.dp, user_id=user_id, chat_id=user_id, bot=self.bot)
        client.user = User(
            id=user_id,
            is_bot=False,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        return Person(self, client)


async def start_app(settings: Settings | None = None, storage: BaseStorage | None = None) -> App:
    """A dispatcher as production builds it; JSON-only storage catches unserializable state."""
    messages = MockMessageManager()
    dp = build_dispatcher(
        settings or make_settings(),
        storage=storage or JsonMemoryStorage(),
        message_manager=messages,
    )
    bot = recording_bot(TEST_TOKEN)
    await dp.emit_startup(bot=bot, dispatcher=dp)
    return App(dp=dp, bot=bot, messages=messages)


@dataclass
class Person:
    app: App
    client: BotClient

    @property
    def id(self) -> int:
        return self.client.user.id

    async def send(self, text: str) -> None:
        self.app.messages.reset_history()
        self.app.bot.session.requests.clear()
        await self.client.send(text)

    def screen(self) -> Message:
        """The last dialog message shown to this person."""
        for message in reversed(self.app.messages.sent_messages):
            if message.chat.id == self.client.chat.id:
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

    async def click(self, pattern: str) -> None:
        screen = self.screen()
        exact = InlineButtonTextLocator(re.escape(self.button(pattern).text))
        self.app.messages.reset_history()
        self.app.bot.session.requests.clear()
        await self.client.click(screen, exact)

    async def click_data(self, callback_data: str, message: Message | None = None) -> None:
        """Send a callback with arbitrary data: what a forged or replayed button does."""
        message = message or self.screen()
        button = InlineKeyboardButton(text="forged", callback_data=callback_data)
        self.app.messages.reset_history()
        self.app.bot.session.requests.clear()
        callback = self.client._new_callback(message, button)
        await self.app.dp.feed_update(
            self.app.bot, Update(update_id=self.client._new_update_id(), callback_query=callback)
        )

    def plain_texts(self) -> list[str]:
        """Texts this person got through plain `bot.send_message` calls (not dialogs)."""
        return [
            request.text
            for request in self.app.bot.session.requests
            if isinstance(request, SendMessage) and request.chat_id == self.id
        ]
