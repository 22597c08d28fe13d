"""A client's saved delivery addresses: validated, owned, one default."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from bot.db import dialect
from bot.services.client_query import Params
from bot.transaction_steps import Steps, read_steps, run_steps
from models import Address, Client

# field -> (max length, Fluent key of its prompt)
ADDRESS_FIELDS: dict[str, int] = {
    "recipient": 128,
    "street": 255,
    "city": 128,
    "postal_code": 16,
    "country": 64,
}
POSTCODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,14}[A-Za-z0-9]$")
MAX_ADDRESSES = 20


class AddressError(ValueError):
    """Bad address input; `key` is the Fluent message, `field` what was wrong."""

    def __init__(self, key: str, field: str | None = None) -> None:
        super().__init__(key)
        self.key, self.field = key, field


@dataclass(frozen=True)
class AddressInput:
    recipient: str
    street: str
    city: str
    postal_code: str
    country: str


def clean_field(field: str, text: str | None) -> str:
    """One field as typed -> stored; raises AddressError('address-field-invalid')."""
    if field not in ADDRESS_FIELDS:
        raise AddressError("address-field-invalid", field)
    value = " ".join((text or "").split())
    if not value or len(value) > ADDRESS_FIELDS[field] or not value.isprintable():
        raise AddressError("address-field-invalid", field)
    if field == "postal_code" and not POSTCODE.match(value):
        raise AddressError("address-field-invalid", field)
    return value


def clean_address(values: dict[str, str | None]) -> AddressInput:
    return AddressInput(
        **{field: clean_field(field, values.get(field)) for field in ADDRESS_FIELDS}
    )


def address_text(address: Address | AddressInput) -> str:
    """One line as copied into an order."""
    parts = (address.recipient, address.street, f"{address.postal_code} {address.city}")
    return ", ".join(p for p in (*parts, address.country) if p)


async def client_addresses(client: Client) -> list[Address]:
    return await Address.filter(client_id=client.id).order_by("-is_default", "id")


async def owned_address(client: Client, address_id: int | str) -> Address:
    """The address if it is this client's; AddressError otherwise (a forged id)."""
    return await read_steps(owned_address_steps, client.id, address_id)


def owned_address_steps(client_id: int, address_id: int | str) -> Steps[Address]:
    try:
        address_id = int(address_id)
    except (TypeError, ValueError):
        raise AddressError("address-not-found") from None
    if not 0 < address_id < 2**31:
        raise AddressError("address-not-found")
    p = Params(dialect())
    rows = yield (
        f'SELECT * FROM "addresses" WHERE "id" = {p(address_id)} AND "client_id" = {p(client_id)}',
        p.values,
    )
    if not rows:
        raise AddressError("address-not-found")
    return Address._init_from_db(**rows[0])


async def add_address(client: Client, data: AddressInput) -> Address:
    return await run_steps(add_address_steps(client.id, data, datetime.now(UTC)))


def add_address_steps(client_id: int, data: AddressInput, now: datetime) -> Steps[Address]:
    """The client's new address, their default if it is the first; at most MAX_ADDRESSES."""
    p = Params(dialect())
    counted = yield (
        f'SELECT COUNT(*) AS "count" FROM "addresses" WHERE "client_id" = {p(client_id)}',
        p.values,
    )
    count = int(counted[0]["count"])
    if count >= MAX_ADDRESSES:
        raise AddressError("address-too-many")
    p = Params(dialect())
    rows = yield (
        'INSERT INTO "addresses" ("client_id", "is_default", "recipient", "street", "city", '
        f'"postal_code", "country", "created_at") VALUES ({p(client_id)}, {p(count == 0)}, '
        f"{p(data.recipient)}, {p(data.street)}, {p(data.city)}, {p(data.postal_code)}, "
        f"{p(data.country)}, {p(now)}) RETURNING *",
        p.values,
    )
    return Address._init_from_db(**rows[0])


async def update_address_field(
    client: Client, address_id: int | str, field: str, text: str
) -> Address:
    value = clean_field(field, text)
    address = await owned_address(client, address_id)
    setattr(address, field, value)
    await address.save(update_fields=[field])
    return address


async def make_default(client: Client, address_id: int | str) -> Address:
    address = await owned_address(client, address_id)
    async with in_transaction():
        await Address.filter(client_id=client.id, is_default=True).update(is_default=False)
        await Address.filter(id=address.id).update(is_default=True)
    address.is_default = True
    return address


async def delete_address(client: Client, address_id: int | str) -> None:
    address = await owned_address(client, address_id)
    async with in_transaction():
        await address.delete()
        if address.is_default:
            following = await Address.filter(client_id=client.id).order_by("id").first()
            if following is not None:
                await Address.filter(id=following.id).update(is_default=True)
