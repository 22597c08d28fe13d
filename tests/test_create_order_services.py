"""A manager's order for a client, through the services against the real database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.services import cart as cart_service
from bot.services.addresses import add_address
from bot.services.cart import CartError
from bot.services.catalog import find_products
from bot.services.client_profile import Actor
from bot.services.manager_orders import place_for_client
from bot.services.order_drafts import DraftError, OrderDraft, quote_draft, settled, with_product
from bot.services.orders import refresh_client_stats
from bot.services.promo import PromoError
from bot.services.roles import AccessDenied, Role
from models import (
    Address,
    AuditEntry,
    Category,
    Client,
    Order,
    OrderItem,
    OrderStatus,
    OrderStatusChange,
    Product,
    PromoCode,
    PromoRedemption,
)
from tests.shop_fixtures import HOME, Shop, make_client, make_promo, make_shop


@pytest.fixture
async def shop(db: None) -> Shop:
    return await make_shop()


async def staff(role: Role = Role.MANAGER) -> tuple[Client, Actor]:
    manager = await make_client(7001, is_manager=True)
    return manager, Actor(role=role, client_id=manager.id, telegram_id=7001)


async def two_products(shop: Shop) -> OrderDraft:
    draft = await with_product(OrderDraft(), shop.espresso.id, 2)
    return await with_product(draft, shop.green.id, "1")


async def counts() -> tuple[int, ...]:
    return (
        await Order.exclude(status=OrderStatus.CART).count(),
        await OrderItem.exclude(order__status=OrderStatus.CART).count(),
        await Address.all().count(),
        await PromoRedemption.all().count(),
        await AuditEntry.all().count(),
        sum(await PromoCode.all().values_list("uses_count", flat=True)),
    )


async def test_a_manager_places_an_order_for_the_client(shop: Shop) -> None:
    manager, actor = await staff()
    client = await make_client(7002, phone="+48600111222", language_code="ru")
    await cart_service.add_to_cart(client, shop.filter_.id, 3)  # their own cart
    await make_promo("SAVE10")
    draft = await two_products(shop)  # 2 × 12.50 + 4.05 = 29.05
    draft = OrderDraft(lines=draft.lines, new_address=HOME, promo_code="SAVE10", comment="Ring")

    placed = await place_for_client(actor, client.id, draft)

    order = await Order.get(id=placed.order.id)
    assert (order.status, order.created_by_id, order.client_id) == ("new", manager.id, client.id)  # type: ignore[attr-defined]
    # 10 % of 29.05 = 2.905: half-up to 2.91 (half-even would give 2.90)
    assert (order.subtotal, order.discount, order.total) == (
        Decimal("29.05"), Decimal("2.91"), Decimal("26.14"),
    )  # fmt: skip
    assert order.contact_phone == "+48600111222" and order.comment == "Ring"
    items = await OrderItem.filter(order_id=order.id).order_by("id")
    assert [(i.product_name, i.quantity, i.line_total) for i in items] == [
        ("Espresso beans", 2, Decimal("25.00")),
        ("Green tea", 1, Decimal("4.05")),
    ]
    redemption = await PromoRedemption.get(order_id=order.id)
    assert (redemption.client_id, redemption.discount) == (client.id, Decimal("2.91"))  # type: ignore[attr-defined]
    assert (await PromoCode.get(code="SAVE10")).uses_count == 1
    address = await Address.get(client_id=client.id)
    assert (address.city, order.address_id) == ("Kraków", address.id)  # type: ignore[attr-defined]
    history = await OrderStatusChange.get(order_id=order.id)
    assert (history.to_status, history.changed_by_id) == ("new", manager.id)  # type: ignore[attr-defined]
    client = await Client.get(id=client.id)
    assert (client.orders_count, client.total_spent) == (1, Decimal("26.14"))
    assert client.last_order_at == order.placed_at
    await refresh_client_stats(client.id, Client._meta.db)  # a fresh aggregate agrees
    assert (await Client.get(id=client.id)).total_spent == Decimal("26.14")
    # the client's own cart is untouched
    cart = await cart_service.cart_view(client)
    assert [(line.name, line.quantity) for line in cart.lines] == [("Filter beans", 3)]
    [notice] = placed.client_notices
    assert (notice.telegram_id, notice.locale, notice.key) == (
        7002,
        "ru",
        "create-order-client-notice",
    )
    assert notice.args["total"] == Decimal("26.14") and "2 × Espresso beans" in notice.args["items"]
    assert 7001 not in {n.telegram_id for n in placed.staff_notices}  # the author knows
    entry = await AuditEntry.get(client_id=client.id)
    assert (entry.action, entry.details) == ("order_created", {"order_id": order.id})


@pytest.mark.parametrize("gone", ["hidden", "deleted", "category hidden"])
async def test_a_product_gone_since_picking_refuses_the_order_by_name(
    shop: Shop, gone: str
) -> None:
    _, actor = await staff()
    client = await make_client(7003)
    draft = OrderDraft(lines=(await two_products(shop)).lines, new_address=HOME)
    if gone == "hidden":
        await Product.filter(id=shop.espresso.id).update(is_hidden=True)
    elif gone == "deleted":
        await Product.filter(id=shop.espresso.id).delete()
    else:
        await Category.filter(id=shop.beans.id).update(is_hidden=True)
    before = await counts()
    with pytest.raises(DraftError) as refused:
        await place_for_client(actor, client.id, draft)
    assert refused.value.key == "create-order-gone"
    assert refused.value.args_ == {"names": "Espresso beans"}
    assert await counts() == before
    quote = await quote_draft(client, draft)
    assert [line.name for line in settled(draft, quote).lines] == ["Green tea"]


async def test_a_price_changed_since_picking_is_never_charged_silently(shop: Shop) -> None:
    _, actor = await staff()
    client = await make_client(7004)
    draft = OrderDraft(lines=(await two_products(shop)).lines, new_address=HOME)
    await Product.filter(id=shop.green.id).update(price=Decimal("5.00"))
    with pytest.raises(DraftError) as refused:
        await place_for_client(actor, client.id, draft)
    assert (refused.value.key, refused.value.args_) == (
        "create-order-repriced",
        {"names": "Green tea"},
    )
    assert await Order.all().count() == 0
    fresh = settled(draft, await quote_draft(client, draft))
    placed = await place_for_client(actor, client.id, fresh)
    assert placed.order.total == Decimal("30.00")


async def test_the_promo_is_checked_with_the_clients_own_limits(shop: Shop) -> None:
    _, actor = await staff()
    client = await make_client(7005)
    await make_promo("ONCE", max_uses_per_client=1)
    draft = OrderDraft(lines=(await two_products(shop)).lines, new_address=HOME, promo_code="ONCE")
    await place_for_client(actor, client.id, draft)
    quote = await quote_draft(client, draft)
    assert quote.promo_error is not None and quote.promo_error.key == "promo-client-limit"
    before = await counts()
    with pytest.raises(PromoError):
        await place_for_client(actor, client.id, draft)
    assert await counts() == before
    other = await make_client(7006)  # somebody else may still use it
    assert (await quote_draft(other, draft)).discount == Decimal("2.91")


async def test_viewers_anonymized_clients_and_empty_drafts_are_refused(shop: Shop) -> None:
    _, viewer = await staff(Role.VIEWER)
    client = await make_client(7007)
    draft = OrderDraft(lines=(await two_products(shop)).lines, new_address=HOME)
    with pytest.raises(AccessDenied):
        await place_for_client(viewer, client.id, draft)
    actor = Actor(role=Role.MANAGER, client_id=viewer.client_id, telegram_id=7001)
    with pytest.raises(DraftError) as refused:
        await place_for_client(actor, client.id, OrderDraft(new_address=HOME))
    assert refused.value.key == "create-order-no-items"
    with pytest.raises(DraftError) as refused:
        await place_for_client(actor, client.id, OrderDraft(lines=draft.lines))
    assert refused.value.key == "create-order-no-address"
    await Client.filter(id=client.id).update(anonymized_at=client.created_at)
    with pytest.raises(DraftError) as refused:
        await place_for_client(actor, client.id, draft)
    assert refused.value.key == "create-order-anonymized"
    with pytest.raises(DraftError) as refused:
        await place_for_client(actor, 999_999, draft)
    assert refused.value.key == "create-order-client-gone"
    assert await Order.all().count() == 0 and await AuditEntry.all().count() == 0


async def test_a_blocked_client_may_get_a_phone_order_from_a_manager(shop: Shop) -> None:
    _, actor = await staff()
    client = await make_client(7008, is_blocked=True)
    saved = await add_address(client, HOME)
    draft = OrderDraft(lines=(await two_products(shop)).lines, address_id=saved.id)
    placed = await place_for_client(actor, client.id, draft)
    assert placed.order.address_id == saved.id  # type: ignore[attr-defined]
    assert await Address.filter(client_id=client.id).count() == 1


async def test_somebody_elses_address_is_refused(shop: Shop) -> None:
    _, actor = await staff()
    client, other = await make_client(7009), await make_client(7010)
    theirs = await add_address(other, HOME)
    draft = OrderDraft(lines=(await two_products(shop)).lines, address_id=theirs.id)
    before = await counts()
    with pytest.raises(Exception) as refused:
        await place_for_client(actor, client.id, draft)
    assert getattr(refused.value, "key", "") == "address-not-found"
    assert await counts() == before


@pytest.mark.parametrize("quantity", [0, -1, 10**9, "abc", "1.5", "", "١٢"])
async def test_bad_quantities_are_refused(shop: Shop, quantity: object) -> None:
    with pytest.raises(CartError) as refused:
        await with_product(OrderDraft(), shop.espresso.id, quantity)  # type: ignore[arg-type]
    assert refused.value.key == "cart-quantity-invalid"


async def test_hidden_products_cannot_be_picked(shop: Shop) -> None:
    with pytest.raises(DraftError):
        await with_product(OrderDraft(), shop.secret.id, 1)
    with pytest.raises(DraftError):
        await with_product(OrderDraft(), "1 OR 1=1", 1)


async def test_a_picked_product_gets_its_new_quantity_not_a_second_line(shop: Shop) -> None:
    draft = await with_product(OrderDraft(), shop.espresso.id, 2)
    draft = await with_product(draft, shop.espresso.id, 5)
    assert [(line.name, line.quantity) for line in draft.lines] == [("Espresso beans", 5)]
    assert OrderDraft.from_data(draft.to_data()) == draft
    assert OrderDraft.from_data({"lines": [["x"], None], "payment": "telegram"}) == OrderDraft()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("ЁЛОЧ", ["Ёлочный чай"]), ("елочн", ["Ёлочный чай"]), ("ŁÓDŹ", ["Łódzka kawa"]),
     ("lodz kaw", ["Łódzka kawa"]), ("beans", ["Espresso beans", "Filter beans"]),
     ("%", []), ("hidden", [])],
)  # fmt: skip
async def test_product_search_folds_case_and_accents(
    shop: Shop, typed: str, expected: list[str]
) -> None:
    await Product.create(category=shop.tea, name="Ёлочный чай", price=Decimal("3"), currency="USD")
    await Product.create(
        category=shop.beans, name="Łódzka kawa", price=Decimal("8"), currency="USD"
    )
    page = await find_products(typed)
    assert [product.name for product in page.items] == expected
    assert page.total == len(expected)
