from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ShopAnalyticsScreen(StatesGroup):
    MAIN = State()
