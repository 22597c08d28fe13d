"""Dialogs started in the same second get different intent ids."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup
from aiogram_dialog.api.entities import Stack

from dialogs.intent_ids import ID_LENGTH, use_collision_free_intent_ids


class Screens(StatesGroup):
    ONE = State()


def test_ten_thousand_dialogs_started_at_once_never_share_an_id() -> None:
    use_collision_free_intent_ids()
    ids = set()
    for _ in range(100):
        stack = Stack()
        for _ in range(100):
            ids.add(stack.push(Screens.ONE, None).id)
            stack.pop()
    assert len(ids) == 10_000
    assert all(len(intent_id) == ID_LENGTH and intent_id.isalnum() for intent_id in ids)
