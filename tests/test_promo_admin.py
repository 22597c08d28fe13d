"""Promo-code services against the real database: validation, creation, list order, usage."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from bot.services.catalog_admin import InputRejected
from bot.services.promo_admin import (
    PromoDraft,
    create_promo,
    parse_code,
    parse_date,
    parse_draft_field,
    parse_limit,
    parse_until,
    parse_value,
    promo_page,
    redemptions_page,
    set_promo_active,
)
from models import Client, Order, PromoCode, PromoKind, PromoRedemption


@pytest.mark.parametrize(
    ("text", "code"),
    [(" summer-25 ", "SUMMER-25"), ("a_b", "A_B"), ("X" * 32, "X" * 32), ("007", "007")],
)
def test_codes_are_uppercased(text: str, code: str) -> None:
    assert parse_code(text) == code


@pytest.mark.parametrize(
    "text",
    ["'; DROP TABLE promo_codes; --", "ab", "X" * 33, "with space", "ЛЕТО", "zł10", "%", ""],
)
def test_bad_codes_are_refused(text: str) -> None:
    with pytest.raises(InputRejected, match="promo-admin-error-code"):
        parse_code(text)


@pytest.mark.parametrize(
    ("kind", "text", "key"),
    [
        (PromoKind.PERCENT, "150", "promo-admin-error-percent"),
        (PromoKind.PERCENT, "100.01", "promo-admin-error-percent"),
        (PromoKind.PERCENT, "1e9999", "catalog-admin-error-price-not-number"),
        (PromoKind.PERCENT, "0", "catalog-admin-error-price-not-positive"),
        (PromoKind.PERCENT, "999999999", "promo-admin-error-percent"),
        (PromoKind.FIXED, "-5", "catalog-admin-error-price-not-positive"),
        (PromoKind.FIXED, "abc", "catalog-admin-error-price-not-number"),
    ],
)
def test_bad_values_are_refused(kind: PromoKind, text: str, key: str) -> None:
    with pytest.raises(InputRejected) as error:
        parse_value(kind, text)
    assert error.value.key == key


def test_values_dates_and_limits() -> None:
    assert parse_value(PromoKind.PERCENT, "100") == Decimal("100.00")
    assert parse_value(PromoKind.PERCENT, "12,5") == Decimal("12.50")
    assert parse_value(PromoKind.FIXED, "150") == Decimal("150.00")
    assert parse_date("2026-02-28") == date(2026, 2, 28)
    for bad in ("2026-02-30", "28.02.2026", "2026-2-3", "tomorrow", ""):
        with pytest.raises(InputRejected, match="promo-admin-error-date"):
            parse_date(bad)
    assert parse_until("2026-03-01", date(2026, 3, 1)) == date(2026, 3, 1)
    with pytest.raises(InputRejected, match="promo-admin-error-until-before-from"):
        parse_until("2026-02-28", date(2026, 3, 1))
    assert parse_limit(" 10 ") == 10
    for bad in ("0", "-1", "1.5", "x", "10000001"):
        with pytest.raises(InputRejected, match="promo-admin-error-limit"):
            parse_limit(bad)


async def test_a_draft_is_built_field_by_field_and_created(db: None) -> None:
    draft: dict = {}
    draft["code"] = await parse_draft_field("code", "spring", draft)
    draft["kind"] = "fixed"
    draft["value"] = await parse_draft_field("value", "4,99", draft)
    draft["min_order_total"] = await parse_draft_field("min_order_total", "30", draft)
    draft["valid_from"] = await parse_draft_field("valid_from", "2026-03-01", draft)
    with pytest.raises(InputRejected, match="promo-admin-error-until-before-from"):
        await parse_draft_field("valid_until", "2026-02-01", draft)
    draft["valid_until"] = await parse_draft_field("valid_until", "2026-03-31", draft)
    draft["max_uses"] = await parse_draft_field("max_uses", "500", draft)
    with pytest.raises(InputRejected, match="promo-admin-error-per-client-above-total"):
        await parse_draft_field("max_uses_per_client", "501", draft)
    draft["max_uses_per_client"] = None

    promo = await create_promo(PromoDraft.from_dict(draft))
    promo = await PromoCode.get(id=promo.id)
    assert (promo.code, promo.kind, promo.currency) == ("SPRING", PromoKind.FIXED, "USD")
    assert (Decimal(promo.value), Decimal(promo.min_order_total)) == (
        Decimal("4.99"),
        Decimal("30"),
    )
    assert promo.valid_from == datetime(2026, 3, 1, tzinfo=UTC)
    assert promo.valid_until == datetime.combine(date(2026, 3, 31), time.max, tzinfo=UTC)
    assert (promo.max_uses, promo.max_uses_per_client, promo.uses_count) == (500, None, 0)

    with pytest.raises(InputRejected, match="promo-admin-error-code-taken"):
        await parse_draft_field("code", "Spring", {})
    with pytest.raises(InputRejected, match="promo-admin-error-code-taken"):
        await create_promo(PromoDraft.from_dict(draft))
    assert await PromoCode.all().count() == 1


async def test_a_percent_code_has_no_currency(db: None) -> None:
    promo = await create_promo(PromoDraft("TEN", PromoKind.PERCENT, Decimal("10")))
    assert (await PromoCode.get(id=promo.id)).currency is None


async def test_list_puts_active_codes_first_and_usage_is_paged(db: None) -> None:
    old = await PromoCode.create(code="OLD", kind=PromoKind.PERCENT, value=Decimal("5"))
    new = await PromoCode.create(code="NEW", kind=PromoKind.PERCENT, value=Decimal("5"))
    await set_promo_active(old.id, False)
    await set_promo_active(new.id, True)
    page = await promo_page(0)
    assert [p.code for p in page.items] == ["NEW", "OLD"]

    buyer = await Client.create(telegram_id=7, first_name="Jan", custom_name="Pan Jan")
    for number in range(10):
        order = await Order.create(client=buyer if number else None, currency="USD", status="new")
        await PromoRedemption.create(
            promo=new,
            client=buyer if number else None,
            order=order,
            discount=Decimal(number + 1),
            currency="USD",
        )
    first = await redemptions_page(new.id, 0)
    second = await redemptions_page(new.id, 1)
    assert (first.total, first.pages, len(first.items), len(second.items)) == (10, 2, 8, 2)
    assert first.items[0].client_name == "Pan Jan"
    assert first.items[0].discount == Decimal("10.00")
    assert second.items[-1].client_name is None
