# Orders in the desk (staff)
orders-desk-open = 📦 Orders
orders-desk-client-orders = 📦 Orders
orders-desk-open-order = 📦 Open order
orders-desk-client-header = 👤 { $client }
orders-desk-list-header =
    📦 <b>Orders: { $status }</b> · { $total }
    Page { $page } of { $pages }, newest first
orders-desk-none = No orders here.
orders-desk-pick-status = 🔎 Status
orders-desk-back = ⬅️ Back
orders-desk-status-header = Which orders to show?
orders-desk-status-open = all open
orders-desk-status-all = all
orders-desk-no-client = deleted client
orders-desk-by-client = the client
orders-desk-item = { $quantity } × { $name } · { $price } = { $total }
orders-desk-history-step = { $when } · { $status } · { $who }
orders-desk-payment = 💳 Payment: { $method }
orders-desk-paid = ✅ Paid { $amount } at { $when } · charge { $charge }
orders-desk-card =
    📦 <b>Order #{ $id }</b> · { $status }
    🗓 Placed: { $placed } UTC
    👤 Client: { $client }
    📇 Contact: { $name } · 📞 { $phone } · ✉️ { $email }
    📍 Address: { $address }
    { $items }
    Subtotal: { $subtotal }
orders-desk-discount = Discount: −{ $discount }
orders-desk-promo = 🎟 Promo code: { $promo }
orders-desk-card-total =
    <b>Total: { $total }</b>
    { $payment }
    ✍️ Placed by: { $created_by }
orders-desk-comment = 💬 Comment: { $comment }
orders-desk-note = 📝 Managers' note: { $note }
orders-desk-card-history =
    🕓 <b>History</b> (UTC)
    { $history }
orders-desk-move-to = ➡️ { $status }
orders-desk-note-button = 📝 Note
orders-desk-client-button = 👤 Client
orders-desk-note-prompt = 📝 Type the managers' note for this order (the client never sees it).
orders-desk-note-clear = 🗑 Clear the note
orders-desk-note-too-long = The note is too long: at most { $limit } characters.
orders-desk-note-text-only = Please type the note as text.
orders-desk-stale = Someone else changed this order meanwhile: it is reloaded, look again.
orders-desk-status-changed = Status: { $status }. The client has been told.
orders-desk-more = … and { $count } more
