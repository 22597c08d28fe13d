# the client's 📜 History: names of the actions added after the screen was written
sections-action-order-created = 🛒 Placed an order for the client
sections-action-order-note = 📝 Wrote an order note
sections-action-client-anonymized = 🕶 Anonymized the client's data
sections-action-personal-data-exported = 📤 Exported the client's personal data
sections-action-personal-data-self-exported = 📤 Downloaded their own data
sections-action-erasure-requested = 🗑 Asked to erase their data
sections-action-erasure-done = 🗑 Marked the erasure request as done
sections-action-erasure-refused = 🗑 Refused the erasure request
sections-history-trigger-manager = by staff
sections-history-trigger-retention = by the retention policy
sections-history-note-cleared = note removed
