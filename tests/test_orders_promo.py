"""Promo codes at checkout: reasons, rounding, limits, the race for the last use, release."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from bot.services import cart as cart_service
from bot.services.checkout import CheckoutInput, place_order
from bot.services.orders import cancel_by_client
from bot.services.promo import PromoError, check_promo, discount_for, normalize_code
from models import Client, Order, PaymentMethod, PromoCode, PromoKind, PromoRedemption
from tests.shop_fixtures import HOME, make_client, make_promo, make_shop

CHECKOUT = CheckoutInput(
    phone="+48600123456", payment_method=PaymentMethod.TRANSFER, new_address=HOME
)


@pytest.mark.parametrize(
    ("subtotal", "percent", "currency", "expected"),
    [
        (Decimal("10.05"), Decimal("10"), "USD", Decimal("1.01")),  # 1.005 -> up
        (Decimal("0.05"), Decimal("10"), "USD", Decimal("0.01")),  # 0.005 -> up
        (Decimal("0.04"), Decimal("10"), "USD", Decimal("0.00")),  # 0.004 -> down
        (Decimal("33.33"), Decimal("15"), "USD", Decimal("5.00")),  # 4.9995 -> 5.00
        (Decimal("105"), Decimal("10"), "JPY", Decimal("11")),  # 10.5 yen -> 11
        (Decimal("20"), Decimal("100"), "USD", Decimal("20.00")),
    ],
)
def test_percent_discounts_round_half_up(
    subtotal: Decimal, percent: Decimal, currency: str, expected: Decimal
) -> None:
    promo = PromoCode(code="X", kind=PromoKind.PERCENT, value=percent)
    assert discount_for(promo, subtotal, currency) == expected


def test_a_fixed_discount_never_exceeds_the_subtotal() -> None:
    promo = PromoCode(code="X", kind=PromoKind.FIXED, value=Decimal("50"))
    assert discount_for(promo, Decimal("20.00"), "USD") == Decimal("20.00")


@pytest.mark.parametrize("text", ["' OR 1=1 --", "a%", "x_;DROP TABLE promo_codes", "", "A" * 33])
def test_codes_with_sql_or_junk_are_invalid(text: str) -> None:
    with pytest.raises(PromoError) as error:
        normalize_code(text)
    assert error.value.key == "promo-invalid"


async def test_each_refusal_has_its_reason(db: None) -> None:
    client = await make_client(51)
    now = datetime.now(UTC)
    await make_promo("OFF", is_active=False)
    await make_promo("LATER", valid_from=now + timedelta(days=1))
    await make_promo("OLD", valid_until=now - timedelta(days=1))
    await make_promo("GONE", max_uses=3, uses_count=3)
    await make_promo("BIG", min_order_total=Decimal("100"))
    expected = {
        "nope": "promo-not-found",
        "off": "promo-inactive",
        "later": "promo-not-started",
        "old": "promo-expired",
        "gone": "promo-exhausted",
        "big": "promo-min-total",
    }
    for code, key in expected.items():
        with pytest.raises(PromoError) as error:
            await check_promo(code, client, Decimal("50"), "USD")
        assert error.value.key == key, code
    await make_promo("SAVE10")
    assert (await check_promo("  save10 ", client, Decimal("50"), "USD")).discount == Decimal(
        "5.00"
    )


async def test_checkout_with_a_code_records_the_redemption_and_cancel_releases_it(db: None) -> None:
    shop = await make_shop()
    client = await make_client(52)
    promo = await make_promo("SAVE10", max_uses_per_client=1)
    await cart_service.add_to_cart(client, shop.espresso.id, 1)  # 12.50
    view = await cart_service.apply_promo(client, "save10")
    assert (view.discount, view.total) == (Decimal("1.25"), Decimal("11.25"))

    placed = await place_order(client, CHECKOUT)
    order = await Order.get(id=placed.order.id)
    assert (order.discount, order.total, order.promo_code_id) == (
        Decimal("1.25"), Decimal("11.25"), promo.id,
    )  # fmt: skip
    redemption = await PromoRedemption.get(order_id=order.id)
    assert (redemption.client_id, redemption.discount) == (client.id, Decimal("1.25"))
    assert (await PromoCode.get(id=promo.id)).uses_count == 1

    await cart_service.add_to_cart(client, shop.green.id, 1)
    with pytest.raises(PromoError) as error:
        await cart_service.apply_promo(client, "SAVE10")
    assert error.value.key == "promo-client-limit"

    await cancel_by_client(client, order.id)
    assert (await PromoCode.get(id=promo.id)).uses_count == 0
    assert not await PromoRedemption.exists(order_id=order.id)
    assert (await cart_service.apply_promo(client, "SAVE10")).discount == Decimal("0.41")


async def test_two_checkouts_racing_for_the_last_use_get_one(db: None) -> None:
    """On PostgreSQL the two run on two connections at once; the guarded UPDATE decides."""
    shop = await make_shop()
    promo = await make_promo("LAST", max_uses=1)
    clients = [await make_client(61), await make_client(62)]
    for client in clients:
        await cart_service.add_to_cart(client, shop.espresso.id, 1)
        await cart_service.apply_promo(client, "LAST")

    results = await asyncio.gather(
        *(place_order(client, CHECKOUT) for client in clients), return_exceptions=True
    )

    failures = [r for r in results if isinstance(r, Exception)]
    assert len(failures) == 1 and isinstance(failures[0], PromoError), results
    assert failures[0].key == "promo-exhausted"
    assert (await PromoCode.get(id=promo.id)).uses_count == 1
    assert await PromoRedemption.filter(promo_id=promo.id).count() == 1
    # the loser's cart is untouched: still a cart, nothing counted
    assert sum(c.orders_count for c in await Client.filter(id__in=[c.id for c in clients])) == 1
