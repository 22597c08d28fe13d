# Creating an order on a client's behalf (staff, from the client card)
create-order-open = 🧾 Create order
create-order-items =
    🧾 <b>New order for { $client }</b> · #{ $client_id }
    { $lines }

    Type a product's name to search, or browse the catalog. Tap a line to change it.
create-order-no-lines = No products yet.
create-order-line = { $quantity } × { $name } — { $total }
create-order-edit-line = ✏️ { $quantity } × { $name }
create-order-browse = 📂 Catalog
create-order-next = ➡️ Next: address
create-order-cancel = ✖ Cancel
create-order-back = ⬅️ Back
create-order-catalog-root = 📂 Choose a category:
create-order-catalog-empty = There is nothing to order in the catalog.
create-order-catalog-category = 📂 <b>{ $category }</b> · page { $page } of { $pages }
create-order-found =
    🔍 “{ $query }”: { $total ->
        [one] { $total } product
       *[other] { $total } products
    } · page { $page } of { $pages }
    Tap one, or type another name.
create-order-found-none = 🔍 Nothing found for “{ $query }”. Type another name.
create-order-search-invalid = Type from 1 to 64 characters of a product's name.
create-order-quantity =
    How many of <b>{ $name }</b> ({ $price })? In the order now: { $in_draft }.
    Pick a number or type one from 1 to 999.
create-order-remove-line = 🗑 Remove from the order
create-order-added = In the order: { $quantity } × { $name }
create-order-removed = Removed from the order: { $name }
create-order-product-unavailable = This product is no longer available.
create-order-too-many-lines = An order holds at most { $limit } different products.
create-order-address = 📍 Where shall the order go? Pick one of the client's addresses or type a new one.
create-order-address-new = ➕ New address
create-order-promo = 🏷 A promo code for this order? Type it, or skip.
create-order-promo-applied = Promo code { $code } applies: −{ $discount }.
create-order-promo-client-limit = This client has already used this promo code as many times as allowed.
create-order-skip = ⏭ Skip
create-order-comment = 💬 A comment for the order? Type it, or skip.
create-order-summary =
    🧾 <b>Order for { $client }</b> · #{ $client_id }
    { $lines }

    Subtotal: { $subtotal }
create-order-summary-discount = 🏷 Promo code { $promo }: −{ $discount }
create-order-summary-promo-problem = 🏷 Promo code { $promo } does not apply: { $promo_error }
create-order-summary-total =
    <b>Total: { $total }</b>
    📍 { $address }
    💬 { $comment }
    { $payment }
create-order-summary-blocked = ⚠️ This client is blocked and cannot order by themselves; you are placing this order for them.
create-order-summary-issues = ⚠️ Some products changed since they were picked: confirming will refuse and update the order.
create-order-line-gone = ⚠️ no longer available
create-order-line-repriced = ⚠️ the price is now { $price } each
create-order-payment = 🔁 { $payment }
create-order-confirm = ✅ Create the order
create-order-edit-items = ✏️ Products
create-order-done =
    ✅ Order #{ $order_id } for { $client } is created, status “new”.
create-order-notified = 📨 The client was notified in Telegram.
create-order-not-notified = ⚠️ The client could not be notified in Telegram (no chat with the bot, or they blocked it).
create-order-to-card = ⬅️ Back to the card
create-order-gone = ⚠️ No longer available: { $names }. Nothing was placed; they are removed from the order now. Check it and confirm again.
create-order-repriced = ⚠️ The price has changed for: { $names }. Nothing was placed; the order has the current prices now. Check it and confirm again.
create-order-no-items = Add at least one product first.
create-order-no-address = Choose a delivery address first.
create-order-client-gone = This client no longer exists.
create-order-anonymized = This client is anonymized: no order can be created for them.
create-order-client-notice =
    🧾 The shop has created order #{ $order_id } for you:
    { $items }
    Total: <b>{ $total }</b>
    📍 { $address }
    We will let you know when its status changes.
