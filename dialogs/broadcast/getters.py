from __future__ import annotations

from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId
from aiogram_i18n import I18nContext

from bot.services import broadcast as service
from bot.services import broadcast_recipients as recipients
from bot.services.broadcast_recipients import Segment
from bot.services.roles import can_edit
from dialogs.access import require_editor_in, require_staff_in, role_in
from models import BroadcastStatus, Client

CHOICES_KEY = "choices"


def segment_in(manager: DialogManager) -> Segment:
    return Segment.from_dict(manager.dialog_data.get("segment"))


def _i18n(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def state_text(i18n: I18nContext, status: BroadcastStatus) -> str:
    return i18n.get(f"broadcast-status-{status.value}")


async def audience_text(i18n: I18nContext, segment: Segment) -> str:
    if segment.is_all():
        return i18n.get("broadcast-segment-all")
    parts = []
    if segment.tag_ids:
        names = ", ".join(await recipients.tag_names(segment.tag_ids))
        parts.append(i18n.get("broadcast-segment-tags", tags=names))
    if segment.language:
        parts.append(i18n.get("broadcast-segment-language", language=segment.language))
    if segment.source:
        parts.append(i18n.get("broadcast-segment-source", source=segment.source))
    if segment.saved_id is not None:
        parts.append(i18n.get("broadcast-segment-saved", name=segment.saved_name or ""))
    return "\n".join(parts)


async def history_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    views = await service.history(role_in(dialog_manager))
    items = [
        (
            view.broadcast.id,
            i18n.get(
                "broadcast-history-item",
                id=str(view.broadcast.id),
                state=state_text(i18n, view.broadcast.status),
                sent=view.totals.sent,
                total=view.totals.total,
            ),
        )
        for view in views
    ]
    return {"broadcasts": items, "count": len(items), "editor": can_edit(role_in(dialog_manager))}


async def detail_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    role = role_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    view = await service.broadcast_view(dialog_manager.dialog_data.get("broadcast_id", 0), role)
    if view is None:
        return {"found": False, "editor": False}
    b, totals = view.broadcast, view.totals
    author = await Client.get_or_none(id=b.created_by_id) if b.created_by_id else None  # type: ignore[attr-defined]
    editor = can_edit(role)
    live = b.status in (BroadcastStatus.QUEUED, BroadcastStatus.RUNNING, BroadcastStatus.PAUSED)
    return {
        "found": True,
        "id": str(b.id),
        "state": state_text(i18n, b.status),
        "created": b.created_at,
        "author": author.display_name if author else i18n.get("broadcast-author-unknown"),
        "kind": i18n.get("broadcast-kind-photo" if b.photo_file_id else "broadcast-kind-text"),
        "audience": await audience_text(i18n, Segment.from_dict(b.segment)),
        "sent": totals.sent,
        "failed": totals.failed,
        "left": totals.pending,
        "skipped": totals.skipped,
        "total": totals.total,
        "can_pause": editor and b.status is BroadcastStatus.RUNNING,
        "can_resume": editor and b.status is BroadcastStatus.PAUSED,
        "can_cancel": editor and live,
    }


async def compose_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    error = dialog_manager.dialog_data.get("error")
    return {
        "error_empty": error == "empty",
        "error_too_long": error == "too_long",
        "error_kind": error == "kind",
        "limit": dialog_manager.dialog_data.get("limit", 0),
    }


async def segment_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    segment = segment_in(dialog_manager)
    count = await recipients.count_recipients(segment)
    return {
        "audience": await audience_text(_i18n(dialog_manager), segment),
        "count": count,
        "reachable": count > 0,
        "unreachable": count == 0,
    }


async def tags_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    chosen = set(segment_in(dialog_manager).tag_ids)
    tags = [
        (tag_id, f"{'✅' if tag_id in chosen else '▫️'} {name}")
        for tag_id, name in await recipients.tag_choices()
    ]
    return {"tags": tags, "has_tags": bool(tags), "no_tags": not tags}


async def _choices_getter(dialog_manager: DialogManager, values: list[str]) -> dict[str, Any]:
    # the buttons carry an index: values (a source) can be longer than callback data allows
    dialog_manager.dialog_data[CHOICES_KEY] = values
    return {"choices": list(enumerate(values))}


async def language_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    return await _choices_getter(dialog_manager, await recipients.language_choices())


async def source_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    return await _choices_getter(dialog_manager, await recipients.source_choices())


async def saved_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_editor_in(dialog_manager)
    saved = [(s.id, s.name) for s in await service.saved_segments()]
    return {"segments": saved, "has_saved": bool(saved), "no_saved": not saved}


async def preview_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Exactly the message the clients will get: the same HTML, the same photo."""
    require_editor_in(dialog_manager)
    data = dialog_manager.dialog_data
    photo = data.get("photo_file_id")
    media = MediaAttachment(ContentType.PHOTO, file_id=MediaId(photo)) if photo else None
    count = await recipients.count_recipients(segment_in(dialog_manager))
    return {"preview": data.get("text") or "", "photo": media, "count": count}
