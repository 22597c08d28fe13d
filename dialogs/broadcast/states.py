from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class BroadcastMenu(StatesGroup):
    HISTORY = State()
    DETAIL = State()
    CANCEL = State()
    COMPOSE = State()
    SEGMENT = State()
    TAGS = State()
    LANGUAGE = State()
    SOURCE = State()
    SAVED = State()
    PREVIEW = State()
    CONFIRM = State()
