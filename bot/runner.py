"""Runs the bot: long polling by default, a webhook server when WEBHOOK_URL is set."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramUnauthorizedError,
)
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import User
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from tortoise import Tortoise

from bot.app import build_bot, build_dispatcher
from bot.config import ConfigError, Settings
from bot.db import CONNECTION, close_database, open_database
from bot.search_index import check_trigram_search

logger = logging.getLogger(__name__)
# seconds the updates in flight get to finish on stop (Docker waits 10 s before SIGKILL by
# default: give containers `stop_grace_period: 30s`, systemd waits 90 s)
SHUTDOWN_GRACE = 20.0


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


async def serve(
    settings: Settings, stop: asyncio.Event | None = None, *, dispatcher: Dispatcher | None = None
) -> None:
    """Start the bot and run until `stop` is set (or SIGINT/SIGTERM when it is not given).

    `dispatcher`: one built by `build_dispatcher(settings)` and extended by the caller
    (serve owns it from then on and closes its storage); one is built when not given.
    On stop no new update is taken, the updates in flight get `SHUTDOWN_GRACE` seconds to
    finish, and only then storage, Bot API session and database are closed.
    """
    if stop is None:
        stop = asyncio.Event()
        _stop_on_signals(stop)
    bot = build_bot(settings)
    dp: Dispatcher | None = None
    database_open = running = False

    def announce() -> None:
        nonlocal running
        running = True
        mode = f"webhook {settings.webhook_url}" if settings.webhook_mode else "long polling"
        print(
            f"shopdesk: @{me.username} is running ({mode}; database "
            f"{describe_database(settings.database_url)}; storage {describe_storage(dp)})",
            flush=True,
        )

    try:
        me = await _introduce(bot, settings)
        await open_database(settings.database_url)
        database_open = True
        if hint := await check_trigram_search(Tortoise.get_connection(CONNECTION)):
            print(hint, file=sys.stderr, flush=True)
        dp = dispatcher or build_dispatcher(settings)
        keep_startup_objects()
        if stop.is_set():  # asked to stop while starting
            return
        if settings.webhook_mode:
            await _serve_webhook(settings, dp, bot, stop, announce)
        else:
            await _poll(dp, bot, stop, announce)
    finally:
        if dp is not None:
            await dp.storage.close()
        await bot.session.close()
        if database_open:
            await close_database()
        if running:
            print("shopdesk: stopped", flush=True)


def keep_startup_objects() -> None:
    """What exists once the bot is assembled (modules, pydantic and ORM models, dialogs)
    lives as long as the process: `gc.freeze()` takes it out of the collector's walks.
    Otherwise every full collection walks all of it, a pause of up to 200 ms that a
    broadcast at 1,000 messages/s lost a tenth of a second's sending to, several times
    a minute (measured: 946 -> 994 messages/s)."""
    gc.collect()
    gc.freeze()


async def _introduce(bot: Bot, settings: Settings) -> User:
    """getMe before anything else: a rejected token or an unreachable API is one clear line."""
    try:
        return await bot.get_me()
    except TelegramUnauthorizedError:
        raise ConfigError("BOT_TOKEN: Telegram rejected this token (Unauthorized).") from None
    except TelegramNetworkError as exc:
        where = settings.telegram_api_url or "api.telegram.org"
        raise ConfigError(f"TELEGRAM_API_URL: cannot reach {where} ({exc.message})") from None


async def _finish_updates(tasks: set[asyncio.Task[Any]]) -> None:
    """Wait for the updates in flight (up to SHUTDOWN_GRACE s), then cancel what is left.

    Telegram counts an update as delivered once the bot has fetched it (polling) or
    answered 200 (webhook): one cut off by the shutdown is lost for good.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SHUTDOWN_GRACE
    while pending := {task for task in tasks if not task.done()}:
        remaining = deadline - loop.time()
        if remaining <= 0:
            logger.warning(
                "%d update(s) still running after %g s; cancelling them",
                len(pending),
                SHUTDOWN_GRACE,
            )
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            return
        logger.info("waiting for %d update(s) in flight", len(pending))
        await asyncio.wait(pending, timeout=remaining)


def _finish_updates_first_on_shutdown(dp: Dispatcher, tasks: set[asyncio.Task[Any]]) -> None:
    """The dispatcher's first shutdown handler waits for the updates in flight: later ones
    take away what handlers still use (aiogram-i18n's clears the locales)."""

    async def finish_updates() -> None:
        await _finish_updates(tasks)

    dp.shutdown.register(finish_updates)
    dp.shutdown.handlers.insert(0, dp.shutdown.handlers.pop())


async def _poll(
    dp: Dispatcher, bot: Bot, stop: asyncio.Event, announce: Callable[[], None]
) -> None:
    await bot.delete_webhook()
    # aiogram runs each polled update as a task kept in this set and never awaits them
    _finish_updates_first_on_shutdown(dp, dp._handle_update_tasks)

    async def stop_when_asked() -> None:
        await stop.wait()
        await dp.stop_polling()

    announce()
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


async def _serve_webhook(
    settings: Settings,
    dp: Dispatcher,
    bot: Bot,
    stop: asyncio.Event,
    announce: Callable[[], None],
) -> None:
    secret = settings.require_webhook_secret()
    handler = SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret)
    # aiogram answers 200 at once and handles each update as a task kept in this set
    _finish_updates_first_on_shutdown(dp, handler._background_feed_update_tasks)
    app = web.Application()
    # the route only: `handler.register` would also close the bot session with the server
    app.router.add_post(settings.webhook_path, handler.handle)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    workflow = {"app": app, "dispatcher": dp, "bot": bot, **dp.workflow_data}
    started = False
    try:
        await dp.emit_startup(**workflow)
        started = True
        site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
        try:
            await site.start()
        except OSError as exc:
            where = f"{settings.webhook_host}:{settings.webhook_port}"
            raise ConfigError(
                f"WEBHOOK_PORT: cannot listen on {where} ({exc.strerror or exc})."
            ) from None
        url = f"{settings.webhook_url}{settings.webhook_path}"
        try:
            # Several workers may call this; it is idempotent, and none deletes it on exit.
            await bot.set_webhook(
                url, secret_token=secret, allowed_updates=dp.resolve_used_update_types()
            )
        except TelegramBadRequest as exc:
            raise ConfigError(f"WEBHOOK_URL: Telegram refused {url} ({exc.message}).") from None
        announce()
        await stop.wait()
    finally:
        # no new request, and every request taken has started its update's task
        await runner.cleanup()
        if started:
            await dp.emit_shutdown(**workflow)  # the updates in flight finish first
