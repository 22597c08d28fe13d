# Chat between a client and the managers; the broadcast rate setting
chat-open = 💬 Chat
chat-header = 💬 <b>Chat with { $client }</b> (#{ $client_id })
chat-mode-hint =
    You are in chat mode: everything you send here (text, photo, document, voice) goes to the client from the shop, without your name. Their answers come here.
chat-read-only = 👁 Read-only: viewers see the chat but cannot write to the client.
chat-blocked-bot-note = ⛔ This client has blocked the bot: nothing can be delivered until they write to the shop again.
chat-recent = Last messages:
chat-sent = ✅ Delivered.
chat-history = 📜 Chat history
chat-leave = ✖️ Leave chat
chat-back = ⬅️ Back
chat-history-header = 📜 <b>Chat with { $client }</b>: page { $page } of { $pages } ({ $total } messages)
chat-history-empty = No messages yet.
chat-client-gone = This client cannot be reached in Telegram (deleted, anonymized, or added without a Telegram account).
chat-line-in = <i>{ $when }</i> 👤 { $text }
chat-line-out = <i>{ $when }</i> 🛍 { $manager }: { $text }
chat-kind-photo = 📷 [photo]
chat-kind-document = 📎 [document]
chat-kind-voice = 🎤 [voice]
chat-unsupported = Only text, photos, documents and voice messages can be sent in the chat.
chat-empty = Please type a message.
chat-too-long = The message is too long: up to 4096 characters.
chat-caption-too-long = The caption is too long: up to 1024 characters.
chat-viewer-read-only = Viewers cannot write to clients: the message was not sent.
chat-client-blocked-bot = ⛔ The client has blocked the bot: the message was not delivered. They are marked “bot blocked”.
chat-send-failed = ⚠️ Telegram did not accept the message. Please try again later.
chat-delivered = ✅ Your message has been sent to the shop. We will answer here.
chat-from-client = 💬 <b>{ $client }</b> (#{ $client_id }):
chat-reply = 💬 Reply
chat-open-card = 👤 Card

settings-rate = 🚀 Broadcast rate
rate-current =
    🚀 <b>Broadcast rate</b>: { $rate } messages per second.

    Type a new rate, from { $min } to { $max } (Telegram allows about 30 per second).
rate-invalid = Please type a number from { $min } to { $max }, e.g. 25 or 12.5. Nothing was changed.
rate-saved = ✅ Saved: { $rate } messages per second.
