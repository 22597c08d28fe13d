"""Settings dialogs: owners only (`@staff_only` for the stack validator, and
`require_owner_in` in every getter and action)."""

from aiogram.fsm.state import State, StatesGroup

from dialogs.access import staff_only


@staff_only
class SettingsMenu(StatesGroup):
    MAIN = State()


@staff_only
class MailSettings(StatesGroup):
    MAIN = State()
    HOST = State()
    PORT = State()
    SECURITY = State()
    USER = State()
    PASSWORD = State()
    SENDER = State()
    TEST_TO = State()


@staff_only
class SmsSettings(StatesGroup):
    MAIN = State()
    PROVIDER = State()
    TOKEN = State()
    SENDER = State()
    ACCOUNT_SID = State()


@staff_only
class RateSettings(StatesGroup):
    MAIN = State()  # the broadcast rate, and a new one typed
