from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class PromoAdmin(StatesGroup):
    LIST = State()
    CARD = State()
    CODE = State()
    KIND = State()
    VALUE = State()
    MIN_TOTAL = State()
    VALID_FROM = State()
    VALID_UNTIL = State()
    MAX_USES = State()
    MAX_PER_CLIENT = State()
    SUMMARY = State()
