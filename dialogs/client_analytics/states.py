from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ClientAnalyticsScreen(StatesGroup):
    """Started with `manager.start(ClientAnalyticsScreen.MAIN, data={"client_id": <id>})`."""

    MAIN = State()
