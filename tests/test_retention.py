"""Retention: the dry-run count and the daily job anonymizing exactly the due clients."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.retention_job import RetentionJob
from bot.services.client_profile import Actor
from bot.services.retention import (
    CHANGED,
    RUN,
    claim_daily_run,
    cutoff_of,
    dry_run,
    get_policy,
    run_if_due,
    run_retention,
    save_policy,
)
from bot.services.roles import AccessDenied, Role
from models import AuditEntry, Client, Order, OrderStatus

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
OWNER_TG = 900_001
OWNER = Actor(
    role=Role.OWNER, client_id=None, telegram_id=OWNER_TG, owner_ids=frozenset({OWNER_TG})
)
MANAGER = Actor(role=Role.MANAGER, client_id=None, telegram_id=7)


async def people(now: datetime = NOW) -> dict[str, Client]:
    """Who is due after 3 years of inactivity, and who is not (and why)."""
    years_ago_4 = now - timedelta(days=4 * 366)
    last_month = now - timedelta(days=30)

    async def make(name: str, **fields: object) -> Client:
        client = await Client.create(first_name=name, **fields)
        if "created_at" in fields:  # auto_now_add ignores a given value
            await Client.filter(id=client.id).update(created_at=fields["created_at"])
        return client

    old = {"created_at": years_ago_4}
    made = {
        "gone": await make("Gone", last_seen_at=years_ago_4, **old),
        "never_seen_old": await make("Never", **old),
        "old_order": await make("Bought", last_seen_at=years_ago_4, last_order_at=years_ago_4),
        "seen": await make("Seen", last_seen_at=last_month, **old),
        "ordered": await make("Ordered", last_seen_at=years_ago_4, last_order_at=last_month),
        "open_order": await make("Waiting", last_seen_at=years_ago_4, **old),
        "manager": await make("Staff", last_seen_at=years_ago_4, is_manager=True, **old),
        "owner": await make("Owner", telegram_id=OWNER_TG, last_seen_at=years_ago_4, **old),
        "new": await make("New"),
    }
    await Order.create(client=made["open_order"], status=OrderStatus.SHIPPED, currency="USD")
    await Order.create(client=made["gone"], status=OrderStatus.DELIVERED, currency="USD")
    return made


DUE = {"gone", "never_seen_old", "old_order"}


async def anonymized_names(made: dict[str, Client]) -> set[str]:
    ids = set(await Client.filter(anonymized_at__isnull=False).values_list("id", flat=True))
    return {name for name, client in made.items() if client.id in ids}


async def test_dry_run_counts_exactly_the_due_clients(db: None) -> None:
    made = await people()
    assert await dry_run(3, {OWNER_TG}, NOW) == len(DUE)
    assert await dry_run(10, {OWNER_TG}, NOW) == 0
    assert await anonymized_names(made) == set()  # a dry run changes nothing


async def test_the_run_anonymizes_exactly_the_due_clients(db: None) -> None:
    made = await people()
    run = await run_retention(3, {OWNER_TG}, NOW, batch=2)  # several batches
    assert (run.anonymized, run.skipped) == (len(DUE), 0)
    assert await anonymized_names(made) == DUE
    assert await dry_run(3, {OWNER_TG}, NOW) == 0
    entry = await AuditEntry.get(action=RUN)
    assert entry.details == {"years": 3, "anonymized": 3, "skipped": 0}
    triggers = await AuditEntry.filter(action="client_anonymized").values_list("details", flat=True)
    assert [details["trigger"] for details in triggers] == ["retention"] * 3


async def test_off_by_default_owners_only_and_audited(db: None) -> None:
    assert await get_policy() == await get_policy()
    assert not (await get_policy()).enabled
    with pytest.raises(AccessDenied):
        await save_policy(MANAGER, True, 3)
    with pytest.raises(ValueError):
        await save_policy(OWNER, True, 11)
    policy = await save_policy(OWNER, True, 5)
    assert (policy.enabled, policy.years) == (True, 5)
    assert (await AuditEntry.get(action=CHANGED)).details == {"enabled": True, "years": 5}


async def test_the_daily_run_happens_once_a_day(db: None) -> None:
    made = await people()
    assert await run_if_due({OWNER_TG}, NOW) is None  # off: nothing
    await save_policy(OWNER, True, 3)
    first = await run_if_due({OWNER_TG}, NOW)
    assert first is not None and first.anonymized == len(DUE)
    assert await claim_daily_run(NOW + timedelta(hours=23)) is None
    assert await claim_daily_run(NOW + timedelta(hours=24)) is not None
    assert await anonymized_names(made) == DUE


async def test_the_job_checks_and_stops(db: None) -> None:
    await save_policy(OWNER, True, 3)
    made = await people(datetime.now(UTC))
    job = RetentionJob({OWNER_TG})
    await job.check()  # the real clock
    assert await anonymized_names(made) == DUE
    assert await AuditEntry.filter(action=RUN).count() == 1
    job.start()
    await job.stop()


def test_cutoff_handles_leap_days() -> None:
    assert cutoff_of(1, datetime(2028, 2, 29, tzinfo=UTC)) == datetime(2027, 2, 28, tzinfo=UTC)


async def test_a_client_active_after_being_picked_is_skipped(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = await people()
    from bot.services import retention

    original = retention.anonymize

    async def writes_meanwhile(client_id: int, *args: object) -> object:
        if client_id == made["gone"].id:  # a message arrives between the pick and the lock
            await Client.filter(id=client_id).update(last_seen_at=NOW)
        return await original(client_id, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(retention, "anonymize", writes_meanwhile)
    run = await run_retention(3, {OWNER_TG}, NOW)
    assert (run.anonymized, run.skipped) == (len(DUE) - 1, 1)
    assert await anonymized_names(made) == DUE - {"gone"}
