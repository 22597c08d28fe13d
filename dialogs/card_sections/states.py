"""Every section is started from the card with `data={"client_id": <Client.id>}`."""

from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class CardAddresses(StatesGroup):
    LIST = State()
    ADDRESS = State()  # one address: edit a field, make default, delete
    FIELD = State()  # typing one field's new value
    NEW = State()  # a new address, field by field
    DELETE = State()  # "delete this address?"


@staff_only
class CardFavorites(StatesGroup):
    LIST = State()
    PRODUCT = State()


@staff_only
class CardInfo(StatesGroup):
    PROMOS = State()  # used promo codes
    ORDER = State()  # the current order (the cart)
    REFRESH = State()  # what "Refresh from Telegram" found (start data: the outcome)
    REFERRALS = State()
    HISTORY = State()
