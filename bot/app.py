"""Assembly: the bot, its storage and the dispatcher with every router and dialog."""

from __future__ import annotations

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage
from aiogram_dialog import DIALOG_EVENT_NAME, setup_dialogs
from aiogram_dialog.api.protocols import MessageManagerProtocol

from bot.config import Settings
from bot.handlers.desk import desk_router
from bot.handlers.errors import errors_router
from bot.handlers.fallback import fallback_router
from bot.handlers.start import start_router
from bot.i18n import build_i18n
from bot.middlewares.client import ClientMiddleware
from dialogs.access import RoleAccessValidator
from dialogs.desk.dialog import desk_dialog
from dialogs.shop.dialog import main_menu_dialog


def build_bot(settings: Settings) -> Bot:
    session = None
    if settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(
        token=settings.token,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def build_storage(settings: Settings) -> BaseStorage:
    if not settings.redis_url:
        return MemoryStorage()
    # with_destiny keeps aiogram-dialog's stacks apart from plain FSM state.
    return RedisStorage.from_url(
        settings.redis_url, key_builder=DefaultKeyBuilder(with_destiny=True)
    )


def build_dispatcher(
    settings: Settings,
    *,
    storage: BaseStorage | None = None,
    message_manager: MessageManagerProtocol | None = None,
    events_isolation: BaseEventIsolation | None = None,
) -> Dispatcher:
    storage = storage or build_storage(settings)
    if events_isolation is None and isinstance(storage, RedisStorage):
        events_isolation = storage.create_isolation()
    dp = Dispatcher(storage=storage, events_isolation=events_isolation, settings=settings)

    client_middleware = ClientMiddleware(settings.admin_ids)
    dp.update.outer_middleware(client_middleware)
    i18n = build_i18n(settings.default_locale)
    i18n.setup(dp)  # after ClientMiddleware: the locale comes from the client row

    dp.include_router(errors_router())
    desk = desk_router()
    desk.include_router(desk_dialog())
    dp.include_router(desk)
    dp.include_router(start_router())
    dp.include_router(main_menu_dialog())
    dp.include_router(fallback_router())

    setup_dialogs(
        dp,
        message_manager=message_manager,
        stack_access_validator=RoleAccessValidator(),
        events_isolation=events_isolation,
    )
    # Background dialog updates skip dp.update middlewares; give them the same data.
    dialog_events = dp.observers[DIALOG_EVENT_NAME]
    dialog_events.outer_middleware(client_middleware)
    dialog_events.outer_middleware(i18n)
    return dp
