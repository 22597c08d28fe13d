# Lista klientów (personel)
clients-open = 👥 Klienci
clients-desk-as-of = <i>stan na { $as_of } UTC</i>
clients-list-header =
    👥 <b>Klienci</b>: { $total }
    Strona { $page } z { $pages } · sortowanie: { $sort }
clients-summary = 🔎 { $summary }
clients-row =
    <b>{ $n }.</b> { $label }
    📅 { $registered } · 🛒 { $orders } · 💰 { $total } · 📥 { $source } · 🏠 { $address }
clients-none = Nikt nie pasuje. Wpisz inne wyszukiwanie albo wyczyść filtry.
clients-anonymized = 🕶 Zanonimizowany klient #{ $id }
clients-search-hint = Wpisz imię, @username, telefon, e-mail, login, tag lub Telegram id, aby wyszukać.
clients-search-too-long = Zbyt długie wyszukiwanie (najwyżej 64 znaki). Spróbuj krócej.
clients-back = ◀ Wstecz
clients-show-list = ✅ Pokaż listę
clients-reset = ✖ Wyczyść filtry i wyszukiwanie
clients-sort-button = 🔃 Sortuj
clients-filters-button = 🔎 Filtry
clients-segments-button = 📁 Segmenty

clients-sort-header = 🔃 <b>Sortuj listę według</b>
clients-sort-name = nazwy
clients-sort-registered = daty rejestracji
clients-sort-activity = ostatniej aktywności
clients-sort-orders = liczby zamówień
clients-sort-total = sumy zakupów

clients-filters-header =
    🔎 <b>Filtry</b>
    { $summary }
clients-no-filters = Bez filtrów: wszyscy klienci.
clients-filter-tags = 🏷 Tagi
clients-filter-flags = 🚩 Flagi
clients-filter-source = 📥 Źródło
clients-filter-language = 🌐 Język
clients-filter-registered = 📅 Rejestracja w ciągu
clients-filter-active = 🟢 Aktywność w ciągu
clients-has-orders-button-any = 🛒 Zamówienia: dowolnie
clients-has-orders-button-yes = 🛒 Zamówienia: są
clients-has-orders-button-no = 🛒 Zamówienia: brak
clients-has-orders-yes = 🛒 mają zamówienia
clients-has-orders-no = 🛒 bez zamówień
clients-registered-within = 📅 zarejestrowani w ciągu { $days ->
        [one] ostatniego dnia
       *[other] ostatnich { $days } dni
    }
clients-active-within = 🟢 aktywni w ciągu { $days ->
        [one] ostatniego dnia
       *[other] ostatnich { $days } dni
    }
clients-days = { $days ->
        [one] { $days } dzień
        [few] { $days } dni
       *[many] { $days } dni
    }
clients-flag-blocked = 🚫 zablokowany
clients-flag-no-broadcasts = 🔕 bez mailingów
clients-flag-manager = ⭐ menedżer
clients-flag-viewer = 👁 obserwator
clients-flag-bot-blocked = ⛔ zablokował bota
clients-flag-anonymized = 🕶 zanonimizowany
clients-tags-header = 🏷 <b>Klienci z dowolnym z tagów</b> (dotknij, aby wybrać)
clients-no-tags = Nie ma jeszcze tagów: dodaj je na karcie klienta.
clients-flags-header = 🚩 <b>Klienci ze wszystkimi flagami</b> (dotknij, aby wybrać)
clients-source-header = 📥 <b>Klienci ze źródła</b>
clients-language-header = 🌐 <b>Klienci z językiem</b>
clients-period-header = { $which ->
        [active] 🟢 <b>Klienci aktywni w ciągu</b>
       *[registered] 📅 <b>Klienci zarejestrowani w ciągu</b>
    }

clients-segments-header = 📁 <b>Zapisane segmenty</b>: dotknij, aby przefiltrować listę.
clients-no-segments = Nie ma jeszcze segmentów: ustaw filtry i wybierz „Zapisz jako segment”.
clients-save-segment = 💾 Zapisz jako segment
clients-segment-ask-name =
    💾 Wyślij nazwę segmentu:
    { $summary }
clients-segment-name-invalid = Nazwa segmentu ma od 1 do 64 znaków. Wyślij inną.
clients-segment-name-taken = Segment o tej nazwie już istnieje. Wyślij inną.

clients-inline-description = 🛒 { $orders } · 💰 { $total }
clients-inline-message = Klient #{ $id }
clients-inline-open = Otwórz w bocie
