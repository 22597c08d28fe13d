from aiogram.fsm.state import State, StatesGroup


class MyOrders(StatesGroup):
    LIST = State()
    ORDER = State()
    CANCEL = State()
