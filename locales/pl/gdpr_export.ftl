# Dane osobowe: eksport z karty, „Moje dane” dla klientów, wnioski o usunięcie
card-export-data = 📦 Eksport danych osobowych
gdpr-export-caption = Dane osobowe klienta #{ $client_id }: data.json (do odczytu maszynowego) i data.xlsx (arkusz na każdą sekcję).
gdpr-export-failed = ⚠️ Nie udało się wysłać pliku. Spróbuj ponownie później.
gdpr-export-sent = 📦 Plik wysłany
gdpr-sheet-profile = Profil
gdpr-sheet-addresses = Adresy
gdpr-sheet-orders = Zamówienia
gdpr-sheet-order_items = Pozycje zamówień
gdpr-sheet-order_status_changes = Historia statusów
gdpr-sheet-favorites = Ulubione
gdpr-sheet-promo_redemptions = Kody promocyjne
gdpr-sheet-referrals = Poleceni
gdpr-sheet-chat_messages = Czat
gdpr-sheet-email_messages = E-maile
gdpr-sheet-sms_messages = SMS
gdpr-sheet-tags = Tagi
gdpr-sheet-audit_entries = Rejestr przetwarzania
gdpr-sheet-broadcast_deliveries = Otrzymane mailingi
gdpr-sheet-erasure_requests = Wnioski o usunięcie
gdpr-sheet-staff_actions = Wpisy, które cię wymieniają
menu-my-data = 🔐 Moje dane
gdpr-my-data =
    🔐 <b>Moje dane</b>

    Możesz pobrać wszystko, co sklep o tobie przechowuje: jeden plik ZIP z data.json i data.xlsx. Pozostałe pobrania w ciągu najbliższych 24 godzin: { $exports_left }.

    Możesz też poprosić sklep o usunięcie twoich danych osobowych. Kwoty i pozycje zamówień zostają na potrzeby księgowości — bez twojego imienia i kontaktów.
gdpr-my-data-pending = ⏳ Twój wniosek o usunięcie #{ $request_id } z { $requested_at } jest w realizacji.
gdpr-download = ⬇️ Pobierz moje dane
gdpr-erase = 🗑 Usuń moje dane
gdpr-own-caption = Twoje dane osobowe przechowywane przez sklep: data.json (do odczytu maszynowego) i data.xlsx.
gdpr-export-limit = ⚠️ Dane można pobrać { $limit } razy w ciągu 24 godzin. Następna możliwość: { $next_at } UTC.
gdpr-erase-confirm =
    🗑 <b>Usunąć moje dane?</b>

    Menedżer usunie twoje imię, kontakty, adresy, wiadomości i inne dane osobowe. Tego nie można cofnąć. Kwoty i pozycje zamówień zostają na potrzeby księgowości — bez twojego imienia i kontaktów. Powiadomimy cię, gdy to zrobimy.
gdpr-erase-yes = ✅ Tak, usuń moje dane
gdpr-erase-requested = ✅ Twój wniosek #{ $request_id } został wysłany. O wyniku poinformujemy cię tutaj.
gdpr-back = ⬅️ Wstecz
gdpr-erasure-done-notice = ✅ Twój wniosek o usunięcie danych osobowych został zrealizowany.
gdpr-erasure-refused-notice = ℹ️ Twój wniosek o usunięcie danych osobowych został odrzucony, np. z powodu otwartego zamówienia lub prawnego obowiązku przechowywania dokumentów. Szczegóły uzyskasz w sklepie.
gdpr-erasure-staff-notice = 🗑 Klient poprosił o usunięcie swoich danych osobowych (wniosek #{ $request_id }). Zobacz Obsługa klientów → Wnioski o usunięcie.
desk-erasure-requests = 🗑 Wnioski o usunięcie ({ $erasure_open })
gdpr-requests-title = 🗑 <b>Wnioski o usunięcie</b> (otwarte: { $erasure_open })
gdpr-requests-empty = Brak otwartych wniosków.
gdpr-request =
    🗑 <b>Wniosek o usunięcie #{ $request_id }</b>

    Klient #{ $client_id }: { $client_label }
    Złożony: { $requested_at } UTC

    Usuń dane akcją „Anonimizuj” w karcie, a potem naciśnij „Zrealizowano”: klient dostanie odpowiedź w swoim języku.
gdpr-request-gone = Na ten wniosek już odpowiedziano.
gdpr-request-open-card = 👤 Otwórz kartę klienta
gdpr-request-done = ✅ Zrealizowano
gdpr-request-refuse = ❌ Odrzuć
gdpr-request-closed-told = Wniosek zamknięty, klient został powiadomiony.
gdpr-request-closed-untold = Wniosek zamknięty; do klienta nie da się już napisać w Telegramie.
