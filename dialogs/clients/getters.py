"""Getters of the client list: ask the services, shape the text (HTML-escaped)."""

from __future__ import annotations

import html
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.i18n import count_text
from bot.services.client_list import (
    PAGE_SIZE,
    ClientRow,
    count_clients,
    language_choices,
    list_page,
    page_count,
    source_choices,
    tag_choices,
    tags_named,
)
from bot.services.client_query import (
    FLAG_COLUMNS,
    PERIOD_DAYS,
    ClientFilters,
    ClientQuery,
    SortKey,
)
from bot.services.money import format_money, shop_currency
from bot.services.overview import desk_overview
from bot.services.roles import can_edit
from bot.services.segments import segment_summaries
from dialogs.access import require_staff_in, role_in
from dialogs.clients.view import ListView

NAME_IN_BUTTON = 40


def _i18n(manager: DialogManager) -> I18nContext:
    return manager.middleware_data["i18n"]


def row_label(row: ClientRow, i18n: I18nContext) -> str:
    """`name · @username · lang` and markers: what a row's button says."""
    client = row.client
    if client.anonymized_at is not None:
        name = i18n.get("clients-anonymized", id=client.id)
    else:
        name = client.display_name[:NAME_IN_BUTTON]
    parts = [name]
    if client.username and client.anonymized_at is None:
        parts.append(f"@{client.username}")
    if row.language:
        parts.append(row.language)
    label = " · ".join(parts)
    return f"{label} {row.markers}" if row.markers else label


def row_details(n: int, row: ClientRow, i18n: I18nContext) -> str:
    client = row.client
    return i18n.get(
        "clients-row",
        n=count_text(n, i18n.locale),
        label=html.escape(row_label(row, i18n), quote=False),
        registered=client.created_at.date().isoformat(),
        orders=count_text(client.orders_count, i18n.locale),
        total=format_money(client.total_spent, shop_currency(), i18n.locale),
        source=html.escape(client.source, quote=False),
        address=html.escape(row.address or "—", quote=False),
    )


async def filters_summary(filters: ClientFilters, search: str, i18n: I18nContext) -> str:
    """The one-line summary of what narrows the list; empty when nothing does (plain text)."""
    parts = []
    if names := await tags_named(filters.tag_ids):
        parts.append("🏷 " + ", ".join(names))
    parts += [i18n.get(f"clients-flag-{flag.replace('_', '-')}") for flag in filters.flags]
    if filters.source:
        parts.append(f"📥 {filters.source}")
    if filters.language:
        parts.append(f"🌐 {filters.language}")
    if filters.has_orders is not None:
        parts.append(
            i18n.get("clients-has-orders-yes" if filters.has_orders else "clients-has-orders-no")
        )
    if filters.registered_days:
        parts.append(i18n.get("clients-registered-within", days=filters.registered_days))
    if filters.active_days:
        parts.append(i18n.get("clients-active-within", days=filters.active_days))
    if search:
        parts.append(f"🔎 «{search}»")
    return " · ".join(parts)  # shown through Tr, which escapes it


def sort_label(key: SortKey, descending: bool, i18n: I18nContext) -> str:
    return f"{i18n.get(f'clients-sort-{key.value}')} {'↓' if descending else '↑'}"


async def list_total(query: ClientQuery) -> int:
    """Every client: the desk's number (counted at most every 30 s); else a COUNT."""
    if query.filters.is_empty() and not query.search:
        return (await desk_overview()).clients
    return await count_clients(query)


