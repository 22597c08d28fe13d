"""Promo codes as a manager, a viewer and a customer use them, checked in the DB."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from models import Client, Order, PromoCode, PromoKind, PromoRedemption
from tests.harness import App, Person, start_app


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    async with start_app() as app:
        yield app


async def make_staff(app: App, flag: str, name: str = "Marek") -> Person:
    person = app.person(first_name=name)
    await person.send("/start")
    await Client.filter(telegram_id=person.id).update(**{flag: True})
    return person


async def open_promo(person: Person) -> None:
    await person.send("/admin")
    await person.click("Promo codes")


async def test_manager_creates_a_percent_code_with_every_limit(app: App) -> None:
    manager = await make_staff(app, "is_manager")
    await open_promo(manager)
    assert "No promo codes yet" in manager.text()

    await manager.click("New promo code")
    await manager.send("summer-25")
    await manager.click("Percent")
    await manager.send("150")
    assert "at most 100" in manager.text()
    await manager.send("12,5")
    await manager.send("20")
    await manager.send("2026-06-01")
    await manager.send("2026-05-31")
    assert "cannot be before the first day (2026-06-01)" in manager.text()
    await manager.send("2026-08-31")
    await manager.send("100")
    await manager.send("1")
    summary = manager.text()
    assert "SUMMER-25" in summary and "12.5%" in summary and "$20.00" in summary
    assert "2026-06-01 – 2026-08-31" in summary
    assert await PromoCode.all().count() == 0

    await manager.click("Create")
    promo = await PromoCode.get(code="SUMMER-25")
    assert promo.kind is PromoKind.PERCENT
    assert Decimal(promo.value) == Decimal("12.5")
    assert Decimal(promo.min_order_total) == Decimal("20")
    assert promo.valid_from == datetime(2026, 6, 1, tzinfo=UTC)
    assert promo.valid_until.date().isoformat() == "2026-08-31"
    assert (promo.max_uses, promo.max_uses_per_client, promo.is_active) == (100, 1, True)
    assert "✅ active" in manager.text()
    assert "Nobody has used it yet" in manager.text()


async def test_manager_creates_a_fixed_code_skipping_options_and_deactivates_it(
    app: App,
) -> None:
    manager = await make_staff(app, "is_manager")
    await open_promo(manager)
    await manager.click("New promo code")
    await manager.send("'; DROP TABLE promo_codes; --")
    assert "3–32 Latin letters" in manager.text()
    await manager.send("ab")
    assert "3–32 Latin letters" in manager.text()
    await manager.send("welcome5")
    await manager.click("Fixed")
    await manager.send("0")
    assert "greater than zero" in manager.text()
    await manager.send("5")
    for _ in range(5):
        await manager.click("Skip")
    assert "Create this promo code?" in manager.text()
    assert "Valid: without date limits" in manager.text()
    await manager.click("Create")

    promo = await PromoCode.get(code="WELCOME5")
    assert (promo.kind, promo.currency, promo.max_uses, promo.valid_until) == (
        PromoKind.FIXED,
        "USD",
        None,
        None,
    )
    await manager.click("Deactivate")
    assert "⛔ inactive" in manager.text()
    assert not (await PromoCode.get(id=promo.id)).is_active
    await manager.click("Reactivate")
    assert (await PromoCode.get(id=promo.id)).is_active

    await manager.click("Back")
    await manager.click("New promo code")
    await manager.send("Welcome5")
    assert "WELCOME5 already exists" in manager.text()
    assert await PromoCode.all().count() == 1
    await manager.click("Cancel")
    await manager.click("Back")
    assert "Client desk" in manager.text()


async def test_the_card_lists_redemptions_and_the_list_puts_active_first(app: App) -> None:
    old = await PromoCode.create(
        code="OLD", kind=PromoKind.FIXED, value=Decimal("5"), currency="USD", is_active=False
    )
    live = await PromoCode.create(
        code="LIVE10", kind=PromoKind.PERCENT, value=Decimal("10"), max_uses=50, uses_count=1
    )
    buyer = await Client.create(telegram_id=555, first_name="Zofia", last_name="Łęcka")
    order = await Order.create(client=buyer, currency="USD", status="new")
    await PromoRedemption.create(
        promo=live, client=buyer, order=order, discount=Decimal("2.40"), currency="USD"
    )
    manager = await make_staff(app, "is_manager")
    await open_promo(manager)
    codes = [b for b in manager.buttons() if "·" in b]
    assert codes == ["✅ LIVE10 · 10% · 1/50", "⛔ OLD · $5.00 · 0/∞"]
    assert old.id != live.id

    await manager.click("LIVE10")
    text = manager.text()
    assert "1 use:" in text
    assert f"Zofia Łęcka · order #{order.id} · −$2.40" in text


def intent_of(person: Person) -> str:
    markup = person.screen().reply_markup
    assert markup is not None
    return markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]


async def test_a_viewer_sees_codes_but_cannot_create_or_deactivate(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    promo = await PromoCode.create(code="LIVE10", kind=PromoKind.PERCENT, value=Decimal("10"))
    viewer = await make_staff(app, "is_viewer", name="Vera")
    await open_promo(viewer)
    assert "✅ LIVE10 · 10% · 0/∞" in viewer.buttons()
    assert not any("New promo code" in b for b in viewer.buttons())
    list_screen, intent = viewer.screen(), intent_of(viewer)
    await viewer.click_data(f"{intent}\x1dnew", list_screen)

    await viewer.send("/admin")
    await viewer.click("Promo codes")
    await viewer.click("LIVE10")
    assert "LIVE10" in viewer.text() and "✅ active" in viewer.text()
    assert not any("Deactivate" in b for b in viewer.buttons())
    card, intent = viewer.screen(), intent_of(viewer)
    await viewer.click_data(f"{intent}\x1dtoggle", card)
    await viewer.send("HACKED")

    assert (await PromoCode.get(id=promo.id)).is_active
    assert await PromoCode.all().count() == 1
    assert any("denied" in r.getMessage() for r in caplog.records)


async def test_a_customer_replaying_promo_buttons_changes_nothing(app: App) -> None:
    promo = await PromoCode.create(code="LIVE10", kind=PromoKind.PERCENT, value=Decimal("10"))
    manager = await make_staff(app, "is_manager")
    await open_promo(manager)
    await manager.click("LIVE10")
    card, intent = manager.screen(), intent_of(manager)

    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    for widget in ("toggle", "new", f"code:{promo.id}"):
        await customer.click_data(f"{intent}\x1d{widget}", card)

    assert (await PromoCode.get(id=promo.id)).is_active
    assert await PromoCode.all().count() == 1
    shown = " ".join(m.text or "" for m in customer.shown())
    assert "LIVE10" not in shown
