"""Contact the shop: a customer's message is kept and goes to every manager and owner.

Blocked customers may write too (seed 000: blocked means no catalog, not no support).
The two-way chat (managers answering through the bot) builds on the same messages.
"""

from __future__ import annotations

from collections.abc import Collection

from bot.services.notices import Notice, to_staff
from models import ChatDirection, ChatMessage, ChatMessageKind, Client

MAX_MESSAGE = 2000


class ContactError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def clean_message(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ContactError("contact-empty")
    if len(text) > MAX_MESSAGE:
        raise ContactError("contact-too-long")
    return text


async def contact_shop(
    client: Client,
    text: str | None,
    owner_ids: Collection[int],
    telegram_message_id: int | None = None,
) -> list[Notice]:
    """Stores the message and returns the notices for the managers."""
    text = clean_message(text)
    await ChatMessage.create(
        client_id=client.id,
        direction=ChatDirection.INCOMING,
        kind=ChatMessageKind.TEXT,
        text=text,
        telegram_message_id=telegram_message_id,
    )
    return await to_staff(
        owner_ids,
        "contact-staff",
        client=client.display_name,
        client_id=client.id,
        username=f"@{client.username}" if client.username else "",
        text=text,
    )
