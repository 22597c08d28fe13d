# Settings (owners): mail server and SMS gateway; email and SMS to clients
desk-settings = ⚙️ Settings
settings-title =
    ⚙️ <b>Settings</b>

    Only the shop's owners see this.
settings-mail = 📧 Mail server
settings-sms = 📱 SMS gateway
settings-cancel = ✖️ Cancel
settings-saved = ✅ Saved.
settings-send-text = Please send this as a text message.
settings-bad-secret = The password or token must be one line of at most 256 characters. Nothing was saved; send it again.
settings-secret-key-missing = ⚠️ Cannot store a password: SECRET_KEY is not set. Set SECRET_KEY (a long random string) in the bot's environment or .env file, restart the bot and enter the password again. Your message was deleted and nothing was saved.

## Mail server
mail-settings-empty =
    📧 <b>Mail server</b>

    No mail server is set up yet: emails to clients cannot be sent.
mail-settings-current =
    📧 <b>Mail server</b>

    Server: { $host }:{ $port }
    Security: { $security ->
        [starttls] STARTTLS
        [tls] TLS
       *[none] none (plain)
    }
    Login: { $user }
    Password: { $password ->
        [set] stored encrypted
        [unreadable] ⚠️ cannot be decrypted
       *[none] none
    }
    Sender: { $sender }
mail-password-reenter = ⚠️ The stored password cannot be decrypted with the current SECRET_KEY (it was changed or removed). Set up the server again and re-enter the password.
mail-setup = ✏️ Set up the server
mail-send-test = 📨 Send a test email
mail-step-host = Step 1 of 6. Send the SMTP server's address, e.g. <code>smtp.example.com</code>.
mail-step-port = Step 2 of 6. Send the port: usually 587 for STARTTLS, 465 for TLS, 25 without encryption.
mail-step-security = Step 3 of 6. How does the server protect the connection?
mail-security-none = None (plain)
mail-security-starttls = STARTTLS
mail-security-tls = TLS
mail-step-user = Step 4 of 6. Send the login for the server, or choose "no login".
mail-no-login = No login
mail-step-password = Step 5 of 6. Send the password. It is stored encrypted and your message is deleted at once.
mail-keep-password = Keep the current password
mail-step-sender = Step 6 of 6. Send the sender's address (From), e.g. <code>shop@example.com</code>.
mail-step-test = Send the address the test email should go to.
mail-test-sent = ✅ The test email was sent to { $test_to }.
mail-test-failed = ❌ The test email was not sent: { $reason }
mail-test-subject = Test email from your shop bot
mail-test-body = This is a test email. If you can read it, the shop's mail server settings work.
mail-bad-host = ⚠️ That is not a server address. Send a host name like smtp.example.com or an IP address.
mail-bad-port = ⚠️ The port must be a number from 1 to 65535.
mail-bad-email = ⚠️ That is not a valid email address.
mail-bad-user = ⚠️ The login must be one word without spaces, at most 254 characters.
mail-not-configured = ⚠️ No mail server is set up. An owner can set it in ⚙️ Settings → 📧 Mail server.
mail-client-no-email = ⚠️ This client has no email address. Add one in the client's card first.
mail-client-bad-email = ⚠️ The client's email address is not valid. Correct it in the client's card first.
mail-password-unreadable = ⚠️ The mail server's stored password cannot be decrypted (SECRET_KEY was changed or is not set). An owner must re-enter the password in ⚙️ Settings → 📧 Mail server.
mail-bad-subject = ⚠️ The subject must be 1 to 200 characters.
mail-bad-body = ⚠️ The text must be 1 to 10000 characters.
mail-retry-not-failed = This email is not a failed one: nothing to resend.
mail-error = ⚠️ The email could not be sent.
outbox-client-gone = ⚠️ This client no longer exists.

## SMS gateway
sms-settings-empty =
    📱 <b>SMS gateway</b>

    No SMS gateway is set up: the client card offers no SMS.
sms-settings-current =
    📱 <b>SMS gateway</b>

    Provider: { $provider ->
        [twilio] Twilio
       *[smsapi] SMSAPI
    } ({ $api_url })
