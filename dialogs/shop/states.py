from aiogram.fsm.state import State, StatesGroup


class MainMenu(StatesGroup):
    MAIN = State()
    LANGUAGE = State()
    REFERRAL = State()
    CONTACT = State()
