# Customer shop: menu, catalog, cart, checkout, orders, addresses, contact, payments
menu-catalog = 🛍 Catalog
menu-cart = 🛒 Cart
menu-cart-count = 🛒 Cart ({ $cart_lines })
menu-orders = 📦 My orders
menu-favorites = ❤️ Favorites
menu-addresses = 📍 Addresses
menu-contact = 💬 Contact the shop
menu-main = 🏠 Menu
shop-blocked-alert = Your access to the catalog is closed. Use "Contact the shop" to write to us.

catalog-title = 🛍 Choose a category:
catalog-empty = There is nothing in the catalog yet.
catalog-category =
    📂 <b>{ $category }</b>
    Page { $page } of { $pages }
catalog-product =
    <b>{ $name }</b>
    { $description }

    💰 { $price }
    { $in_cart ->
        [0] Not in your cart yet.
       *[other] In your cart: { $in_cart }
    }
catalog-favorite-on = 🤍 To favorites
catalog-favorite-off = ❤️ In favorites
catalog-favorite-added = Added to favorites
catalog-favorite-removed = Removed from favorites
catalog-add = 🛒 Add to cart
catalog-quantity =
    How many of <b>{ $name }</b> ({ $price })?
    Pick a number or type one from 1 to 999.
catalog-added = Added. In your cart now: { $quantity }
catalog-product-gone = This product is no longer available.
favorites-title = ❤️ Your favorites:
favorites-empty = You have no favorites yet: tap 🤍 on a product.

cart-empty = 🛒 Your cart is empty.
cart-summary =
    🛒 <b>Your cart</b>
    { $lines }

    Subtotal: { $subtotal }
cart-discount = 🏷 Promo code { $promo }: −{ $discount }
cart-promo-problem = 🏷 Promo code { $promo } does not apply: { $promo_error }
cart-total = <b>Total: { $total }</b>
cart-line = { $quantity } × { $name } — { $total }
cart-line-unavailable = ⚠️ no longer available
cart-line-repriced = ⚠️ the price has changed, now { $price } each
cart-has-issues = ⚠️ Some products changed since you added them. Accept the current prices (unavailable ones are removed) to continue.
cart-accept-prices = ♻️ Accept current prices
cart-prices-accepted = The cart now has the current prices.
cart-promo = 🏷 Promo code
cart-checkout = ✅ Checkout
cart-line-card =
    <b>{ $name }</b>
    { $quantity } × { $price } = { $total }
    Use ➖ ➕ or type a new quantity (1–999).
cart-remove = 🗑 Remove from the cart
cart-quantity-invalid = Please send a whole number from 1 to 999.
cart-line-not-found = This line is not in your cart any more.

promo-prompt = 🏷 Type your promo code:
promo-current = Applied now: { $promo }
promo-remove = ✖ Remove the code
promo-applied = Promo code { $code } applied.
promo-invalid = A promo code has only letters, digits, "-" and "_", up to 32 characters.
promo-not-found = There is no such promo code.
promo-inactive = This promo code is switched off.
promo-not-started = This promo code is not valid yet.
promo-expired = This promo code has expired.
promo-exhausted = This promo code has been used up.
promo-client-limit = You have already used this promo code as many times as allowed.
promo-min-total = This promo code needs an order of at least { $minimum }.
promo-already-used = This order already has a promo code.

checkout-address = 📍 Where shall we deliver? Pick a saved address or add a new one.
checkout-phone = 📞 Share your phone number with the button below, or type it (for example +48 600 123 456).
checkout-phone-keyboard = 📱 Tap the button below to share your phone number.
checkout-share-phone = 📱 Share my phone number
checkout-phone-saved = Phone number saved.
phone-invalid = That does not look like a phone number. Type it with the country code, e.g. +48 600 123 456.
phone-not-yours = Please share your own contact with the button.
checkout-email = ✉️ Type your email for the receipt, or skip.
email-invalid = That does not look like an email address, e.g. name@example.com.
checkout-promo = 🏷 Have a promo code? Type it, or skip.
checkout-comment = 💬 Anything to add for the courier or for us? Type it, or skip.
checkout-comment-too-long = The comment is too long: up to 1000 characters.
checkout-payment = 💳 How will you pay?
checkout-skip = ⏭ Skip
checkout-summary =

    📍 { $address }
    📞 { $phone }
    ✉️ { $email }
    💬 { $comment }
    { $payment }
