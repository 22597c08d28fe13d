"""Anonymize (GDPR) and delete a client, from the card: started with `data={"client_id": id}`."""

from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class ClientErasure(StatesGroup):
    ANONYMIZE = State()  # the warning: what goes, what stays; YES / NO
    ANONYMIZED = State()  # done: ✔ per kind of data verified clean
    DELETE = State()  # the confirmation: what goes, what stays; YES / NO
    DELETED = State()
