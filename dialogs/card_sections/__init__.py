"""The client card's sections: addresses, favorites, promo codes, current order,
refresh from Telegram, referrals and history (staff)."""
