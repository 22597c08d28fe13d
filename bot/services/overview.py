"""The desk's first screen: how the client base is doing, in numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from models import Client


@dataclass(frozen=True, slots=True)
class DeskOverview:
    clients: int
    new_today: int
    active_week: int
    blocked: int
    staff: int


async def desk_overview(now: datetime | None = None) -> DeskOverview:
    now = now or datetime.now(UTC)
    start_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    people = Client.filter(anonymized_at=None)
    return DeskOverview(
        clients=await people.count(),
        new_today=await people.filter(created_at__gte=start_of_day).count(),
        active_week=await people.filter(last_seen_at__gte=now - timedelta(days=7)).count(),
        blocked=await people.filter(is_blocked=True).count(),
        staff=await people.filter(Q(is_manager=True) | Q(is_viewer=True)).count(),
    )
