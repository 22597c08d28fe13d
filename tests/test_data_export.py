"""The personal-data export: every row of every table that links to the client, readable
files, nobody else's data, the daily limit of self-service downloads, the audit."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from bot.services.client_profile import Actor, ClientNotFound
from bot.services.data_rights import (
    SELF_EXPORT,
    SELF_EXPORTS_PER_DAY,
    STAFF_EXPORT,
    ExportLimitReached,
    export_client,
    export_own_data,
    self_exports_left,
)
from bot.services.personal_data import client_links
from bot.services.roles import AccessDenied, Role
from models import AuditEntry, Client
from tests.gdpr_export_data import (
    CYRILLIC,
    FRIEND_NAME,
    OTHER_EMAIL,
    OTHER_PHONE,
    OTHER_SECRET,
    POLISH,
    client_with_everything,
    exported_rows,
    linked_rows,
    lookup,
    unpack,
)

MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=42)
TITLES = {"profile": "Профиль", "chat_messages": "Czat: wiadomości/*?"}


async def test_the_fixture_fills_every_client_link(db: None) -> None:
    client = await client_with_everything()
    empty = []
    for link in client_links():
        if not await link.model.filter(**lookup(link, client.id)).exists():
            empty.append(link.key)
    assert not empty, f"tests/gdpr_data.py makes no rows for: {empty}"


async def test_the_export_holds_every_row_of_every_linked_table(db: None) -> None:
    client = await client_with_everything()
    expected = await linked_rows(client.id)  # before: the export's own audit entry follows it
    export = await export_client(MANAGER, client.id, TITLES)
    unpacked = unpack(export.data)
    assert len(expected) > 20
    missing = expected - exported_rows(unpacked.document)
    assert not missing, f"rows the export lacks: {sorted(missing, key=str)}"
    assert unpacked.document["client_id"] == client.id


async def test_the_files_open_with_the_text_intact(db: None) -> None:
    client = await client_with_everything()
    export = await export_client(MANAGER, client.id, TITLES)
    assert re.fullmatch(rf"client-{client.id}-\d{{4}}-\d{{2}}-\d{{2}}\.zip", export.name)
    unpacked = unpack(export.data)
    for text in (CYRILLIC, POLISH, "Kraków", "Привет!", "Stały klient"):
        assert text in unpacked.json_text, text
        assert any(text in cell for cell in unpacked.xlsx_texts), text
    assert "Профиль" in unpacked.sheet_titles  # titles in the reader's language
    assert "Czat  wiadomości" in unpacked.sheet_titles  # no characters Excel refuses
    # a text that looks like a formula stays text
    formula = [c for c in unpacked.xlsx_cells if str(c.value).startswith("=HYPERLINK")]
    assert formula and all(c.data_type == "s" for c in formula)


async def test_money_has_its_currency_and_times_are_utc(db: None) -> None:
    client = await client_with_everything()
    document = unpack((await export_client(MANAGER, client.id, {})).data).document
    sections = {s["name"]: s for s in document["sections"]}
    order = sections["orders"]["rows"][0]
    assert (order["total"], order["currency"]) == ("25.00", "USD")
    item = sections["order_items"]["rows"][0]
    assert (item["unit_price"], item["line_total"], item["currency"]) == ("12.50", "25.00", "USD")
    profile = sections["profile"]["rows"][0]
    assert profile["total_spent"] == "0.00" and profile["currency"]
    assert profile["created_at"].endswith("+00:00")
    assert datetime.fromisoformat(profile["created_at"]).tzinfo is not None
    assert document["generated_at"].endswith("+00:00")


async def test_nobody_elses_data_and_no_secrets(db: None) -> None:
    client = await client_with_everything()
    unpacked = unpack((await export_client(MANAGER, client.id, {})).data)
    everything = unpacked.json_text + "\n".join(unpacked.xlsx_texts)
    for leak in (OTHER_SECRET, FRIEND_NAME, OTHER_PHONE, OTHER_EMAIL, "argon2", "qzother"):
        assert leak not in everything, leak
    profile = next(s for s in unpacked.document["sections"] if s["name"] == "profile")
    assert profile["rows"][0]["password_set"] is True
    # the friends they brought: an id and a date, nothing else
    referrals = next(s for s in unpacked.document["sections"] if s["name"] == "referrals")
    assert referrals["rows"]
    assert all(set(row) == {"id", "link", "created_at"} for row in referrals["rows"])


async def test_only_owners_and_managers_export_and_it_is_audited(db: None) -> None:
    client = await client_with_everything()
    audit_before = await AuditEntry.all().count()
    for role in (Role.VIEWER, Role.CUSTOMER):
        with pytest.raises(AccessDenied):
            await export_client(Actor(role=role, client_id=None, telegram_id=1), client.id, {})
    assert await AuditEntry.all().count() == audit_before
    with pytest.raises(ClientNotFound):
        await export_client(MANAGER, 999_999, {})
    await export_client(MANAGER, client.id, {})
    entry = await AuditEntry.get(action=STAFF_EXPORT)
    assert entry.client_id == client.id and entry.actor_telegram_id == 42
    assert set(entry.details) == {"bytes"}


async def test_a_client_downloads_their_own_data_three_times_a_day(db: None) -> None:
    client = await client_with_everything()
    other = await Client.get(first_name=OTHER_SECRET)
    for left in range(SELF_EXPORTS_PER_DAY, 0, -1):
        assert await self_exports_left(client) == left
        export = await export_own_data(client, {})
        assert unpack(export.data).document["client_id"] == client.id
    with pytest.raises(ExportLimitReached) as refused:
        await export_own_data(client, {})
    assert refused.value.limit == SELF_EXPORTS_PER_DAY
    assert refused.value.next_at > datetime.now(UTC) + timedelta(hours=23)
    entries = await AuditEntry.filter(action=SELF_EXPORT)
    assert len(entries) == SELF_EXPORTS_PER_DAY
    assert all(e.client_id == client.id and e.details == {} for e in entries)
    # another client has their own allowance
    assert await self_exports_left(other) == SELF_EXPORTS_PER_DAY
    # a day later the oldest download no longer counts
    oldest = min(entries, key=lambda e: e.id)
    await AuditEntry.filter(id=oldest.id).update(created_at=datetime.now(UTC) - timedelta(hours=25))
    assert await self_exports_left(client) == 1
    await export_own_data(client, {})
