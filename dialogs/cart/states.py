from aiogram.fsm.state import State, StatesGroup


class CartDialog(StatesGroup):
    MAIN = State()
    LINE = State()
    PROMO = State()
