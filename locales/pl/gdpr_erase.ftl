# Anonimizacja (RODO), usunięcie klienta, okres przechowywania danych (personel)
card-anonymize = 🕶 Anonimizuj (RODO)
card-delete = 🗑 Usuń klienta
gdpr-anonymize-warning =
    🕶 <b>Zanonimizować { $name } · #{ $id }?</b>

    ⚠️ <b>Tego nie można cofnąć.</b> Wszystkie dane osobowe klienta zostaną usunięte ze wszystkich tabel: imiona, @username, Telegram id, telefon, e-mail, firma, login i hasło, opis, kod polecający, tagi, adresy, ulubione, kopie kontaktu i adresu w zamówieniach, wiadomości i pliki czatu, e-maile i SMS-y, chat id wysyłek, dane osobowe cytowane w historii.

    Zostają: kwoty i pozycje zamówień, do księgowości. Klient będzie widoczny jako „Zanonimizowany klient #{ $id }”, a jeśli ta sama osoba napisze ponownie, zostanie nowym, niepowiązanym klientem.
gdpr-anonymize-yes = 🕶 Tak, anonimizuj na zawsze
gdpr-no = ✖️ Nie, wróć do karty
gdpr-anonymized = 🕶 <b>Klient #{ $id } został zanonimizowany.</b> Sprawdzono potem, nie znaleziono dawnych danych:
gdpr-check-line = ✔ { $kind } ({ $rows })
gdpr-kind-names = Imiona
gdpr-kind-telegram = Telegram id, @username, język
gdpr-kind-contacts = Telefon, e-mail, firma, opis
gdpr-kind-login = Login, hasło, kod polecający
gdpr-kind-search = Wyszukiwanie
gdpr-kind-tags = Tagi
gdpr-kind-addresses = Adresy
gdpr-kind-favorites = Ulubione
gdpr-kind-orders = Kopie kontaktu i adresu w zamówieniach
gdpr-kind-chat = Wiadomości i pliki czatu
gdpr-kind-emails = E-maile
gdpr-kind-sms = SMS-y
gdpr-kind-broadcasts = Wysyłki
gdpr-kind-audit = Historia
gdpr-kind-other = Inne zapisy
gdpr-refused-open-orders = ⛔ Odmowa: klient ma { $count ->
    [one] { $count } otwarte zamówienie
    [few] { $count } otwarte zamówienia
   *[other] { $count } otwartych zamówień
    } (nowe, potwierdzone lub wysłane), które wciąż potrzebuje adresu i kontaktu. Najpierw je zakończ lub anuluj.
gdpr-refused-staff = ⛔ Odmowa: to profil personelu (właściciel, menedżer lub obserwator). Najpierw właściciel odbiera rolę.
gdpr-check-failed = ⛔ Zatrzymano i wycofano, nic nie zmieniono: dawne dane wciąż znaleziono w { $places }.
gdpr-gone = ⚠️ Ten klient został w międzyczasie usunięty lub zanonimizowany.
gdpr-delete-warning =
    🗑 <b>Usunąć { $name } · #{ $id }?</b>

    ⚠️ <b>Tego nie można cofnąć.</b> Usuwane są: profil, tagi, adresy, ulubione, czat, e-maile i SMS-y, dane osobowe cytowane w historii.

    Zostają: zamówienia z kwotami i pozycjami, do księgowości, z usuniętymi kopiami kontaktu i adresu i bez powiązania z klientem.
gdpr-delete-yes = 🗑 Tak, usuń na zawsze
gdpr-deleted = 🗑 <b>Klient #{ $id } został usunięty.</b> Jego zamówienia zostają do księgowości, bez danych osobowych.
gdpr-back-to-card = ⬅️ Wstecz
settings-retention = 🗄 Okres przechowywania danych
retention-main =
    🗄 <b>Okres przechowywania danych</b>
    Klienci bez aktywności (bez wizyt i zamówień) dłużej niż ten okres i bez otwartych zamówień są anonimizowani przez codzienne zadanie. Personel nigdy.

    Stan: { $status ->
        [on] włączone, po { $years } latach
       *[other] wyłączone
    }
    Ostatnie uruchomienie: { $last_run }
    Próbne liczenie teraz: przy okresie { $pending } lat zanonimizowanych zostałoby klientów: { $count }.

    Wybierz okres w latach:
retention-recount = 🔄 Policz ponownie
retention-turn-on = ▶️ Włącz…
retention-save-years = 💾 Zastosuj nowy okres…
retention-turn-off = ⏹ Wyłącz
retention-confirm =
    ⚠️ <b>Przechowywać dane { $pending } lat?</b>
    Teraz przy następnym codziennym uruchomieniu (w ciągu godziny) zanonimizowanych zostałoby klientów: { $count }. Anonimizacji nie można cofnąć.
retention-yes = ✅ Tak, włącz
retention-no = ✖️ Nie
retention-saved = ✅ Zapisano.
