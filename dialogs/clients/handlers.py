"""Actions of the client list: each re-checks the role, then asks a service."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select
from aiogram_i18n import I18nContext

from bot.services.client_list import language_choices, source_choices
from bot.services.client_query import (
    PERIOD_DAYS,
    ClientFilters,
    ClientQuery,
    SearchTooLong,
    SortKey,
    validate_search,
)
from bot.services.segments import (
    SegmentNameInvalid,
    SegmentNameTaken,
    delete_segment,
    save_segment,
    segment_filters,
)
from dialogs.access import require_editor_in, require_staff_in
from dialogs.client_card.states import ClientCard
from dialogs.clients.states import ClientList
from dialogs.clients.view import ListView
from dialogs.clients_bulk.states import ClientBulk
from models import Client


def _i18n(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def _change(manager: DialogManager, query: ClientQuery, *, recount: bool = True) -> None:
    view = ListView.load(manager.dialog_data)
    view.restart(query, recount=recount)
    view.save(manager.dialog_data)


def _with_filters(manager: DialogManager, filters: ClientFilters) -> None:
    query = ListView.load(manager.dialog_data).query
    _change(manager, ClientQuery(filters, query.sort, query.descending, query.search))


async def open_client_list(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    await manager.start(ClientList.MAIN)


async def on_next(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    view = ListView.load(manager.dialog_data)
    if not view.has_next or view.last is None:
        return
    view.anchor, view.forward, view.page = view.last, True, view.page + 1
    view.save(manager.dialog_data)


async def on_prev(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    view = ListView.load(manager.dialog_data)
    if view.page <= 1 or view.first is None:
        return
    view.anchor, view.forward, view.page = view.first, False, view.page - 1
    if view.page == 1:
        view.anchor, view.forward = None, True
    view.save(manager.dialog_data)


async def on_reset(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    query = ListView.load(manager.dialog_data).query
    _change(manager, ClientQuery(sort=query.sort, descending=query.descending))


async def on_open_client(
    _c: CallbackQuery, _w: object, manager: DialogManager, client_id: int
) -> None:
    require_staff_in(manager)
    # a client deleted meanwhile: the card says so
    await manager.start(ClientCard.MAIN, data={"client_id": client_id})


async def on_search(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    require_staff_in(manager)
    try:
        text = validate_search(message.text or "")
    except SearchTooLong:
        await message.answer(_i18n(manager).get("clients-search-too-long"))
        return
    query = ListView.load(manager.dialog_data).query
    _change(manager, ClientQuery(query.filters, query.sort, query.descending, text))
    await manager.switch_to(ClientList.MAIN)


async def on_sort(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_staff_in(manager)
    key, _, direction = item.partition("-")
    if key not in SortKey._value2member_map_ or direction not in ("asc", "desc"):
        return
    query = ListView.load(manager.dialog_data).query
    sorted_query = ClientQuery(query.filters, SortKey(key), direction == "desc", query.search)
    _change(manager, sorted_query, recount=False)
    await manager.switch_to(ClientList.MAIN)


async def on_tag(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_staff_in(manager)
    if item.isdigit():
        filters = ListView.load(manager.dialog_data).query.filters
        _with_filters(manager, filters.toggled_tag(int(item)))


async def on_flag(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_staff_in(manager)
    filters = ListView.load(manager.dialog_data).query.filters
    if item in ClientFilters.from_dict({"flags": [item]}).flags:
        _with_filters(manager, filters.toggled_flag(item))


async def _pick(manager: DialogManager, item: str, choices: list[str], field: str) -> None:
    filters = ListView.load(manager.dialog_data).query.filters
    if item.isdigit() and int(item) < len(choices):
        value = choices[int(item)]
        current = getattr(filters, field)
        data = filters.to_dict() | {field: None if value == current else value}
        _with_filters(manager, ClientFilters.from_dict(data))
    await manager.switch_to(ClientList.FILTERS)


async def on_source(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_staff_in(manager)
    await _pick(manager, item, await source_choices(), "source")


async def on_language(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_staff_in(manager)
    await _pick(manager, item, await language_choices(), "language")


async def on_has_orders(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    filters = ListView.load(manager.dialog_data).query.filters
    following = {None: True, True: False, False: None}[filters.has_orders]
    _with_filters(manager, ClientFilters.from_dict(filters.to_dict() | {"has_orders": following}))


async def ask_period(_c: CallbackQuery, button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    manager.dialog_data["period"] = "active" if button.widget_id == "active" else "registered"
    await manager.switch_to(ClientList.PERIOD)


async def on_period(_c: CallbackQuery, _w: Select, manager: DialogManager, item: str) -> None:
    require_staff_in(manager)
    field = "active_days" if manager.dialog_data.get("period") == "active" else "registered_days"
    filters = ListView.load(manager.dialog_data).query.filters
    if item.isdigit() and int(item) in PERIOD_DAYS:
        days = None if getattr(filters, field) == int(item) else int(item)
        _with_filters(manager, ClientFilters.from_dict(filters.to_dict() | {field: days}))
    await manager.switch_to(ClientList.FILTERS)


async def on_clear_filters(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    _with_filters(manager, ClientFilters())


async def on_pick_segment(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    item_id = str(getattr(manager, "item_id", ""))
    filters = await segment_filters(int(item_id)) if item_id.isdigit() else None
    if filters is None:
        return
    query = ListView.load(manager.dialog_data).query
    _change(manager, ClientQuery(filters, query.sort, query.descending, ""))
    await manager.switch_to(ClientList.MAIN)


async def on_delete_segment(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    item_id = str(getattr(manager, "item_id", ""))
    if item_id.isdigit():
        await delete_segment(int(item_id))


async def ask_segment_name(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    require_editor_in(manager)
    await manager.switch_to(ClientList.SAVE_SEGMENT)


async def on_segment_name(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    require_editor_in(manager)
    i18n = _i18n(manager)
    filters = ListView.load(manager.dialog_data).query.filters
    client: Client | None = manager.middleware_data.get("client")
    try:
        await save_segment(message.text or "", filters, client)
    except SegmentNameInvalid:
        await message.answer(i18n.get("clients-segment-name-invalid"))
        return
    except SegmentNameTaken:
        await message.answer(i18n.get("clients-segment-name-taken"))
        return
    await manager.switch_to(ClientList.SEGMENTS)


async def open_bulk(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Bulk actions on what the list shows now: its filters and search (editors)."""
    require_editor_in(manager)
    query = ListView.load(manager.dialog_data).query
    await manager.start(ClientBulk.ACTION, data={"query": query.to_dict()})


async def on_bulk_done(_start: Any, result: Any, manager: DialogManager) -> None:
    """Back from bulk actions: the flags and tags may have moved clients in or out."""
    if isinstance(result, dict) and result.get("bulk_changed"):
        _change(manager, ListView.load(manager.dialog_data).query)


def item_id_of(item: dict[str, Any]) -> int:
    return item["id"]
