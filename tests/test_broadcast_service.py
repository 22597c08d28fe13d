"""The broadcast service against the real database: audiences, snapshot, states, access."""

from __future__ import annotations

import pytest

from bot.services import broadcast as service
from bot.services.broadcast_recipients import Segment, count_recipients
from bot.services.roles import AccessDenied, Role
from models import Broadcast, BroadcastDelivery, BroadcastStatus, Client, SavedSegment, Tag
from tests.broadcast_data import make_clients, make_excluded, new_broadcast


async def test_audiences_combine_and_never_reach_the_excluded(db: None) -> None:
    pl = await make_clients(4, 710_000, language_code="pl", source="instagram")
    ru = await make_clients(3, 720_000, language_code="ru")
    await make_excluded()
    vip = await Tag.create(name="VIP", name_folded="vip")
    new = await Tag.create(name="New", name_folded="new")
    await pl[0].tags.add(vip)
    await ru[0].tags.add(new)
    saved = await SavedSegment.create(name="Polish", filters={"language": "pl"})

    assert await count_recipients(Segment()) == 7
    assert await count_recipients(Segment(language="pl")) == 4
    assert await count_recipients(Segment(source="instagram")) == 4
    assert await count_recipients(Segment(tag_ids=(vip.id, new.id))) == 2  # any of
    assert await count_recipients(Segment(tag_ids=(new.id,), language="pl")) == 0
    with_saved = await service.saved_segment_choice(Segment(tag_ids=(vip.id, new.id)), saved.id)
    assert with_saved.saved_name == "Polish"
    assert await count_recipients(with_saved) == 1
    # the saved segment's filters are frozen with the broadcast
    broadcast = await new_broadcast(segment=with_saved)
    await SavedSegment.filter(id=saved.id).update(filters={"language": "ru"})
    assert broadcast.total == 1
    assert Segment.from_dict(broadcast.segment).saved_filters == {"language": "pl"}


async def test_a_forged_segment_is_read_safely(db: None) -> None:
    assert Segment.from_dict({"tag_ids": ["1; DROP", True, 5], "saved": "x", "language": 3}) == (
        Segment(tag_ids=(5,))
    )
    assert Segment.from_dict(None) == Segment()


async def test_the_snapshot_resumes_where_a_crash_stopped_it(db: None) -> None:
    await make_clients(2500)
    broadcast = await Broadcast.create(text="Hi", status=BroadcastStatus.QUEUED)
    # a crash after the first chunk: 1000 rows copied, still queued
    first = await Client.all().order_by("id").limit(1000)
    await BroadcastDelivery.bulk_create(
        [BroadcastDelivery(broadcast=broadcast, client=c, chat_id=c.telegram_id) for c in first]
    )
    await service.prepare(broadcast)
    await broadcast.refresh_from_db()
    assert broadcast.status is BroadcastStatus.RUNNING and broadcast.total == 2500
    assert await BroadcastDelivery.filter(broadcast=broadcast).count() == 2500
    await service.prepare(broadcast)  # again: nothing doubled
    assert await BroadcastDelivery.filter(broadcast=broadcast).count() == 2500


async def test_states_and_access(db: None) -> None:
    await make_clients(3)
    with pytest.raises(AccessDenied):
        await service.start_broadcast(
            None, Role.VIEWER, text="x", photo_file_id=None, segment=Segment(),
            progress_chat_id=None,
        )  # fmt: skip
    broadcast = await new_broadcast()
    for action in (service.pause, service.resume, service.cancel):
        with pytest.raises(AccessDenied):
            await action(broadcast.id, Role.VIEWER)
    assert not await service.resume(broadcast.id, Role.MANAGER)  # not paused
    assert await service.pause(broadcast.id, Role.OWNER)
    assert await service.cancel(broadcast.id, Role.MANAGER)
    assert not await service.pause(broadcast.id, Role.MANAGER)
    views = await service.history(Role.VIEWER)
    assert [(v.broadcast.id, v.totals.skipped) for v in views] == [(broadcast.id, 3)]
    with pytest.raises(AccessDenied):
        await service.history(Role.CUSTOMER)


async def test_nobody_to_reach_is_done_at_once_and_bad_messages_are_refused(db: None) -> None:
    await make_excluded()
    broadcast = await new_broadcast()
    assert broadcast.status is BroadcastStatus.DONE and broadcast.total == 0
    with pytest.raises(service.BroadcastInvalid, match="empty"):
        service.check_message("  ", None)
    with pytest.raises(service.BroadcastInvalid, match="too_long"):
        service.check_message("x" * 1025, "photo")
    assert service.check_message(None, "photo") is None


async def test_the_rate_setting(db: None) -> None:
    assert await service.broadcast_rate() == service.DEFAULT_RATE
    with pytest.raises(AccessDenied):
        await service.set_broadcast_rate(10, Role.MANAGER)
    with pytest.raises(ValueError):
        await service.set_broadcast_rate(0, Role.OWNER)
    await service.set_broadcast_rate(12.5, Role.OWNER)
    assert await service.broadcast_rate() == 12.5
