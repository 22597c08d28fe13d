"""The client list dialog: one window per screen (list, sort, filters, segments)."""

from __future__ import annotations

from operator import itemgetter

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, ListGroup, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Const, Format

from dialogs.chat.handlers import open_chat_from_list
from dialogs.clients import getters
from dialogs.clients import handlers as on
from dialogs.clients.export_handlers import on_export
from dialogs.clients.rows import ClientRowButtons
from dialogs.clients.states import ClientList
from dialogs.widgets import Tr

NOT_A_COMMAND = F.text & ~F.text.startswith("/")


def _options(select_id: str, handler) -> Column:  # type: ignore[no-untyped-def]
    return Column(
        Select(
            Format("{item[1]}"),
            id=select_id,
            item_id_getter=itemgetter(0),
            items="options",
            on_click=handler,
        )
    )


def _back_to(state, key: str = "clients-back") -> SwitchTo:  # type: ignore[no-untyped-def]
    return SwitchTo(Tr(key), id=f"back_{state.state.split(':')[1].lower()}", state=state)


def _list_window() -> Window:
    return Window(
        Tr("clients-list-header"),
        Tr("clients-summary", when="narrowed"),
        Format("\n{rows_text}\n"),
        Tr("clients-search-hint"),
        ClientRowButtons("rows", on_open=on.on_open_client, on_chat=open_chat_from_list),
        Row(
            Button(Const("◀"), id="prev", on_click=on.on_prev, when="has_prev"),
            Button(Const("▶"), id="next", on_click=on.on_next, when="has_next"),
        ),
        Row(
            SwitchTo(Tr("clients-sort-button"), id="sort", state=ClientList.SORT),
            SwitchTo(Tr("clients-filters-button"), id="filters", state=ClientList.FILTERS),
            SwitchTo(Tr("clients-segments-button"), id="segments", state=ClientList.SEGMENTS),
        ),
        Row(
            Button(Tr("clients-bulk-button"), id="bulk", on_click=on.open_bulk, when="can_edit"),
            Button(Tr("clients-export-button"), id="export", on_click=on_export),
        ),
        Button(Tr("clients-reset"), id="reset", on_click=on.on_reset, when="narrowed"),
        Cancel(Tr("clients-back"), id="close"),
        MessageInput(on.on_search, content_types=ContentType.TEXT, filter=NOT_A_COMMAND),
        state=ClientList.MAIN,
        getter=getters.list_getter,
    )


def _filters_window() -> Window:
    return Window(
        Tr("clients-filters-header"),
        Row(
            SwitchTo(Tr("clients-filter-tags"), id="f_tags", state=ClientList.TAGS),
            SwitchTo(Tr("clients-filter-flags"), id="f_flags", state=ClientList.FLAGS),
        ),
        Row(
            SwitchTo(Tr("clients-filter-source"), id="f_source", state=ClientList.SOURCE),
            SwitchTo(Tr("clients-filter-language"), id="f_lang", state=ClientList.LANGUAGE),
        ),
        Button(Format("{has_orders}"), id="f_orders", on_click=on.on_has_orders),
        Row(
            Button(Tr("clients-filter-registered"), id="registered", on_click=on.ask_period),
            Button(Tr("clients-filter-active"), id="active", on_click=on.ask_period),
        ),
        Button(
            Tr("clients-save-segment"),
            id="save_seg",
            on_click=on.ask_segment_name,
            when=F["can_edit"] & F["narrowed"],
        ),
        Button(Tr("clients-reset"), id="f_reset", on_click=on.on_clear_filters, when="narrowed"),
        _back_to(ClientList.MAIN, "clients-show-list"),
        state=ClientList.FILTERS,
        getter=getters.filters_getter,
    )


def _choice_window(state, header: str, select_id: str, handler, getter) -> Window:  # type: ignore[no-untyped-def]
    return Window(
        Tr(header),
        _options(select_id, handler),
        _back_to(ClientList.FILTERS),
        state=state,
        getter=getter,
    )


def _segments_window() -> Window:
    return Window(
        Tr("clients-segments-header"),
        Tr("clients-no-segments", when=~F["has_segments"]),
        ListGroup(
            Button(Format("{item[label]}"), id="seg", on_click=on.on_pick_segment),
            Button(
                Const("✖"),
                id="seg_del",
                on_click=on.on_delete_segment,
                when=F["data"]["can_edit"],
            ),
            id="segs",
            item_id_getter=on.item_id_of,
            items="segments",
        ),
        _back_to(ClientList.MAIN),
        state=ClientList.SEGMENTS,
        getter=getters.segments_getter,
    )


def _save_segment_window() -> Window:
    return Window(
        Tr("clients-segment-ask-name"),
        MessageInput(on.on_segment_name, content_types=ContentType.TEXT, filter=NOT_A_COMMAND),
        _back_to(ClientList.FILTERS),
        state=ClientList.SAVE_SEGMENT,
        getter=getters.save_segment_getter,
    )


def clients_dialog() -> Dialog:
    return Dialog(
        _list_window(),
        Window(
            Tr("clients-sort-header"),
            _options("sort_by", on.on_sort),
            _back_to(ClientList.MAIN),
            state=ClientList.SORT,
            getter=getters.sort_getter,
        ),
        _filters_window(),
        Window(
            Tr("clients-tags-header"),
            Tr("clients-no-tags", when=~F["options"]),
            _options("tag", on.on_tag),
            _back_to(ClientList.FILTERS),
            state=ClientList.TAGS,
            getter=getters.tags_getter,
        ),
        _choice_window(
            ClientList.FLAGS, "clients-flags-header", "flag", on.on_flag, getters.flags_getter
        ),
        _choice_window(
            ClientList.SOURCE, "clients-source-header", "src", on.on_source, getters.source_getter
        ),
        _choice_window(
            ClientList.LANGUAGE,
            "clients-language-header",
            "lang",
            on.on_language,
            getters.language_getter,
        ),
        _choice_window(
            ClientList.PERIOD,
            "clients-period-header",
            "period",
            on.on_period,
            getters.period_getter,
        ),
        _segments_window(),
        _save_segment_window(),
        on_process_result=on.on_bulk_done,
    )
