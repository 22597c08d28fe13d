# Akcje masowe i eksport listy klientów (personel)
clients-bulk-button = ⚙️ Akcje masowe
clients-export-button = 📤 Eksport XLSX

bulk-header = ⚙️ <b>Akcje masowe</b> na klientach z listy: { $total }. Wybierz akcję:
bulk-summary = 🔎 { $summary }
bulk-action-tag-add = 🏷 Dodaj tag
bulk-action-tag-remove = ✖ Usuń tag
bulk-action-block = 🚫 Zablokuj
bulk-action-unblock = ✅ Odblokuj
bulk-action-broadcasts-off = 🔕 Wyłącz mailingi
bulk-action-broadcasts-on = 🔔 Włącz mailingi
bulk-tag-ask = 🏷 Stuknij tag albo wpisz go:
bulk-tag-error = { $error ->
        [several] ⚠️ Jeden tag naraz: wpisz go bez przecinków.
        [too_long] ⚠️ Tag ma najwyżej 64 znaki. Wpisz krótszy.
       *[empty] ⚠️ Tag nie może być pusty. Wpisz tag.
    }
bulk-confirm = { $action ->
        [tag_add] Dodać tag „{ $tag }” { $count ->
            [one] { $count } klientowi
           *[other] { $count } klientom
        }?
        [tag_remove] Usunąć tag „{ $tag }” u klientów: { $count }?
        [block] Zablokować klientów: { $count }? Stracą dostęp do katalogu i zamówień.
        [unblock] Odblokować klientów: { $count }?
        [broadcasts_off] Wyłączyć mailingi dla klientów: { $count }?
       *[broadcasts_on] Włączyć mailingi dla klientów: { $count }?
    }
    <i>Klienci zanonimizowani nigdy się nie zmieniają; personel (właściciele, menedżerowie, obserwatorzy) nie jest masowo blokowany ani odblokowywany.</i>
bulk-nobody = Na tej liście nic by się nie zmieniło: wszyscy już to mają albo to personel lub klienci zanonimizowani.
bulk-yes = ✅ Tak, wykonaj
bulk-back = ◀ Wstecz
bulk-back-to-list = ◀ Do listy
bulk-done = ✅ Gotowe: zmienieni klienci — { $changed }.
bulk-done-moved = <i>Lista zmieniła się w międzyczasie: przed potwierdzeniem policzono { $counted }.</i>

export-preparing = 📤 Przygotowuję plik XLSX, klientów: { $count }…
export-caption = 📤 Klienci: { $count } · część { $part } z { $parts }
export-empty = Lista jest pusta: nie ma czego eksportować.
export-failed = Nie udało się wysłać pliku. Spróbuj za minutę.
export-too-big = Plik przekroczyłby limit Telegrama 50 MB. Zawęź listę filtrami lub wyszukiwaniem i wyeksportuj ponownie.
export-col-id = ID
export-col-name = Nazwa
export-col-first-name = Imię (Telegram)
export-col-last-name = Nazwisko (Telegram)
export-col-username = Telegram @username
export-col-language = Język
export-col-phone = Telefon
export-col-email = E-mail
export-col-company = Firma
export-col-tags = Tagi
export-col-flags = Flagi
export-col-source = Źródło
export-col-registered = Rejestracja (UTC)
export-col-last-seen = Ostatnia aktywność (UTC)
export-col-orders = Zamówienia
export-col-total = Suma zamówień ({ $currency })
export-col-address = Adres domyślny
export-flag-blocked = zablokowany
export-flag-no-broadcasts = bez mailingów
export-flag-manager = menedżer
export-flag-viewer = obserwator
export-flag-anonymized = zanonimizowany
export-flag-bot-blocked = zablokował bota
