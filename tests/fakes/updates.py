"""Builders for incoming updates, as plain Bot API JSON dicts or as `aiogram.types.Update`."""

from __future__ import annotations

import itertools
import time
from typing import Any

from aiogram import Bot
from aiogram.types import Update

from tests.fakes.telegram import BOT_USER

DEFAULT_USER_ID = 1001
_update_ids = itertools.count(1)
_message_ids = itertools.count(1000)
_query_ids = itertools.count(1)


def user(
    user_id: int = DEFAULT_USER_ID,
    first_name: str = "Alice",
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = "en",
) -> dict[str, Any]:
    fields = {"last_name": last_name, "username": username, "language_code": language_code}
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": first_name,
        **{k: v for k, v in fields.items() if v is not None},
    }


def private_chat(sender: dict[str, Any], chat_id: int | None = None) -> dict[str, Any]:
    chat = {"id": chat_id or sender["id"], "type": "private", "first_name": sender["first_name"]}
    chat.update({k: sender[k] for k in ("last_name", "username") if k in sender})
    return chat


def message_update(
    text: str | None = "hello",
    user_id: int = DEFAULT_USER_ID,
    first_name: str = "Alice",
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = "en",
    chat_id: int | None = None,
    message_id: int | None = None,
    update_id: int | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A user's message; `extra` is merged into the message (e.g. `document=api.add_file(...)`)."""
    sender = user(user_id, first_name, last_name, username, language_code)
    message: dict[str, Any] = {
        "message_id": message_id or next(_message_ids),
        "date": int(time.time()),
        "chat": private_chat(sender, chat_id),
        "from": sender,
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    message.update(extra)
    return _with_id({"message": message}, update_id)


def callback_update(
    data: str,
    user_id: int = DEFAULT_USER_ID,
    message_id: int = 1,
    chat_id: int | None = None,
    message: dict[str, Any] | None = None,
    message_text: str = "menu",
    first_name: str = "Alice",
    username: str | None = None,
    language_code: str | None = "en",
    update_id: int | None = None,
) -> dict[str, Any]:
    """A button press; pass `message` (e.g. a recorded sendMessage result) to press on it."""
    sender = user(user_id, first_name, username=username, language_code=language_code)
    if message is None:
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": private_chat(sender, chat_id),
            "from": dict(BOT_USER),
            "text": message_text,
        }
    query = {
        "id": str(next(_query_ids)),
        "from": sender,
        "chat_instance": f"ci-{message['chat']['id']}",
        "data": data,
        "message": message,
    }
    return _with_id({"callback_query": query}, update_id)


def inline_query_update(
    query: str,
    user_id: int = DEFAULT_USER_ID,
    offset: str = "",
    first_name: str = "Alice",
    update_id: int | None = None,
) -> dict[str, Any]:
    inline = {
        "id": str(next(_query_ids)),
        "from": user(user_id, first_name),
        "query": query,
        "offset": offset,
        "chat_type": "sender",
    }
    return _with_id({"inline_query": inline}, update_id)


def pre_checkout_query_update(
    payload: str,
    total_amount: int,
    currency: str = "USD",
    user_id: int = DEFAULT_USER_ID,
    first_name: str = "Alice",
    update_id: int | None = None,
) -> dict[str, Any]:
    """Telegram asks the bot to confirm a payment before charging (answer within 10 s)."""
    query = {
        "id": str(next(_query_ids)),
        "from": user(user_id, first_name),
        "currency": currency,
        "total_amount": total_amount,
        "invoice_payload": payload,
    }
    return _with_id({"pre_checkout_query": query}, update_id)


def successful_payment_update(
    payload: str,
    total_amount: int,
    currency: str = "USD",
    user_id: int = DEFAULT_USER_ID,
    provider_charge_id: str = "provider-charge-1",
    telegram_charge_id: str = "telegram-charge-1",
    update_id: int | None = None,
) -> dict[str, Any]:
    """The service message Telegram sends once the payment went through."""
    payment = {
        "currency": currency,
        "total_amount": total_amount,
        "invoice_payload": payload,
        "telegram_payment_charge_id": telegram_charge_id,
        "provider_payment_charge_id": provider_charge_id,
    }
    return message_update(None, user_id=user_id, update_id=update_id, successful_payment=payment)


def to_update(update: dict[str, Any], bot: Bot | None = None) -> Update:
    """Validate a dict into an Update (bound to `bot` if given); assigns update_id if missing."""
    update = {"update_id": next(_update_ids), **update}
    return Update.model_validate(update, context={"bot": bot} if bot else {})


def typed_message_update(text: str | None = "hello", **kwargs: Any) -> Update:
    return to_update(message_update(text, **kwargs))


def typed_callback_update(data: str, **kwargs: Any) -> Update:
    return to_update(callback_update(data, **kwargs))


def typed_inline_query_update(query: str, **kwargs: Any) -> Update:
    return to_update(inline_query_update(query, **kwargs))


def _with_id(update: dict[str, Any], update_id: int | None) -> dict[str, Any]:
    return update if update_id is None else {"update_id": update_id, **update}
