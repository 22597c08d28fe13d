"""Inline mode for staff: `@bot query` in any chat lists matching clients.

What a picked result posts lands in whatever chat the manager was typing in, so it
carries no personal data: "Client #id" and a button into the bot (`/start c_<id>`),
which opens the card for staff and is a plain /start for anyone else. Everybody who
is not staff gets an empty answer.
"""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from aiogram_i18n import I18nContext

from bot.services.client_list import ClientRow, list_page
from bot.services.client_query import ClientQuery, SearchTooLong, SortKey, validate_search
from bot.services.money import format_money, shop_currency
from bot.services.roles import Role, is_staff

logger = logging.getLogger(__name__)

INLINE_RESULTS = 20
CACHE_SECONDS = 5


def _title(row: ClientRow, i18n: I18nContext) -> str:
    client = row.client
    if client.anonymized_at is not None:
        return i18n.get("clients-anonymized", id=client.id)
    parts = [client.display_name]
    if client.username:
        parts.append(f"@{client.username}")
    title = " · ".join(parts)
    return f"{title} {row.markers}" if row.markers else title


def _result(row: ClientRow, bot_username: str, i18n: I18nContext) -> InlineQueryResultArticle:
    client = row.client
    link = f"https://t.me/{bot_username}?start=c_{client.id}"
    return InlineQueryResultArticle(
        id=str(client.id),
        title=_title(row, i18n),
        description=i18n.get(
            "clients-inline-description",
            orders=client.orders_count,
            total=format_money(client.total_spent, shop_currency(), i18n.locale),
        ),
        input_message_content=InputTextMessageContent(
            message_text=i18n.get("clients-inline-message", id=client.id)
        ),
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text=i18n.get("clients-inline-open"), url=link)]]
        ),
    )


async def on_inline_query(
    query: InlineQuery, bot: Bot, i18n: I18nContext, role: Role = Role.CUSTOMER
) -> None:
    if not is_staff(role):
        await query.answer([], is_personal=True, cache_time=CACHE_SECONDS)
        return
    try:
        text = validate_search(query.query)
    except SearchTooLong:
        await query.answer([], is_personal=True, cache_time=CACHE_SECONDS)
        return
    client_query = ClientQuery(sort=SortKey.ACTIVITY, descending=True, search=text)
    page = await list_page(client_query, size=INLINE_RESULTS)
    me = await bot.me()
    results = [_result(row, me.username or "", i18n) for row in page.rows]
    logger.info("inline search by telegram id %s: %d results", query.from_user.id, len(results))
    await query.answer(results, is_personal=True, cache_time=CACHE_SECONDS)


def inline_router() -> Router:
    router = Router(name="inline")
    router.inline_query.register(on_inline_query)
    return router
