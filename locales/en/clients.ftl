# Client list (staff)
clients-open = 👥 Clients
clients-desk-as-of = <i>as of { $as_of } UTC</i>
clients-list-header =
    👥 <b>Clients</b>: { $total }
    Page { $page } of { $pages } · sorted by { $sort }
clients-summary = 🔎 { $summary }
clients-row =
    <b>{ $n }.</b> { $label }
    📅 { $registered } · 🛒 { $orders } · 💰 { $total } · 📥 { $source } · 🏠 { $address }
clients-none = Nobody matches. Type another search or reset the filters.
clients-anonymized = 🕶 Anonymized client #{ $id }
clients-search-hint = Type a name, @username, phone, email, login, tag or Telegram id to search.
clients-search-too-long = The search text is too long (64 characters at most). Try a shorter one.
clients-back = ◀ Back
clients-show-list = ✅ Show the list
clients-reset = ✖ Reset filters and search
clients-sort-button = 🔃 Sort
clients-filters-button = 🔎 Filters
clients-segments-button = 📁 Segments

clients-sort-header = 🔃 <b>Sort the list by</b>
clients-sort-name = name
clients-sort-registered = registration date
clients-sort-activity = last activity
clients-sort-orders = orders count
clients-sort-total = total spent

clients-filters-header =
    🔎 <b>Filters</b>
    { $summary }
clients-no-filters = No filters: every client.
clients-filter-tags = 🏷 Tags
clients-filter-flags = 🚩 Flags
clients-filter-source = 📥 Source
clients-filter-language = 🌐 Language
clients-filter-registered = 📅 Registered within
clients-filter-active = 🟢 Active within
clients-has-orders-button-any = 🛒 Orders: any
clients-has-orders-button-yes = 🛒 Orders: has orders
clients-has-orders-button-no = 🛒 Orders: none yet
clients-has-orders-yes = 🛒 has orders
clients-has-orders-no = 🛒 no orders
clients-registered-within = 📅 registered in the last { $days ->
        [one] day
       *[other] { $days } days
    }
clients-active-within = 🟢 active in the last { $days ->
        [one] day
       *[other] { $days } days
    }
clients-days = { $days ->
        [one] 1 day
       *[other] { $days } days
    }
clients-flag-blocked = 🚫 blocked
clients-flag-no-broadcasts = 🔕 no broadcasts
clients-flag-manager = ⭐ manager
clients-flag-viewer = 👁 viewer
clients-flag-bot-blocked = ⛔ blocked the bot
clients-flag-anonymized = 🕶 anonymized
clients-tags-header = 🏷 <b>Clients with any of these tags</b> (tap to choose)
clients-no-tags = No tags yet: add them on a client's card.
clients-flags-header = 🚩 <b>Clients with all of these flags</b> (tap to choose)
clients-source-header = 📥 <b>Clients who came from</b>
clients-language-header = 🌐 <b>Clients whose language is</b>
clients-period-header = { $which ->
        [active] 🟢 <b>Clients active within</b>
       *[registered] 📅 <b>Clients registered within</b>
    }

clients-segments-header = 📁 <b>Saved segments</b>: tap one to filter the list by it.
clients-no-segments = No saved segments yet: set filters, then “Save as segment”.
clients-save-segment = 💾 Save as segment
clients-segment-ask-name =
    💾 Send a name for this segment:
    { $summary }
clients-segment-name-invalid = A segment name is 1 to 64 characters. Send another name.
clients-segment-name-taken = A segment with this name exists already. Send another name.

clients-inline-description = 🛒 { $orders } · 💰 { $total }
clients-inline-message = Client #{ $id }
clients-inline-open = Open in the bot
