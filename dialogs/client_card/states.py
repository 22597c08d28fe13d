from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ClientCard(StatesGroup):
    """Started with `manager.start(ClientCard.MAIN, data={"client_id": <Client.id>})`."""

    MAIN = State()
    GENERAL = State()  # Edit -> General: the fields and the flags
    FIELD = State()  # typing one field's new value
    TAGS = State()  # Edit -> Tags
