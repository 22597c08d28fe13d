"""Opening the card's sections in tests, for anybody (the sections themselves must refuse).

`/section <client id> <Group>.<STATE>` starts one section window through a router that
exists only in tests, with `tests.card_harness`'s `/card`; the intent id is kept
so a test can forge callbacks on it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.services.roles import AccessDenied
from dialogs.card_sections import states
from models import Address, AuditEntry, Client, Favorite, Order, OrderItem
from tests.card_harness import _open_card as open_card_command
from tests.harness import App, Person, start_app

logger = logging.getLogger(__name__)
OPENED: dict[int, str] = {}


async def _open_section(
    message: Message, command: CommandObject, dialog_manager: DialogManager
) -> None:
    client_id, where, *extra = (command.args or "").split()
    group, state = where.split(".")
    await dialog_manager.start(
        getattr(getattr(states, group), state),
        data={"client_id": int(client_id)},
        mode=StartMode.NORMAL,
        show_mode=ShowMode.NO_UPDATE,
    )
    context = dialog_manager.current_context()
    OPENED[message.chat.id] = context.id
    for pair in extra:  # key=value into dialog_data, e.g. address_id=3
        key, value = pair.split("=")
        context.dialog_data[key] = int(value) if value.isdigit() else value
    dialog_manager.show_mode = ShowMode.SEND
    try:
        await dialog_manager.show()
    except AccessDenied:
        logger.warning("test section opener: not rendered for telegram id %s", message.chat.id)


async def start_section_app() -> App:
    app = await start_app()
    router = Router(name="test-section-opener")
    router.message.register(_open_section, Command("section"))
    router.message.register(open_card_command, Command("card"))
    app.dp.include_router(router)
    app.dp.sub_routers.remove(router)
    app.dp.sub_routers.insert(1, router)
    return app


async def open_section(person: Person, client: Client | int, where: str, *extra: str) -> None:
    client_id = client if isinstance(client, int) else client.id
    await person.send(" ".join(["/section", str(client_id), where, *extra]))


async def forge_section(person: Person, callback_data: str) -> None:
    """A callback on this person's last opened section window."""
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=person.client.chat,
        from_user=person.client.user,
        text="section",
    )
    await person.click_data(f"{OPENED[person.id]}\x1d{callback_data}", message)


async def snapshot() -> tuple[list[dict], ...]:
    """Everything a section could change."""
    return (
        await Client.all().order_by("id").values(),
        await Address.all().order_by("id").values(),
        await Favorite.all().order_by("id").values(),
        await Order.all().order_by("id").values(),
        await OrderItem.all().order_by("id").values(),
        await AuditEntry.all().order_by("id").values(),
    )
