# Client card (staff)
card-empty = —
card-main =
    👤 <b>{ $name }</b> · #{ $id }
    Telegram: { $telegram_name } · { $username } · id { $telegram_id }
    🌐 Language: { $language }
    📞 Phone: { $phone }
    ✉️ Email: { $email }
    🏢 Company: { $company }
    📍 Address: { $address }
    🧭 Source: { $source }
    🤝 Referred by: { $referrer }
    🗓 Registered: { $registered }
    🟢 Last seen: { $last_seen }
    🛒 Orders: { $orders } · total { $total } · average check { $average }
    🏷 Tags: { $tags }
    🚩 Flags: { $flags }
    🔑 Login: { $login } · password { $password ->
        [yes] set
       *[other] not set
    }
    📝 Description: { $description }
card-anonymized =
    🕶 <b>Anonymized client #{ $id }</b>
    🗓 Registered: { $registered }
    🛒 Orders: { $orders } · total { $total } · average check { $average }
card-missing = ⚠️ This client no longer exists: deleted meanwhile, or the link is wrong.
card-edit-general = ✏️ Edit: general
card-edit-tags = 🏷 Edit: tags
card-close = ⬅️ Back to the list
card-back = ⬅️ Back
card-clear = 🗑 Clear
card-general =
    ✏️ <b>{ $name }</b> · #{ $id }: general
    👤 Name: { $custom_name }
    🔑 Login: { $login }
    🔒 Password: { $password ->
        [yes] set
       *[other] not set
    }
    📝 Description: { $description }
    📞 Phone: { $phone }
    ✉️ Email: { $email }
    🏢 Company: { $company }
    🚩 Flags: { $flags }

    Tap a field to change it, or a flag to switch it on or off.
card-field-custom-name = 👤 Name
card-field-login = 🔑 Login
card-field-password = 🔒 Password
card-field-description = 📝 Description
card-field-phone = 📞 Phone
card-field-email = ✉️ Email
card-field-company = 🏢 Company
card-password-state = { $password ->
        [yes] set
       *[other] not set
    }
card-field-prompt =
    ✏️ <b>{ $field_label }</b>
    Now: { $current }

    { $field ->
        [password] Send the new password (at least 8 characters). I delete your message at once; the password is never shown.
        [phone] Send the phone number in international format, e.g. +48 601 234 567.
        [email] Send the email address.
        [login] Send the login (3 to 64 letters, digits or . _ - @ +). With it and a password the client takes this profile over from another Telegram account by /login.
       *[other] Send the new value.
    }
card-flag-blocked = Blocked, no access to the catalog
card-flag-broadcasts-off = Mass broadcast blocked
card-flag-manager = Sees all orders and clients
card-flag-viewer = Viewer: sees the desk, read only
card-flag-bot-blocked = Blocked the bot
card-tags =
    🏷 <b>{ $name }</b> · #{ $id }: tags
    { $tags }

    Type new tags separated by commas, or tap one of the shop's tags below. ✖ removes a tag from this client.
card-error-empty = The value is empty. Send some text, or go back.
card-error-too-long = Too long: at most { $limit } { $limit ->
        [one] character
       *[other] characters
    }.
card-error-too-short = Too short: at least { $limit } { $limit ->
        [one] character
       *[other] characters
    }.
card-error-too-many = Too many at once: at most { $limit } tags.
card-error-login-chars = A login may hold letters, digits and . _ - @ + only.
card-error-login-taken = This login is taken by another client.
card-error-phone = This is not a valid phone number. Use the international format, e.g. +48 601 234 567.
card-error-email = This is not a valid email address.
card-error-text-only = Send the value as a text message.
card-error-command = This is a command, not a value. Send the value, or tap ⬅️ Back.

# /login (customers)
login-ask-login = 🔑 Send your login. (/cancel to stop)
login-ask-password = 🔒 Now send your password. I delete that message at once.
login-claimed = ✅ Done: this Telegram account now has your profile.
login-already-yours = This profile is already linked to this Telegram account.
login-wrong = ❌ Wrong login or password. { $attempts ->
        [one] One attempt left.
       *[other] Attempts left: { $attempts }.
    } Send /login to try again.
login-limited = ⛔ Too many wrong attempts. Try again in 15 minutes.
login-text-only = Send it as a text message, or /cancel.
login-cancelled = Cancelled.
