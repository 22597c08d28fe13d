"""Deliveries as a work queue: claims with a lease, results recorded in batches.

On PostgreSQL a claim takes pending rows with `FOR UPDATE SKIP LOCKED`, so several
workers never take the same row; every claim carries a lease (who, until when), and a
row whose lease ran out (its worker died) is pending for anyone again. On SQLite (one
process) the same UPDATE without the lock clause does. Each query handles a batch:
the sender spends about three queries per batch of results, not per recipient.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.services.broadcast_recipients import Params, connection, dialect
from models import BroadcastDelivery, DeliveryStatus

PENDING, SENT = DeliveryStatus.PENDING.value, DeliveryStatus.SENT.value
FAILED = DeliveryStatus.FAILED.value


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    chat_id: int


@dataclass(frozen=True, slots=True)
class Failure:
    id: int
    chat_id: int
    error: str
    attempts: int
    bot_blocked: bool = False


def _when(value: datetime) -> Any:
    """A datetime as tortoise stores it in this database (text on SQLite)."""
    field = BroadcastDelivery._meta.fields_map["claimed_until"]
    return field.to_db_value(value, BroadcastDelivery)


async def claim(
    broadcast_id: int, worker: str, limit: int, now: datetime, until: datetime
) -> list[Claimed]:
    """Up to `limit` pending deliveries nobody holds a live lease on, leased to `worker`."""
    p = Params(dialect())
    lock = " FOR UPDATE SKIP LOCKED" if p.postgres else ""
    sql = (
        f"UPDATE broadcast_deliveries SET claimed_by = {p(worker)}, "
        f"claimed_until = {p(_when(until))} WHERE id IN ("
        f"SELECT id FROM broadcast_deliveries WHERE broadcast_id = {p(broadcast_id)} "
        f"AND status = {p(PENDING)} "
        f"AND (claimed_until IS NULL OR claimed_until < {p(_when(now))}) "
        f"ORDER BY id LIMIT {int(limit)}{lock}) RETURNING id, chat_id"
    )
    rows = await connection().execute_query_dict(sql, p.values)
    claimed = [Claimed(int(row["id"]), int(row["chat_id"])) for row in rows]
    return sorted(claimed, key=lambda c: c.id)


async def record_sent(sent: Sequence[tuple[int, int]], now: datetime) -> None:
    """(delivery id, Telegram message id) pairs: sent, lease dropped. One query."""
    if not sent:
        return
    p = Params(dialect())  # placeholders in the order they appear: `?` is positional
    head = (
        f"UPDATE broadcast_deliveries SET status = {p(SENT)}, sent_at = {p(_when(now))}, "
        "attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, "
    )
    cases = " ".join(f"WHEN {p(d_id)} THEN CAST({p(m_id)} AS BIGINT)" for d_id, m_id in sent)
    ids = ", ".join(p(delivery_id) for delivery_id, _ in sent)
    sql = f"{head}telegram_message_id = CASE id {cases} END WHERE id IN ({ids})"
    await connection().execute_query(sql, p.values)


async def record_failed(failures: Sequence[Failure]) -> None:
    """Each failure with its error text and attempts; a 403 marks the client bot-blocked."""
    db = connection()
    for failure in failures:
        p = Params(dialect())
        await db.execute_query(
            f"UPDATE broadcast_deliveries SET status = {p(FAILED)}, "
            f"error = {p(failure.error)}, "
            f"attempts = attempts + CAST({p(failure.attempts)} AS INTEGER), "
            f"claimed_by = NULL, claimed_until = NULL WHERE id = {p(failure.id)}",
            p.values,
        )
    blocked = sorted({f.chat_id for f in failures if f.bot_blocked})
    if blocked:
        p = Params(dialect())
        marks = ", ".join(p(chat_id) for chat_id in blocked)
        await db.execute_query(
            f"UPDATE clients SET bot_blocked = TRUE WHERE telegram_id IN ({marks}) "
            "AND anonymized_at IS NULL",
            p.values,
        )


async def release(ids: Sequence[int], worker: str) -> None:
    """Gives back claims that were not sent (pause, stop): pending for anyone at once."""
    if not ids:
        return
    p = Params(dialect())
    marks = ", ".join(p(delivery_id) for delivery_id in ids)
    await connection().execute_query(
        "UPDATE broadcast_deliveries SET claimed_by = NULL, claimed_until = NULL "
        f"WHERE id IN ({marks}) AND claimed_by = {p(worker)} AND status = {p(PENDING)}",
        p.values,
    )


async def pending_left(broadcast_id: int) -> bool:
    return await BroadcastDelivery.exists(broadcast_id=broadcast_id, status=DeliveryStatus.PENDING)
