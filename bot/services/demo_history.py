"""Demo orders' status history, walked along the order service's own transitions.

`fill_demo_shop` writes orders in bulk (one service call per order would make a big demo
shop take minutes), so it cannot move each order through `change_status`; instead every
step it records is one `TRANSITIONS` allows, in the order the service would take them,
and the order's `version` counts them as the service's guarded updates would.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from itertools import pairwise

from bot.services.orders import TRANSITIONS, allowed_next
from models import OrderStatus, OrderStatusChange

S = OrderStatus
# how long after the previous step each status is reached, in hours (low, high)
STEP_HOURS = {S.CONFIRMED: (1, 24), S.SHIPPED: (12, 72), S.DELIVERED: (24, 120)}
CANCEL_HOURS = (1, 72)


def forward_path() -> list[OrderStatus]:
    """new -> ... -> the last status, never through a cancellation."""
    path = [S.NEW]
    while steps := [s for s in allowed_next(path[-1]) if s is not S.CANCELLED]:
        path.append(steps[0])
    return path


def status_path(final: OrderStatus, rng: random.Random) -> list[OrderStatus]:
    """The statuses an order placed as `new` went through to reach `final`."""
    forward = forward_path()
    if final is not S.CANCELLED:
        return forward[: forward.index(final) + 1]
    cancellable = [s for s in forward if S.CANCELLED in TRANSITIONS[s]]
    # most cancellations happen early
    stop = rng.choices(cancellable, weights=range(len(cancellable), 0, -1))[0]
    return [*forward[: forward.index(stop) + 1], S.CANCELLED]


def status_history(
    order_id: int,
    final: OrderStatus,
    placed_at: datetime,
    now: datetime,
    rng: random.Random,
    staff: list[int],
) -> list[OrderStatusChange]:
    """The rows `record_placement` and `change_status` would have left, with their times."""
    rows = [
        OrderStatusChange(
            order_id=order_id,
            from_status=S.CART,
            to_status=S.NEW,
            changed_by_id=None,
            created_at=placed_at,
        )
    ]
    at = placed_at
    for before, after in pairwise(status_path(final, rng)):
        if after not in TRANSITIONS[before]:
            raise AssertionError(f"not a legal step: {before} -> {after}")
        low, high = STEP_HOURS.get(after, CANCEL_HOURS)
        at = min(now, at + timedelta(hours=rng.uniform(low, high)))
        rows.append(
            OrderStatusChange(
                order_id=order_id,
                from_status=before,
                to_status=after,
                changed_by_id=rng.choice(staff) if staff else None,
                created_at=at,
            )
        )
    return rows
