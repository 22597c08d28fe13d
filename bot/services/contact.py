"""Contact the shop: a customer's message is kept and goes to the staff.

Blocked customers may write too (seed 000: blocked means no catalog, not no support).
The message joins the client's chat with the managers (`bot.services.chat`).
"""

from __future__ import annotations

from collections.abc import Collection

from bot.services.chat import ChatContent, Relay, receive_from_client
from models import ChatMessageKind, Client

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
) -> Relay:
    """Stores the message in the client's chat; says which staff should see it."""
    content = ChatContent(ChatMessageKind.TEXT, clean_message(text))
    return await receive_from_client(client, content, owner_ids, telegram_message_id)
