from aiogram.fsm.state import State, StatesGroup


class MyData(StatesGroup):
    """The customer's "My data": download it, or ask the shop to erase it."""

    MAIN = State()
    ERASE = State()  # confirming the erasure request
