from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ClientList(StatesGroup):
    MAIN = State()
    SORT = State()
    FILTERS = State()
    TAGS = State()
    FLAGS = State()
    SOURCE = State()
    LANGUAGE = State()
    PERIOD = State()
    SEGMENTS = State()
    SAVE_SEGMENT = State()
