"""Broadcasts: composition, the recipients snapshot, the state machine and the totals.

A broadcast is `queued` while its recipients are copied into `broadcast_deliveries`
(one row per client, in chunks, resumable), then `running` until no delivery is
pending (`done`), with `paused` and `cancelled` on a manager's word. Totals are
counted from the deliveries (GROUP BY status), never incremented on the broadcast's
row. The sending itself (Telegram) is `bot.broadcast_runner`; this module has the
claims and the bookkeeping it calls.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from bot.services.broadcast_recipients import Params, Segment, connection, dialect, recipients_sql
from bot.services.roles import Role, require_editor, require_owner, require_staff
from models import (
    AuditEntry,
    Broadcast,
    BroadcastDelivery,
    BroadcastStatus,
    Client,
    DeliveryStatus,
    SavedSegment,
    Setting,
)

RATE_SETTING = "broadcast_rate"
DEFAULT_RATE = 25.0
MIN_RATE, MAX_RATE = 1.0, 1000.0
SNAPSHOT_CHUNK = 1000
MAX_TEXT = 4096
MAX_CAPTION = 1024
ERROR_LENGTH = 500
ACTIVE = (BroadcastStatus.QUEUED, BroadcastStatus.RUNNING)
FINAL = (BroadcastStatus.DONE, BroadcastStatus.CANCELLED)


class BroadcastInvalid(ValueError):
    """The message cannot be sent as composed (`reason`: empty, too_long, no_recipients)."""

    def __init__(self, reason: str, limit: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.limit = reason, limit


@dataclass(frozen=True, slots=True)
class Totals:
    pending: int = 0
    sent: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.pending + self.sent + self.failed + self.skipped

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.skipped


@dataclass(frozen=True, slots=True)
class BroadcastView:
    broadcast: Broadcast
    totals: Totals


def now_utc() -> datetime:
    return datetime.now(UTC)


# --- composing --------------------------------------------------------------------------------


def check_message(text: str | None, photo_file_id: str | None) -> str | None:
    """The text (HTML) as it will be sent; raises `BroadcastInvalid` when it cannot be."""
    text = (text or "").strip() or None
    if text is None and photo_file_id is None:
        raise BroadcastInvalid("empty")
    limit = MAX_CAPTION if photo_file_id else MAX_TEXT
    if text is not None and len(text) > limit:
        raise BroadcastInvalid("too_long", limit)
    return text


async def saved_segment_choice(segment: Segment, saved_id: int | None) -> Segment:
    """The segment with a saved segment picked (its filters frozen now), or dropped."""
    if saved_id is None:
        return replace(segment, saved_id=None, saved_name=None, saved_filters={})
    saved = await SavedSegment.get_or_none(id=saved_id)
    if saved is None:
        return segment
    filters = saved.filters if isinstance(saved.filters, dict) else {}
    return replace(segment, saved_id=saved.id, saved_name=saved.name, saved_filters=filters)


async def saved_segments() -> list[SavedSegment]:
    return await SavedSegment.all().order_by("name").limit(30)


async def start_broadcast(
    author: Client | None,
    role: Role,
    *,
    text: str | None,
    photo_file_id: str | None,
    segment: Segment,
    progress_chat_id: int | None,
) -> Broadcast:
    """Creates the broadcast, snapshots its recipients and sets it running."""
    require_editor(role)
    text = check_message(text, photo_file_id)
    broadcast = await Broadcast.create(
        created_by=author,
        text=text,
        photo_file_id=photo_file_id,
        segment=segment.to_dict(),
        status=BroadcastStatus.QUEUED,
        progress_chat_id=progress_chat_id,
    )
    await AuditEntry.create(
        actor=author,
        actor_telegram_id=author.telegram_id if author else None,
        action="broadcast_started",
        details={"broadcast_id": broadcast.id},
    )
    await prepare(broadcast)
    return broadcast


async def prepare(broadcast: Broadcast) -> None:
    """Copies the recipients into deliveries (resuming a snapshot a crash cut short) and
    sets a queued broadcast running; with nobody to reach, it is done at once."""
    total = await snapshot_recipients(broadcast)
    now = now_utc()
    await Broadcast.filter(id=broadcast.id, status=BroadcastStatus.QUEUED).update(
        status=BroadcastStatus.RUNNING, total=total, started_at=now
    )
    await finish_if_done(broadcast.id)
    await broadcast.refresh_from_db()


async def snapshot_recipients(broadcast: Broadcast) -> int:
    """INSERT ... SELECT in chunks of `SNAPSHOT_CHUNK` clients by id; a second run (after a
    crash, or by another worker) goes on after the last client copied. Returns the total."""
    segment = Segment.from_dict(broadcast.segment)
    db = connection()
    rows = await db.execute_query_dict(
        "SELECT MAX(client_id) AS last FROM broadcast_deliveries WHERE broadcast_id = "
        + ("$1" if dialect() == "postgres" else "?"),
        [broadcast.id],
    )
    after = rows[0]["last"] or 0
    while True:
        p = Params(dialect())  # placeholders in the order they appear: `?` is positional
        bid, status = p(broadcast.id), p(DeliveryStatus.PENDING.value)
        where = " AND ".join([*recipients_sql(segment, p), f"c.id > {p(after)}"])
        copied = await db.execute_query_dict(
            "INSERT INTO broadcast_deliveries (broadcast_id, client_id, chat_id, status, attempts) "
            f"SELECT {bid}, c.id, c.telegram_id, {status}, 0 FROM clients c WHERE {where} "
            f"ORDER BY c.id LIMIT {SNAPSHOT_CHUNK} "
            "ON CONFLICT DO NOTHING RETURNING client_id",
            p.values,
        )
        if not copied:
            break
        after = max(row["client_id"] for row in copied)
    return await broadcast.deliveries.all().count()


# --- the state machine ------------------------------------------------------------------------


async def _transition(
    broadcast_id: int,
    role: Role,
    author: Client | None,
    allowed: tuple[BroadcastStatus, ...],
    to: BroadcastStatus,
) -> bool:
    require_editor(role)
    values: dict[str, object] = {"status": to}
    if to is BroadcastStatus.CANCELLED:
        values["finished_at"] = now_utc()
    async with in_transaction():
        changed = await Broadcast.filter(id=broadcast_id, status__in=allowed).update(**values)
        if not changed:
            return False
        if to is BroadcastStatus.CANCELLED:
            await BroadcastDelivery.filter(
                broadcast_id=broadcast_id, status=DeliveryStatus.PENDING
            ).update(status=DeliveryStatus.SKIPPED, claimed_by=None, claimed_until=None)
        await AuditEntry.create(
            actor=author,
            actor_telegram_id=author.telegram_id if author else None,
            action=f"broadcast_{to.value}",
            details={"broadcast_id": broadcast_id},
        )
    if to is BroadcastStatus.CANCELLED:
        await store_totals(broadcast_id)
    return True


async def pause(broadcast_id: int, role: Role, author: Client | None = None) -> bool:
    return await _transition(
        broadcast_id, role, author, (BroadcastStatus.RUNNING,), BroadcastStatus.PAUSED
    )


async def resume(broadcast_id: int, role: Role, author: Client | None = None) -> bool:
    return await _transition(
        broadcast_id, role, author, (BroadcastStatus.PAUSED,), BroadcastStatus.RUNNING
    )


async def cancel(broadcast_id: int, role: Role, author: Client | None = None) -> bool:
    allowed = (BroadcastStatus.QUEUED, BroadcastStatus.RUNNING, BroadcastStatus.PAUSED)
    return await _transition(broadcast_id, role, author, allowed, BroadcastStatus.CANCELLED)


async def finish_if_done(broadcast_id: int) -> bool:
    """A running broadcast without pending deliveries is done (once: the first caller)."""
    if await BroadcastDelivery.exists(broadcast_id=broadcast_id, status=DeliveryStatus.PENDING):
        return False
    changed = await Broadcast.filter(id=broadcast_id, status=BroadcastStatus.RUNNING).update(
        status=BroadcastStatus.DONE, finished_at=now_utc()
    )
    if changed:
        await store_totals(broadcast_id)
    return bool(changed)


async def set_progress_message(broadcast_id: int, message_id: int) -> None:
    await Broadcast.filter(id=broadcast_id).update(progress_message_id=message_id)


# --- reading ----------------------------------------------------------------------------------


async def totals(broadcast_id: int) -> Totals:
    p = Params(dialect())
    rows = await connection().execute_query_dict(
        "SELECT status, COUNT(*) AS n FROM broadcast_deliveries "
        f"WHERE broadcast_id = {p(broadcast_id)} GROUP BY status",
        p.values,
    )
    counts = {row["status"]: int(row["n"]) for row in rows}
    return Totals(**{status.value: counts.get(status.value, 0) for status in DeliveryStatus})


async def store_totals(broadcast_id: int) -> None:
    """A finished broadcast keeps its totals on its row for the history list."""
    counted = await totals(broadcast_id)
    await Broadcast.filter(id=broadcast_id).update(
        total=counted.total, sent=counted.sent, failed=counted.failed
    )


async def broadcast_view(broadcast_id: int, role: Role) -> BroadcastView | None:
    require_staff(role)
    broadcast = await Broadcast.get_or_none(id=broadcast_id)
    if broadcast is None:
        return None
    return BroadcastView(broadcast, await totals(broadcast_id))


async def history(role: Role, limit: int = 10) -> list[BroadcastView]:
    """The latest broadcasts; finished ones with their stored totals, live ones counted."""
    require_staff(role)
    broadcasts = await Broadcast.all().order_by("-id").limit(limit)
    views = []
    for b in broadcasts:
        if b.status in FINAL:
            counted = Totals(sent=b.sent, failed=b.failed, skipped=b.total - b.sent - b.failed)
        else:
            counted = await totals(b.id)
        views.append(BroadcastView(b, counted))
    return views


async def active_broadcast_ids() -> list[int]:
    """Broadcasts a sender should work on (queued: the snapshot may need finishing)."""
    return await Broadcast.filter(status__in=ACTIVE).order_by("id").values_list("id", flat=True)


# --- settings ---------------------------------------------------------------------------------


def clamp_rate(value: object) -> float:
    try:
        rate = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_RATE
    if rate != rate:  # NaN
        return DEFAULT_RATE
    return min(MAX_RATE, max(MIN_RATE, rate))


async def broadcast_rate() -> float:
    setting = await Setting.get_or_none(key=RATE_SETTING)
    return clamp_rate(setting.value) if setting else DEFAULT_RATE


def parse_rate(text: str | None) -> float:
    """A typed rate ("25", "12.5", "12,5"); out of range or not a number: `ValueError`."""
    rate = float((text or "").strip().replace(",", ".", 1))
    if not (MIN_RATE <= rate <= MAX_RATE):  # also False for NaN
        raise ValueError(text)
    return rate


async def set_broadcast_rate(rate: float, role: Role) -> float:
    """Owners only; a value out of range raises `ValueError`."""
    require_owner(role)
    if not (MIN_RATE <= rate <= MAX_RATE):
        raise ValueError(rate)
    await Setting.update_or_create(key=RATE_SETTING, defaults={"value": rate})
    return rate
