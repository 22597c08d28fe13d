# The client card's sections (staff): addresses, favorites, promo codes, current order,
# refresh from Telegram, referrals, history
sections-open-addresses = 📍 Addresses
sections-open-favorites = ❤️ Favorites
sections-open-promos = 🎟 Promo codes
sections-open-order = 🛒 Current order
sections-open-refresh = 🔄 Refresh from Telegram
sections-open-referrals = 🤝 Referrals
sections-open-history = 📜 History
sections-back = ⬅️ Back
sections-back-to-card = ⬅️ Back to the card
sections-cancel = ✖️ Cancel
sections-prev = ◀️
sections-next = ▶️
sections-page = { $page } / { $pages }
sections-text-only = Send the value as a text message.
sections-command = This is a command, not a value. Send the value, or tap ⬅️ Back.
sections-client-gone = This client was deleted or anonymized meanwhile: nothing was changed.
sections-client-missing = ⚠️ This client no longer exists: deleted meanwhile, or the link is wrong.

sections-addresses =
    📍 <b>{ $name }</b> · #{ $id }: delivery addresses ({ $count })
sections-addresses-none = No saved addresses.
sections-address-add = ➕ Add an address
sections-address-field =
    ✏️ <b>{ $field_name }</b>
    Now: { $current }

    Send the new value.
sections-address-new =
    ➕ New address, step { $step } of { $steps }
    { $prompt }

sections-favorites =
    ❤️ <b>{ $name }</b> · #{ $id }: favorites ({ $count })
    { $count ->
        [0] No favorite products.
       *[other] Tap a product to see it. 🙈 marks one customers do not see (hidden).
    }
sections-product =
    📦 <b>{ $product }</b>
    📂 { $category } · 💰 { $price }
    🙈 Hidden: { $hidden ->
        [yes] yes, customers do not see it
       *[other] no
    }
    { $description }
sections-product-gone = ⚠️ This product is no longer among the client's favorites.

sections-promos =
    🎟 <b>{ $name }</b> · #{ $id }: used promo codes ({ $total })
sections-promos-none = No promo code used yet.
sections-promo-line = • <b>{ $code }</b> · −{ $discount } · order #{ $order } · { $date }

sections-order =
    🛒 <b>{ $name }</b> · #{ $id }: current order #{ $order_id }
sections-order-subtotal = Subtotal: { $subtotal }
sections-order-line = • { $name } × { $quantity } · { $price } = { $total }
sections-order-unavailable = ⚠️ no longer available (deleted or hidden)
sections-order-repriced = ⚠️ the price is now { $price }
sections-order-promo = 🎟 { $code }: −{ $discount }
sections-order-promo-invalid = 🎟 { $code }: no longer applies
sections-order-total = 💰 <b>Total: { $total }</b>
sections-order-issues = ⚠️ Some lines changed since the client added them: at checkout the client is asked to accept today's prices.
sections-order-none = 🛒 <b>{ $name }</b> · #{ $id }: no current order (the cart is empty).

sections-refresh = { $status ->
        [updated] 🔄 Updated from Telegram:
        [unchanged] 🔄 Telegram says the same: nothing changed.
        [blocked] ⛔ The client blocked the bot, so Telegram tells nothing. Marked “blocked the bot”.
        [not_found] ❓ Telegram does not know this chat (“chat not found”): the client may have deleted the account or never started the bot.
        [network] 📡 Telegram did not answer in time (network error). Nothing was changed; try again later.
        [busy] ⏳ Telegram asks to wait { $retry_after } s. Nothing was changed; try again later.
        [anonymized] 🕶 This client is anonymized: nothing is fetched from Telegram for them.
        [no_telegram] This client has no Telegram account linked (created by a manager): nothing to refresh.
        [missing] ⚠️ This client no longer exists: deleted meanwhile, or the link is wrong.
       *[other] ⚠️ Telegram refused the request. Nothing was changed.
    }
sections-refresh-change = • { $field }: { $old } → { $new }
sections-refresh-empty = (none)
sections-refresh-first_name = First name
sections-refresh-last_name = Last name
sections-refresh-username = Username

sections-referrals =
    🤝 <b>{ $name }</b> · #{ $id }: referrals
    🔗 Link: { $link }
    Referred by: { $referrer }
    👥 Clients brought: { $total }
sections-open-referrer = 🤝 Open the referrer's card
sections-referral-button = { $name } · 🛒 { $orders } · { $total }

sections-history =
    📜 <b>{ $name }</b> · #{ $id }: history ({ $total })
sections-history-none = Nothing recorded yet.
sections-history-line =
    🕓 { $date } · { $actor }
    { $action }{ $details }
sections-history-on = on
sections-history-off = off
sections-history-personal = values recorded, not shown
sections-actor-client = the client
sections-actor-telegram = staff without a profile (id { $telegram_id })
sections-actor-system = the system
sections-role-owner = owner
sections-role-manager = manager
sections-role-viewer = viewer
sections-role-customer = customer
sections-action-field-changed = ✏️ Changed a field
sections-action-password-set = 🔒 Set the password
sections-action-password-cleared = 🔓 Removed the password
sections-action-flag-changed = 🚩 Switched a flag
sections-action-role-changed = ⭐ Changed the role
sections-action-tag-added = 🏷 Added a tag
sections-action-tag-removed = 🏷 Removed a tag
sections-action-email-queued = ✉️ Sent an email
sections-action-email-retried = ✉️ Retried an email
sections-action-sms-queued = 📱 Sent an SMS
sections-action-sms-retried = 📱 Retried an SMS
sections-action-login-failed = 🔑 A failed /login attempt
sections-action-claimed = 🔑 Profile claimed by /login
sections-action-detached-by-claim = 🔑 Telegram account moved to another profile
sections-action-address-added = 📍 Added an address
sections-action-address-changed = 📍 Changed an address
sections-action-address-default = 📍 Made an address the default
sections-action-address-deleted = 📍 Deleted an address
sections-action-profile-refreshed = 🔄 Refreshed from Telegram
sections-action-other = ⚙️ { $action }
