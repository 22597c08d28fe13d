"""Opening the sections from the card, and the read-only sections' buttons: a favorite
opens its product, a referral or the referrer opens that client's card."""

from __future__ import annotations

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from bot.services.client_profile import client_by_id
from bot.services.client_sections import brought_by, favorite_product
from dialogs.access import require_staff_in, role_in
from dialogs.card_sections.common import card_client_id, clear_error
from dialogs.card_sections.getters import PRODUCT_ID
from dialogs.card_sections.states import CardAddresses, CardFavorites, CardInfo
from dialogs.client_card.handlers import as_int
from dialogs.client_card.states import ClientCard

# the card's button id -> the section's first window
SECTIONS: dict[str, State] = {
    "addresses": CardAddresses.LIST,
    "favorites": CardFavorites.LIST,
    "promos": CardInfo.PROMOS,
    "order": CardInfo.ORDER,
    "referrals": CardInfo.REFERRALS,
    "history": CardInfo.HISTORY,
}


async def open_section(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """A card button: its id names the section, started for the card's client."""
    require_staff_in(manager)
    client_id = card_client_id(manager)
    if client_id is None or button.widget_id not in SECTIONS:
        return
    await manager.start(SECTIONS[button.widget_id], data={"client_id": client_id})


async def on_favorite(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: str
) -> None:
    require_staff_in(manager)
    client_id, product_id = card_client_id(manager), as_int(item_id)
    if client_id is None or product_id is None:
        return
    if await favorite_product(role_in(manager), client_id, product_id) is None:
        return  # not this client's favorite (a forged id) or deleted meanwhile
    manager.dialog_data[PRODUCT_ID] = product_id
    await manager.switch_to(CardFavorites.PRODUCT)


async def to_favorites(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    clear_error(manager)
    await manager.switch_to(CardFavorites.LIST)


async def _open_card(manager: DialogManager, client_id: int) -> None:
    await manager.start(ClientCard.MAIN, data={"client_id": client_id})


async def on_referral(
    callback: CallbackQuery, _widget: Select[int], manager: DialogManager, item_id: str
) -> None:
    require_staff_in(manager)
    client_id, referral_id = card_client_id(manager), as_int(item_id)
    if client_id is None or referral_id is None:
        return
    # only a client this one brought: a forged id opens nothing
    if await brought_by(role_in(manager), client_id, referral_id):
        await _open_card(manager, referral_id)


async def on_referrer(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    require_staff_in(manager)
    client = await client_by_id(card_client_id(manager))
    if client is not None and client.referrer_id is not None:
        await _open_card(manager, client.referrer_id)
