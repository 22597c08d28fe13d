"""Assembly: the bot, its storage and the dispatcher with every router and dialog."""

from __future__ import annotations

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.types import CallbackQuery
from aiogram_dialog import DIALOG_EVENT_NAME, setup_dialogs
from aiogram_dialog.api.protocols import MessageManagerProtocol

from bot.broadcast_progress import progress_factory
from bot.broadcast_runner import BroadcastSenders, SystemClock
from bot.commands import CommandMenu
from bot.config import Settings
from bot.handlers.chat import chat_buttons_router, chat_inbox_router
from bot.handlers.desk import admin_command_router, desk_router, staff_in_private_chats
from bot.handlers.errors import errors_router
from bot.handlers.fallback import fallback_router
from bot.handlers.group_chats import group_chats_router
from bot.handlers.inline import inline_router
from bot.handlers.login import login_router
from bot.handlers.order_link import ORDER_LINK_PREFIX, order_link_router
from bot.handlers.payments import payments_router
from bot.handlers.shop_guard import shop_guard_router
from bot.handlers.start import start_router
from bot.i18n import build_i18n
from bot.middlewares.client import ClientMiddleware
from bot.middlewares.requests import install_request_middlewares
from bot.notify import BackgroundNotices
from bot.retention_job import RetentionJob
from bot.routing import PassByRouter
from bot.senders.chat import CHAT_BUTTON_PREFIX
from bot.services.money import configure_currency
from dialogs.access import RoleAccessValidator, drop_refused_background_updates
from dialogs.addresses.dialog import address_book_dialog, address_form_dialog
from dialogs.anonymize.dialog import client_erasure_dialog
from dialogs.broadcast.dialog import broadcast_dialog
from dialogs.card_sections.address_dialog import card_addresses_dialog
from dialogs.card_sections.dialog import card_favorites_dialog, card_info_dialog
from dialogs.cart.dialog import cart_dialog
from dialogs.catalog.dialog import catalog_dialog
from dialogs.catalog_view.dialog import catalog_view_dialog
from dialogs.chat.dialog import chat_dialog
from dialogs.checkout.dialog import checkout_dialog
from dialogs.client_analytics.dialog import client_analytics_dialog
from dialogs.client_card.dialog import client_card_dialog
from dialogs.client_mail.dialog import client_mail_dialog, client_sms_dialog
from dialogs.clients.dialog import clients_dialog
from dialogs.clients_bulk.dialog import client_bulk_dialog
from dialogs.create_order.dialog import create_order_dialog
from dialogs.desk.dialog import desk_dialog
from dialogs.erasure_desk.dialog import erasure_desk_dialog
from dialogs.intent_ids import use_collision_free_intent_ids
from dialogs.my_data.dialog import my_data_dialog
from dialogs.my_orders.dialog import my_orders_dialog
from dialogs.orders.dialog import order_list_dialog, order_view_dialog
from dialogs.promo.dialog import promo_dialog
from dialogs.retention.dialog import retention_dialog
from dialogs.settings.dialog import (
    mail_settings_dialog,
    rate_settings_dialog,
    settings_dialog,
    sms_settings_dialog,
)
from dialogs.shop.dialog import main_menu_dialog
from dialogs.shop_analytics.dialog import shop_analytics_dialog

NOTICE_BUTTON_PREFIXES = (CHAT_BUTTON_PREFIX, ORDER_LINK_PREFIX)


async def is_notice_button(callback: CallbackQuery) -> bool:
    # every button press is checked: a plain check, on the loop (see bot/filters.py)
    return callback.data is not None and callback.data.startswith(NOTICE_BUTTON_PREFIXES)


