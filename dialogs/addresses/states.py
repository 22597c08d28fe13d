from aiogram.fsm.state import State, StatesGroup


class AddressBook(StatesGroup):
    LIST = State()
    ADDRESS = State()
    EDIT_FIELD = State()
    DELETE = State()


class AddressForm(StatesGroup):
    """A new address, field by field; ends with `{"address_id": id}` as the result."""

    RECIPIENT = State()
    STREET = State()
    CITY = State()
    POSTAL_CODE = State()
    COUNTRY = State()
