"""Creating an order for a client: started with `data={"client_id": <Client.id>}`."""

from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class CreateOrder(StatesGroup):
    ITEMS = State()  # the draft's lines; type a name to search; browse; next
    CATALOG = State()  # categories, then a category's subcategories and products
    FOUND = State()  # products found by the typed name
    QUANTITY = State()  # how many of one product (or remove it)
    ADDRESS = State()  # one of the client's addresses, or a new one
    RECIPIENT = State()
    STREET = State()
    CITY = State()
    POSTAL_CODE = State()
    COUNTRY = State()
    PROMO = State()
    COMMENT = State()
    SUMMARY = State()
    DONE = State()
