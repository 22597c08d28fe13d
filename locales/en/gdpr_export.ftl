# Personal data: export from the card, "My data" for customers, erasure requests
card-export-data = 📦 Export personal data
gdpr-export-caption = Personal data of client #{ $client_id }: data.json (machine-readable) and data.xlsx (a sheet per section).
gdpr-export-failed = ⚠️ The file could not be sent. Please try again later.
gdpr-export-sent = 📦 File sent
gdpr-sheet-profile = Profile
gdpr-sheet-addresses = Addresses
gdpr-sheet-orders = Orders
gdpr-sheet-order_items = Order items
gdpr-sheet-order_status_changes = Order status history
gdpr-sheet-favorites = Favorites
gdpr-sheet-promo_redemptions = Promo codes
gdpr-sheet-referrals = Referrals
gdpr-sheet-chat_messages = Chat
gdpr-sheet-email_messages = Emails
gdpr-sheet-sms_messages = SMS
gdpr-sheet-tags = Tags
gdpr-sheet-audit_entries = Processing log
gdpr-sheet-broadcast_deliveries = Broadcasts received
gdpr-sheet-erasure_requests = Erasure requests
gdpr-sheet-staff_actions = Records naming you
menu-my-data = 🔐 My data
gdpr-my-data =
    🔐 <b>My data</b>

    You can download everything the shop holds about you: one ZIP file with data.json and data.xlsx. Downloads left in the next 24 hours: { $exports_left }.

    You can also ask the shop to erase your personal data. Order amounts and items are kept for accounting, without your name or contacts.
gdpr-my-data-pending = ⏳ Your erasure request #{ $request_id } of { $requested_at } is being handled.
gdpr-download = ⬇️ Download my data
gdpr-erase = 🗑 Erase my data
gdpr-own-caption = Your personal data held by the shop: data.json (machine-readable) and data.xlsx.
gdpr-export-limit = ⚠️ You can download your data { $limit } times in 24 hours. Next possible at { $next_at } UTC.
gdpr-erase-confirm =
    🗑 <b>Erase my data?</b>

    A manager will erase your name, contacts, addresses, messages and other personal data. It cannot be undone. Order amounts and items stay for accounting, without your name or contacts. We will tell you when it is done.
gdpr-erase-yes = ✅ Yes, erase my data
gdpr-erase-requested = ✅ Your request #{ $request_id } has been sent. We will tell you the outcome here.
gdpr-back = ⬅️ Back
gdpr-erasure-done-notice = ✅ Your request to erase your personal data has been carried out.
gdpr-erasure-refused-notice = ℹ️ Your request to erase your personal data was refused, for example because of an open order or a legal duty to keep records. Please contact the shop for details.
gdpr-erasure-staff-notice = 🗑 A client asked to erase their personal data (request #{ $request_id }). See Client desk → Erasure requests.
desk-erasure-requests = 🗑 Erasure requests ({ $erasure_open })
gdpr-requests-title = 🗑 <b>Erasure requests</b> (open: { $erasure_open })
gdpr-requests-empty = No open requests.
gdpr-request =
    🗑 <b>Erasure request #{ $request_id }</b>

    Client #{ $client_id }: { $client_label }
    Requested: { $requested_at } UTC

    Erase the data with the card's Anonymize action, then press Done: the client is told the outcome in their language.
gdpr-request-gone = This request has already been answered.
gdpr-request-open-card = 👤 Open the client card
gdpr-request-done = ✅ Done
gdpr-request-refuse = ❌ Refuse
gdpr-request-closed-told = The request is closed and the client has been told.
gdpr-request-closed-untold = The request is closed; the client cannot be reached in Telegram any more.
