"""Exports and erasure requests as people click them: a manager from the card, a client
from "My data", a viewer and a customer who forge callbacks, the desk's request list."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.methods import SendDocument

from bot.services.data_rights import SELF_EXPORT, STAFF_EXPORT
from bot.services.overview import forget_overview
from models import AuditEntry, Client, ErasureRequest, ErasureStatus
from tests.card_harness import forge, make_staff, open_card, start_card_app
from tests.gdpr_export_data import (
    CYRILLIC,
    client_with_everything,
    exported_rows,
    linked_rows,
    unpack,
)
from tests.harness import App, Person


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    forget_overview()
    app = await start_card_app()
    yield app
    await app.close()


def documents(person: Person) -> list[SendDocument]:
    return [r for r in person.requests() if isinstance(r, SendDocument) and r.chat_id == person.id]


def alerts(person: Person) -> list[str]:
    return [r.text for r in person.requests() if getattr(r, "show_alert", None)]


async def customer(app: App, language: str = "en", first_name: str = "Łucja") -> Person:
    person = app.person(first_name=first_name, language_code=language)
    await person.send("/start")
    return person


async def test_a_manager_exports_from_the_card(app: App) -> None:
    target = await client_with_everything(telegram_id=None)
    expected = await linked_rows(target.id)
    manager = await make_staff(app, "manager")
    await open_card(manager, target)
    await manager.click("Export personal data")
    [sent] = documents(manager)
    assert sent.document.filename.startswith(f"client-{target.id}-")
    assert CYRILLIC not in sent.document.filename and CYRILLIC not in (sent.caption or "")
    unpacked = unpack(sent.document.data)
    assert expected <= exported_rows(unpacked.document)
    assert "Profile" in unpacked.sheet_titles  # the manager's language
    assert manager.text().startswith("👤")  # the card comes back below the file
    assert await AuditEntry.filter(action=STAFF_EXPORT, client_id=target.id).count() == 1


async def test_a_viewer_has_no_export_and_a_forged_press_sends_nothing(app: App) -> None:
    target = await client_with_everything(telegram_id=None)
    viewer = await make_staff(app, "viewer")
    await open_card(viewer, target)
    assert not any("Export" in b for b in viewer.buttons())
    await forge(viewer, "export_data")
    assert documents(viewer) == []
    assert await AuditEntry.filter(action=STAFF_EXPORT).count() == 0


async def test_a_customer_cannot_export_anyone_else(app: App) -> None:
    target = await client_with_everything(telegram_id=None)
    eve = await customer(app, first_name="Eve")
    await open_card(eve, target)  # the test opener starts the card even for her
    for data in ("export_data", "general", "close"):
        await forge(eve, data)
        assert documents(eve) == []
    # her own "My data" only ever exports herself, whatever she presses
    await eve.send("/start")
    await eve.click("My data")
    await eve.click("Download my data")
    [sent] = documents(eve)
    own = await Client.get(telegram_id=eve.id)
    assert unpack(sent.document.data).document["client_id"] == own.id
    assert CYRILLIC not in unpack(sent.document.data).json_text
    assert await AuditEntry.filter(action=STAFF_EXPORT).count() == 0


async def test_a_customer_replaying_a_managers_desk_buttons_changes_nothing(app: App) -> None:
    client = await customer(app)
    await client.click("My data")
    await client.click("Erase my data")
    await client.click("Yes, erase")
    manager = await make_staff(app, "manager")
    await manager.send("/admin")
    await manager.click("Erasure requests")
    request_button = manager.button(r"^#\d+")
    await manager.click(r"^#\d+")
    done = manager.button("Done")
    eve = await customer(app, first_name="Eve")
    audit = await AuditEntry.all().count()
    for data in (request_button.callback_data, done.callback_data):
        await eve.click_data(data, manager.screen())
    assert await ErasureRequest.filter(status=ErasureStatus.OPEN).count() == 1
    assert await AuditEntry.all().count() == audit
    assert eve.plain_texts() == [] and client.plain_texts() == []


async def test_my_data_downloads_three_times_a_day(app: App) -> None:
    person = await customer(app, "ru", "Ёжик")
    await person.click("Мои данные")
    for _ in range(3):
        await person.click("Скачать мои данные")
        assert len(documents(person)) == 1
        assert "Мои данные" in person.text()  # the menu comes back below the file
    await person.click("Скачать мои данные")
    assert documents(person) == []
    [alert] = alerts(person)
    assert "3 раза за 24 часа" in alert
    assert await AuditEntry.filter(action=SELF_EXPORT).count() == 3
    assert "Осталось скачиваний за ближайшие 24 часа: 0" in person.text()


async def test_a_blocked_client_keeps_both_rights(app: App) -> None:
    person = await customer(app, "pl", "Zofia")
    await Client.filter(telegram_id=person.id).update(is_blocked=True)
    await person.send("/start")
    assert "Catalog" not in " ".join(person.buttons())
    await person.click("Moje dane")
    await person.click("Pobierz moje dane")
    assert len(documents(person)) == 1
    await person.click("Usuń moje dane")
    await person.click("Tak, usuń")
    assert await ErasureRequest.filter(status=ErasureStatus.OPEN).count() == 1


@pytest.mark.parametrize(
    ("button", "status", "told"),
    [
        ("Done", ErasureStatus.DONE, "został zrealizowany"),
        ("Refuse", ErasureStatus.REFUSED, "został odrzucony"),
    ],
)
async def test_the_erasure_request_flow(
    app: App, button: str, status: ErasureStatus, told: str
) -> None:
    client = await customer(app, "pl", "Zofia")
    await client.click("Moje dane")
    await client.click("Usuń moje dane")
    assert "Usunąć moje dane?" in client.text()
    await client.click("Tak, usuń")
    [request] = await ErasureRequest.all()
    assert "Twój wniosek" in alerts(client)[0]
    assert f"wniosek o usunięcie #{request.id}" in client.text()  # pending, no second button
    assert not any("Usuń moje dane" in b for b in client.buttons())

    manager = await make_staff(app, "manager")
    await manager.send("/admin")
    await manager.click(r"Erasure requests \(1\)")
    assert manager.buttons()[0].startswith(f"#{request.id} · ")
    assert "Zofia" in manager.buttons()[0]
    await manager.click(r"^#\d+")
    assert f"Client #{request.client_id}: Zofia" in manager.text()
    await manager.click("Open the client card")
    assert manager.text().startswith("👤") and f"#{request.client_id}" in manager.text()
    await manager.click("Back to the list")  # the card closes onto the request
    await manager.click(button)
    assert "the client has been told" in alerts(manager)[0]
    assert "Erasure requests" in manager.text() and "No open requests" in manager.text()

    await ErasureRequest.get(id=request.id, status=status)
    [notice] = client.plain_texts()
    assert told in notice
    actions = await AuditEntry.filter(client_id=request.client_id).order_by("id")
    assert [a.action for a in actions] == ["erasure_requested", f"erasure_{status.value}"]
    assert all(a.details == {"request_id": request.id} for a in actions)


async def test_a_viewer_sees_requests_but_cannot_answer(app: App) -> None:
    client = await customer(app)
    await client.click("My data")
    await client.click("Erase my data")
    await client.click("Yes, erase")
    viewer = await make_staff(app, "viewer")
    await viewer.send("/admin")
    await viewer.click("Erasure requests")
    await viewer.click(r"^#\d+")
    assert "Open the client card" in " ".join(viewer.buttons())
    assert not any(b in viewer.buttons() for b in ("✅ Done", "❌ Refuse"))
    intent = viewer.button("Open the client card").callback_data.split("\x1d")[0]
    for widget in ("done", "refuse"):  # the hidden buttons of her own screen
        await viewer.click_data(f"{intent}\x1d{widget}")
        assert await ErasureRequest.filter(status=ErasureStatus.OPEN).count() == 1
    manager = await make_staff(app, "manager", "Marek")
    await manager.send("/admin")
    await manager.click("Erasure requests")
    await manager.click(r"^#\d+")
    await viewer.click_data(manager.button("Done").callback_data, manager.screen())
    assert await ErasureRequest.filter(status=ErasureStatus.OPEN).count() == 1
