from aiogram.fsm.state import State, StatesGroup


class Checkout(StatesGroup):
    ADDRESS = State()
    PHONE = State()
    EMAIL = State()
    PROMO = State()
    COMMENT = State()
    PAYMENT = State()
    SUMMARY = State()
    DONE = State()
