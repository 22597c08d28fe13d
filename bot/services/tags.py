"""Tags on clients: case-insensitively unique, trimmed, length-limited; search follows."""

from __future__ import annotations

import unicodedata

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from bot.services.audit import record_audit
from bot.services.client_profile import Actor, ClientAnonymized, ClientNotFound
from bot.services.clients import refresh_derived
from bot.services.roles import require_editor
from models import Client, Tag

TAG_MAX = 64  # Tag.name and Tag.name_folded
TAGS_PER_INPUT = 20


class TagError(Exception):
    """Bad tag input: nothing was written."""

    def __init__(self, reason: str, limit: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


EMPTY, TOO_LONG, TOO_MANY = "empty", "too_long", "too_many"


def clean_tag_name(raw: str) -> str:
    return " ".join(unicodedata.normalize("NFC", raw).split())


def fold_tag(name: str) -> str:
    return name.casefold()


def parse_tag_names(text: str) -> list[str]:
    """'vip, Wholesale ,  vip' -> ['vip', 'Wholesale']; raises TagError on a bad name."""
    names: dict[str, str] = {}
    for part in text.split(","):
        name = clean_tag_name(part)
        if not name:
            continue
        if len(name) > TAG_MAX or len(fold_tag(name)) > TAG_MAX:
            raise TagError(TOO_LONG, TAG_MAX)
        names.setdefault(fold_tag(name), name)
    if not names:
        raise TagError(EMPTY)
    if len(names) > TAGS_PER_INPUT:
        raise TagError(TOO_MANY, TAGS_PER_INPUT)
    return list(names.values())


async def client_tags(client_id: int) -> list[Tag]:
    return await Tag.filter(clients__id=client_id).order_by("name_folded")


async def other_tags(client_id: int) -> list[Tag]:
    """The shop's tags this client does not have yet, by name."""
    own = Tag.filter(clients__id=client_id).values_list("id", flat=True)
    return await Tag.exclude(id__in=Subquery(own)).order_by("name_folded")


async def _tag_named(name: str) -> Tag:
    folded = fold_tag(name)
    tag = await Tag.get_or_none(name_folded=folded)
    if tag is not None:
        return tag
    try:
        async with in_transaction():  # a savepoint: a lost race must not end the caller's
            return await Tag.create(name=name, name_folded=folded)
    except IntegrityError:
        return await Tag.get(name_folded=folded)


async def _editable(actor: Actor, client_id: int) -> Client:
    require_editor(actor.role)
    client = await Client.filter(id=client_id).select_for_update().first()
    if client is None:
        raise ClientNotFound(client_id)
    if client.anonymized_at is not None:
        raise ClientAnonymized(client_id)
    return client


async def _refresh_search(client: Client) -> None:
    names = await client.tags.all().values_list("name", flat=True)
    refresh_derived(client, names)
    await client.save(update_fields=["search_text", "sort_name"])


def _audit(actor: Actor, client: Client, action: str, name: str) -> dict[str, object]:
    return {
        "actor_id": actor.client_id,
        "actor_telegram_id": actor.telegram_id,
        "client_id": client.id,
        "action": action,
        "personal": {"tag": name},
    }


async def add_tags_by_text(actor: Actor, client_id: int, text: str) -> list[str]:
    """Tags typed by a manager (comma-separated); returns the names newly attached."""
    require_editor(actor.role)
    return await add_tags(actor, client_id, parse_tag_names(text))


async def add_tags(actor: Actor, client_id: int, names: list[str]) -> list[str]:
    async with in_transaction():
        client = await _editable(actor, client_id)
        own = {tag.id for tag in await client.tags.all()}
        added: list[Tag] = []
        for name in names:
            tag = await _tag_named(name)
            if tag.id not in own:
                own.add(tag.id)
                added.append(tag)
        if not added:
            return []
        await client.tags.add(*added)
        await _refresh_search(client)
        for tag in added:
            await record_audit(**_audit(actor, client, "tag_added", tag.name))
    return [tag.name for tag in added]


async def add_existing_tag(actor: Actor, client_id: int, tag_id: int) -> str | None:
    """A tap on one of the shop's tags; None when that tag no longer exists."""
    require_editor(actor.role)
    tag = await Tag.get_or_none(id=tag_id)
    if tag is None:
        return None
    added = await add_tags(actor, client_id, [tag.name])
    return added[0] if added else None


async def remove_tag(actor: Actor, client_id: int, tag_id: int) -> str | None:
    """Detach one tag (the tag stays in the shop); None when the client did not have it."""
    async with in_transaction():
        client = await _editable(actor, client_id)
        tag = await Tag.filter(id=tag_id, clients__id=client.id).first()
        if tag is None:
            return None
        await client.tags.remove(tag)
        await _refresh_search(client)
        await record_audit(**_audit(actor, client, "tag_removed", tag.name))
    return tag.name
