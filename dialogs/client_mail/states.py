"""Email and SMS from the card: started with `data={"client_id": <Client.id>}`."""

from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ClientMail(StatesGroup):
    EMAILS = State()  # the client's emails with their status; write, retry
    SUBJECT = State()
    BODY = State()
    CONFIRM = State()


@staff_only
class ClientSms(StatesGroup):
    MESSAGES = State()  # the client's SMS with their status; write
    TEXT = State()
    CONFIRM = State()
