"""A client's delivery addresses as staff manage them from the card.

The shop's own rules (`bot.services.addresses`: validation, ownership, one default, the
limit) apply unchanged; this adds who may (editors; viewers only read), refuses
anonymized clients, and audits every change in the same transaction. The audit keeps
the address id and the field; the address text goes under `personal` only.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from bot.services import addresses
from bot.services.addresses import AddressInput, address_text
from bot.services.audit import record_audit
from bot.services.client_profile import Actor, ClientAnonymized, ClientNotFound
from bot.services.roles import Role, require_editor, require_staff
from models import Address, Client


async def _client(client_id: int, *, for_update: bool = False) -> Client:
    query = Client.filter(id=client_id)
    client = await (query.select_for_update() if for_update else query).first()
    if client is None:
        raise ClientNotFound(client_id)
    return client


async def _editable(actor: Actor, client_id: int) -> Client:
    require_editor(actor.role)
    client = await _client(client_id, for_update=True)
    if client.anonymized_at is not None:
        raise ClientAnonymized(client_id)
    return client


async def _audit(actor: Actor, client: Client, action: str, **facts: object) -> None:
    personal = facts.pop("personal", None)
    await record_audit(
        actor_id=actor.client_id,
        actor_telegram_id=actor.telegram_id,
        client_id=client.id,
        action=action,
        details=facts,
        personal=personal,  # type: ignore[arg-type]
    )


async def address_list(role: Role, client_id: int) -> list[Address]:
    require_staff(role)
    return await addresses.client_addresses(await _client(client_id))


async def address_of(role: Role, client_id: int, address_id: int | str) -> Address:
    """One of this client's addresses; AddressError('address-not-found') for any other id."""
    require_staff(role)
    return await addresses.owned_address(await _client(client_id), address_id)


async def add_client_address(actor: Actor, client_id: int, data: AddressInput) -> Address:
    async with in_transaction():
        client = await _editable(actor, client_id)
        address = await addresses.add_address(client, data)
        await _audit(
            actor,
            client,
            "address_added",
            address_id=address.id,
            personal={"address": address_text(data)},
        )
    return address


async def edit_client_address(
    actor: Actor, client_id: int, address_id: int | str, field: str, text: str
) -> Address:
    value = addresses.clean_field(field, text)  # bad input: nothing is opened or written
    async with in_transaction():
        client = await _editable(actor, client_id)
        old = getattr(await addresses.owned_address(client, address_id), field)
        address = await addresses.update_address_field(client, address_id, field, value)
        if old != value:
            await _audit(
                actor,
                client,
                "address_changed",
                address_id=address.id,
                field=field,
                personal={"old": old, "new": value},
            )
    return address


async def make_client_default(actor: Actor, client_id: int, address_id: int | str) -> Address:
    async with in_transaction():
        client = await _editable(actor, client_id)
        address = await addresses.make_default(client, address_id)
        await _audit(actor, client, "address_default", address_id=address.id)
    return address


async def delete_client_address(actor: Actor, client_id: int, address_id: int | str) -> None:
    async with in_transaction():
        client = await _editable(actor, client_id)
        address = await addresses.owned_address(client, address_id)
        text = address_text(address)
        await addresses.delete_address(client, address.id)
        await _audit(
            actor, client, "address_deleted", address_id=address.id, personal={"address": text}
        )
