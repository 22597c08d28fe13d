"""Telegram Payments on the wire: invoice, pre-checkout ok / refused, successful payment."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from bot.runner import serve
from bot.services.cart import add_to_cart
from bot.services.checkout import CheckoutInput, place_order
from bot.services.payments import invoice_for, parse_payload, telegram_amount
from models import Client, Order, PaymentMethod
from tests.fakes.bot_api import FakeBotAPI, Recorded
from tests.fakes.updates import (
    callback_update,
    message_update,
    pre_checkout_query_update,
    successful_payment_update,
)
from tests.harness import make_settings
from tests.shop_fixtures import HOME, make_shop

TOKEN = "4242:WIRE-token-for-shopdesk-payments"
PROVIDER = "284685063:TEST:shopdesk"
USER = 801
STARTUP = 60  # the runner migrates and connects first: slow on a busy machine
TELEGRAM_PAYMENT = CheckoutInput(
    phone="+48600123456", payment_method=PaymentMethod.TELEGRAM, new_address=HOME
)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def to_user(recorded: Recorded) -> bool:
    return recorded.params.get("chat_id") == USER


async def next_screen(api: FakeBotAPI, since: int) -> Recorded:
    """The dialog's next screen: an edit of the clicked message, or a new message."""
    await api.wait_for("answerCallbackQuery", since=since)
    edited = api.find("editMessageText", to_user, since=since)
    return edited or await api.wait_for("sendMessage", to_user, since=since)


def press(api: FakeBotAPI, message: dict[str, Any], text: str) -> int:
    """Pushes a click on the button of `message` whose text contains `text`."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    buttons = [b for row in rows for b in row if text in b["text"]]
    assert buttons, f"no {text!r} button on {message}"
    button = buttons[0]
    since = len(api.requests)
    api.push_update(callback_update(button["callback_data"], user_id=USER, message=message))
    return since


async def test_invoice_pre_checkout_and_payment(api: FakeBotAPI, database_url: str) -> None:
    settings = make_settings(
        bot_token=TOKEN,
        telegram_api_url=api.base_url,
        database_url=database_url,
        payment_provider_token=PROVIDER,
    )
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop))
    try:
        api.push_update(message_update("/start", user_id=USER, first_name="Ola"))
        await api.wait_for("sendMessage", to_user, timeout=STARTUP)
        client = await Client.get(telegram_id=USER)
        shop = await make_shop()
        await add_to_cart(client, shop.espresso.id, 2)
        placed = await place_order(client, TELEGRAM_PAYMENT)
        number = placed.order.id  # on PostgreSQL the session's earlier tests used ids too

        since = len(api.requests)
        api.push_update(message_update("/start", user_id=USER, first_name="Ola"))
        menu = await api.wait_for("sendMessage", to_user, since=since)
        since = press(api, menu.result, "My orders")
        orders = await next_screen(api, since)
        since = press(api, orders.result, f"#{number} ")
        card = await next_screen(api, since)
        assert f"Order #{number}" in card.params["text"]
        assert "Card in Telegram" in card.params["text"]
        since = press(api, card.result, "Pay")

        invoice = await api.wait_for("sendInvoice", to_user, since=since)
        assert invoice.ok and invoice.params["provider_token"] == PROVIDER
        assert invoice.params["currency"] == "USD"
        assert [p["amount"] for p in invoice.params["prices"]] == [2500]
        payload = invoice.params["payload"]
        assert parse_payload(payload) == (number, 2500)

        since = len(api.requests)
        api.push_update(pre_checkout_query_update(payload, 2500, user_id=USER))
        answer = await api.wait_for("answerPreCheckoutQuery", since=since)
        assert answer.params["ok"] is True

        since = len(api.requests)
        api.push_update(successful_payment_update(payload, 2500, user_id=USER))
        thanks = await api.wait_for(
            "sendMessage", lambda r: to_user(r) and "Payment" in r.params["text"], since=since
        )
        assert f"Payment for order #{number} received: $25.00" in thanks.params["text"]
        order = await Order.get(id=number)
        assert (order.paid_amount, order.payment_charge_id, order.telegram_charge_id) == (
            Decimal("25.00"), "provider-charge-1", "telegram-charge-1",
        )  # fmt: skip
        assert order.paid_at is not None

        # paying twice: refused before any money moves
        since = len(api.requests)
        api.push_update(pre_checkout_query_update(payload, 2500, user_id=USER))
        answer = await api.wait_for("answerPreCheckoutQuery", since=since)
        assert answer.params["ok"] is False
        assert answer.params["error_message"] == "This order cannot be paid any more."
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)


async def test_a_changed_total_or_a_stranger_is_refused(api: FakeBotAPI, database_url: str) -> None:
    user = USER + 10
    settings = make_settings(
        bot_token=TOKEN,
        telegram_api_url=api.base_url,
        database_url=database_url,
        payment_provider_token=PROVIDER,
    )
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop))
    try:
        api.push_update(message_update("/start", user_id=user, first_name="Ola"))
        await api.wait_for(
            "sendMessage", lambda r: r.params.get("chat_id") == user, timeout=STARTUP
        )
        client = await Client.get(telegram_id=user)
        shop = await make_shop()
        await add_to_cart(client, shop.green.id, 3)
        placed = await place_order(client, TELEGRAM_PAYMENT)
        invoice = await invoice_for(client, placed.order.id)
        assert invoice.amount == telegram_amount(Decimal("12.15"), "USD") == 1215

        await Order.filter(id=placed.order.id).update(total=Decimal("10.00"))
        since = len(api.requests)
        api.push_update(pre_checkout_query_update(invoice.payload, 1215, user_id=user))
        answer = await api.wait_for("answerPreCheckoutQuery", since=since)
        assert answer.params["ok"] is False
        assert "total has changed" in answer.params["error_message"]

        since = len(api.requests)
        api.push_update(pre_checkout_query_update(invoice.payload, 1000, user_id=user + 1))
        answer = await api.wait_for("answerPreCheckoutQuery", since=since)
        assert answer.params["ok"] is False  # not this person's order
        assert (await Order.get(id=placed.order.id)).paid_at is None
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
