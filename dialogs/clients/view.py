"""The list's place in dialog data: the query, the page number and its two cursors.

Everything here is JSON (dialog data lives in Redis). The total is counted once per
filter set and search, and forgotten when they change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.services.client_list import ClientPage, Cursor
from bot.services.client_query import ClientQuery

KEY = "list"


@dataclass
class ListView:
    query: ClientQuery = field(default_factory=ClientQuery)
    page: int = 1
    # the page shown is the one after (forward) or before `anchor`; None: the first page
    anchor: Cursor | None = None
    forward: bool = True
    first: Cursor | None = None
    last: Cursor | None = None
    has_next: bool = False
    total: int | None = None

    @classmethod
    def load(cls, dialog_data: dict[str, Any]) -> ListView:
        data = dialog_data.get(KEY) or {}
        page = data.get("page")
        return cls(
            query=ClientQuery.from_dict(data.get("query")),
            page=page if isinstance(page, int) and page > 0 else 1,
            anchor=_cursor(data.get("anchor")),
            forward=data.get("forward") is not False,
            first=_cursor(data.get("first")),
            last=_cursor(data.get("last")),
            has_next=data.get("has_next") is True,
            total=data.get("total") if isinstance(data.get("total"), int) else None,
        )

    def save(self, dialog_data: dict[str, Any]) -> None:
        dialog_data[KEY] = {
            "query": self.query.to_dict(),
            "page": self.page,
            "anchor": self.anchor,
            "forward": self.forward,
            "first": self.first,
            "last": self.last,
            "has_next": self.has_next,
            "total": self.total,
        }

    def restart(self, query: ClientQuery, *, recount: bool) -> None:
        """Back to the first page of `query` (the count kept when only the sort changed)."""
        self.query = query
        self.page, self.anchor, self.forward = 1, None, True
        self.first = self.last = None
        if recount:
            self.total = None

    def shown(self, page: ClientPage) -> None:
        self.first, self.last = page.first, page.last
        self.has_next = page.more if self.forward else True


def _cursor(value: Any) -> Cursor | None:
    if (
        isinstance(value, list)
        and len(value) == 3
        and value[0] in (0, 1)
        and isinstance(value[2], int)
        and (value[1] is None or isinstance(value[1], str | int | float))
    ):
        return value
    return None
