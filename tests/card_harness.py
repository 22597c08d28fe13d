"""Opening the client card in tests: the list that opens it in production lives elsewhere.

`/card <client id> [STATE]` starts `ClientCard` for whoever sends it, through a router
that exists only in tests and sits before every production router (so even a customer
can start it: the card itself must refuse them).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, PhotoSize, Update
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.services.roles import AccessDenied
from dialogs.client_card.states import ClientCard
from models import AuditEntry, Client, Tag
from tests.harness import App, Person, start_app

logger = logging.getLogger(__name__)
# the intent id of the card each person opened last: what a forged callback carries
OPENED: dict[int, str] = {}


async def _open_card(
    message: Message, command: CommandObject, dialog_manager: DialogManager
) -> None:
    """`/card <id> [STATE] [field]`: the card on top of whatever is open (the desk...).

    The context is kept even when the card refuses to render for this person, as it
    would be for someone who opened it as a manager and lost the right since.
    """
    client_id, state, field = [*(command.args or "").split(), "", ""][:3]
    await dialog_manager.start(
        getattr(ClientCard, state or "MAIN"),
        data={"client_id": int(client_id)},
        mode=StartMode.NORMAL,
        show_mode=ShowMode.NO_UPDATE,
    )
    context = dialog_manager.current_context()
    OPENED[message.chat.id] = context.id
    if field:
        context.dialog_data["field"] = field
    dialog_manager.show_mode = ShowMode.SEND
    try:
        await dialog_manager.show()
    except AccessDenied:
        logger.warning("test card opener: not rendered for telegram id %s", message.chat.id)


async def start_card_app() -> App:
    app = await start_app()
    router = Router(name="test-card-opener")
    router.message.register(_open_card, Command("card"))
    app.dp.include_router(router)
    # first after the errors router, before the fallback that answers unknown commands
    app.dp.sub_routers.remove(router)
    app.dp.sub_routers.insert(1, router)
    return app


async def open_card(person: Person, client: Client | int, state: str = "", field: str = "") -> None:
    client_id = client if isinstance(client, int) else client.id
    await person.send(f"/card {client_id} {state} {field}".strip())


async def make_staff(app: App, role: str, first_name: str = "Marek") -> Person:
    """A person who has written to the bot, with the manager or viewer flag set."""
    person = app.person(first_name=first_name)
    await person.send("/start")
    await Client.filter(telegram_id=person.id).update(**{f"is_{role}": True})
    return person


async def snapshot() -> tuple[list[dict], list[dict], list[tuple], int]:
    """Everything an action could change: clients, tags, tag links and the audit count."""
    clients = await Client.all().order_by("id").values()
    tags = await Tag.all().order_by("id").values()
    links = await Client.all().order_by("id").values_list("id", "tags__id")
    return clients, tags, sorted(links, key=str), await AuditEntry.all().count()


async def send_photo(person: Person, caption: str | None = None) -> None:
    """A photo (not text) from this person, with an optional caption."""
    person._begin()
    message = person.client._new_message("", None).model_copy(
        update={
            "text": None,
            "caption": caption,
            "photo": [PhotoSize(file_id="photo", file_unique_id="photo", width=9, height=9)],
        }
    )
    update = Update(update_id=person.client._new_update_id(), message=message)
    await person.app.dp.feed_update(person.app.bot, update)


async def forge(person: Person, callback_data: str) -> None:
    """A callback with `callback_data` on this person's last opened card (any window)."""
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=person.client.chat,
        from_user=person.client.user,
        text="card",
    )
    await person.click_data(f"{OPENED[person.id]}\x1d{callback_data}", message)
