"""The draft as the create-order dialog keeps it, and texts shared by its handlers."""

from __future__ import annotations

from aiogram_dialog import DialogManager

from bot.services.cart import CartError
from bot.services.order_drafts import OrderDraft
from bot.services.promo import PromoError
from dialogs.cart.handlers import promo_error_text

DRAFT = "draft"
# the shop's wording speaks to the customer ("you have used..."); the desk's to a manager
MANAGER_WORDING = {"promo-client-limit": "create-order-promo-client-limit"}


def draft_of(manager: DialogManager) -> OrderDraft:
    return OrderDraft.from_data(manager.dialog_data.get(DRAFT))


def save_draft(manager: DialogManager, draft: OrderDraft) -> None:
    manager.dialog_data[DRAFT] = draft.to_data()


def promo_text(manager: DialogManager, error: PromoError | CartError) -> str:
    if error.key in MANAGER_WORDING:
        return manager.middleware_data["i18n"].get(MANAGER_WORDING[error.key])
    return promo_error_text(manager, error)