checkout-confirm = ✅ Confirm the order
checkout-to-cart = 🛒 To the cart
checkout-done =
    🎉 Thank you! Your order #{ $order_id } is placed.
    We will let you know when its status changes.
checkout-cart-changed = Your cart changed meanwhile. Please check it again.
checkout-address-missing = Please choose a delivery address.

payment-on_delivery = 💵 On delivery
payment-transfer = 🏦 Bank transfer
payment-telegram = 💳 Card in Telegram

orders-title = 📦 Your orders:
orders-empty = You have no orders yet.
order-card =
    📦 <b>Order #{ $order_id }</b> from { $placed }
    Status: <b>{ $status }</b>

    { $lines }

    Subtotal: { $subtotal }
order-discount = Discount: −{ $discount }
order-total =
    <b>Total: { $total }</b>
    { $payment }
    📍 { $address }
    📞 { $phone }
order-paid = ✅ Paid: { $paid_amount }
order-history =

    History:
    { $history }
order-pay = 💳 Pay
order-cancel = ✖ Cancel the order
order-cancel-confirm = Cancel order #{ $order_id }?
order-cancel-yes = ✖ Yes, cancel it
order-cannot-cancel = This order can no longer be cancelled here: please contact the shop.
order-not-found = There is no such order.
order-changed-meanwhile = The order was changed meanwhile: look again and retry.
order-transition-illegal = This status change is not possible.
order-status-cart = in the cart
order-status-new = new
order-status-confirmed = confirmed
order-status-shipped = shipped
order-status-delivered = delivered
order-status-cancelled = cancelled
order-status-notice = 📦 Your order #{ $order_id } is now: <b>{ $status }</b>.
order-placed-staff =
    🆕 <b>New order #{ $order_id }</b>
    From: { $client } (#{ $client_id }) { $username }
    { $items }
    Total: <b>{ $total }</b>
    📞 { $phone }
    📍 { $address }
    { $payment }

payment-invoice-title = Order #{ $order_id }
payment-invoice-description = Payment for order #{ $order_id }: { $total }
payment-not-payable = This order cannot be paid in Telegram now.
payment-refused-unknown = We could not find this order.
payment-refused-not-payable = This order cannot be paid any more.
payment-refused-total-changed = The order total has changed: please pay the new invoice.
payment-received = ✅ Payment for order #{ $order_id } received: { $amount }. Thank you!
payment-received-staff = 💳 Order #{ $order_id } has been paid: { $amount }.

addresses-title = 📍 Your addresses:
addresses-empty = You have no saved addresses yet.
address-add = ➕ New address
address-card =
    <b>{ $recipient }</b>
    { $street }
    { $postal_code } { $city }
    { $country }
address-is-default = ⭐ Default address
address-make-default = ⭐ Make default
address-delete = 🗑 Delete
address-delete-confirm = Delete this address?
address-delete-yes = 🗑 Yes, delete
address-deleted = Address deleted.
address-saved = Address saved.
address-edit-prompt = Type the new value of “{ $field_name }”:
address-field-recipient = Recipient
address-field-street = Street and house
address-field-city = City
address-field-postal_code = Postcode
address-field-country = Country
address-prompt-recipient = 👤 Who receives the parcel? Type the full name.
address-prompt-street = 🏠 Street, house and flat:
address-prompt-city = 🏙 City:
address-prompt-postal_code = 📮 Postcode:
address-prompt-country = 🌍 Country:
address-field-invalid = “{ $field }” is not valid: type it again (not empty and not too long; a postcode has letters, digits, spaces or "-").
address-not-found = There is no such address.
address-too-many = You already have the most addresses allowed: delete one first.

contact-prompt = 💬 Type your message to the shop, and we will answer here.
contact-sent = ✅ Your message has been sent to the shop.
contact-empty = Please type a text message.
contact-too-long = The message is too long: up to 2000 characters.
contact-staff =
    💬 <b>Message from { $client }</b> (#{ $client_id }) { $username }
    { $text }
