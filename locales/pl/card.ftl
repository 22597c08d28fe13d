# Karta klienta (personel)
card-empty = —
card-main =
    👤 <b>{ $name }</b> · #{ $id }
    Telegram: { $telegram_name } · { $username } · id { $telegram_id }
    🌐 Język: { $language }
    📞 Telefon: { $phone }
    ✉️ Email: { $email }
    🏢 Firma: { $company }
    📍 Adres: { $address }
    🧭 Skąd przyszedł: { $source }
    🤝 Polecił: { $referrer }
    🗓 Rejestracja: { $registered }
    🟢 Ostatnio widziany: { $last_seen }
    🛒 Zamówienia: { $orders } · wartość { $total } · średni koszyk { $average }
    🏷 Tagi: { $tags }
    🚩 Oznaczenia: { $flags }
    🔑 Login: { $login } · hasło { $password ->
        [yes] ustawione
       *[other] nieustawione
    }
    📝 Opis: { $description }
card-anonymized =
    🕶 <b>Zanonimizowany klient #{ $id }</b>
    🗓 Rejestracja: { $registered }
    🛒 Zamówienia: { $orders } · wartość { $total } · średni koszyk { $average }
card-missing = ⚠️ Tego klienta już nie ma: został usunięty albo link jest błędny.
card-edit-general = ✏️ Edytuj: ogólne
card-edit-tags = 🏷 Edytuj: tagi
card-close = ⬅️ Do listy
card-back = ⬅️ Wstecz
card-clear = 🗑 Wyczyść
card-general =
    ✏️ <b>{ $name }</b> · #{ $id }: dane ogólne
    👤 Nazwa: { $custom_name }
    🔑 Login: { $login }
    🔒 Hasło: { $password ->
        [yes] ustawione
       *[other] nieustawione
    }
    📝 Opis: { $description }
    📞 Telefon: { $phone }
    ✉️ Email: { $email }
    🏢 Firma: { $company }
    🚩 Oznaczenia: { $flags }

    Kliknij pole, aby je zmienić, albo oznaczenie, aby je włączyć lub wyłączyć.
card-field-custom-name = 👤 Nazwa
card-field-login = 🔑 Login
card-field-password = 🔒 Hasło
card-field-description = 📝 Opis
card-field-phone = 📞 Telefon
card-field-email = ✉️ Email
card-field-company = 🏢 Firma
card-password-state = { $password ->
        [yes] ustawione
       *[other] nieustawione
    }
card-field-prompt =
    ✏️ <b>{ $field_label }</b>
    Teraz: { $current }

    { $field ->
        [password] Wyślij nowe hasło (co najmniej 8 znaków). Od razu usunę Twoją wiadomość; hasło nigdzie nie jest pokazywane.
        [phone] Wyślij numer telefonu w formacie międzynarodowym, np. +48 601 234 567.
        [email] Wyślij adres email.
        [login] Wyślij login (od 3 do 64 liter, cyfr lub . _ - @ +). Z loginem i hasłem klient przejmie ten profil na innym koncie Telegram poleceniem /login.
       *[other] Wyślij nową wartość.
    }
card-flag-blocked = Zablokowany, bez dostępu do katalogu
card-flag-broadcasts-off = Masowe wiadomości zablokowane
card-flag-manager = Widzi wszystkie zamówienia i klientów
card-flag-viewer = Obserwator: widzi panel, tylko odczyt
card-flag-bot-blocked = Zablokował bota
card-tags =
    🏷 <b>{ $name }</b> · #{ $id }: tagi
    { $tags }

    Wpisz nowe tagi oddzielone przecinkami albo kliknij jeden z tagów sklepu poniżej. ✖ zdejmuje tag z klienta.
card-error-empty = Pusta wartość. Wyślij tekst albo wróć.
card-error-too-long = Za długie: najwyżej { $limit } { $limit ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
card-error-too-short = Za krótkie: co najmniej { $limit } { $limit ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
card-error-too-many = Za dużo naraz: najwyżej { $limit } { $limit ->
        [one] tag
        [few] tagi
       *[other] tagów
    }.
card-error-login-chars = Login może zawierać tylko litery, cyfry oraz . _ - @ +.
card-error-login-taken = Ten login jest już zajęty przez innego klienta.
card-error-phone = To nie jest poprawny numer telefonu. Użyj formatu międzynarodowego, np. +48 601 234 567.
card-error-email = To nie jest poprawny adres email.
card-error-text-only = Wyślij wartość jako wiadomość tekstową.
card-error-command = To jest polecenie, a nie wartość. Wyślij wartość albo kliknij ⬅️ Wstecz.

# /login (klienci)
login-ask-login = 🔑 Wyślij swój login. (/cancel, aby przerwać)
login-ask-password = 🔒 Teraz wyślij hasło. Od razu usunę tę wiadomość.
login-claimed = ✅ Gotowe: Twój profil jest teraz na tym koncie Telegram.
login-already-yours = Ten profil jest już połączony z tym kontem Telegram.
login-wrong = ❌ Błędny login lub hasło. { $attempts ->
        [one] Została { $attempts } próba.
        [few] Zostały { $attempts } próby.
       *[other] Zostało { $attempts } prób.
    } Wyślij /login, aby spróbować ponownie.
login-limited = ⛔ Za dużo błędnych prób. Spróbuj ponownie za 15 minut.
login-text-only = Wyślij to jako tekst albo /cancel.
login-cancelled = Anulowano.
