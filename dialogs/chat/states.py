from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ClientChat(StatesGroup):
    """Started with `manager.start(ClientChat.MAIN, data={"client_id": <Client.id>})`."""

    MAIN = State()  # chat mode (editors); what a viewer sees read-only
    HISTORY = State()  # the paged history, newest last
