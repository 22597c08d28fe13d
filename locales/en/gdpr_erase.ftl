# Anonymize (GDPR), delete a client, data retention (staff)
card-anonymize = 🕶 Anonymize (GDPR)
card-delete = 🗑 Delete client
gdpr-anonymize-warning =
    🕶 <b>Anonymize { $name } · #{ $id }?</b>

    ⚠️ <b>This cannot be undone.</b> Every personal detail of this client is erased in every table: names, @username, Telegram id, phone, email, company, login and password, description, referral code, tags, addresses, favorites, the contact and address copies in orders, chat messages and files, emails and SMS, broadcast chat ids, personal details quoted in the history.

    What stays: the orders' amounts and items, for accounting. The client then shows as "Anonymized client #{ $id }", and if the same person writes again they become a new, unrelated client.
gdpr-anonymize-yes = 🕶 Yes, anonymize for good
gdpr-no = ✖️ No, back to the card
gdpr-anonymized = 🕶 <b>Client #{ $id } is anonymized.</b> Checked afterwards, nothing of the former data was found:
gdpr-check-line = ✔ { $kind } ({ $rows })
gdpr-kind-names = Names
gdpr-kind-telegram = Telegram id, @username, language
gdpr-kind-contacts = Phone, email, company, description
gdpr-kind-login = Login, password, referral code
gdpr-kind-search = Search
gdpr-kind-tags = Tags
gdpr-kind-addresses = Addresses
gdpr-kind-favorites = Favorites
gdpr-kind-orders = Orders' contact and address copies
gdpr-kind-chat = Chat messages and files
gdpr-kind-emails = Emails
gdpr-kind-sms = SMS
gdpr-kind-broadcasts = Broadcasts
gdpr-kind-audit = History
gdpr-kind-other = Other records
gdpr-refused-open-orders = ⛔ Refused: the client has { $count ->
    [one] an open order
   *[other] { $count } open orders
    } (new, confirmed or shipped), which still needs the address and contact. Finish or cancel it first.
gdpr-refused-staff = ⛔ Refused: this is a staff profile (owner, manager or viewer). An owner takes the role away first.
gdpr-check-failed = ⛔ Stopped and rolled back, nothing was changed: former data was still found in { $places }.
gdpr-gone = ⚠️ This client was deleted or anonymized meanwhile.
gdpr-delete-warning =
    🗑 <b>Delete { $name } · #{ $id }?</b>

    ⚠️ <b>This cannot be undone.</b> What goes: the profile, tags, addresses, favorites, the chat, emails and SMS, personal details quoted in the history.

    What stays: the orders with their amounts and items, for accounting, with their contact and address copies erased and no link to the client.
gdpr-delete-yes = 🗑 Yes, delete for good
gdpr-deleted = 🗑 <b>Client #{ $id } is deleted.</b> Their orders stay for accounting, without personal data.
gdpr-back-to-card = ⬅️ Back
settings-retention = 🗄 Data retention
retention-main =
    🗄 <b>Data retention</b>
    Clients with no activity (not seen and no order) for the period, and no open order, are anonymized by a daily job. Staff are never touched.

    Status: { $status ->
        [on] on, after { $years } years
       *[other] off
    }
    Last run: { $last_run }
    Dry run now: with { $pending } years, { $count } clients would be anonymized.

    Pick the period in years:
retention-recount = 🔄 Dry run again
retention-turn-on = ▶️ Turn on…
retention-save-years = 💾 Use the new period…
retention-turn-off = ⏹ Turn off
retention-confirm =
    ⚠️ <b>Retention after { $pending } years?</b>
    Right now { $count } clients would be anonymized at the next daily run (within an hour). Anonymization cannot be undone.
retention-yes = ✅ Yes, turn on
retention-no = ✖️ No
retention-saved = ✅ Saved.
