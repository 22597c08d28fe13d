# Zarządzanie kodami rabatowymi (personel)
desk-promo = 🎟 Kody rabatowe

promo-admin-list =
    🎟 <b>Kody rabatowe</b>
    { $total ->
        [0] Nie ma jeszcze kodów rabatowych.
        [one] { $total } kod. Najpierw aktywne; użycia pokazane jako użyte/limit.
        [few] { $total } kody. Najpierw aktywne; użycia pokazane jako użyte/limit.
       *[many] { $total } kodów. Najpierw aktywne; użycia pokazane jako użyte/limit.
    }
promo-admin-new = ➕ Nowy kod rabatowy
promo-admin-card =
    🎟 <b>{ $code }</b> · { $status ->
        [active] ✅ aktywny
       *[inactive] ⛔ nieaktywny
    }
    Rabat: { $value }
    Minimalna wartość zamówienia: { $min_total }
    Ważny: { $period ->
            [none] bez ograniczeń dat
           *[some] { $valid_from } – { $valid_until } (UTC)
        }
    Użyty: { $uses } z { $max_uses }; na klienta: { $per_client }

    { $redemptions_total ->
        [0] Nikt go jeszcze nie użył.
        [one] { $redemptions_total } użycie:
        [few] { $redemptions_total } użycia:
       *[many] { $redemptions_total } użyć:
    }
promo-admin-redemption-line = • { $date } · { $client } · zamówienie nr { $order } · −{ $discount }
promo-admin-toggle-active = { $status ->
        [active] ⛔ Dezaktywuj
       *[inactive] ✅ Aktywuj ponownie
    }
promo-admin-ask-code =
    ➕ <b>Nowy kod rabatowy</b>
    Wyślij kod: 3–32 litery łacińskie, cyfry, „-” lub „_”. Zapisujemy go wielkimi literami.
promo-admin-ask-kind = 🎟 { $code }: jaki rodzaj rabatu?
promo-admin-kind-percent = % Procent
promo-admin-kind-fixed = 💵 Stała kwota
promo-admin-ask-value = { $kind ->
        [percent] Wyślij procent: więcej niż 0, najwyżej 100 (np. 10 lub 12.5).
       *[fixed] Wyślij kwotę w { $currency } (np. 5 lub 4.99).
    }
promo-admin-ask-min-total = Minimalna wartość zamówienia w { $currency }, przy której kod działa? Wyślij kwotę albo pomiń.
promo-admin-ask-valid-from = Pierwszy dzień ważności kodu (RRRR-MM-DD, UTC)? Wyślij datę albo pomiń.
promo-admin-ask-valid-until = Ostatni dzień ważności kodu (RRRR-MM-DD, UTC)? Wyślij datę albo pomiń.
promo-admin-ask-max-uses = Ile razy łącznie można użyć kodu? Wyślij liczbę albo pomiń, aby nie ograniczać.
promo-admin-ask-max-per-client = Ile razy może go użyć jeden klient? Wyślij liczbę albo pomiń, aby nie ograniczać.
promo-admin-summary =
    🎟 <b>{ $code }</b>
    Rabat: { $value }
    Minimalna wartość zamówienia: { $min_total }
    Ważny: { $period ->
            [none] bez ograniczeń dat
           *[some] { $valid_from } – { $valid_until } (UTC)
        }
    Użyć łącznie: { $max_uses }; na klienta: { $per_client }

    Utworzyć ten kod rabatowy?
promo-admin-create = ✅ Utwórz
promo-admin-skip = ⏭ Pomiń
promo-admin-cancel = ✖️ Anuluj

promo-admin-error-code = Kod to 3–32 litery łacińskie, cyfry, „-” lub „_”, bez spacji i innych znaków.
promo-admin-error-code-taken = Kod { $code } już istnieje. Wybierz inny.
promo-admin-error-percent = Procent musi być większy od 0 i najwyżej 100.
promo-admin-error-date = „{ $value }” nie jest datą. Wyślij ją jako RRRR-MM-DD, np. 2026-12-31.
promo-admin-error-until-before-from = Ostatni dzień nie może być przed pierwszym ({ $start }).
promo-admin-error-limit = Wyślij liczbę całkowitą od 1 do { $max }.
promo-admin-error-gone = Ten kod rabatowy już nie istnieje.
promo-admin-error-draft = Formularz jest niepełny. Zacznij nowy kod od początku.
promo-admin-error-per-client-above-total = Jeden klient nie może użyć kodu więcej razy niż wynosi limit łączny ({ $total }).
