"""Broadcast (staff): history → details; editors compose → audience → preview → confirm."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Row, Select, SwitchTo
from aiogram_dialog.widgets.media import DynamicMedia
from aiogram_dialog.widgets.text import Format

from dialogs.broadcast import getters
from dialogs.broadcast import handlers as h
from dialogs.broadcast.states import BroadcastMenu as S
from dialogs.widgets import Tr

ID = itemgetter(0)


def _back(to: S, id_: str = "back") -> SwitchTo:
    return SwitchTo(Tr("broadcast-back"), id=id_, state=to)


def _history() -> Window:
    return Window(
        Tr("broadcast-history"),
        Button(Tr("broadcast-new"), id="new", on_click=h.on_new, when="editor"),
        Column(
            Select(
                Format("{item[1]}"),
                id="open",
                item_id_getter=ID,
                items="broadcasts",
                on_click=h.on_open,
            ),
        ),
        Cancel(Tr("broadcast-to-desk")),
        state=S.HISTORY,
        getter=getters.history_getter,
    )


def _detail() -> Window:
    return Window(
        Tr("broadcast-detail", when="found"),
        Row(
            Button(Tr("broadcast-pause"), id="pause", on_click=h.on_pause, when="can_pause"),
            Button(Tr("broadcast-resume"), id="resume", on_click=h.on_resume, when="can_resume"),
        ),
        Button(
            Tr("broadcast-cancel"), id="ask_cancel", on_click=h.on_ask_cancel, when="can_cancel"
        ),
        Row(
            Button(Tr("broadcast-refresh"), id="refresh", on_click=h.on_refresh),
            _back(S.HISTORY),
        ),
        state=S.DETAIL,
        getter=getters.detail_getter,
    )


def _cancel() -> Window:
    return Window(
        Tr("broadcast-cancel-confirm"),
        Button(Tr("broadcast-cancel-yes"), id="cancel_yes", on_click=h.on_cancel),
        _back(S.DETAIL),
        state=S.CANCEL,
        getter=getters.detail_getter,
    )


def _compose() -> Window:
    return Window(
        Tr("broadcast-compose"),
        Tr("broadcast-error-empty", when="error_empty"),
        Tr("broadcast-error-too_long", when="error_too_long"),
        Tr("broadcast-error-kind", when="error_kind"),
        MessageInput(h.on_message, content_types=ContentType.ANY),
        _back(S.HISTORY),
        state=S.COMPOSE,
        getter=getters.compose_getter,
    )


def _segment() -> Window:
    return Window(
        Tr("broadcast-segment"),
        Tr("broadcast-error-no_recipients", when="unreachable"),
        Row(
            Button(Tr("broadcast-all"), id="all", on_click=h.on_all),
            SwitchTo(Tr("broadcast-tags"), id="tags", state=S.TAGS),
        ),
        Row(
            SwitchTo(Tr("broadcast-language"), id="language", state=S.LANGUAGE),
            SwitchTo(Tr("broadcast-source"), id="source", state=S.SOURCE),
        ),
        SwitchTo(Tr("broadcast-saved"), id="saved", state=S.SAVED),
        Button(
            Tr("broadcast-to-preview"), id="preview", on_click=h.on_to_preview, when="reachable"
        ),
        SwitchTo(Tr("broadcast-edit-message"), id="edit", state=S.COMPOSE),
        state=S.SEGMENT,
        getter=getters.segment_getter,
    )


def _tags() -> Window:
    return Window(
        Tr("broadcast-pick-tags", when="has_tags"),
        Tr("broadcast-no-tags", when="no_tags"),
        Column(
            Select(
                Format("{item[1]}"), id="tag", item_id_getter=ID, items="tags", on_click=h.on_tag
            ),
        ),
        SwitchTo(Tr("broadcast-done-choosing"), id="tags_done", state=S.SEGMENT),
        state=S.TAGS,
        getter=getters.tags_getter,
    )


def _choice(state: S, title: str, on_click: object, getter: object) -> Window:
    return Window(
        Tr(title),
        Column(
            Select(
                Format("{item[1]}"),
                id="choice",
                item_id_getter=ID,
                items="choices",
                on_click=on_click,
            ),  # type: ignore[arg-type]
        ),
        Button(Tr("broadcast-any"), id="any", on_click=h.on_any),
        _back(S.SEGMENT),
        state=state,
        getter=getter,
    )


def _saved() -> Window:
    return Window(
        Tr("broadcast-pick-saved", when="has_saved"),
        Tr("broadcast-no-saved", when="no_saved"),
        Column(
            Select(
                Format("{item[1]}"),
                id="segment",
                item_id_getter=ID,
                items="segments",
                on_click=h.on_saved,
            ),
        ),
        Button(Tr("broadcast-any"), id="any", on_click=h.on_any),
        _back(S.SEGMENT),
        state=S.SAVED,
        getter=getters.saved_getter,
    )


def _preview() -> Window:
    """The message exactly as clients will get it; the buttons below are ours alone."""
    return Window(
        Format("{preview}"),
        DynamicMedia("photo", when="photo"),
        SwitchTo(Tr("broadcast-send"), id="to_confirm", state=S.CONFIRM),
        Row(
            SwitchTo(Tr("broadcast-edit-audience"), id="audience", state=S.SEGMENT),
            SwitchTo(Tr("broadcast-edit-message"), id="edit", state=S.COMPOSE),
        ),
        state=S.PREVIEW,
        getter=getters.preview_getter,
    )


def _confirm() -> Window:
    return Window(
        Tr("broadcast-confirm"),
        Button(Tr("broadcast-confirm-yes"), id="send", on_click=h.on_send),
        _back(S.PREVIEW),
        state=S.CONFIRM,
        getter=getters.preview_getter,
    )


def broadcast_dialog() -> Dialog:
    return Dialog(
        _history(),
        _detail(),
        _cancel(),
        _compose(),
        _segment(),
        _tags(),
        _choice(S.LANGUAGE, "broadcast-pick-language", h.on_language, getters.language_getter),
        _choice(S.SOURCE, "broadcast-pick-source", h.on_source, getters.source_getter),
        _saved(),
        _preview(),
        _confirm(),
    )