sms-settings-twilio =
    Account SID: { $account_sid }
    From number: { $sender }
sms-settings-smsapi = Sender name: { $sender }
sms-settings-token = Token: { $token ->
        [set] stored encrypted
        [unreadable] ⚠️ cannot be decrypted
       *[none] none
    }
sms-token-reenter = ⚠️ The stored token cannot be decrypted with the current SECRET_KEY (it was changed or removed). Set up the gateway again and re-enter the token.
sms-setup = ✏️ Set up the gateway
sms-remove = 🗑 Remove the gateway
sms-removed = 🗑 The SMS gateway was removed.
sms-step-provider = Which SMS gateway does the shop use?
sms-provider-smsapi-pl = SMSAPI (smsapi.pl)
sms-provider-smsapi-com = SMSAPI (smsapi.com)
sms-provider-twilio = Twilio
sms-step-account-sid = Send the Twilio Account SID (it starts with AC).
sms-step-token = Send the API token (SMSAPI: an OAuth token; Twilio: the Auth Token). It is stored encrypted and your message is deleted at once.
sms-step-from-number = Send the Twilio number to send from, in international format, e.g. +15005550006.
sms-step-sender-name = Send the sender name registered at SMSAPI (up to 11 letters and digits), or use the account's default.
sms-no-sender = Account default
sms-bad-sid = ⚠️ A Twilio Account SID is AC followed by 32 hexadecimal characters.
sms-bad-from-number = ⚠️ Send a valid phone number in international format, starting with +.
sms-bad-sender-name = ⚠️ The sender name is up to 11 letters, digits, spaces, dots or dashes.
sms-not-configured = ⚠️ No SMS gateway is set up. An owner can set it in ⚙️ Settings → 📱 SMS gateway.
sms-client-no-phone = ⚠️ This client has no phone number. Add one in the client's card first.
sms-client-bad-phone = ⚠️ The client's phone number is not valid for SMS: store it with the country code, e.g. +48 601 234 567.
sms-token-unreadable = ⚠️ The SMS gateway's stored token cannot be decrypted (SECRET_KEY was changed or is not set). An owner must re-enter it in ⚙️ Settings → 📱 SMS gateway.
sms-bad-text = ⚠️ An SMS is 1 to 480 characters.
sms-retry-not-failed = This SMS is not a failed one: nothing to resend.
sms-error = ⚠️ The SMS could not be sent.

## The client's emails and SMS (from the card)
card-email = ✉️ Email
card-sms = 📱 SMS
card-emails-title = ✉️ <b>Emails</b>: { $total }
client-mail-header =
    ✉️ <b>Emails to { $name }</b>
    Address: { $email }
    Sent so far: { $total }
client-mail-line = { $status ->
        [sent] ✅
        [failed] ❌
       *[queued] ⏳
    } { $date } · { $subject }{ $status ->
        [failed] {" "}— { $reason }
       *[other] {""}
    }
client-mail-sent = ✅ The email was sent.
client-mail-failed = ❌ The email was not sent: { $reason }
    It is kept in the list below; 🔁 sends it again.
client-mail-write = ✍️ Write an email
client-mail-step-subject = Send the subject of the email (up to 200 characters).
client-mail-step-body = Send the text of the email.
client-mail-confirm =
    <b>Send this email?</b>
    To: { $to }
    Subject: { $subject }

    { $body }
client-mail-send = 📨 Send
client-sms-header =
    📱 <b>SMS to { $name }</b>
    Phone: { $phone }
    Sent so far: { $total }
client-sms-line = { $status ->
        [sent] ✅
        [failed] ❌
       *[queued] ⏳
    } { $date } · { $text }{ $status ->
        [failed] {" "}— { $reason }
       *[other] {""}
    }
client-sms-sent = ✅ The SMS was sent.
client-sms-failed = ❌ The SMS was not sent: { $reason }
    It is kept in the list below; 🔁 sends it again.
client-sms-write = ✍️ Write an SMS
client-sms-step-text = Send the text of the SMS (up to { $limit } characters).
client-sms-confirm =
    <b>Send this SMS?</b>
    To: { $to } ({ $length } characters)

    { $text }
client-sms-send = 📨 Send
