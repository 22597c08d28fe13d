"""The shop's analytics against the real database, its cache, and the charts' PNG."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PIL import Image

from bot.services import shop_analytics as service
from bot.services.charts import BarChart, bar_chart_png
from bot.services.shop_analytics import (
    Period,
    compute_shop_analytics,
    forget_shop_analytics,
    recount_in_progress,
    refresh_shop_analytics,
    shop_analytics,
)
from models import Client, OrderStatus, Tag
from tests.analytics_data import place
from tests.shop_fixtures import make_client

S = OrderStatus
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def no_cache() -> None:
    forget_shop_analytics()


async def registered(telegram_id: int, at: datetime, **fields: object) -> Client:
    client = await make_client(telegram_id, **fields)
    await Client.filter(id=client.id).update(created_at=at)
    return client


async def test_clients_by_source_and_new_clients_per_week(db: None) -> None:
    for n in range(3):
        await registered(600 + n, NOW - timedelta(days=1), source="instagram")
    await registered(610, NOW - timedelta(days=7), source="telegram")  # the previous Monday
    await registered(611, NOW - timedelta(days=8), source="telegram")
    await registered(612, NOW - timedelta(weeks=13), source="manual")  # before the chart
    await registered(613, NOW, source="manual", anonymized_at=NOW)  # not counted

    snapshot = await compute_shop_analytics(NOW)

    assert snapshot.clients == 6
    assert snapshot.sources == [("instagram", 3), ("telegram", 2), ("manual", 1)]
    assert snapshot.other_sources == 0
    weeks = dict(snapshot.new_clients)
    assert len(weeks) == 12
    assert min(weeks) == date(2026, 9, 7)
    assert weeks[date(2026, 11, 23)] == 0  # the anonymized one
    assert weeks[date(2026, 11, 16)] == 4  # Sun 22nd (x3) and Mon 16th
    assert weeks[date(2026, 11, 9)] == 1
    assert sum(weeks.values()) == 5


async def test_revenue_per_month_and_average_check_per_period(db: None) -> None:
    client = await make_client(620)
    item = [(None, "Thing", 1, "10.00")]
    await place(client, S.DELIVERED, NOW - timedelta(days=2), [(None, "Thing", 3, "10.00")])
    await place(client, S.NEW, NOW - timedelta(days=45), item)
    await place(client, S.SHIPPED, datetime(2026, 1, 15, tzinfo=UTC), item)
    await place(client, S.DELIVERED, datetime(2024, 5, 5, tzinfo=UTC), [(None, "Old", 1, "70")])
    await place(client, S.CANCELLED, NOW - timedelta(days=1), [(None, "No", 9, "100")])
    await place(client, S.CART, None, [(None, "No", 9, "100")])
    await place(client, S.DELIVERED, NOW - timedelta(days=3), item, "PLN")

    snapshot = await compute_shop_analytics(NOW)

    def averages(period: Period) -> dict[str, tuple[int, Decimal, Decimal]]:
        return {s.currency: (s.orders, s.total, s.average) for s in snapshot.averages[period]}

    assert averages(Period.DAYS_30) == {
        "USD": (1, Decimal("30.00"), Decimal("30.00")),
        "PLN": (1, Decimal("10.00"), Decimal("10.00")),
    }
    assert averages(Period.DAYS_90)["USD"] == (2, Decimal("40.00"), Decimal("20.00"))
    assert averages(Period.MONTHS_12)["USD"] == (3, Decimal("50.00"), Decimal("16.67"))
    assert averages(Period.ALL)["USD"] == (4, Decimal("120.00"), Decimal("30.00"))
    revenue = snapshot.revenue
    assert revenue.months[0] == date(2025, 12, 1)
    usd = dict(zip(revenue.months, revenue.amounts["USD"], strict=True))
    assert usd[date(2026, 11, 1)] == Decimal("30.00")
    assert usd[date(2026, 10, 1)] == Decimal("10.00")
    assert usd[date(2026, 1, 1)] == Decimal("10.00")
    assert sum(revenue.amounts["USD"]) == Decimal("50.00")
    assert sum(revenue.amounts["PLN"]) == Decimal("10.00")


async def test_top_tags_and_top_referrers(db: None) -> None:
    vip = await Tag.create(name="VIP", name_folded="vip")
    opt = await Tag.create(name="Hurt", name_folded="hurt")
    await Tag.create(name="unused", name_folded="unused")
    anna = await make_client(630, custom_name="Anna")
    gone = await make_client(631, anonymized_at=NOW)
    for n in range(3):
        friend = await make_client(640 + n, referrer_id=anna.id)
        await friend.tags.add(vip)
        if n:
            await friend.tags.add(opt)
    await make_client(650, referrer_id=gone.id)

    snapshot = await compute_shop_analytics(NOW)

    assert snapshot.top_tags == [("VIP", 3), ("Hurt", 2)]
    referrers = [(r.client_id, r.name, r.anonymized, r.referrals) for r in snapshot.top_referrers]
    # the screen names an anonymized referrer by id only (analytics-anonymized-name)
    assert referrers == [(anna.id, "Anna", False, 3), (gone.id, f"🕶 #{gone.id}", True, 1)]


async def test_the_figures_are_cached_as_of_a_moment(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_client(660)
    first = await shop_analytics()
    await make_client(661)
    assert await shop_analytics() is first  # a tap reads the snapshot
    assert await refresh_shop_analytics() is first  # too young to recount
    monkeypatch.setattr(service, "REFRESH_AFTER_SECONDS", 0.0)
    refreshed = await refresh_shop_analytics()
    assert refreshed.clients == 2
    assert refreshed.as_of >= first.as_of
    assert await shop_analytics() is refreshed


async def test_an_old_snapshot_is_shown_while_a_new_one_is_counted(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_client(670)
    first = await shop_analytics()
    assert recount_in_progress() is None
    await make_client(671)
    monkeypatch.setattr(service, "CACHE_SECONDS", 0.0)

    assert await shop_analytics() is first  # no wait: the old figures, as of their time
    recount = recount_in_progress()
    assert recount is not None
    assert await shop_analytics() is first  # one recount at a time
    assert recount_in_progress() is recount
    fresh = await recount
    assert fresh.clients == 2
    monkeypatch.setattr(service, "CACHE_SECONDS", 600.0)
    assert await shop_analytics() is fresh
    assert recount_in_progress() is None


def test_a_chart_is_a_png_of_the_expected_size() -> None:
    chart = BarChart(
        title="Траты по месяцам, żółć",
        labels=[f"m{n}" for n in range(12)],
        series={"USD": [Decimal(n) for n in range(12)], "PLN": [Decimal(1)] * 12},
    )
    png = bar_chart_png(chart)
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (880, 495)
    counts = bar_chart_png(BarChart("New", ["a", "b"], {"": [0, 3]}))
    assert counts.startswith(PNG_SIGNATURE)
