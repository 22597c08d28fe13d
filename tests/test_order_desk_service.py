"""The order desk service against the real database: keyset pages, the card, the note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.services import cart as cart_service
from bot.services.checkout import CheckoutInput, place_order
from bot.services.order_desk import (
    MAX_NOTE,
    NoteTooLong,
    count_orders,
    open_order_button,
    order_card,
    order_page,
    set_note,
)
from bot.services.orders import OrderError, change_status
from bot.services.roles import AccessDenied, Role
from models import AuditEntry, Client, Order, OrderStatus, PaymentMethod
from tests.shop_fixtures import HOME, Shop, make_client, make_promo, make_shop

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


async def place(client: Client, shop: Shop, at: datetime, promo: str | None = None) -> Order:
    await cart_service.add_to_cart(client, shop.espresso.id, 2)
    if promo:
        await cart_service.apply_promo(client, promo)
    placed = await place_order(
        client,
        CheckoutInput(
            phone="+48600123456", payment_method=PaymentMethod.TRANSFER, new_address=HOME,
            email="anna@example.com", comment="Ring twice",
        ),
        owner_ids={900},
        now=at,
    )  # fmt: skip
    return placed.order


def ids(page) -> list[int]:  # type: ignore[no-untyped-def]
    return [row.order.id for row in page.rows]


async def test_pages_walk_newest_first_both_ways_with_equal_times(db: None) -> None:
    shop = await make_shop()
    anna, ben = await make_client(11), await make_client(12)
    # 25 orders; every three share a placing time, so the id breaks the ties
    orders = [
        await place(anna if n % 2 else ben, shop, START + timedelta(minutes=n // 3))
        for n in range(25)
    ]
    newest_first = [o.id for o in sorted(orders, key=lambda o: (o.placed_at, o.id), reverse=True)]
    assert await count_orders("new") == 25

    first = await order_page("new")
    second = await order_page("new", cursor=first.last)
    third = await order_page("new", cursor=second.last)
    assert ids(first) + ids(second) + ids(third) == newest_first
    assert (first.more, second.more, third.more) == (True, True, False)
    back = await order_page("new", cursor=third.first, forward=False)
    assert ids(back) == ids(second) and back.more
    assert ids(await order_page("new", cursor=back.first, forward=False)) == ids(first)
    assert first.rows[0].client is not None  # the client comes with the row

    # "all open" merges one index walk per status into the same order
    manager = await make_client(13, is_manager=True)
    for order in orders[::3]:
        await change_status(order.id, OrderStatus.CONFIRMED, actor=manager, role=Role.MANAGER)
    for order in orders[::6]:
        await change_status(order.id, OrderStatus.SHIPPED, actor=manager, role=Role.MANAGER)
    await change_status(orders[1].id, OrderStatus.CANCELLED, actor=manager, role=Role.MANAGER)
    open_ids = [i for i in newest_first if i != orders[1].id]
    pages = [await order_page("open")]
    while pages[-1].more:
        pages.append(await order_page("open", cursor=pages[-1].last))
    assert [i for page in pages for i in ids(page)] == open_ids
    back = await order_page("open", cursor=pages[-1].first, forward=False)
    assert ids(back) == ids(pages[-2])


async def test_status_choices_and_one_clients_orders(db: None) -> None:
    shop = await make_shop()
    anna, ben = await make_client(11), await make_client(12)
    manager = await make_client(13, is_manager=True)
    a1 = await place(anna, shop, START)
    a2 = await place(anna, shop, START + timedelta(hours=1))
    b1 = await place(ben, shop, START + timedelta(hours=2))
    await cart_service.add_to_cart(anna, shop.green.id, 1)  # a cart: never listed
    await change_status(a1.id, OrderStatus.CONFIRMED, actor=manager, role=Role.MANAGER)
    await change_status(a2.id, OrderStatus.CANCELLED, actor=manager, role=Role.MANAGER)

    assert ids(await order_page("new")) == [b1.id]
    assert ids(await order_page("confirmed")) == [a1.id]
    assert ids(await order_page("cancelled")) == [a2.id]
    assert ids(await order_page("open")) == [b1.id, a1.id]
    assert ids(await order_page("forged")) == [b1.id]  # an unknown choice lists `new`
    assert ids(await order_page("all", client_id=anna.id)) == [a2.id, a1.id]
    assert await count_orders("all", client_id=anna.id) == 2
    assert await count_orders("open") == 2


async def test_the_card_shows_everything_and_the_allowed_next_steps(db: None) -> None:
    shop = await make_shop()
    await make_promo("SPRING")
    anna = await make_client(11)
    manager = await make_client(13, is_manager=True)
    order = await place(anna, shop, START, promo="SPRING")
    await change_status(order.id, OrderStatus.CONFIRMED, actor=manager, role=Role.MANAGER)

    card = await order_card(str(order.id))
    assert card.client.id == anna.id and card.promo_code == "SPRING"
    assert [(i.product_name, i.quantity) for i in card.items] == [("Espresso beans", 2)]
    assert card.order.discount > 0 and card.order.comment == "Ring twice"
    assert [(s.to_status, s.by.id if s.by else None) for s in card.history] == [
        (OrderStatus.NEW, None),
        (OrderStatus.CONFIRMED, manager.id),
    ]
    assert card.next_statuses == [OrderStatus.SHIPPED, OrderStatus.CANCELLED]
    await cart_service.add_to_cart(anna, shop.green.id, 1)
    cart_id = await Order.filter(status=OrderStatus.CART).first().values_list("id", flat=True)
    for wrong in (cart_id, 999, "x", -1, None, 2**40):
        with pytest.raises(OrderError):
            await order_card(wrong)
    assert open_order_button(7).callback_data == "desk_order:7"


async def test_the_note_is_validated_audited_and_for_editors_only(db: None) -> None:
    shop = await make_shop()
    anna = await make_client(11)
    manager = await make_client(13, is_manager=True)
    order = await place(anna, shop, START)

    with pytest.raises(AccessDenied):
        await set_note(order.id, "viewer's", actor=manager, role=Role.VIEWER)
    with pytest.raises(NoteTooLong):
        await set_note(order.id, "x" * (MAX_NOTE + 1), actor=manager, role=Role.MANAGER)
    assert (await Order.get(id=order.id)).manager_note is None
    assert not await AuditEntry.exists(action="order_note")

    await set_note(order.id, "  Call before 10  ", actor=manager, role=Role.MANAGER)
    assert (await Order.get(id=order.id)).manager_note == "Call before 10"
    await set_note(order.id, "   ", actor=manager, role=Role.MANAGER)
    assert (await Order.get(id=order.id)).manager_note is None
    entries = await AuditEntry.filter(action="order_note").order_by("id")
    assert [e.details for e in entries] == [
        {"order_id": order.id, "cleared": False},
        {"order_id": order.id, "cleared": True},
    ]
    assert entries[0].client_id == anna.id and entries[0].actor_id == manager.id
    with pytest.raises(OrderError):
        await set_note(12345, "gone", actor=manager, role=Role.MANAGER)
