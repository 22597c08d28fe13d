# Ustawienia (właściciele): serwer poczty i bramka SMS; e-maile i SMS-y do klientów
desk-settings = ⚙️ Ustawienia
settings-title =
    ⚙️ <b>Ustawienia</b>

    Ten dział widzą tylko właściciele sklepu.
settings-mail = 📧 Serwer poczty
settings-sms = 📱 Bramka SMS
settings-cancel = ✖️ Anuluj
settings-saved = ✅ Zapisano.
settings-send-text = Wyślij to jako wiadomość tekstową.
settings-bad-secret = Hasło lub token to jedna linia, najwyżej 256 znaków. Nic nie zapisano; wyślij ponownie.
settings-secret-key-missing = ⚠️ Nie można zapisać hasła: SECRET_KEY nie jest ustawiony. Ustaw SECRET_KEY (długi losowy ciąg) w środowisku bota lub w pliku .env, uruchom bota ponownie i podaj hasło jeszcze raz. Twoja wiadomość została usunięta, nic nie zapisano.

## Serwer poczty
mail-settings-empty =
    📧 <b>Serwer poczty</b>

    Serwer poczty nie jest jeszcze skonfigurowany: nie można wysyłać e-maili do klientów.
mail-settings-current =
    📧 <b>Serwer poczty</b>

    Serwer: { $host }:{ $port }
    Zabezpieczenie: { $security ->
        [starttls] STARTTLS
        [tls] TLS
       *[none] brak (bez szyfrowania)
    }
    Login: { $user }
    Hasło: { $password ->
        [set] przechowywane w postaci zaszyfrowanej
        [unreadable] ⚠️ nie da się odszyfrować
       *[none] brak
    }
    Nadawca: { $sender }
mail-password-reenter = ⚠️ Zapisanego hasła nie da się odszyfrować bieżącym SECRET_KEY (został zmieniony lub usunięty). Skonfiguruj serwer ponownie i podaj hasło jeszcze raz.
mail-setup = ✏️ Skonfiguruj serwer
mail-send-test = 📨 Wyślij testowy e-mail
mail-step-host = Krok 1 z 6. Wyślij adres serwera SMTP, np. <code>smtp.example.com</code>.
mail-step-port = Krok 2 z 6. Wyślij port: zwykle 587 dla STARTTLS, 465 dla TLS, 25 bez szyfrowania.
mail-step-security = Krok 3 z 6. Jak serwer zabezpiecza połączenie?
mail-security-none = Brak (bez szyfrowania)
mail-security-starttls = STARTTLS
mail-security-tls = TLS
mail-step-user = Krok 4 z 6. Wyślij login do serwera albo wybierz „Bez loginu”.
mail-no-login = Bez loginu
mail-step-password = Krok 5 z 6. Wyślij hasło. Jest przechowywane w postaci zaszyfrowanej, a Twoja wiadomość zostanie od razu usunięta.
mail-keep-password = Zostaw obecne hasło
mail-step-sender = Krok 6 z 6. Wyślij adres nadawcy (From), np. <code>shop@example.com</code>.
mail-step-test = Wyślij adres, na który ma trafić testowy e-mail.
mail-test-sent = ✅ Testowy e-mail wysłano na { $test_to }.
mail-test-failed = ❌ Testowy e-mail nie został wysłany: { $reason }
mail-test-subject = Testowy e-mail od bota Twojego sklepu
mail-test-body = To jest testowy e-mail. Jeśli go czytasz, ustawienia serwera poczty sklepu działają.
mail-bad-host = ⚠️ To nie jest adres serwera. Wyślij nazwę hosta, np. smtp.example.com, albo adres IP.
mail-bad-port = ⚠️ Port to liczba od 1 do 65535.
mail-bad-email = ⚠️ To nie jest poprawny adres e-mail.
mail-bad-user = ⚠️ Login to jedno słowo bez spacji, najwyżej 254 znaki.
mail-not-configured = ⚠️ Serwer poczty nie jest skonfigurowany. Właściciel może go ustawić w ⚙️ Ustawienia → 📧 Serwer poczty.
mail-client-no-email = ⚠️ Ten klient nie ma adresu e-mail. Najpierw dodaj go w karcie klienta.
mail-client-bad-email = ⚠️ Adres e-mail klienta jest niepoprawny. Najpierw popraw go w karcie klienta.
mail-password-unreadable = ⚠️ Zapisanego hasła serwera poczty nie da się odszyfrować (SECRET_KEY zmieniono lub nie jest ustawiony). Właściciel musi podać hasło ponownie w ⚙️ Ustawienia → 📧 Serwer poczty.
mail-bad-subject = ⚠️ Temat musi mieć od 1 do 200 znaków.
mail-bad-body = ⚠️ Treść musi mieć od 1 do 10000 znaków.
mail-retry-not-failed = Ten e-mail nie jest nieudany: nie ma czego ponawiać.
mail-error = ⚠️ Nie udało się wysłać e-maila.
outbox-client-gone = ⚠️ Ten klient już nie istnieje.

## Bramka SMS
sms-settings-empty =
    📱 <b>Bramka SMS</b>

    Bramka SMS nie jest skonfigurowana: karta klienta nie oferuje SMS-ów.