async def list_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    view = ListView.load(dialog_manager.dialog_data)
    query = view.query
    if view.total is None:
        view.total = await list_total(query)
    page = await list_page(query, view.anchor, forward=view.forward, matches=view.total)
    if view.page > 1 and (not page.rows or (not view.forward and not page.more)):
        # the rows moved under us (or we reached the start going back): the first page
        view.restart(query, recount=False)
        page = await list_page(query, matches=view.total)
    view.shown(page)
    view.save(dialog_manager.dialog_data)
    pages = max(page_count(view.total), view.page)
    summary = await filters_summary(query.filters, query.search, i18n)
    rows = [
        {
            "id": row.client.id,
            "label": row_label(row, i18n),
            "has_chat": row.client.telegram_id is not None and row.client.anonymized_at is None,
        }
        for row in page.rows
    ]
    details = "\n\n".join(
        row_details((view.page - 1) * PAGE_SIZE + i + 1, row, i18n)
        for i, row in enumerate(page.rows)
    )
    return {
        "total": view.total,
        "page": view.page,
        "pages": pages,
        "sort": sort_label(query.sort, query.descending, i18n),
        "summary": summary,
        "rows_text": details or i18n.get("clients-none"),
        "rows": rows,
        "has_prev": view.page > 1,
        "has_next": view.has_next,
        "narrowed": bool(summary),
        "can_edit": can_edit(role_in(dialog_manager)),
    }


async def sort_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    query = ListView.load(dialog_manager.dialog_data).query
    options = []
    for key in SortKey:
        for descending in (False, True):
            mark = "• " if (key, descending) == (query.sort, query.descending) else ""
            options.append(
                (
                    f"{key.value}-{'desc' if descending else 'asc'}",
                    mark + sort_label(key, descending, i18n),
                )
            )
    return {"options": options}


async def filters_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    view = ListView.load(dialog_manager.dialog_data)
    filters = view.query.filters
    summary = await filters_summary(filters, "", i18n)
    has_orders = {None: "any", True: "yes", False: "no"}[filters.has_orders]
    return {
        "summary": summary or i18n.get("clients-no-filters"),
        "has_orders": i18n.get(f"clients-has-orders-button-{has_orders}"),
        "can_edit": can_edit(role_in(dialog_manager)),
        "narrowed": not filters.is_empty(),
    }


async def tags_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    chosen = set(ListView.load(dialog_manager.dialog_data).query.filters.tag_ids)
    tags = await tag_choices()
    return {"options": [(str(t.id), ("✅ " if t.id in chosen else "") + t.name) for t in tags]}


async def flags_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    chosen = set(ListView.load(dialog_manager.dialog_data).query.filters.flags)
    return {
        "options": [
            (
                flag,
                ("✅ " if flag in chosen else "")
                + i18n.get(f"clients-flag-{flag.replace('_', '-')}"),
            )
            for flag in FLAG_COLUMNS
        ]
    }


async def source_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    current = ListView.load(dialog_manager.dialog_data).query.filters.source
    sources = await source_choices()
    return {
        "options": [(str(i), ("✅ " if s == current else "") + s) for i, s in enumerate(sources)]
    }


async def language_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    current = ListView.load(dialog_manager.dialog_data).query.filters.language
    languages = await language_choices()
    return {
        "options": [(str(i), ("✅ " if s == current else "") + s) for i, s in enumerate(languages)]
    }


async def period_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    which = dialog_manager.dialog_data.get("period", "registered")
    filters = ListView.load(dialog_manager.dialog_data).query.filters
    current = filters.active_days if which == "active" else filters.registered_days
    return {
        "which": "active" if which == "active" else "registered",
        "options": [
            (str(days), ("✅ " if days == current else "") + i18n.get("clients-days", days=days))
            for days in PERIOD_DAYS
        ],
    }


async def segments_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    segments = await segment_summaries()
    return {
        "segments": [{"id": s.id, "label": f"{s.name} ({s.count})"} for s in segments],
        "has_segments": bool(segments),
        "can_edit": can_edit(role_in(dialog_manager)),
    }


async def save_segment_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    require_staff_in(dialog_manager)
    i18n = _i18n(dialog_manager)
    filters = ListView.load(dialog_manager.dialog_data).query.filters
    return {"summary": await filters_summary(filters, "", i18n) or i18n.get("clients-no-filters")}
