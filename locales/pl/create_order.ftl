# Tworzenie zamówienia w imieniu klienta (obsługa, z karty klienta)
create-order-open = 🧾 Utwórz zamówienie
create-order-items =
    🧾 <b>Nowe zamówienie dla { $client }</b> · #{ $client_id }
    { $lines }

    Wpisz nazwę produktu, aby go wyszukać, albo przeglądaj katalog. Dotknij pozycji, aby ją zmienić.
create-order-no-lines = Na razie brak produktów.
create-order-line = { $quantity } × { $name } — { $total }
create-order-edit-line = ✏️ { $quantity } × { $name }
create-order-browse = 📂 Katalog
create-order-next = ➡️ Dalej: adres
create-order-cancel = ✖ Anuluj
create-order-back = ⬅️ Wstecz
create-order-catalog-root = 📂 Wybierz kategorię:
create-order-catalog-empty = W katalogu nie ma nic do zamówienia.
create-order-catalog-category = 📂 <b>{ $category }</b> · strona { $page } z { $pages }
create-order-found =
    🔍 „{ $query }”: { $total ->
        [one] { $total } produkt
        [few] { $total } produkty
       *[other] { $total } produktów
    } · strona { $page } z { $pages }
    Wybierz produkt albo wpisz inną nazwę.
create-order-found-none = 🔍 Nic nie znaleziono dla „{ $query }”. Wpisz inną nazwę.
create-order-search-invalid = Wpisz od 1 do 64 znaków nazwy produktu.
create-order-quantity =
    Ile sztuk <b>{ $name }</b> ({ $price })? Teraz w zamówieniu: { $in_draft }.
    Wybierz liczbę albo wpisz od 1 do 999.
create-order-remove-line = 🗑 Usuń z zamówienia
create-order-added = W zamówieniu: { $quantity } × { $name }
create-order-removed = Usunięto z zamówienia: { $name }
create-order-product-unavailable = Ten produkt nie jest już dostępny.
create-order-too-many-lines = Zamówienie może mieć najwyżej { $limit } różnych produktów.
create-order-address = 📍 Dokąd wysłać zamówienie? Wybierz jeden z adresów klienta albo wpisz nowy.
create-order-address-new = ➕ Nowy adres
create-order-promo = 🏷 Kod promocyjny do tego zamówienia? Wpisz go albo pomiń.
create-order-promo-applied = Kod { $code } obowiązuje: −{ $discount }.
create-order-promo-client-limit = Ten klient wykorzystał już ten kod tyle razy, ile było można.
create-order-skip = ⏭ Pomiń
create-order-comment = 💬 Komentarz do zamówienia? Wpisz go albo pomiń.
create-order-summary =
    🧾 <b>Zamówienie dla { $client }</b> · #{ $client_id }
    { $lines }

    Suma: { $subtotal }
create-order-summary-discount = 🏷 Kod promocyjny { $promo }: −{ $discount }
create-order-summary-promo-problem = 🏷 Kod promocyjny { $promo } nie obowiązuje: { $promo_error }
create-order-summary-total =
    <b>Razem: { $total }</b>
    📍 { $address }
    💬 { $comment }
    { $payment }
create-order-summary-blocked = ⚠️ Ten klient jest zablokowany i nie może sam zamawiać; składasz to zamówienie za niego.
create-order-summary-issues = ⚠️ Niektóre produkty zmieniły się od wybrania: potwierdzenie zostanie odrzucone, a zamówienie zaktualizowane.
create-order-line-gone = ⚠️ już niedostępny
create-order-line-repriced = ⚠️ cena wynosi teraz { $price } za sztukę
create-order-payment = 🔁 { $payment }
create-order-confirm = ✅ Utwórz zamówienie
create-order-edit-items = ✏️ Produkty
create-order-done =
    ✅ Zamówienie #{ $order_id } dla { $client } zostało utworzone, status „nowe”.
create-order-notified = 📨 Klient dostał powiadomienie w Telegramie.
create-order-not-notified = ⚠️ Nie udało się powiadomić klienta w Telegramie (brak czatu z botem albo bot jest zablokowany).
create-order-to-card = ⬅️ Wróć do karty
create-order-gone = ⚠️ Już niedostępne: { $names }. Nic nie zostało złożone; te produkty usunięto z zamówienia. Sprawdź je i potwierdź ponownie.
create-order-repriced = ⚠️ Zmieniła się cena: { $names }. Nic nie zostało złożone; zamówienie ma teraz aktualne ceny. Sprawdź je i potwierdź ponownie.
create-order-no-items = Najpierw dodaj co najmniej jeden produkt.
create-order-no-address = Najpierw wybierz adres dostawy.
create-order-client-gone = Tego klienta już nie ma.
create-order-anonymized = Ten klient jest zanonimizowany: nie można utworzyć dla niego zamówienia.
create-order-client-notice =
    🧾 Sklep utworzył dla Ciebie zamówienie #{ $order_id }:
    { $items }
    Razem: <b>{ $total }</b>
    📍 { $address }
    Damy znać, gdy zmieni się jego status.
