"""The sending loop on the wire: aiogram's aiohttp session against the fake Bot API."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot

from bot.services import broadcast as service
from bot.services import broadcast_deliveries as deliveries
from bot.services.roles import Role
from models import Broadcast, BroadcastDelivery, BroadcastStatus, Client, DeliveryStatus
from tests.broadcast_data import (
    FakeClock,
    make_clients,
    make_excluded,
    new_broadcast,
    received,
    sender_for,
    wire_bot,
)
from tests.fakes.bot_api import FakeBotAPI


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    bot = wire_bot(api)
    yield bot
    await bot.session.close()


async def test_every_eligible_client_gets_exactly_one_message(
    db: None, api: FakeBotAPI, bot: Bot
) -> None:
    clients = await make_clients(30)
    excluded = await make_excluded()
    blocked, limited = clients[3].telegram_id, clients[7].telegram_id
    api.blocked_chats.add(blocked)
    api.fail_chat(limited, 429, retry_after=3)
    clock = FakeClock()

    broadcast = await new_broadcast("Sale <b>today</b> &amp; more")
    assert broadcast.total == 30
    status = await sender_for(bot, broadcast, clock).run()

    assert status is BroadcastStatus.DONE
    counts = Counter(received(api))
    expected = {c.telegram_id for c in clients} - {blocked}
    assert set(counts) == expected and set(counts.values()) == {1}
    asked = {r.params["chat_id"] for r in api.requests if r.method == "sendMessage"}
    assert not asked & set(excluded)
    sent_params = {
        (r.params["text"], r.params["parse_mode"])
        for r in api.requests
        if r.method == "sendMessage" and r.ok
    }
    assert sent_params == {("Sale <b>today</b> &amp; more", "HTML")}

    assert (await Client.get(telegram_id=blocked)).bot_blocked
    failed = await BroadcastDelivery.get(broadcast_id=broadcast.id, chat_id=blocked)
    assert failed.status is DeliveryStatus.FAILED and "blocked" in failed.error
    assert failed.attempts == 1
    retried = await BroadcastDelivery.get(broadcast_id=broadcast.id, chat_id=limited)
    assert retried.status is DeliveryStatus.SENT
    limited_requests = [r for r in api.requests if r.params.get("chat_id") == limited]
    assert [r.ok for r in limited_requests] == [False, True]
    assert any(s >= 2.9 for s in clock.sleeps)  # waited retry_after before the retry

    sent = await BroadcastDelivery.filter(broadcast_id=broadcast.id, status="sent")
    by_chat = {r.result["chat"]["id"]: r.result["message_id"] for r in api.requests if r.ok}
    assert all(d.telegram_message_id == by_chat[d.chat_id] for d in sent)
    assert all(d.claimed_by is None for d in sent)
    final = await Broadcast.get(id=broadcast.id)
    assert (final.status, final.total, final.sent, final.failed) == ("done", 30, 29, 1)
    assert await service.totals(broadcast.id) == service.Totals(sent=29, failed=1)


async def test_a_photo_goes_with_its_caption(db: None, api: FakeBotAPI, bot: Bot) -> None:
    clients = await make_clients(3)
    broadcast = await new_broadcast("New <i>collection</i>", photo="photo-file-id")
    await sender_for(bot, broadcast, FakeClock()).run()
    photos = [r for r in api.requests if r.method == "sendPhoto" and r.ok]
    assert sorted(r.result["chat"]["id"] for r in photos) == sorted(c.telegram_id for c in clients)
    assert {r.params["caption"] for r in photos} == {"New <i>collection</i>"}
    assert {r.params["photo"] for r in photos} == {"photo-file-id"}


async def test_other_errors_are_recorded_per_delivery(db: None, api: FakeBotAPI, bot: Bot) -> None:
    clients = await make_clients(4)
    api.fail_chat(clients[0].telegram_id, 400, "Bad Request: chat not found")
    api.fail_chat(clients[1].telegram_id, 500, "Internal Server Error", count=5)
    api.fail_chat(clients[2].telegram_id, 500, "Internal Server Error", count=1)
    broadcast = await new_broadcast()
    await sender_for(bot, broadcast, FakeClock()).run()

    rows = {d.chat_id: d for d in await BroadcastDelivery.filter(broadcast_id=broadcast.id)}
    not_found = rows[clients[0].telegram_id]
    assert (not_found.status, not_found.attempts) == ("failed", 1)
    assert "chat not found" in not_found.error
    server = rows[clients[1].telegram_id]
    assert (server.status, server.attempts) == ("failed", 3)
    assert rows[clients[2].telegram_id].status is DeliveryStatus.SENT  # second attempt
    assert rows[clients[3].telegram_id].status is DeliveryStatus.SENT
    assert not (await Client.get(telegram_id=clients[0].telegram_id)).bot_blocked


async def test_killed_midway_and_restarted_nobody_is_lost(
    db: None, api: FakeBotAPI, bot: Bot
) -> None:
    clients = await make_clients(200)
    broadcast = await new_broadcast()
    clock = FakeClock()
    first = sender_for(bot, broadcast, clock, worker="first", max_batch=50)
    task = asyncio.create_task(first.run())
    await api.wait_for("sendMessage", since=60)
    in_flight = len(first._in_http)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    before = len(received(api))
    assert 0 < before < 200

    second = sender_for(bot, broadcast, clock, worker="second", max_batch=50)
    assert await second.run() is BroadcastStatus.DONE

    counts = Counter(received(api))
    assert set(counts) == {c.telegram_id for c in clients}
    duplicates = sum(counts.values()) - len(counts)
    assert duplicates <= in_flight
    assert await service.totals(broadcast.id) == service.Totals(sent=200)


async def test_a_dead_workers_claims_are_taken_over_when_the_lease_ends(
    db: None, api: FakeBotAPI, bot: Bot
) -> None:
    clients = await make_clients(20)
    broadcast = await new_broadcast()
    clock = FakeClock()
    now = clock.now()
    dead = await deliveries.claim(broadcast.id, "dead", 5, now, now + service_lease(60))

    sender = sender_for(bot, broadcast, clock, worker="alive", lease=60, idle_wait=5)
    assert await sender.run() is BroadcastStatus.DONE

    counts = Counter(received(api))
    assert set(counts) == {c.telegram_id for c in clients}
    assert set(counts.values()) == {1}
    assert clock.now() - now >= service_lease(60)  # the dead worker's lease ran out first
    assert {d.chat_id for d in dead} <= set(counts)


def service_lease(seconds: float):
    from datetime import timedelta

    return timedelta(seconds=seconds)


async def test_two_senders_never_send_the_same_delivery(
    db: None, api: FakeBotAPI, bot: Bot
) -> None:
    """Two workers (on PostgreSQL: FOR UPDATE SKIP LOCKED) share one broadcast."""
    clients = await make_clients(300)
    broadcast = await new_broadcast()
    clock = FakeClock()
    a = sender_for(bot, broadcast, clock, worker="a", max_batch=20, flush_size=10)
    b = sender_for(bot, broadcast, clock, worker="b", max_batch=20, flush_size=10)
    claims: dict[str, list[int]] = {"a": [], "b": []}
    claim = deliveries.claim

    async def recording_claim(broadcast_id, worker, limit, now, until):
        got = await claim(broadcast_id, worker, limit, now, until)
        claims[worker] += [item.id for item in got]
        return got

    deliveries.claim = recording_claim  # type: ignore[assignment]
    try:
        results = await asyncio.gather(a.run(), b.run())
    finally:
        deliveries.claim = claim  # type: ignore[assignment]

    assert BroadcastStatus.DONE in results
    assert claims["a"] and claims["b"]
    assert not set(claims["a"]) & set(claims["b"])
    counts = Counter(received(api))
    assert set(counts) == {c.telegram_id for c in clients}
    assert set(counts.values()) == {1}


async def test_pause_resume_and_cancel(db: None, api: FakeBotAPI, bot: Bot) -> None:
    clients = await make_clients(200)
    broadcast = await new_broadcast()
    clock = FakeClock()
    sender = sender_for(bot, broadcast, clock, max_batch=10, flush_size=5)
    task = asyncio.create_task(sender.run())
    await api.wait_for("sendMessage", since=20)
    assert await service.pause(broadcast.id, Role.MANAGER)
    assert await task is BroadcastStatus.PAUSED

    paused = await service.totals(broadcast.id)
    assert 20 <= paused.sent < 200 and paused.pending == 200 - paused.sent
    assert not await BroadcastDelivery.filter(
        broadcast_id=broadcast.id, claimed_by__not_isnull=True
    ).exists()
    assert len(received(api)) == paused.sent
    assert not await service.pause(broadcast.id, Role.MANAGER)  # already paused
    # paused: a sender started now sends nothing
    assert await sender_for(bot, broadcast, clock).run() is BroadcastStatus.PAUSED
    assert len(received(api)) == paused.sent

    assert await service.resume(broadcast.id, Role.MANAGER)
    second = sender_for(bot, broadcast, clock, max_batch=10, flush_size=5)
    task = asyncio.create_task(second.run())
    await api.wait_for("sendMessage", since=paused.sent + 20)
    assert await service.cancel(broadcast.id, Role.MANAGER)
    assert await task is BroadcastStatus.CANCELLED

    final = await service.totals(broadcast.id)
    assert final.pending == 0 and final.skipped > 0
    assert final.sent + final.skipped == 200
    counts = Counter(received(api))
    assert sum(counts.values()) == final.sent and set(counts.values()) == {1}
    assert set(counts) <= {c.telegram_id for c in clients}
    row = await Broadcast.get(id=broadcast.id)
    assert row.status is BroadcastStatus.CANCELLED and row.sent == final.sent
    assert not await service.resume(broadcast.id, Role.MANAGER)  # cancelled is final
