"""The command menu: /start and /menu for everybody per language; /admin for staff chats."""

from __future__ import annotations

from aiogram.methods import DeleteMyCommands, SetMyCommands
from aiogram.types import BotCommandScopeChat

from bot.services.roles import AccessDenied, Role, set_staff_role
from models import AuditEntry, Client
from tests.harness import OWNER_ID, make_settings, start_app


def commands_of(request: SetMyCommands) -> list[str]:
    return [command.command for command in request.commands]


def chat_scoped(requests: list, chat_id: int) -> list:
    return [
        r
        for r in requests
        if isinstance(r.scope, BotCommandScopeChat) and r.scope.chat_id == chat_id
    ]


async def test_startup_sets_the_commands_for_every_language(db: None) -> None:
    async with start_app() as app:
        requests = app.bot.session.sent(SetMyCommands)
    everybody = [r for r in requests if r.scope is None or r.scope.type == "default"]
    by_language = {r.language_code: r for r in everybody}
    assert set(by_language) == {None, "en", "ru", "pl"}
    assert all(commands_of(r) == ["start", "menu"] for r in everybody)
    assert by_language["en"].commands[1].description == "Open the menu"
    assert by_language["ru"].commands[1].description == "Открыть меню"
    assert by_language["pl"].commands[1].description == "Otwórz menu"
    assert by_language[None].commands == by_language["en"].commands  # the default locale


async def test_startup_gives_owners_and_staff_the_admin_command(db: None) -> None:
    await Client.create(telegram_id=31, first_name="Marek", is_manager=True, locale="pl")
    await Client.create(telegram_id=32, first_name="Vera", is_viewer=True)
    await Client.create(telegram_id=33, first_name="Bob", is_manager=True, is_blocked=True)
    await Client.create(telegram_id=34, first_name="Kasia")
    async with start_app(make_settings(admin_ids=frozenset({OWNER_ID, 35}))) as app:
        requests = app.bot.session.sent(SetMyCommands)
    for chat_id in (OWNER_ID, 35, 31, 32):
        (request,) = chat_scoped(requests, chat_id)
        assert commands_of(request) == ["start", "menu", "admin"]
    assert chat_scoped(requests, 31)[0].commands[2].description == "Obsługa klientów"
    assert chat_scoped(requests, 33) == chat_scoped(requests, 34) == []


async def test_granting_and_revoking_a_role_keeps_the_commands_in_step(db: None) -> None:
    owner = await Client.create(telegram_id=OWNER_ID, first_name="Olga")
    kasia = await Client.create(telegram_id=41, first_name="Kasia")
    async with start_app() as app:
        app.bot.session.requests.clear()
        await set_staff_role(owner, Role.OWNER, kasia, Role.MANAGER)
        await app.dp["command_menu"].sync(app.bot, kasia)
        (granted,) = chat_scoped(app.bot.session.sent(SetMyCommands), 41)
        assert commands_of(granted) == ["start", "menu", "admin"]
        assert (await Client.get(id=kasia.id)).is_manager

        await set_staff_role(owner, Role.OWNER, kasia, Role.CUSTOMER)
        await app.dp["command_menu"].sync(app.bot, kasia)
        (revoked,) = chat_scoped(app.bot.session.sent(DeleteMyCommands), 41)
        assert revoked.scope.chat_id == 41
    row = await Client.get(id=kasia.id)
    assert not row.is_manager and not row.is_viewer
    actions = (
        await AuditEntry.filter(client_id=kasia.id).order_by("id").values_list("action", "details")
    )
    assert [a for a, _ in actions] == ["role_changed", "role_changed"]
    assert actions[0][1] == {"from": "customer", "to": "manager"}


async def test_only_an_owner_changes_roles(db: None) -> None:
    marek = await Client.create(telegram_id=51, first_name="Marek", is_manager=True)
    kasia = await Client.create(telegram_id=52, first_name="Kasia")
    for role in (Role.MANAGER, Role.VIEWER, Role.CUSTOMER):
        try:
            await set_staff_role(marek, role, kasia, Role.VIEWER)
        except AccessDenied:
            continue
        raise AssertionError(f"{role} changed a role")
    row = await Client.get(id=kasia.id)
    assert not row.is_viewer and await AuditEntry.all().count() == 0


async def test_a_staff_members_menu_follows_their_language(db: None) -> None:
    async with start_app() as app:
        olga = app.person(user_id=OWNER_ID, first_name="Olga")
        await olga.send("/start")
        await olga.click("Language")
        await olga.click("Русский")
        (request,) = chat_scoped(
            [r for r in olga.requests() if isinstance(r, SetMyCommands)], OWNER_ID
        )
        assert request.commands[2].description == "Работа с клиентами"

        kasia = app.person(first_name="Kasia")
        await kasia.send("/start")
        await kasia.click("Language")
        await kasia.click("Polski")
        assert not [r for r in kasia.requests() if isinstance(r, SetMyCommands | DeleteMyCommands)]
