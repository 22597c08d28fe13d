"""Viewers and customers forging any create-order callback, or typing into it, change nothing."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.services.addresses import add_address
from bot.services.order_drafts import OrderDraft, with_product
from bot.services.roles import AccessDenied
from dialogs.create_order.context import DRAFT
from dialogs.create_order.states import CreateOrder
from models import Address, AuditEntry, Client, Order, OrderItem, PromoCode, PromoRedemption
from tests.card_harness import forge, make_staff, open_card, start_card_app
from tests.harness import App, Person
from tests.shop_fixtures import HOME, Shop, make_promo, make_shop

OPENED: dict[int, str] = {}
PRESET: dict[str, Any] = {}
# each window's own callbacks, and what one would type into it
WINDOWS: dict[str, tuple[list[str], str | None]] = {
    "ITEMS": (["line:1", "browse", "to_address", "abandon"], "espresso"),
    "CATALOG": (["cat:1", "prod:3", "prev_page", "next_page", "up"], None),
    "FOUND": (["prod:3", "next_page", "back"], "tea"),
    "QUANTITY": (["qty:3", "remove", "back"], "3"),
    "ADDRESS": (["addr:1", "new_addr", "back"], None),
    "COUNTRY": (["back"], "Poland"),
    "PROMO": (["skip", "back"], "SAVE10"),
    "COMMENT": (["skip", "back"], "a comment"),
    "SUMMARY": (["confirm", "payment", "items", "back", "abandon"], None),
}


async def _open(message: Message, command: CommandObject, dialog_manager: DialogManager) -> None:
    """`/neworder <client id> <STATE>`: the dialog with a complete draft, for anybody."""
    client_id, state = (command.args or "").split()
    await dialog_manager.start(
        getattr(CreateOrder, state),
        data={"client_id": int(client_id)},
        mode=StartMode.NORMAL,
        show_mode=ShowMode.NO_UPDATE,
    )
    context = dialog_manager.current_context()
    OPENED[message.chat.id] = context.id
    context.dialog_data.update(PRESET)
    dialog_manager.show_mode = ShowMode.SEND
    try:
        await dialog_manager.show()
    except AccessDenied:
        logging.getLogger(__name__).warning("test opener: not rendered")


@pytest.fixture
async def app(db: None) -> AsyncIterator[App]:
    app = await start_card_app()
    router = Router(name="test-create-order-opener")
    router.message.register(_open, Command("neworder"))
    app.dp.include_router(router)
    app.dp.sub_routers.remove(router)
    app.dp.sub_routers.insert(1, router)
    yield app
    await app.close()


@pytest.fixture
async def shop(db: None) -> Shop:
    return await make_shop()


@pytest.fixture
async def target(app: App, shop: Shop) -> Client:
    client = await Client.create(telegram_id=4242, first_name="Kasia")
    saved = await add_address(client, HOME)
    await make_promo("SAVE10")
    draft = await with_product(OrderDraft(), shop.espresso.id, 2)
    full = OrderDraft(lines=draft.lines, address_id=saved.id, promo_code="SAVE10")
    PRESET.clear()
    PRESET.update({DRAFT: full.to_data(), "product_id": shop.espresso.id, "query": "beans"})
    PRESET["typed_address"] = {
        "recipient": "A",
        "street": "B",
        "city": "C",
        "postal_code": "00-001",
    }
    return client


async def state_of_db() -> tuple[Any, ...]:
    return (
        await Order.all().count(),
        await OrderItem.all().count(),
        await Address.all().count(),
        await PromoRedemption.all().count(),
        sum(await PromoCode.all().values_list("uses_count", flat=True)),
        await AuditEntry.all().count(),
        await Client.all().order_by("id").values_list("orders_count", "total_spent"),
    )


async def forge_in(person: Person, target: Client, state: str, data: str) -> None:
    await person.send(f"/neworder {target.id} {state}")
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=person.client.chat,
        from_user=person.client.user,
        text="order",
    )
    await person.click_data(f"{OPENED[person.id]}\x1d{data}", message)


async def person_as(app: App, role: str) -> Person:
    if role == "customer":
        person = app.person(first_name="Eve")
        await person.send("/start")
        return person
    return await make_staff(app, role)


@pytest.mark.parametrize("role", ["viewer", "customer"])
@pytest.mark.parametrize("state", list(WINDOWS))
async def test_forged_callbacks_and_typing_change_nothing(
    app: App, target: Client, role: str, state: str
) -> None:
    person = await person_as(app, role)
    callbacks, typed = WINDOWS[state]
    before = await state_of_db()
    for data in callbacks:
        await forge_in(person, target, state, data)
        assert await state_of_db() == before, data
        assert not any("Kasia" in (m.text or "") for m in person.shown()), data
    if typed is not None:
        await person.send(f"/neworder {target.id} {state}")
        await person.send(typed)
        assert await state_of_db() == before, typed
    assert await Order.all().count() == 0


async def test_the_same_forged_confirm_from_a_manager_does_place(app: App, target: Client) -> None:
    """The control: the forging above reaches the dialog, so its refusals are real."""
    manager = await person_as(app, "manager")
    await forge_in(manager, target, "SUMMARY", "confirm")
    order = await Order.get(client_id=target.id)
    assert order.status == "new" and await PromoRedemption.filter(order_id=order.id).exists()


@pytest.mark.parametrize("role", ["viewer", "customer"])
async def test_the_cards_create_button_forged_opens_nothing(
    app: App, target: Client, role: str
) -> None:
    person = await person_as(app, role)
    await open_card(person, target)
    await forge(person, "create_order")
    assert not any("New order for" in (m.text or "") for m in person.shown())
    await person.send("espresso")
    assert not any("Espresso" in (m.text or "") for m in person.shown())
    assert await Order.all().count() == 0
