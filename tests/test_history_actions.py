"""Every audit action the code writes about a client has a name on the 📜 History screen
in every language: a manager never reads a raw identifier ("⚙️ order_created")."""

from __future__ import annotations

import ast
import re
from collections.abc import AsyncIterator

import pytest

from bot.services.anonymize import Trigger, anonymize
from bot.services.client_profile import Actor
from bot.services.data_rights import export_client, export_own_data
from bot.services.erasure_requests import request_erasure, resolve_request
from bot.services.manager_orders import place_for_client
from bot.services.order_desk import set_note
from bot.services.order_drafts import OrderDraft, with_product
from bot.services.roles import Role
from dialogs.card_sections.history import ACTIONS
from models import AuditEntry, Client, ErasureStatus, Order, OrderStatus
from tests.audit_writes import ROOT, Module, Unresolved, audit_writes, resolve
from tests.card_harness import make_staff, open_card
from tests.harness import App
from tests.section_harness import start_section_app
from tests.shop_fixtures import HOME, make_shop

LANGUAGES = ("en", "ru", "pl")
FALLBACK = "⚙️"


def _linked_actions() -> dict[str, str]:
    return {action: w.where for w in audit_writes() if w.linked for action in w.actions}


def _keys(language: str) -> set[str]:
    text = "\n".join(p.read_text("utf-8") for p in (ROOT / "locales" / language).glob("*.ftl"))
    return set(re.findall(r"^([a-z][\w-]*) =", text, re.MULTILINE))


def _key(action: str) -> str:
    return f"sections-action-{action.replace('_', '-')}"


def test_every_action_written_about_a_client_has_a_history_name() -> None:
    missing = {a: where for a, where in _linked_actions().items() if a not in ACTIONS}
    assert not missing, f"add these to ACTIONS in dialogs/card_sections/history.py: {missing}"


def test_every_history_name_is_translated() -> None:
    for language in LANGUAGES:
        missing = sorted(_key(a) for a in ACTIONS if _key(a) not in _keys(language))
        assert not missing, f"{language}: {missing}"


def test_the_reader_finds_the_writes_of_every_kind() -> None:
    """Literals, constants, a dict, a helper's parameter, `a if c else b`, **kwargs."""
    linked = set(_linked_actions())
    assert {
        "order_created", "client_anonymized", "erasure_done", "erasure_refused",
        "address_default", "tag_removed", "password_cleared", "field_changed", "role_changed",
    } <= linked  # fmt: skip
    unlinked = {a for w in audit_writes() if not w.linked for a in w.actions}
    # written without a client: they never reach a client's history
    assert {
        "broadcast_started", "broadcast_paused", "bulk_block", "bulk_tag_add", "retention_run",
        "settings_mail_removed", "settings_retention_changed", "client_deleted",
    } <= unlinked - linked  # fmt: skip


def test_a_write_the_reader_cannot_follow_fails_the_check() -> None:
    source = "async def f(kind):\n    await record_audit(client_id=1, action=kind.label())\n"
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    module = Module("bot/services/example.py", tree, parents)
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.keywords)
    with pytest.raises(Unresolved, match=re.escape("cannot follow kind.label()")):
        resolve(module, call.keywords[1].value)


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_section_app()
    yield app
    await app.close()


async def test_history_names_orders_exports_and_erasure_in_russian(app: App) -> None:
    shop = await make_shop()
    person = app.person(first_name="Kasia", language_code="pl")
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    olga = await make_staff(app, "manager", first_name="Olga")
    manager = await Client.get(telegram_id=olga.id)
    await Client.filter(id=manager.id).update(locale="ru")
    actor = Actor(role=Role.MANAGER, client_id=manager.id, telegram_id=olga.id)

    draft = await with_product(OrderDraft(new_address=HOME), shop.espresso.id, 1)
    placed = await place_for_client(actor, client.id, draft)
    await export_client(actor, client.id, {})
    await export_own_data(client, {})
    await request_erasure(client, ())

    await open_card(olga, client)
    await olga.click("История")
    text = olga.text()
    assert "история (4)" in text
    assert f"🛒 Оформлен заказ за клиента: #{placed.order.id}" in text
    assert "📤 Выгружены персональные данные клиента" in text
    assert "📤 Клиент скачал свои данные" in text
    assert "🗑 Запрос на удаление данных" in text
    assert text.count(f"Olga #{manager.id}") == 2 and text.count("· сам клиент") == 2
    assert FALLBACK not in text
    actions = set(await AuditEntry.filter(client_id=client.id).values_list("action", flat=True))
    assert actions == {
        "order_created", "personal_data_exported", "personal_data_self_exported",
        "erasure_requested",
    }  # fmt: skip


async def test_history_names_notes_refusals_and_a_retention_anonymization_in_polish(
    app: App,
) -> None:
    person = app.person(first_name="Kasia", language_code="pl")
    await person.send("/start")
    client = await Client.get(telegram_id=person.id)
    ewa = await make_staff(app, "manager", first_name="Ewa")
    manager = await Client.get(telegram_id=ewa.id)
    await Client.filter(id=manager.id).update(locale="pl")
    actor = Actor(role=Role.MANAGER, client_id=manager.id, telegram_id=ewa.id)
    order = await Order.create(client=client, status=OrderStatus.DELIVERED, currency="USD")

    await set_note(order.id, "Fragile", actor=manager, role=Role.MANAGER)
    await set_note(order.id, "", actor=manager, role=Role.MANAGER)
    request, _ = await request_erasure(client, ())
    await resolve_request(actor, request.id, ErasureStatus.REFUSED)
    request, _ = await request_erasure(client, ())
    await resolve_request(actor, request.id, ErasureStatus.DONE)
    system = Actor(role=Role.OWNER, client_id=None, telegram_id=None)
    await anonymize(client.id, system, Trigger.RETENTION)

    await open_card(ewa, client)
    await ewa.click("Historia")
    text = ewa.text()
    assert f"📝 Notatka do zamówienia: #{order.id}" in text
    assert f"📝 Notatka do zamówienia: notatkę usunięto; #{order.id}" in text
    assert "🗑 Odrzucono prośbę o usunięcie" in text
    assert "🗑 Prośbę o usunięcie oznaczono jako wykonaną" in text
    assert "🕶 Zanonimizowano dane klienta: według okresu przechowywania" in text
    assert "Fragile" not in text and FALLBACK not in text
