# Customer main menu
menu-greeting =
    👋 Hello, { $name }!
    Welcome to our shop. Choose what you need below.
menu-invite = 🤝 Invite friends
menu-language = 🌐 Language
menu-desk = 🧑‍💼 Client desk
back = ⬅️ Back

language-choose = 🌐 Choose your language:
language-saved = Language saved

referral-info =
    🤝 Share your personal link:
    { $link }

    { $joined ->
        [0] Nobody has joined through it yet.
        [one] { $joined } person has joined through it.
       *[other] { $joined } people have joined through it.
    }

unknown-input = I did not understand that. Here is the menu.
button-expired = This button is no longer active.
