"""The order list's place in dialog data: status, page number and its cursors (JSON)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.services.order_desk import STATUS_CHOICES, Cursor, OrderPage, valid_cursor

KEY = "orders"
DEFAULT_STATUS = "new"


@dataclass
class OrderListView:
    status: str = DEFAULT_STATUS
    page: int = 1
    # the page shown is the one after (forward) or before `anchor`; None: the first page
    anchor: Cursor | None = None
    forward: bool = True
    first: Cursor | None = None
    last: Cursor | None = None
    has_next: bool = False
    total: int | None = None

    @classmethod
    def load(cls, dialog_data: dict[str, Any]) -> OrderListView:
        data = dialog_data.get(KEY) or {}
        page, total, status = data.get("page"), data.get("total"), data.get("status")
        return cls(
            status=status if status in STATUS_CHOICES else DEFAULT_STATUS,
            page=page if isinstance(page, int) and page > 0 else 1,
            anchor=valid_cursor(data.get("anchor")),
            forward=data.get("forward") is not False,
            first=valid_cursor(data.get("first")),
            last=valid_cursor(data.get("last")),
            has_next=data.get("has_next") is True,
            total=total if isinstance(total, int) else None,
        )

    def save(self, dialog_data: dict[str, Any]) -> None:
        dialog_data[KEY] = {
            "status": self.status,
            "page": self.page,
            "anchor": self.anchor,
            "forward": self.forward,
            "first": self.first,
            "last": self.last,
            "has_next": self.has_next,
            "total": self.total,
        }

    def restart(self, status: str | None = None) -> None:
        """Back to the first page (of another status), counted again."""
        if status is not None:
            self.status = status
        self.page, self.anchor, self.forward = 1, None, True
        self.first = self.last = None
        self.total = None

    def shown(self, page: OrderPage) -> None:
        self.first, self.last = page.first, page.last
        self.has_next = page.more if self.forward else True

    def step(self, forward: bool) -> None:
        """To the next (older) or previous (newer) page."""
        if forward and self.last is not None:
            self.page, self.anchor, self.forward = self.page + 1, self.last, True
        elif not forward and self.page > 1 and self.first is not None:
            self.page, self.anchor, self.forward = self.page - 1, self.first, False
            if self.page == 1:
                self.anchor, self.forward = None, True
