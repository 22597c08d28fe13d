"""Every button press is answered exactly once; Telegram's refusals are handled centrally."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import suppress

import pytest
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import Message, Update
from aiogram_dialog.manager.message_manager import MessageManager
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.memory_storage import JsonMemoryStorage

from bot.app import build_dispatcher
from models import Client
from tests.fakes.recording_bot import recording_bot
from tests.harness import OWNER_ID, TEST_TOKEN, App, make_settings, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


def intent_of(message: Message) -> str:
    return message.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]


async def test_a_stale_button_is_answered_once(app: App) -> None:
    anna = app.person(first_name="Anna")
    await anna.send("/start")
    old_menu = anna.screen()
    # A new menu makes the old one's buttons stale. aiogram-dialog's intent ids are the
    # second plus a random 0-99, so two menus in one second can share one: start again then.
    for _ in range(5):
        await anna.send("/start")
        if intent_of(anna.screen()) != intent_of(old_menu):
            break

    callback_id = await anna.click_data(
        old_menu.reply_markup.inline_keyboard[0][0].callback_data, old_menu
    )

    assert len(anna.answers(callback_id)) == 1
    assert "Hello, Anna!" in anna.text()


@pytest.mark.parametrize("data", ["garbage", "nointent\x1dlanguage", "\x1d", "x" * 64])
async def test_garbage_button_data_is_answered_once(app: App, data: str) -> None:
    anna = app.person(first_name="Anna")
    await anna.send("/start")
    callback_id = await anna.click_data(data)
    assert len(anna.answers(callback_id)) == 1


async def test_choosing_a_language_answers_the_tap_once(app: App) -> None:
    anna = app.person(first_name="Anna")
    await anna.send("/start")
    await anna.click("Language")
    callback_id = await anna.click("Polski")
    assert [answer.text for answer in anna.answers(callback_id)] == ["Język zapisany"]


async def test_a_forged_desk_button_is_answered_once(app: App) -> None:
    kasia = app.person(first_name="Kasia")
    await kasia.send("/start")
    menu = kasia.screen()
    intent_id = menu.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    callback_id = await kasia.click_data(f"{intent_id}\x1ddesk", menu)
    assert len(kasia.answers(callback_id)) == 1


async def test_refresh_is_answered_once_and_an_unchanged_screen_is_no_warning(
    db: None, caplog: pytest.LogCaptureFixture
) -> None:
    """With aiogram-dialog's real message manager against the fake Telegram."""
    dp = build_dispatcher(
        make_settings(), storage=JsonMemoryStorage(), message_manager=MessageManager()
    )
    bot = recording_bot(TEST_TOKEN)
    await dp.emit_startup(bot=bot, dispatcher=dp)
    try:
        owner = BotClient(dp, user_id=OWNER_ID, chat_id=OWNER_ID, bot=bot)
        await owner.send("/admin")
        stored = max(k for k in bot.session.telegram.messages if k[0] == OWNER_ID)
        desk = Message.model_validate(bot.session.telegram.messages[stored])
        refresh = desk.reply_markup.inline_keyboard[0][0]
        with caplog.at_level(logging.DEBUG):
            for update_id in (50, 51):
                callback = owner._new_callback(desk, refresh)
                await dp.feed_update(bot, Update(update_id=update_id, callback_query=callback))
                answers = bot.session.sent(AnswerCallbackQuery)
                assert [a.callback_query_id for a in answers].count(callback.id) == 1
        assert any("MessageNotModified" in r.getMessage() for r in caplog.records)
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    finally:
        await dp.emit_shutdown(bot=bot, dispatcher=dp)


async def test_a_403_during_an_update_marks_the_client_bot_blocked(app: App) -> None:
    anna = app.person(first_name="Anna")
    app.bot.session.blocked_chats.add(anna.id)  # blocked right after writing to us

    await anna.send("/some_command")  # the reply hits 403; the handler does not crash

    assert [type(r).__name__ for r in anna.requests()] == ["SendMessage"]

    assert (await Client.get(telegram_id=anna.id)).bot_blocked


async def test_a_403_outside_any_update_marks_the_client_bot_blocked(app: App) -> None:
    anna, kasia = app.person(first_name="Anna"), app.person(first_name="Kasia")
    await anna.send("/start")
    await kasia.send("/start")
    app.bot.session.blocked_chats.update({anna.id, -100_42})

    with pytest.raises(TelegramForbiddenError):
        await app.bot.send_message(anna.id, "news")
    await app.bot.send_message(kasia.id, "news")
    with suppress(TelegramForbiddenError):
        await app.bot.send_message(-100_42, "to a group that kicked us")

    assert (await Client.get(telegram_id=anna.id)).bot_blocked
    assert not (await Client.get(telegram_id=kasia.id)).bot_blocked

    app.bot.session.blocked_chats.discard(anna.id)
    await anna.send("/start")  # they wrote again: unblocked
    assert not (await Client.get(telegram_id=anna.id)).bot_blocked
