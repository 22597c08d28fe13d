"""Data retention settings (owners only)."""

from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class RetentionSettings(StatesGroup):
    MAIN = State()  # status, the dry-run count, the period
    CONFIRM = State()  # turning on (or a new period): the dry-run count first
