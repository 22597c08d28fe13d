# Broadcasts (staff desk)
desk-broadcast = 📣 Broadcast
broadcast-history =
    📣 <b>Broadcasts</b>

    { $count ->
        [0] No broadcast yet.
       *[other] The latest ones: tap one for its details.
    }
broadcast-history-item = #{ $id } · { $state } · ✅ { $sent } / { $total }
broadcast-new = ✏️ New broadcast
broadcast-back = ◀️ Back
broadcast-to-desk = ◀️ Desk
broadcast-refresh = 🔄 Refresh
broadcast-status-draft = draft
broadcast-status-queued = preparing
broadcast-status-running = sending
broadcast-status-paused = paused
broadcast-status-done = done
broadcast-status-cancelled = cancelled
broadcast-kind-text = text
broadcast-kind-photo = photo with a caption
broadcast-detail =
    📣 <b>Broadcast #{ $id }</b>: { $state }
    Created { $created } by { $author } ({ $kind })
    Audience: { $audience }

    ✅ Sent: { $sent }
    ❌ Failed: { $failed }
    ⏳ Left: { $left }
    ⏭ Skipped: { $skipped }
    Total: { $total }
broadcast-author-unknown = nobody known
broadcast-pause = ⏸ Pause
broadcast-resume = ▶️ Resume
broadcast-cancel = ⛔ Cancel the broadcast
broadcast-cancel-confirm =
    ⛔ Cancel broadcast #{ $id }? { $left ->
        [one] The client not reached yet will not get it.
       *[other] The { $left } clients not reached yet will not get it.
    } This cannot be undone.
broadcast-cancel-yes = ⛔ Yes, cancel it
broadcast-compose =
    ✏️ Send me the message for your clients: a text, or a photo with a caption.
    Bold, italic and links are kept.
broadcast-error-empty = ⚠️ Send a text or a photo.
broadcast-error-too_long = ⚠️ Too long: at most { $limit } characters. Send a shorter one.
broadcast-error-kind = ⚠️ Only a text or a photo with a caption can be broadcast.
broadcast-error-no_recipients = ⚠️ Nobody in this audience can get a broadcast. Choose another one.
broadcast-segment =
    🎯 <b>Who gets it?</b>
    { $audience }

    Recipients: { $count }
    (never blocked clients, clients who turned broadcasts off, blocked the bot or were anonymized)
broadcast-segment-all = All clients
broadcast-segment-tags = Tags (any of): { $tags }
broadcast-segment-language = Language: { $language }
broadcast-segment-source = Source: { $source }
broadcast-segment-saved = Saved segment: { $name }
broadcast-all = 👥 All clients
broadcast-tags = 🏷 Tags
broadcast-language = 🌐 Language
broadcast-source = 📍 Source
broadcast-saved = 📂 Saved segment
broadcast-any = ✖️ Any
broadcast-done-choosing = ✅ Done
broadcast-pick-tags = 🏷 Clients with any of the checked tags:
broadcast-no-tags = 🏷 There are no tags yet.
broadcast-pick-language = 🌐 Clients whose language is:
broadcast-pick-source = 📍 Clients who came from:
broadcast-pick-saved = 📂 Clients of the saved segment:
broadcast-no-saved = 📂 There are no saved segments yet.
broadcast-to-preview = 👁 Preview
broadcast-edit-message = ✏️ Change the message
broadcast-edit-audience = 🎯 Change the audience
broadcast-send = ✅ Send to { $count ->
        [one] { $count } client
       *[other] { $count } clients
    }
broadcast-confirm =
    📣 Send this message to { $count ->
        [one] { $count } client
       *[other] { $count } clients
    } now?
    You can pause or cancel it while it is being sent.
broadcast-confirm-yes = ✅ Yes, send it
broadcast-progress =
    📣 Broadcast #{ $id }: { $state }
    { $bar } { $percent }%
    ✅ Sent: { $sent } · ❌ Failed: { $failed } · ⏳ Left: { $left }
    ⚡ { $rate } per second · ETA { $eta }