# Telegram Business updates would bring chats of people who never started the bot.
BUSINESS_UPDATES = (
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
)


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
    configure_currency(settings.currency)
    use_collision_free_intent_ids()
    storage = storage or build_storage(settings)
    if events_isolation is None:
        # One update at a time per user: aiogram-dialog looks up a pressed button's
        # dialog before it locks the stack, so a quick press on a dialog the previous
        # update is still starting (polling and webhooks handle updates as concurrent
        # tasks) would find nothing and reset the user's stack.
        if isinstance(storage, RedisStorage):
            events_isolation = storage.create_isolation()
        else:
            events_isolation = SimpleEventIsolation()
    dp = Dispatcher(storage=storage, events_isolation=events_isolation, settings=settings)

    # On dp.update only: background dialog updates pass through dp.update as well.
    dp.update.outer_middleware(ClientMiddleware(settings.admin_ids))
    i18n = build_i18n(settings.default_locale)
    i18n.setup(dp)  # after ClientMiddleware: the locale comes from the client row
    command_menu = CommandMenu(i18n.core, settings.default_locale, settings.admin_ids)
    dp["command_menu"] = command_menu

    clock = SystemClock()
    senders = BroadcastSenders(
        progress_factory=progress_factory(i18n.core, settings.default_locale, clock, 3.0),
        clock=clock,
    )
    dp["broadcast_senders"] = senders
    background_notices = dp["background_notices"] = BackgroundNotices()
    retention = RetentionJob(settings.admin_ids, storage=storage)

    async def on_startup(bot: Bot) -> None:  # after i18n's startup: the catalogs are loaded
        install_request_middlewares(bot)
        await command_menu.startup(bot)
        senders.start(bot)  # resumes unfinished broadcasts
        retention.start(bot)

    async def on_shutdown() -> None:
        await background_notices.drain()
        await senders.stop()
        await retention.stop()

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)

    dp.include_router(group_chats_router())  # groups stop here: private chats only
    # Commands, login, payments: before every dialog, since an open dialog takes every
    # message of its user (`/start` and `/menu` always reset to the customer menu).
    entry = PassByRouter(name="entry")
    entry.include_router(errors_router())
    entry.include_router(inline_router())  # staff only; answers nothing personal to others
    entry.include_router(login_router())
    entry.include_router(shop_guard_router())
    entry.include_router(payments_router())
    entry.include_router(start_router())
    entry.include_router(admin_command_router())
    dp.include_router(entry)
    # Buttons on notices, outside any dialog: before the dialogs, which would take a
    # press from a user with an open dialog as one of theirs.
    notice_buttons = Router(name="notice-buttons")
    notice_buttons.callback_query.filter(is_notice_button)
    notice_buttons.include_router(staff_in_private_chats(chat_buttons_router()))
    notice_buttons.include_router(order_link_router())  # checks the role itself
    dp.include_router(notice_buttons)
    # The shop before the desk: customers' presses are most of the traffic. Order among
    # dialogs does not matter otherwise: each takes only its own intents' updates.
    dp.include_router(main_menu_dialog())
    for shop_dialog in (
        catalog_view_dialog(),
        cart_dialog(),
        checkout_dialog(),
        my_orders_dialog(),
        address_book_dialog(),
        address_form_dialog(),
        my_data_dialog(),
    ):
        dp.include_router(shop_dialog)
    desk = desk_router()
    desk.include_router(desk_dialog())
    desk.include_router(client_card_dialog())
    desk.include_router(catalog_dialog())
    desk.include_router(promo_dialog())
    desk.include_router(clients_dialog())
    desk.include_router(broadcast_dialog())
    desk.include_routers(settings_dialog(), mail_settings_dialog(), sms_settings_dialog())
    desk.include_routers(client_mail_dialog(), client_sms_dialog())
    desk.include_router(create_order_dialog())
    desk.include_routers(client_analytics_dialog(), shop_analytics_dialog())
    desk.include_router(client_bulk_dialog())
    desk.include_router(client_erasure_dialog())
    desk.include_router(retention_dialog())
    desk.include_router(erasure_desk_dialog())
    desk.include_routers(card_addresses_dialog(), card_favorites_dialog(), card_info_dialog())
    desk.include_routers(order_list_dialog(), order_view_dialog())
    desk.include_routers(chat_dialog(), rate_settings_dialog())
    dp.include_router(desk)
    dp.include_router(chat_inbox_router())  # a customer's free message: the shop chat
    dp.include_router(fallback_router())

    setup_dialogs(
        dp,
        message_manager=message_manager,
        stack_access_validator=RoleAccessValidator(),
        events_isolation=events_isolation,
    )
    dp.observers[DIALOG_EVENT_NAME].middleware(drop_refused_background_updates)
    _drop_business_handlers(dp)
    return dp


def _drop_business_handlers(dp: Dispatcher) -> None:
    """Every Dialog registers a business_message handler; without handlers, those update
    types leave `dp.resolve_used_update_types()` and Telegram never sends them."""
    routers: list[Router] = [dp, *dp.chain_tail]
    for router in routers:
        for name in BUSINESS_UPDATES:
            if name in router.observers:
                router.observers[name].handlers.clear()
