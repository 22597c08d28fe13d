# Sekcje karty klienta (personel): adresy, ulubione, kody rabatowe, bieżące zamówienie,
# odświeżenie z Telegrama, polecenia, historia
sections-open-addresses = 📍 Adresy
sections-open-favorites = ❤️ Ulubione
sections-open-promos = 🎟 Kody rabatowe
sections-open-order = 🛒 Bieżące zamówienie
sections-open-refresh = 🔄 Odśwież z Telegrama
sections-open-referrals = 🤝 Polecenia
sections-open-history = 📜 Historia
sections-back = ⬅️ Wstecz
sections-back-to-card = ⬅️ Do karty
sections-cancel = ✖️ Anuluj
sections-prev = ◀️
sections-next = ▶️
sections-page = { $page } / { $pages }
sections-text-only = Wyślij wartość jako wiadomość tekstową.
sections-command = To polecenie, a nie wartość. Wyślij wartość albo naciśnij ⬅️ Wstecz.
sections-client-gone = Klient został w międzyczasie usunięty lub zanonimizowany: nic nie zmieniono.
sections-client-missing = ⚠️ Tego klienta już nie ma: został usunięty albo link jest błędny.

sections-addresses =
    📍 <b>{ $name }</b> · #{ $id }: adresy dostawy ({ $count })
sections-addresses-none = Brak zapisanych adresów.
sections-address-add = ➕ Dodaj adres
sections-address-field =
    ✏️ <b>{ $field_name }</b>
    Teraz: { $current }

    Wyślij nową wartość.
sections-address-new =
    ➕ Nowy adres, krok { $step } z { $steps }
    { $prompt }

sections-favorites =
    ❤️ <b>{ $name }</b> · #{ $id }: ulubione ({ $count })
    { $count ->
        [0] Brak ulubionych produktów.
       *[other] Naciśnij produkt, aby go zobaczyć. 🙈 oznacza produkt ukryty przed klientami.
    }
sections-product =
    📦 <b>{ $product }</b>
    📂 { $category } · 💰 { $price }
    🙈 Ukryty: { $hidden ->
        [yes] tak, klienci go nie widzą
       *[other] nie
    }
    { $description }
sections-product-gone = ⚠️ Tego produktu nie ma już w ulubionych klienta.

sections-promos =
    🎟 <b>{ $name }</b> · #{ $id }: użyte kody rabatowe ({ $total })
sections-promos-none = Nie użyto jeszcze żadnego kodu.
sections-promo-line = • <b>{ $code }</b> · −{ $discount } · zamówienie #{ $order } · { $date }

sections-order =
    🛒 <b>{ $name }</b> · #{ $id }: bieżące zamówienie #{ $order_id }
sections-order-subtotal = Suma produktów: { $subtotal }
sections-order-line = • { $name } × { $quantity } · { $price } = { $total }
sections-order-unavailable = ⚠️ już niedostępny (usunięty lub ukryty)
sections-order-repriced = ⚠️ cena wynosi teraz { $price }
sections-order-promo = 🎟 { $code }: −{ $discount }
sections-order-promo-invalid = 🎟 { $code }: już nie obowiązuje
sections-order-total = 💰 <b>Razem: { $total }</b>
sections-order-issues = ⚠️ Niektóre pozycje zmieniły się od dodania: przy składaniu zamówienia klient zostanie poproszony o przyjęcie dzisiejszych cen.
sections-order-none = 🛒 <b>{ $name }</b> · #{ $id }: brak bieżącego zamówienia (koszyk jest pusty).

sections-refresh = { $status ->
        [updated] 🔄 Zaktualizowano z Telegrama:
        [unchanged] 🔄 Telegram podaje to samo: nic się nie zmieniło.
        [blocked] ⛔ Klient zablokował bota, więc Telegram nic nie podaje. Oznaczono „zablokował bota”.
        [not_found] ❓ Telegram nie zna tego czatu („chat not found”): klient mógł usunąć konto albo nigdy nie uruchomił bota.
        [network] 📡 Telegram nie odpowiedział na czas (błąd sieci). Nic nie zmieniono; spróbuj później.
        [busy] ⏳ Telegram prosi o odczekanie { $retry_after } s. Nic nie zmieniono; spróbuj później.
        [anonymized] 🕶 Ten klient jest zanonimizowany: nic nie jest pobierane z Telegrama.
        [no_telegram] Ten klient nie ma powiązanego konta Telegram (utworzył go menedżer): nie ma czego odświeżać.
        [missing] ⚠️ Tego klienta już nie ma: został usunięty albo link jest błędny.
       *[other] ⚠️ Telegram odrzucił żądanie. Nic nie zmieniono.
    }
sections-refresh-change = • { $field }: { $old } → { $new }
sections-refresh-empty = (brak)
sections-refresh-first_name = Imię
sections-refresh-last_name = Nazwisko
sections-refresh-username = Nazwa użytkownika

sections-referrals =
    🤝 <b>{ $name }</b> · #{ $id }: polecenia
    🔗 Link: { $link }
    Polecony przez: { $referrer }
    👥 Przyprowadzeni klienci: { $total }
sections-open-referrer = 🤝 Karta polecającego
sections-referral-button = { $name } · 🛒 { $orders } · { $total }

sections-history =
    📜 <b>{ $name }</b> · #{ $id }: historia ({ $total })
sections-history-none = Nic jeszcze nie zapisano.
sections-history-line =
    🕓 { $date } · { $actor }
    { $action }{ $details }
sections-history-on = wł.
sections-history-off = wył.
sections-history-personal = wartości zapisane, nie pokazane
sections-actor-client = sam klient
sections-actor-telegram = personel bez profilu (id { $telegram_id })
sections-actor-system = system
sections-role-owner = właściciel
sections-role-manager = menedżer
sections-role-viewer = obserwator
sections-role-customer = klient
sections-action-field-changed = ✏️ Zmieniono pole
sections-action-password-set = 🔒 Ustawiono hasło
sections-action-password-cleared = 🔓 Usunięto hasło
sections-action-flag-changed = 🚩 Przełączono flagę
sections-action-role-changed = ⭐ Zmieniono rolę
sections-action-tag-added = 🏷 Dodano tag
sections-action-tag-removed = 🏷 Usunięto tag
sections-action-email-queued = ✉️ Wysłano e-mail
sections-action-email-retried = ✉️ Ponowiono e-mail
sections-action-sms-queued = 📱 Wysłano SMS
sections-action-sms-retried = 📱 Ponowiono SMS
sections-action-login-failed = 🔑 Nieudana próba /login
sections-action-claimed = 🔑 Profil przejęty przez /login
sections-action-detached-by-claim = 🔑 Konto Telegram przeniesione do innego profilu
sections-action-address-added = 📍 Dodano adres
sections-action-address-changed = 📍 Zmieniono adres
sections-action-address-default = 📍 Ustawiono adres domyślny
sections-action-address-deleted = 📍 Usunięto adres
sections-action-profile-refreshed = 🔄 Odświeżono z Telegrama
sections-action-other = ⚙️ { $action }
