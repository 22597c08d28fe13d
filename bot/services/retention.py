"""Data retention (GDPR storage limitation): clients inactive for N years are anonymized.

Off by default. The owners' policy is the `Setting` row `retention`:
`{"enabled": bool, "years": 1-10, "last_run_at": ISO time or null}`. A client is due when
not anonymized, not staff, not seen since the cutoff (or, never seen, created before it),
with no order since the cutoff and no open order. The daily job (`bot.retention_job`)
claims the day's run in the database, so one worker of many runs it, and anonymizes the
due clients in batches, each in its own transaction, through `bot.services.anonymize`.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from bot.services.anonymize import (
    AnonymizeRefused,
    ErasureIncomplete,
    Forget,
    Trigger,
    anonymize,
)
from bot.services.audit import record_audit
from bot.services.client_profile import Actor, ClientAnonymized, ClientNotFound
from bot.services.erasure import OPEN_ORDER_STATUSES
from bot.services.roles import Role, require_owner
from models import Client, Order, Setting

logger = logging.getLogger(__name__)

KEY = "retention"
MIN_YEARS, MAX_YEARS, DEFAULT_YEARS = 1, 10, 3
RUN_EVERY = timedelta(days=1)
BATCH = 200
CHANGED = "settings_retention_changed"
RUN = "retention_run"


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    enabled: bool = False
    years: int = DEFAULT_YEARS
    last_run_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RetentionRun:
    anonymized: int
    skipped: int


def cutoff_of(years: int, now: datetime) -> datetime:
    """`years` calendar years before `now` (29 February becomes the 28th)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


async def get_policy() -> RetentionPolicy:
    row = await Setting.get_or_none(key=KEY)
    value = row.value if row is not None and isinstance(row.value, dict) else {}
    years = value.get("years")
    last = value.get("last_run_at")
    return RetentionPolicy(
        enabled=value.get("enabled") is True,
        years=years
        if isinstance(years, int) and MIN_YEARS <= years <= MAX_YEARS
        else DEFAULT_YEARS,
        last_run_at=datetime.fromisoformat(last) if isinstance(last, str) else None,
    )


def _stored(policy: RetentionPolicy) -> dict[str, object]:
    last = policy.last_run_at.isoformat() if policy.last_run_at else None
    return {"enabled": policy.enabled, "years": policy.years, "last_run_at": last}


async def save_policy(actor: Actor, enabled: bool, years: int) -> RetentionPolicy:
    """Owners only; audited (the values, nothing personal)."""
    require_owner(actor.role)
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValueError(f"years out of range: {years}")
    async with in_transaction():
        old = await get_policy()
        policy = RetentionPolicy(enabled=enabled, years=years, last_run_at=old.last_run_at)
        await Setting.update_or_create(defaults={"value": _stored(policy)}, key=KEY)
        await record_audit(
            actor_id=actor.client_id,
            actor_telegram_id=actor.telegram_id,
            client_id=None,
            action=CHANGED,
            details={"enabled": enabled, "years": years},
        )
    return policy


def due_clients(years: int, now: datetime, owner_ids: Collection[int]) -> QuerySet[Client]:
    cutoff = cutoff_of(years, now)
    open_orders = Order.filter(status__in=OPEN_ORDER_STATUSES, client_id__isnull=False)
    query = Client.filter(anonymized_at__isnull=True, is_manager=False, is_viewer=False).filter(
        Q(last_seen_at__lt=cutoff) | Q(last_seen_at__isnull=True, created_at__lt=cutoff),
        Q(last_order_at__isnull=True) | Q(last_order_at__lt=cutoff),
        id__not_in=Subquery(open_orders.values("client_id")),
    )
    if owner_ids:
        query = query.filter(Q(telegram_id__isnull=True) | ~Q(telegram_id__in=list(owner_ids)))
    return query


async def dry_run(years: int, owner_ids: Collection[int], now: datetime | None = None) -> int:
    """How many clients a run with this period would anonymize now."""
    return await due_clients(years, now or datetime.now(UTC), owner_ids).count()


async def run_retention(
    years: int,
    owner_ids: Collection[int],
    now: datetime | None = None,
    batch: int = BATCH,
    forget: Forget | None = None,
) -> RetentionRun:
    """Anonymize every due client, `batch` ids at a time; audited as one run."""
    now = now or datetime.now(UTC)
    system = Actor(
        role=Role.OWNER, client_id=None, telegram_id=None, owner_ids=frozenset(owner_ids)
    )
    anonymized = skipped = 0
    after = 0
    while (
        ids := await due_clients(years, now, owner_ids)
        .filter(id__gt=after)
        .order_by("id")
        .limit(batch)
        .values_list("id", flat=True)
    ):
        for client_id in ids:
            try:
                await anonymize(
                    client_id, system, Trigger.RETENTION, now, cutoff_of(years, now), forget
                )
                anonymized += 1
            except (AnonymizeRefused, ClientAnonymized, ClientNotFound, ErasureIncomplete) as err:
                # became active, got an order or was handled meanwhile; the ids say nothing
                logger.warning("retention skipped client %s: %s", client_id, type(err).__name__)
                skipped += 1
        after = ids[-1]
    await record_audit(
        actor_id=None,
        actor_telegram_id=None,
        client_id=None,
        action=RUN,
        details={"years": years, "anonymized": anonymized, "skipped": skipped},
    )
    return RetentionRun(anonymized=anonymized, skipped=skipped)


def _due(policy: RetentionPolicy, now: datetime) -> bool:
    if not policy.enabled:
        return False
    return policy.last_run_at is None or now - policy.last_run_at >= RUN_EVERY


async def claim_daily_run(now: datetime) -> RetentionPolicy | None:
    """The policy when a run is due now and this caller got it (the run time is written
    first, in a locked transaction, so two workers never both run); else None."""
    if not _due(await get_policy(), now):
        return None  # the hourly look while off or not due: one read, no transaction
    async with in_transaction():
        row = await Setting.filter(key=KEY).select_for_update().first()
        if row is None:
            return None
        policy = await get_policy()
        if not _due(policy, now):
            return None
        claimed = RetentionPolicy(enabled=True, years=policy.years, last_run_at=now)
        row.value = _stored(claimed)
        await row.save(update_fields=["value"])
    return claimed


async def run_if_due(
    owner_ids: Collection[int], now: datetime | None = None, forget: Forget | None = None
) -> RetentionRun | None:
    now = now or datetime.now(UTC)
    policy = await claim_daily_run(now)
    if policy is None:
        return None
    return await run_retention(policy.years, owner_ids, now, forget=forget)
