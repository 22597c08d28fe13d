"""Telegram Payments: the pre-checkout check and the successful payment."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.types import Message, PreCheckoutQuery
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.filters import OnLoop
from bot.notify import BackgroundNotices
from bot.services.payments import check_pre_checkout, record_payment

logger = logging.getLogger(__name__)


async def on_pre_checkout(query: PreCheckoutQuery, i18n: I18nContext, settings: Settings) -> None:
    refusal = await check_pre_checkout(
        query.from_user.id, query.invoice_payload, query.currency, query.total_amount
    )
    if refusal is None:
        await query.answer(ok=True)
        return
    logger.info("pre-checkout refused for telegram id %s: %s", query.from_user.id, refusal)
    await query.answer(ok=False, error_message=i18n.get(refusal))


async def on_successful_payment(
    message: Message,
    i18n: I18nContext,
    settings: Settings,
    background_notices: BackgroundNotices,
) -> None:
    payment = message.successful_payment
    notices = await record_payment(
        message.from_user.id,
        payment.invoice_payload,
        payment.currency,
        payment.total_amount,
        payment.provider_payment_charge_id,
        payment.telegram_payment_charge_id,
        settings.admin_ids,
    )
    logger.info("payment recorded for telegram id %s", message.from_user.id)
    background_notices.send(message.bot, i18n.core, notices, settings.default_locale)


def payments_router() -> Router:
    router = Router(name="payments")
    router.pre_checkout_query.register(on_pre_checkout)
    router.message.register(on_successful_payment, OnLoop(F.successful_payment))
    return router
