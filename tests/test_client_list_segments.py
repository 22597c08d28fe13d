"""Saved segments and who a broadcast to a segment reaches."""

from __future__ import annotations

import pytest

from bot.services.client_query import ClientFilters
from bot.services.segments import (
    SegmentNameInvalid,
    SegmentNameTaken,
    broadcast_recipients,
    count_broadcast_recipients,
    delete_segment,
    save_segment,
    segment_filters,
    segment_summaries,
)
from models import SavedSegment
from tests.client_list_data import NOW, make_client, make_tag

pytestmark = pytest.mark.usefixtures("db")


async def test_broadcast_recipients_skip_everyone_who_must_not_get_it() -> None:
    vip = await make_tag("VIP")
    ok = await make_client("Ok", telegram_id=1, tags=(vip,), locale="pl")
    also = await make_client("Also", telegram_id=2, language_code="ru")
    await make_client("Blocked", telegram_id=3, is_blocked=True, tags=(vip,))
    await make_client("Quiet", telegram_id=4, broadcasts_off=True)
    await make_client("Gone", telegram_id=5, bot_blocked=True)
    await make_client("Anon", telegram_id=6, anonymized_at=NOW)
    await make_client("Phone order", telegram_id=None)

    everyone = await broadcast_recipients(ClientFilters())
    assert [(r.client_id, r.telegram_id, r.language) for r in everyone] == [
        (ok.id, 1, "pl"),
        (also.id, 2, "ru"),
    ]
    assert await count_broadcast_recipients(ClientFilters()) == 2
    tagged = await broadcast_recipients(ClientFilters(tag_ids=(vip.id,)))
    assert [r.client_id for r in tagged] == [ok.id]
    # the anonymized flag filter cannot smuggle them in
    assert await broadcast_recipients(ClientFilters(flags=("anonymized",))) == []
    assert await broadcast_recipients(ClientFilters(flags=("blocked",))) == []
    batch = await broadcast_recipients(ClientFilters(), after_id=ok.id, limit=1)
    assert [r.client_id for r in batch] == [also.id]


async def test_segments_save_list_with_live_counts_and_delete() -> None:
    vip = await make_tag("VIP")
    owner = await make_client("Owner")
    await make_client("A", tags=(vip,))
    filters = ClientFilters(tag_ids=(vip.id,))
    segment = await save_segment("  VIP   clients ", filters, owner)
    assert segment.name == "VIP clients"
    assert (await SavedSegment.get(id=segment.id)).created_by_id == owner.id  # type: ignore[attr-defined]

    with pytest.raises(SegmentNameTaken):
        await save_segment("VIP clients", ClientFilters(), owner)
    for bad in ("", "   ", "x" * 65):
        with pytest.raises(SegmentNameInvalid):
            await save_segment(bad, ClientFilters(), owner)

    assert [(s.name, s.count) for s in await segment_summaries()] == [("VIP clients", 1)]
    await make_client("B", tags=(vip,))
    assert [(s.name, s.count) for s in await segment_summaries()] == [("VIP clients", 2)]
    assert await segment_filters(segment.id) == filters
    assert await delete_segment(segment.id) is True
    assert await delete_segment(segment.id) is False
    assert await segment_filters(segment.id) is None
