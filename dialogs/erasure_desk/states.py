from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ErasureDesk(StatesGroup):
    """The desk's erasure requests: the open ones, and one request with its answers."""

    LIST = State()
    REQUEST = State()
