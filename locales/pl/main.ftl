# Menu główne klienta
menu-greeting =
    👋 Dzień dobry, { $name }!
    Witamy w naszym sklepie. Wybierz poniżej, czego potrzebujesz.
menu-invite = 🤝 Zaproś znajomych
menu-language = 🌐 Język
menu-desk = 🧑‍💼 Panel klientów
back = ⬅️ Wstecz

language-choose = 🌐 Wybierz język:
language-saved = Język zapisany

referral-info =
    🤝 Udostępnij swój osobisty link:
    { $link }

    { $joined ->
        [0] Nikt jeszcze z niego nie dołączył.
        [one] Dołączyła z niego { $joined } osoba.
        [few] Dołączyły z niego { $joined } osoby.
       *[many] Dołączyło z niego { $joined } osób.
    }

unknown-input = Nie zrozumiałem. Oto menu.
button-expired = Ten przycisk nie jest już aktywny.
