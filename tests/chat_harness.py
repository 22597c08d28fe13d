"""Chat tests: what each side got from the bot, and media sent by a person."""

from __future__ import annotations

from typing import Any

from aiogram.methods import SendDocument, SendMessage, SendPhoto, SendVoice, TelegramMethod
from aiogram.types import Document, Message, Update, Voice

from tests.harness import App, Person

SENDS = (SendMessage, SendPhoto, SendDocument, SendVoice)


def got(app: App, person: Person, since: int = 0) -> list[TelegramMethod[Any]]:
    """Plain messages (not dialog screens) the bot sent to this person's chat."""
    return [
        request
        for request in app.bot.session.requests[since:]
        if isinstance(request, SENDS) and request.chat_id == person.chat_id
    ]


def texts(app: App, person: Person, since: int = 0) -> list[str]:
    return [
        (r.text if isinstance(r, SendMessage) else r.caption) or "" for r in got(app, person, since)
    ]


def mark(app: App) -> int:
    return len(app.bot.session.requests)


async def send_media(person: Person, caption: str | None = None, **media: Any) -> None:
    """A message carrying `media` (photo=[...], document=..., voice=...) instead of text."""
    person._begin()
    message: Message = person.client._new_message("", None).model_copy(
        update={"text": None, "caption": caption, **media}
    )
    update = Update(update_id=person.client._new_update_id(), message=message)
    await person.app.dp.feed_update(person.app.bot, update)


async def send_document(person: Person, file_id: str, caption: str | None = None) -> None:
    document = Document(file_id=file_id, file_unique_id=file_id, file_name="invoice.pdf")
    await send_media(person, caption, document=document)


async def send_voice(person: Person, file_id: str) -> None:
    await send_media(person, voice=Voice(file_id=file_id, file_unique_id=file_id, duration=3))
