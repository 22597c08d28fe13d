"""Managers work orders in the desk by typing and clicking: list, pages, card, status, note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import SendMessage

from bot.notify import send_notices
from bot.services import cart as cart_service
from bot.services.checkout import CheckoutInput, place_order
from bot.services.order_desk import MAX_NOTE
from models import Client, Order, OrderItem, OrderStatus, OrderStatusChange, PaymentMethod
from tests.card_harness import make_staff, open_card, start_card_app
from tests.harness import OWNER_ID, App, Person
from tests.shop_fixtures import HOME, Shop, make_shop

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def app(db: None) -> App:
    return await start_card_app()


@pytest.fixture
async def shop(db: None) -> Shop:
    return await make_shop()


async def place(client: Client, shop: Shop, minutes: int) -> tuple[Order, list]:
    await cart_service.add_to_cart(client, shop.espresso.id, 1)
    placed = await place_order(
        client,
        CheckoutInput(phone="+48600123456", payment_method=PaymentMethod.ON_DELIVERY,
                      new_address=HOME),
        owner_ids={OWNER_ID},
        now=START + timedelta(minutes=minutes),
    )  # fmt: skip
    return placed.order, await placed.staff_notices()


async def make_customer(telegram_id: int, first_name: str, **fields: object) -> Client:
    return await Client.create(telegram_id=telegram_id, first_name=first_name, **fields)


def order_buttons(person: Person) -> list[str]:
    return [b for b in person.buttons() if b.startswith("#")]


def sent_to(app: App, chat_id: int) -> list[SendMessage]:
    return [
        r for r in app.bot.session.requests if isinstance(r, SendMessage) and r.chat_id == chat_id
    ]


async def open_orders(person: Person) -> None:
    await person.send("/admin")
    await person.click("Orders")


async def test_a_manager_pages_opens_and_moves_an_order_on(app: App, shop: Shop) -> None:
    olga = await make_customer(7001, "Olga", language_code="ru")
    orders = [(await place(olga, shop, n))[0] for n in range(12)]
    manager = await make_staff(app, "manager")
    await open_orders(manager)
    assert "Orders: new</b> · 12" in manager.text() and "Page 1 of 2" in manager.text()
    rows = order_buttons(manager)
    assert [r.split(" · ")[0] for r in rows] == [f"#{o.id}" for o in orders[::-1][:10]]
    assert rows[0] == f"#{orders[-1].id} · 2026-03-01 · Olga · $12.50 · new"

    await manager.click("▶")
    assert order_buttons(manager) == [f"#{o.id} · 2026-03-01 · Olga · $12.50 · new"
                                      for o in orders[1::-1]]  # fmt: skip
    assert "▶" not in manager.buttons()
    await manager.click("◀")
    assert order_buttons(manager) == rows

    await manager.click("Status")
    await manager.click("confirmed")
    assert "Orders: confirmed</b> · 0" in manager.text() and "No orders here" in manager.text()
    await manager.click("Status")
    await manager.click("new")

    first = orders[0]
    await manager.click("▶")
    await manager.click(f"#{first.id} ")
    card = manager.text()
    assert f"Order #{first.id}</b> · new" in card
    assert "1 × Espresso beans · $12.50 = $12.50" in card and "Total: $12.50" in card
    assert "+48600123456" in card and "ul. Długa 5" in card and "Olga" in card
    assert "On delivery" in card and "Placed by: the client" in card
    assert [b for b in manager.buttons() if b.startswith("➡️")] == ["➡️ confirmed", "➡️ cancelled"]

    app.bot.session.requests.clear()
    callback = await manager.click("➡️ confirmed")
    assert "Status: confirmed" in manager.answers(callback)[0].text
    assert f"Order #{first.id}</b> · confirmed" in manager.text()
    assert "➡️ shipped" in manager.buttons()
    assert (await Order.get(id=first.id)).status == OrderStatus.CONFIRMED
    step = await OrderStatusChange.get(order_id=first.id, to_status=OrderStatus.CONFIRMED)
    assert step.changed_by_id == (await Client.get(telegram_id=manager.id)).id
    [notice] = sent_to(app, olga.telegram_id)
    assert notice.text == f"📦 Статус вашего заказа #{first.id}: <b>подтверждён</b>."

    await manager.click("Back")  # the list again, without the confirmed order
    assert "Orders: new</b> · 12" in manager.text() or f"#{first.id} " not in manager.text()
    assert not any(b.startswith(f"#{first.id} ") for b in manager.buttons())


async def test_two_managers_change_the_same_order_once(app: App, shop: Shop) -> None:
    olga = await make_customer(7001, "Olga")
    order, _ = await place(olga, shop, 0)
    marek = await make_staff(app, "manager", "Marek")
    ewa = await make_staff(app, "manager", "Ewa")
    for person in (marek, ewa):
        await open_orders(person)
        await person.click(f"#{order.id} ")

    await marek.click("➡️ confirmed")
    callback = await ewa.click("➡️ cancelled")  # her screen still says `new`
    assert "changed this order meanwhile" in ewa.answers(callback)[0].text
    assert f"#{order.id}</b> · confirmed" in ewa.text()  # reloaded
    callback = await ewa.click("➡️ shipped")  # now it works, from what she sees
    assert "Status: shipped" in ewa.answers(callback)[0].text
    order = await Order.get(id=order.id)
    assert (order.status, order.version) == (OrderStatus.SHIPPED, 3)
    steps = await OrderStatusChange.filter(order_id=order.id).order_by("id")
    assert [s.to_status for s in steps] == ["new", "confirmed", "shipped"]


async def test_viewers_see_but_change_nothing_and_forgeries_fail(app: App, shop: Shop) -> None:
    olga = await make_customer(7001, "Olga")
    order, _ = await place(olga, shop, 0)
    manager = await make_staff(app, "manager")
    await open_orders(manager)
    await manager.click(f"#{order.id} ")
    [move] = [b for row in manager.screen().reply_markup.inline_keyboard for b in row
              if b.text == "➡️ confirmed"]  # fmt: skip
    widget = move.callback_data.split("\x1d")[1]

    viewer = await make_staff(app, "viewer", "Vera")
    await open_orders(viewer)
    await viewer.click(f"#{order.id} ")
    assert f"Order #{order.id}</b>" in viewer.text() and "Olga" in viewer.text()
    assert not any(b.startswith("➡️") or "Note" in b for b in viewer.buttons())
    intent = viewer.screen().reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    await viewer.click_data(f"{intent}\x1d{widget}")
    await viewer.click_data(f"{intent}\x1dnote")
    await viewer.send("viewer's note")

    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    customer_screen = customer.screen()
    own = customer_screen.reply_markup.inline_keyboard[0][0].callback_data.split("\x1d")[0]
    for forged_intent in (own, intent):
        await customer.click_data(f"{forged_intent}\x1d{widget}", customer_screen)
        assert not any(f"#{order.id}" in (m.text or "") for m in customer.shown())

    order = await Order.get(id=order.id)
    assert (order.status, order.version, order.manager_note) == (OrderStatus.NEW, 1, None)
    assert await OrderStatusChange.filter(order_id=order.id).count() == 1
    assert sent_to(app, olga.telegram_id) == []


async def test_the_note_is_typed_checked_and_shown(app: App, shop: Shop) -> None:
    olga = await make_customer(7001, "Olga")
    order, _ = await place(olga, shop, 0)
    manager = await make_staff(app, "manager")
    await open_orders(manager)
    await manager.click(f"#{order.id} ")
    await manager.click("Note")
    await manager.send("x" * (MAX_NOTE + 1))
    assert "too long" in manager.text() and "500" in manager.text()
    assert (await Order.get(id=order.id)).manager_note is None
    await manager.send("Call <before> 10")
    assert "Managers' note: Call &lt;before&gt; 10" in manager.text()
    assert (await Order.get(id=order.id)).manager_note == "Call <before> 10"
    await manager.click("Note")
    await manager.click("Clear the note")
    assert "Managers' note" not in manager.text()
    assert (await Order.get(id=order.id)).manager_note is None


async def test_the_notice_button_opens_the_card_for_staff_only(app: App, shop: Shop) -> None:
    manager = await make_staff(app, "manager")
    olga = await make_customer(7001, "Olga")
    order, notices = await place(olga, shop, 0)
    core = next(m.core for m in app.dp.update.outer_middleware if hasattr(m, "core"))
    await send_notices(app.bot, core, notices)
    [to_manager] = sent_to(app, manager.id)
    [[button]] = to_manager.reply_markup.inline_keyboard
    assert button.text == "📦 Open order" and button.callback_data == f"desk_order:{order.id}"
    assert sent_to(app, OWNER_ID)[0].reply_markup is not None

    await manager.click_data(button.callback_data)
    assert f"Order #{order.id}</b> · new" in manager.text()
    await manager.click("Back")  # nothing opened it: the desk
    assert "📦 Orders" in manager.buttons()

    customer = app.person(first_name="Kasia")
    await customer.send("/start")
    callback = await customer.click_data(button.callback_data)
    assert customer.shown() == []
    assert "not available to you" in (customer.answers(callback)[0].text or "")
    assert [r for r in customer.requests() if isinstance(r, SendMessage)] == []


async def test_client_card_lists_this_clients_orders(app: App, shop: Shop) -> None:
    olga = await make_customer(7001, "Olga")
    ben = await make_customer(7002, "Ben")
    mine = [(await place(olga, shop, n))[0] for n in range(2)]
    await place(ben, shop, 5)
    manager = await make_staff(app, "manager")
    await open_card(manager, olga)
    await manager.click("Orders")
    assert "👤 Olga" in manager.text() and "Status" not in manager.buttons()
    assert [b.split(" · ")[0] for b in order_buttons(manager)] == [f"#{o.id}" for o in mine[::-1]]
    await manager.click(f"#{mine[0].id} ")
    assert f"Order #{mine[0].id}</b>" in manager.text()
    await manager.click("Client")
    assert "Olga" in manager.text() and "📦 Orders" in manager.buttons()


async def test_a_huge_order_still_fits_one_message(app: App, shop: Shop) -> None:
    olga = await make_customer(7001, "Olga")
    order, _ = await place(olga, shop, 0)
    long = "ж" * 1000
    await Order.filter(id=order.id).update(
        comment=long, manager_note="n" * MAX_NOTE, contact_name="N" * 255,
        contact_email="e" * 240 + "@example.com", address_text="A <&> " * 80,
    )  # fmt: skip
    for n in range(12):
        await OrderItem.create(
            order_id=order.id, product_name=f"{n:02}" + "P" * 253, unit_price=1, quantity=1,
            line_total=1,
        )  # fmt: skip
    manager = await make_staff(app, "manager")
    await open_orders(manager)
    await manager.click(f"#{order.id} ")
    text = manager.text()
    assert len(text) <= 4096 and "… and 3 more" in text
    assert "A &lt;&amp;&gt;" in text and "жжж…" in text