sms-settings-current =
    📱 <b>Bramka SMS</b>

    Dostawca: { $provider ->
        [twilio] Twilio
       *[smsapi] SMSAPI
    } ({ $api_url })
sms-settings-twilio =
    Account SID: { $account_sid }
    Numer nadawcy: { $sender }
sms-settings-smsapi = Nazwa nadawcy: { $sender }
sms-settings-token = Token: { $token ->
        [set] przechowywany w postaci zaszyfrowanej
        [unreadable] ⚠️ nie da się odszyfrować
       *[none] brak
    }
sms-token-reenter = ⚠️ Zapisanego tokenu nie da się odszyfrować bieżącym SECRET_KEY (został zmieniony lub usunięty). Skonfiguruj bramkę ponownie i podaj token jeszcze raz.
sms-setup = ✏️ Skonfiguruj bramkę
sms-remove = 🗑 Usuń bramkę
sms-removed = 🗑 Bramka SMS została usunięta.
sms-step-provider = Z której bramki SMS korzysta sklep?
sms-provider-smsapi-pl = SMSAPI (smsapi.pl)
sms-provider-smsapi-com = SMSAPI (smsapi.com)
sms-provider-twilio = Twilio
sms-step-account-sid = Wyślij Account SID z Twilio (zaczyna się od AC).
sms-step-token = Wyślij token API (SMSAPI: token OAuth; Twilio: Auth Token). Jest przechowywany w postaci zaszyfrowanej, a Twoja wiadomość zostanie od razu usunięta.
sms-step-from-number = Wyślij numer Twilio, z którego mają iść SMS-y, w formacie międzynarodowym, np. +15005550006.
sms-step-sender-name = Wyślij nazwę nadawcy zarejestrowaną w SMSAPI (do 11 liter i cyfr) albo użyj domyślnej nazwy konta.
sms-no-sender = Domyślna konta
sms-bad-sid = ⚠️ Account SID w Twilio to AC i 32 znaki szesnastkowe.
sms-bad-from-number = ⚠️ Wyślij poprawny numer telefonu w formacie międzynarodowym, zaczynający się od +.
sms-bad-sender-name = ⚠️ Nazwa nadawcy to do 11 liter, cyfr, spacji, kropek lub myślników.
sms-not-configured = ⚠️ Bramka SMS nie jest skonfigurowana. Właściciel może ją ustawić w ⚙️ Ustawienia → 📱 Bramka SMS.
sms-client-no-phone = ⚠️ Ten klient nie ma numeru telefonu. Najpierw dodaj go w karcie klienta.
sms-client-bad-phone = ⚠️ Numer klienta nie nadaje się do SMS: zapisz go z kodem kraju, np. +48 601 234 567.
sms-token-unreadable = ⚠️ Zapisanego tokenu bramki SMS nie da się odszyfrować (SECRET_KEY zmieniono lub nie jest ustawiony). Właściciel musi podać go ponownie w ⚙️ Ustawienia → 📱 Bramka SMS.
sms-bad-text = ⚠️ SMS ma od 1 do 480 znaków.
sms-retry-not-failed = Ten SMS nie jest nieudany: nie ma czego ponawiać.
sms-error = ⚠️ Nie udało się wysłać SMS-a.

## E-maile i SMS-y klienta (z karty)
card-email = ✉️ E-mail
card-sms = 📱 SMS
card-emails-title = ✉️ <b>E-maile</b>: { $total }
client-mail-header =
    ✉️ <b>E-maile do: { $name }</b>
    Adres: { $email }
    Wysłanych dotąd: { $total }
client-mail-line = { $status ->
        [sent] ✅
        [failed] ❌
       *[queued] ⏳
    } { $date } · { $subject }{ $status ->
        [failed] {" "}— { $reason }
       *[other] {""}
    }
client-mail-sent = ✅ E-mail został wysłany.
client-mail-failed = ❌ E-mail nie został wysłany: { $reason }
    Został na liście poniżej; 🔁 wyśle go ponownie.
client-mail-write = ✍️ Napisz e-mail
client-mail-step-subject = Wyślij temat e-maila (do 200 znaków).
client-mail-step-body = Wyślij treść e-maila.
client-mail-confirm =
    <b>Wysłać ten e-mail?</b>
    Do: { $to }
    Temat: { $subject }

    { $body }
client-mail-send = 📨 Wyślij
client-sms-header =
    📱 <b>SMS-y do: { $name }</b>
    Telefon: { $phone }
    Wysłanych dotąd: { $total }
client-sms-line = { $status ->
        [sent] ✅
        [failed] ❌
       *[queued] ⏳
    } { $date } · { $text }{ $status ->
        [failed] {" "}— { $reason }
       *[other] {""}
    }
client-sms-sent = ✅ SMS został wysłany.
client-sms-failed = ❌ SMS nie został wysłany: { $reason }
    Został na liście poniżej; 🔁 wyśle go ponownie.
client-sms-write = ✍️ Napisz SMS
client-sms-step-text = Wyślij treść SMS-a (do { $limit } znaków).
client-sms-confirm =
    <b>Wysłać ten SMS?</b>
    Do: { $to } (znaków: { $length })

    { $text }
client-sms-send = 📨 Wyślij
