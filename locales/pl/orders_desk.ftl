# Zamówienia w panelu (personel)
orders-desk-open = 📦 Zamówienia
orders-desk-client-orders = 📦 Zamówienia
orders-desk-open-order = 📦 Otwórz zamówienie
orders-desk-client-header = 👤 { $client }
orders-desk-list-header =
    📦 <b>Zamówienia: { $status }</b> · { $total }
    Strona { $page } z { $pages }, najnowsze najpierw
orders-desk-none = Brak zamówień.
orders-desk-pick-status = 🔎 Status
orders-desk-back = ⬅️ Wstecz
orders-desk-status-header = Które zamówienia pokazać?
orders-desk-status-open = wszystkie otwarte
orders-desk-status-all = wszystkie
orders-desk-no-client = usunięty klient
orders-desk-by-client = klient
orders-desk-item = { $quantity } × { $name } · { $price } = { $total }
orders-desk-history-step = { $when } · { $status } · { $who }
orders-desk-payment = 💳 Płatność: { $method }
orders-desk-paid = ✅ Zapłacono { $amount } o { $when } · płatność { $charge }
orders-desk-card =
    📦 <b>Zamówienie #{ $id }</b> · { $status }
    🗓 Złożone: { $placed } UTC
    👤 Klient: { $client }
    📇 Kontakt: { $name } · 📞 { $phone } · ✉️ { $email }
    📍 Adres: { $address }
    { $items }
    Wartość produktów: { $subtotal }
orders-desk-discount = Rabat: −{ $discount }
orders-desk-promo = 🎟 Kod promocyjny: { $promo }
orders-desk-card-total =
    <b>Razem: { $total }</b>
    { $payment }
    ✍️ Złożył(a): { $created_by }
orders-desk-comment = 💬 Komentarz: { $comment }
orders-desk-note = 📝 Notatka menedżerów: { $note }
orders-desk-card-history =
    🕓 <b>Historia</b> (UTC)
    { $history }
orders-desk-move-to = ➡️ { $status }
orders-desk-note-button = 📝 Notatka
orders-desk-client-button = 👤 Klient
orders-desk-note-prompt = 📝 Wpisz notatkę menedżerów do tego zamówienia (klient jej nie widzi).
orders-desk-note-clear = 🗑 Usuń notatkę
orders-desk-note-too-long = Notatka jest za długa: najwyżej { $limit } znaków.
orders-desk-note-text-only = Wpisz notatkę jako tekst.
orders-desk-stale = Ktoś inny zmienił w międzyczasie to zamówienie: wczytano je ponownie, sprawdź jeszcze raz.
orders-desk-status-changed = Status: { $status }. Klient został powiadomiony.
orders-desk-more = … i { $count } więcej
