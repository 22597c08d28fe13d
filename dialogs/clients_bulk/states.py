from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ClientBulk(StatesGroup):
    """Started from the client list with `data={"query": ClientQuery.to_dict()}`."""

    ACTION = State()
    TAG = State()  # the tag to add or remove: tapped or typed
    CONFIRM = State()
    DONE = State()
