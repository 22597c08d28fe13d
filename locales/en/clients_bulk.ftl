# Bulk actions and export of the client list (staff)
clients-bulk-button = ⚙️ Bulk actions
clients-export-button = 📤 Export XLSX

bulk-header = ⚙️ <b>Bulk actions</b> on the { $total ->
        [one] client
       *[other] { $total } clients
    } of the list. Choose an action:
bulk-summary = 🔎 { $summary }
bulk-action-tag-add = 🏷 Add a tag
bulk-action-tag-remove = ✖ Remove a tag
bulk-action-block = 🚫 Block
bulk-action-unblock = ✅ Unblock
bulk-action-broadcasts-off = 🔕 Broadcasts off
bulk-action-broadcasts-on = 🔔 Broadcasts on
bulk-tag-ask = 🏷 Tap a tag or type one:
bulk-tag-error = { $error ->
        [several] ⚠️ One tag at a time, please: type it without commas.
        [too_long] ⚠️ A tag is 64 characters at most. Type a shorter one.
       *[empty] ⚠️ A tag cannot be empty. Type a tag.
    }
bulk-confirm = { $action ->
        [tag_add] Add tag «{ $tag }» to { $count ->
            [one] 1 client
           *[other] { $count } clients
        }?
        [tag_remove] Remove tag «{ $tag }» from { $count ->
            [one] 1 client
           *[other] { $count } clients
        }?
        [block] Block { $count ->
            [one] 1 client
           *[other] { $count } clients
        }? They lose the catalog and ordering.
        [unblock] Unblock { $count ->
            [one] 1 client
           *[other] { $count } clients
        }?
        [broadcasts_off] Turn broadcasts off for { $count ->
            [one] 1 client
           *[other] { $count } clients
        }?
       *[broadcasts_on] Turn broadcasts on for { $count ->
            [one] 1 client
           *[other] { $count } clients
        }?
    }
    <i>Anonymized clients are never changed; staff (owners, managers, viewers) are never blocked or unblocked in bulk.</i>
bulk-nobody = Nobody in this list would change: they all have it already, or are staff or anonymized.
bulk-yes = ✅ Yes, do it
bulk-back = ◀ Back
bulk-back-to-list = ◀ Back to the list
bulk-done = ✅ Done: { $changed ->
        [one] 1 client
       *[other] { $changed } clients
    } changed.
bulk-done-moved = <i>The list changed meanwhile: { $counted } were counted before the confirmation.</i>

export-preparing = 📤 Preparing the XLSX file of { $count ->
        [one] 1 client
       *[other] { $count } clients
    }…
export-caption = 📤 Clients: { $count } · part { $part } of { $parts }
export-empty = Nobody in the list: there is nothing to export.
export-failed = The file could not be sent. Try again in a minute.
export-too-big = The file would be over Telegram's 50 MB limit. Narrow the list with filters or a search and export again.
export-col-id = ID
export-col-name = Name
export-col-first-name = First name (Telegram)
export-col-last-name = Last name (Telegram)
export-col-username = Telegram @username
export-col-language = Language
export-col-phone = Phone
export-col-email = Email
export-col-company = Company
export-col-tags = Tags
export-col-flags = Flags
export-col-source = Source
export-col-registered = Registered (UTC)
export-col-last-seen = Last seen (UTC)
export-col-orders = Orders
export-col-total = Total spent ({ $currency })
export-col-address = Default address
export-flag-blocked = blocked
export-flag-no-broadcasts = no broadcasts
export-flag-manager = manager
export-flag-viewer = viewer
export-flag-anonymized = anonymized
export-flag-bot-blocked = blocked the bot
