"""/login: take over the profile a manager set a login and password on (private chats).

/login -> the login -> the password (that message is deleted at once) -> the profile's
Telegram id moves to this account. /cancel stops; another command instead of the login
leaves the flow and does its own job.
"""

from __future__ import annotations

import logging
from contextlib import suppress

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.commands import CommandMenu
from bot.filters import OnLoop, in_private_chat
from bot.services.profile_claim import ClaimOutcome, attempts_left, claim_profile

logger = logging.getLogger(__name__)
LOGIN_KEY = "login"
LOGIN_INPUT_MAX = 256


class LoginFlow(StatesGroup):
    LOGIN = State()
    PASSWORD = State()


async def delete_quietly(message: Message) -> None:
    """Delete a message holding a secret; Telegram refusing (too old, gone) is logged."""
    try:
        await message.delete()
    except (TelegramAPIError, TelegramNetworkError) as error:
        logger.warning("could not delete a message of telegram id %s: %s", message.chat.id, error)


async def on_login(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    if await attempts_left(message.chat.id) == 0:
        await state.clear()
        await message.answer(i18n.get("login-limited"))
        return
    await state.set_state(LoginFlow.LOGIN)
    await message.answer(i18n.get("login-ask-login"))


async def on_login_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    login = (message.text or "").strip()
    if not login or len(login) > LOGIN_INPUT_MAX:
        await message.answer(i18n.get("login-ask-login"))
        return
    await state.update_data({LOGIN_KEY: login})
    await state.set_state(LoginFlow.PASSWORD)
    await message.answer(i18n.get("login-ask-password"))


async def on_password_typed(
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    command_menu: CommandMenu | None = None,
) -> None:
    password = message.text or ""
    await delete_quietly(message)
    login = (await state.get_data()).get(LOGIN_KEY, "")
    await state.clear()
    result = await claim_profile(message.chat.id, login, password)
    if result.outcome is ClaimOutcome.CLAIMED and result.client is not None:
        logger.info("telegram id %s claimed client %s", message.chat.id, result.client.id)
        text = i18n.get("login-claimed")
        if command_menu is not None and message.bot is not None:
            with suppress(TelegramAPIError, TelegramNetworkError):  # a staff profile: /admin
                await command_menu.sync(message.bot, result.client)
    elif result.outcome is ClaimOutcome.ALREADY_YOURS:
        text = i18n.get("login-already-yours")
    elif result.outcome is ClaimOutcome.LIMITED or result.attempts_left == 0:
        text = i18n.get("login-limited")
    else:
        text = i18n.get("login-wrong", attempts=result.attempts_left)
    with suppress(TelegramAPIError, TelegramNetworkError):
        await message.answer(text)


async def on_not_text(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    if await state.get_state() == LoginFlow.PASSWORD.state:
        await delete_quietly(message)  # a caption may carry the password
    await message.answer(i18n.get("login-text-only"))


async def on_cancel(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await message.answer(i18n.get("login-cancelled"))


async def on_other_command(message: Message, state: FSMContext) -> None:
    """Another command leaves the flow and goes on to its own handler."""
    await state.clear()
    raise SkipHandler


def login_router() -> Router:
    router = Router(name="login")
    router.message.filter(in_private_chat)
    router.message.register(on_login, Command("login"))
    in_flow = StateFilter(LoginFlow)
    router.message.register(on_cancel, Command("cancel"), in_flow)
    # any text is the password, even one that starts with "/": it must be deleted
    router.message.register(on_password_typed, StateFilter(LoginFlow.PASSWORD), OnLoop(F.text))
    login = StateFilter(LoginFlow.LOGIN)
    router.message.register(on_other_command, login, OnLoop(F.text.startswith("/")))
    # after on_other_command, the later handlers still see the state read before it
    router.message.register(on_login_typed, login, OnLoop(F.text & ~F.text.startswith("/")))
    router.message.register(on_not_text, in_flow, OnLoop(~F.text))
    return router
