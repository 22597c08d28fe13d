"""Asking Telegram who a user is now (`getChat`): the one Telegram call behind the card's
"Refresh from Telegram". Returns plain values; every failure becomes a `ProfileFetchError`
with a reason the desk explains, never an aiogram exception."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
)

# seconds: a manager waits for this screen, so a stalled Telegram is given up quickly
GET_CHAT_TIMEOUT = 10.0


class FetchFailure(StrEnum):
    BLOCKED = "blocked"  # 403: the user blocked the bot (or deleted the account)
    NOT_FOUND = "not_found"  # 400 chat not found: Telegram does not know them to this bot
    NETWORK = "network"  # no answer in time, connection refused...
    BUSY = "busy"  # 429: Telegram asked to wait
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ChatProfile:
    first_name: str
    last_name: str | None
    username: str | None


class ProfileFetchError(Exception):
    def __init__(self, reason: FetchFailure, retry_after: int | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.retry_after = retry_after


async def fetch_chat_profile(bot: Bot, telegram_id: int) -> ChatProfile:
    try:
        chat = await bot.get_chat(chat_id=telegram_id, request_timeout=GET_CHAT_TIMEOUT)
    except TelegramForbiddenError:
        raise ProfileFetchError(FetchFailure.BLOCKED) from None
    except TelegramRetryAfter as error:
        raise ProfileFetchError(FetchFailure.BUSY, error.retry_after) from None
    except TelegramBadRequest as error:
        reason = FetchFailure.NOT_FOUND if "not found" in error.message else FetchFailure.OTHER
        raise ProfileFetchError(reason) from None
    except TelegramNetworkError:
        raise ProfileFetchError(FetchFailure.NETWORK) from None
    except TelegramAPIError:
        raise ProfileFetchError(FetchFailure.OTHER) from None
    return ChatProfile(
        first_name=chat.first_name or "",
        last_name=chat.last_name or None,
        username=chat.username or None,
    )
