from aiogram.fsm.state import State, StatesGroup


class CatalogView(StatesGroup):
    CATEGORIES = State()
    CATEGORY = State()
    PRODUCT = State()
    QUANTITY = State()
    FAVORITES = State()
