import asyncio
import sys
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.methods import EditMessageText, SendMessage
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.recording_bot import recording_bot
from tests.fakes.updates import callback_update, message_update

TOKEN = "4242:TEST-token"
KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="Buy", callback_data="buy")]]
)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as api:
        yield api


def make_bot(api: FakeBotAPI, token: str = TOKEN) -> Bot:
    return Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    bot = make_bot(api)
    yield bot
    await bot.session.close()


def echo_dispatcher() -> Dispatcher:
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(f"echo: {message.text}", reply_markup=KEYBOARD)

    dp = Dispatcher()
    dp.include_router(router)
    return dp


async def test_real_bot_sends_and_uploads(api: FakeBotAPI, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username) == (4242, "shopdesk_test_bot")

    sent = await bot.send_message(7, "hi", reply_markup=KEYBOARD)
    assert (sent.message_id, sent.chat.id, sent.text) == (1, 7, "hi")
    assert sent.reply_markup.model_dump() == KEYBOARD.model_dump()
    recorded = await api.wait_for("sendMessage")
    assert recorded.params["chat_id"] == 7
    assert recorded.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "buy"

    payload = bytes(range(256)) * 4
    doc = await bot.send_document(7, BufferedInputFile(payload, "report.xlsx"), caption="Q3")
    assert (doc.message_id, doc.document.file_name, doc.caption) == (2, "report.xlsx", "Q3")
    assert (await api.wait_for("sendDocument")).files["document"] == ("report.xlsx", payload)
    assert api.sent_texts(chat_id=7) == ["hi"]


async def test_real_bot_sees_telegram_errors(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(7, "flood")
    assert retry.value.retry_after == 3
    await bot.send_message(7, "after flood")

    api.blocked_chats.add(8)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(8, "hello?")

    api.chats[9] = {"type": "private", "first_name": "Bob", "username": "bob"}
    assert (await bot.get_chat(9)).username == "bob"
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat(10)

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("after flood", chat_id=7, message_id=1)
    assert api.sent_texts() == ["after flood"]

    intruder = make_bot(api, token="1:bad.token")
    async with intruder.session:
        with pytest.raises(TelegramUnauthorizedError):
            await intruder.get_me()


async def test_dispatcher_polls_and_stops_cleanly(api: FakeBotAPI, bot: Bot) -> None:
    dp = echo_dispatcher()
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False))

    api.push_update(message_update("ping", user_id=55))
    answer = await api.wait_for("sendMessage")
    assert (answer.params["chat_id"], answer.params["text"]) == (55, "echo: ping")

    api.push_update(callback_update("buy", user_id=55, message=answer.result))
    api.push_update(message_update("pong", user_id=55))
    await api.wait_for("sendMessage", lambda r: r.params["text"] == "echo: pong")
    offsets = [r.params.get("offset") for r in api.requests if r.method == "getUpdates"]
    assert offsets[-1] == 4  # ping, the unhandled callback and pong are all confirmed

    await dp.stop_polling()
    await asyncio.wait_for(polling, 5)


async def test_webhook_reply_is_executed(api: FakeBotAPI, bot: Bot) -> None:
    dp = echo_dispatcher()

    @dp.message(lambda m: m.text == "fast")
    async def reply_in_webhook(message: Message) -> SendMessage:
        return message.answer("via webhook reply")

    app = web.Application()
    SimpleRequestHandler(dp, bot, secret_token="s3cret", handle_in_background=False).register(
        app, path="/hook"
    )
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    try:
        await bot.set_webhook(url, secret_token="s3cret")
        assert (await bot.get_webhook_info()).url == url

        status, _ = await api.post_webhook(url, message_update("x"), secret_token="wrong")
        assert status == 401
        status, body = await api.deliver_webhook(message_update("fast", user_id=77))
        assert (status, body["method"], body["chat_id"]) == (200, "sendMessage", 77)
        assert api.sent_texts(chat_id=77) == ["via webhook reply"]
    finally:
        await runner.cleanup()


async def test_cli_prints_address() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.fakes.bot_api", "--port", "0", stdout=asyncio.subprocess.PIPE
    )
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 5)
        assert line.decode().startswith("listening on http://127.0.0.1:")
    finally:
        process.terminate()
        await process.wait()


async def test_recording_bot_answers_and_fails_once() -> None:
    bot = recording_bot()
    sent = await bot.send_message(1, "hello", reply_markup=KEYBOARD)
    assert (sent.message_id, sent.text) == (1, "hello")
    assert sent.reply_markup.model_dump() == KEYBOARD.model_dump()
    assert [m.text for m in bot.session.sent(SendMessage)] == ["hello"]
    assert (await bot.me()).id == bot.id

    bot.session.fail_next(SendMessage, TelegramForbiddenError)
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(1, "blocked")
    assert (await bot.send_message(1, "again")).message_id == 2

    bot.session.fail_next(
        EditMessageText, TelegramBadRequest, "Bad Request: message is not modified"
    )
    with pytest.raises(TelegramBadRequest, match="not modified"):
        await bot.edit_message_text("x", chat_id=1, message_id=1)
    edited = await bot.edit_message_text("x", chat_id=1, message_id=1)
    assert isinstance(edited, Message) and edited.text == "x" and edited.reply_markup is None
