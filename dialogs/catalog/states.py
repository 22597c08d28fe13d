from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class CatalogAdmin(StatesGroup):
    CATEGORIES = State()
    CATEGORY = State()
    CATEGORY_NAME = State()
    CATEGORY_DESCRIPTION = State()
    PRODUCT = State()
    PRODUCT_NAME = State()
    PRODUCT_PRICE = State()
    PRODUCT_DESCRIPTION = State()
    PRODUCT_PHOTO = State()
    PRODUCT_MOVE = State()
    PRODUCT_DELETE = State()
    IMPORT = State()
