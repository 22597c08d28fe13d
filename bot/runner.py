"""Runs the bot: long polling by default, a webhook server when WEBHOOK_URL is set."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from contextlib import suppress
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import User
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.app import build_bot, build_dispatcher
from bot.config import ConfigError, Settings
from bot.db import close_database, open_database

logger = logging.getLogger(__name__)


def describe_database(url: str) -> str:
    """Where the data lives, without credentials."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return f"SQLite {url.removeprefix('sqlite://')}"
    return f"PostgreSQL {parts.hostname}:{parts.port or 5432}{parts.path}"


def describe_storage(dp: Dispatcher) -> str:
    return "memory" if isinstance(dp.storage, MemoryStorage) else "Redis"


def _stop_on_signals(stop: asyncio.Event) -> None:
    if sys.platform == "win32":  # no loop signal handlers there; Ctrl+C still ends the run
        return
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)


async def serve(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Start the bot and run until `stop` is set (or SIGINT/SIGTERM when it is not given)."""
    if stop is None:
        stop = asyncio.Event()
        _stop_on_signals(stop)
    bot = build_bot(settings)
    try:
        me = await _introduce(bot, settings)
    except BaseException:
        await bot.session.close()
        raise
    await open_database(settings.database_url)
    dp = build_dispatcher(settings)
    try:
        mode = f"webhook {settings.webhook_url}" if settings.webhook_mode else "long polling"
        print(
            f"shopdesk: @{me.username} is running ({mode}; database "
            f"{describe_database(settings.database_url)}; storage {describe_storage(dp)})",
            flush=True,
        )
        if settings.webhook_mode:
            await _serve_webhook(settings, dp, bot, stop)
        else:
            await _poll(dp, bot, stop)
    finally:
        await dp.storage.close()
        await bot.session.close()
        await close_database()
        print("shopdesk: stopped", flush=True)


async def _introduce(bot: Bot, settings: Settings) -> User:
    """getMe before anything else: a rejected token or an unreachable API is one clear line."""
    try:
        return await bot.get_me()
    except TelegramUnauthorizedError:
        raise ConfigError("BOT_TOKEN: Telegram rejected this token (Unauthorized).") from None
    except TelegramNetworkError as exc:
        where = settings.telegram_api_url or "api.telegram.org"
        raise ConfigError(f"TELEGRAM_API_URL: cannot reach {where} ({exc.message})") from None


async def _poll(dp: Dispatcher, bot: Bot, stop: asyncio.Event) -> None:
    await bot.delete_webhook()

    async def stop_when_asked() -> None:
        await stop.wait()
        await dp.stop_polling()

    watcher = asyncio.create_task(stop_when_asked())
    try:
        await dp.start_polling(
            bot,
            handle_signals=False,
            close_bot_session=False,
            allowed_updates=dp.resolve_used_update_types(),
        )
    finally:
        watcher.cancel()
        with suppress(asyncio.CancelledError):
            await watcher


async def _serve_webhook(settings: Settings, dp: Dispatcher, bot: Bot, stop: asyncio.Event) -> None:
    secret = settings.require_webhook_secret()
    app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(
        app, path=settings.webhook_path
    )
    setup_application(app, dp, bot=bot)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    try:
        # Several workers may call this; it is idempotent, and none deletes it on exit.
        await bot.set_webhook(
            f"{settings.webhook_url}{settings.webhook_path}",
            secret_token=secret,
            allowed_updates=dp.resolve_used_update_types(),
        )
        await stop.wait()
    finally:
        await runner.cleanup()
