# Wysyłki masowe (panel obsługi)
desk-broadcast = 📣 Wysyłka
broadcast-history =
    📣 <b>Wysyłki</b>

    { $count ->
        [0] Nie było jeszcze żadnej wysyłki.
       *[other] Ostatnie wysyłki: dotknij, aby zobaczyć szczegóły.
    }
broadcast-history-item = #{ $id } · { $state } · ✅ { $sent } / { $total }
broadcast-new = ✏️ Nowa wysyłka
broadcast-back = ◀️ Wstecz
broadcast-to-desk = ◀️ Panel
broadcast-refresh = 🔄 Odśwież
broadcast-status-draft = szkic
broadcast-status-queued = przygotowanie
broadcast-status-running = wysyłanie
broadcast-status-paused = wstrzymana
broadcast-status-done = zakończona
broadcast-status-cancelled = anulowana
broadcast-kind-text = tekst
broadcast-kind-photo = zdjęcie z podpisem
broadcast-detail =
    📣 <b>Wysyłka #{ $id }</b>: { $state }
    Utworzona { $created } przez: { $author } ({ $kind })
    Odbiorcy: { $audience }

    ✅ Wysłano: { $sent }
    ❌ Błędy: { $failed }
    ⏳ Pozostało: { $left }
    ⏭ Pominięto: { $skipped }
    Razem: { $total }
broadcast-author-unknown = nieznany
broadcast-pause = ⏸ Wstrzymaj
broadcast-resume = ▶️ Wznów
broadcast-cancel = ⛔ Anuluj wysyłkę
broadcast-cancel-confirm =
    ⛔ Anulować wysyłkę #{ $id }? { $left ->
        [one] { $left } klient, do którego jeszcze nie dotarła, jej nie dostanie.
        [few] { $left } klientów, do których jeszcze nie dotarła, jej nie dostanie.
       *[other] { $left } klientów, do których jeszcze nie dotarła, jej nie dostanie.
    } Tego nie można cofnąć.
broadcast-cancel-yes = ⛔ Tak, anuluj
broadcast-compose =
    ✏️ Wyślij mi wiadomość dla klientów: tekst albo zdjęcie z podpisem.
    Pogrubienie, kursywa i linki zostaną zachowane.
broadcast-error-empty = ⚠️ Wyślij tekst albo zdjęcie.
broadcast-error-too_long = ⚠️ Za długie: najwyżej { $limit } znaków. Wyślij krótszą wiadomość.
broadcast-error-kind = ⚠️ Można wysłać tylko tekst albo zdjęcie z podpisem.
broadcast-error-no_recipients = ⚠️ W tej grupie nikt nie może dostać wysyłki. Wybierz inną.
broadcast-segment =
    🎯 <b>Kto ją dostanie?</b>
    { $audience }

    Odbiorców: { $count }
    (bez zablokowanych, tych, którzy wyłączyli wysyłki, zablokowali bota lub zostali zanonimizowani)
broadcast-segment-all = Wszyscy klienci
broadcast-segment-tags = Tagi (dowolny z): { $tags }
broadcast-segment-language = Język: { $language }
broadcast-segment-source = Źródło: { $source }
broadcast-segment-saved = Zapisany segment: { $name }
broadcast-all = 👥 Wszyscy klienci
broadcast-tags = 🏷 Tagi
broadcast-language = 🌐 Język
broadcast-source = 📍 Źródło
broadcast-saved = 📂 Segment
broadcast-any = ✖️ Dowolny
broadcast-done-choosing = ✅ Gotowe
broadcast-pick-tags = 🏷 Klienci z dowolnym z zaznaczonych tagów:
broadcast-no-tags = 🏷 Nie ma jeszcze tagów.
broadcast-pick-language = 🌐 Klienci, których język to:
broadcast-pick-source = 📍 Klienci ze źródła:
broadcast-pick-saved = 📂 Klienci zapisanego segmentu:
broadcast-no-saved = 📂 Nie ma jeszcze zapisanych segmentów.
broadcast-to-preview = 👁 Podgląd
broadcast-edit-message = ✏️ Zmień wiadomość
broadcast-edit-audience = 🎯 Zmień odbiorców
broadcast-send = ✅ Wyślij do { $count ->
        [one] { $count } klienta
       *[other] { $count } klientów
    }
broadcast-confirm =
    📣 Wysłać tę wiadomość teraz do { $count ->
        [one] { $count } klienta
       *[other] { $count } klientów
    }?
    Podczas wysyłania można ją wstrzymać lub anulować.
broadcast-confirm-yes = ✅ Tak, wyślij
broadcast-progress =
    📣 Wysyłka #{ $id }: { $state }
    { $bar } { $percent }%
    ✅ Wysłano: { $sent } · ❌ Błędy: { $failed } · ⏳ Pozostało: { $left }
    ⚡ { $rate } na sekundę · pozostały czas: { $eta }
