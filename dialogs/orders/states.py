from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class OrderList(StatesGroup):
    """Started with no data (every order, by status) or `data={"client_id": <Client.id>}`."""

    MAIN = State()
    STATUS = State()  # the status picker


@staff_only
class OrderView(StatesGroup):
    """Started with `manager.start(OrderView.MAIN, data={"order_id": <Order.id>})`."""

    MAIN = State()
    NOTE = State()  # typing the managers' note
