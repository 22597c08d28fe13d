from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services import broadcast as service
from bot.services.broadcast import BroadcastInvalid
from bot.services.broadcast_recipients import Segment, count_recipients
from dialogs.access import require_editor_in, require_staff_in, role_in
from dialogs.broadcast.getters import CHOICES_KEY, segment_in
from dialogs.broadcast.states import BroadcastMenu


def _senders_poke(manager: DialogManager) -> None:
    """Wakes this process's broadcast senders (others find the change within seconds)."""
    senders = manager.middleware_data.get("broadcast_senders")
    if senders is not None:
        senders.poke()


def _set_segment(manager: DialogManager, segment: Segment) -> None:
    manager.dialog_data["segment"] = segment.to_dict()


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


async def open_broadcasts(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The desk's 📣 button: the history of broadcasts."""
    require_staff_in(manager)
    await manager.start(BroadcastMenu.HISTORY)


async def on_open(callback: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_staff_in(manager)
    if (broadcast_id := _int(item)) is None:
        return
    manager.dialog_data["broadcast_id"] = broadcast_id
    await manager.switch_to(BroadcastMenu.DETAIL)


async def on_new(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    manager.dialog_data.clear()
    await manager.switch_to(BroadcastMenu.COMPOSE)


async def on_message(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    """The text (as HTML, so formatting stays) or the photo with its caption."""
    require_editor_in(manager)
    manager.show_mode = ShowMode.SEND
    data = manager.dialog_data
    data.pop("error", None)
    if message.photo:
        photo, text = message.photo[-1].file_id, message.html_text if message.caption else None
    elif message.text:
        photo, text = None, message.html_text
    else:
        data["error"] = "kind"
        return
    try:
        text = service.check_message(text, photo)
    except BroadcastInvalid as exc:
        data["error"], data["limit"] = exc.reason, exc.limit
        return
    data["text"], data["photo_file_id"] = text, photo
    await manager.switch_to(BroadcastMenu.SEGMENT)


async def on_all(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    _set_segment(manager, Segment())


async def on_tag(callback: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_editor_in(manager)
    if (tag_id := _int(item)) is None:
        return
    segment = segment_in(manager)
    tags = tuple(sorted(set(segment.tag_ids) ^ {tag_id}))
    _set_segment(manager, replace(segment, tag_ids=tags))


def _choice(manager: DialogManager, item: str) -> str | None:
    choices: list[Any] = manager.dialog_data.get(CHOICES_KEY) or []
    index = _int(item)
    if index is None or index >= len(choices) or not isinstance(choices[index], str):
        return None
    return choices[index]


async def on_language(
    callback: CallbackQuery, _w: Select, manager: DialogManager, item: str
) -> None:
    require_editor_in(manager)
    if (language := _choice(manager, item)) is not None:
        _set_segment(manager, replace(segment_in(manager), language=language))
    await manager.switch_to(BroadcastMenu.SEGMENT)


async def on_source(callback: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_editor_in(manager)
    if (source := _choice(manager, item)) is not None:
        _set_segment(manager, replace(segment_in(manager), source=source))
    await manager.switch_to(BroadcastMenu.SEGMENT)


async def on_saved(callback: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_editor_in(manager)
    if (saved_id := _int(item)) is not None:
        segment = await service.saved_segment_choice(segment_in(manager), saved_id)
        _set_segment(manager, segment)
    await manager.switch_to(BroadcastMenu.SEGMENT)


async def on_any(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """✖️ Any on the language, source or saved-segment screen drops that filter."""
    require_editor_in(manager)
    segment = segment_in(manager)
    state = manager.current_context().state
    if state == BroadcastMenu.LANGUAGE:
        segment = replace(segment, language=None)
    elif state == BroadcastMenu.SOURCE:
        segment = replace(segment, source=None)
    elif state == BroadcastMenu.SAVED:
        segment = await service.saved_segment_choice(segment, None)
    _set_segment(manager, segment)
    await manager.switch_to(BroadcastMenu.SEGMENT)


async def on_to_preview(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    if "text" not in manager.dialog_data:
        await manager.switch_to(BroadcastMenu.COMPOSE)
        return
    await manager.switch_to(BroadcastMenu.PREVIEW)


async def on_send(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """The confirmation: the broadcast is created, its recipients copied, sending begins."""
    require_editor_in(manager)
    data = manager.dialog_data
    if "text" not in data:
        await manager.switch_to(BroadcastMenu.COMPOSE)
        return
    segment = segment_in(manager)
    if await count_recipients(segment) == 0:
        await manager.switch_to(BroadcastMenu.SEGMENT)
        return
    broadcast = await service.start_broadcast(
        manager.middleware_data.get("client"),
        role_in(manager),
        text=data.get("text"),
        photo_file_id=data.get("photo_file_id"),
        segment=segment,
        progress_chat_id=callback.from_user.id,
    )
    data.clear()
    data["broadcast_id"] = broadcast.id
    _senders_poke(manager)
    await manager.switch_to(BroadcastMenu.DETAIL)


async def on_pause(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    await service.pause(_current(manager), role_in(manager), manager.middleware_data.get("client"))


async def on_resume(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    client = manager.middleware_data.get("client")
    if await service.resume(_current(manager), role_in(manager), client):
        _senders_poke(manager)


async def on_cancel(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    await service.cancel(_current(manager), role_in(manager), manager.middleware_data.get("client"))
    await manager.switch_to(BroadcastMenu.DETAIL)


async def on_ask_cancel(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    await manager.switch_to(BroadcastMenu.CANCEL)


def _current(manager: DialogManager) -> int:
    value = manager.dialog_data.get("broadcast_id")
    return value if isinstance(value, int) else 0


async def on_refresh(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
