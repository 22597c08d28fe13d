# Sklep klienta: menu, katalog, koszyk, zamówienie, zamówienia, adresy, kontakt, płatności
menu-catalog = 🛍 Katalog
menu-cart = 🛒 Koszyk
menu-cart-count = 🛒 Koszyk ({ $cart_lines })
menu-orders = 📦 Moje zamówienia
menu-favorites = ❤️ Ulubione
menu-addresses = 📍 Adresy
menu-contact = 💬 Kontakt ze sklepem
menu-main = 🏠 Menu
shop-blocked-alert = Twój dostęp do katalogu jest zamknięty. Napisz do nas przez „Kontakt ze sklepem”.

catalog-title = 🛍 Wybierz kategorię:
catalog-empty = W katalogu nie ma jeszcze nic.
catalog-category =
    📂 <b>{ $category }</b>
    Strona { $page } z { $pages }
catalog-product =
    <b>{ $name }</b>
    { $description }

    💰 { $price }
    { $in_cart ->
        [0] Jeszcze nie ma w koszyku.
       *[other] W koszyku: { $in_cart }
    }
catalog-favorite-on = 🤍 Do ulubionych
catalog-favorite-off = ❤️ W ulubionych
catalog-favorite-added = Dodano do ulubionych
catalog-favorite-removed = Usunięto z ulubionych
catalog-add = 🛒 Dodaj do koszyka
catalog-quantity =
    Ile sztuk: <b>{ $name }</b> ({ $price })?
    Wybierz liczbę albo wpisz od 1 do 999.
catalog-added = Dodano. W koszyku jest teraz: { $quantity }
catalog-product-gone = Ten produkt jest już niedostępny.
favorites-title = ❤️ Twoje ulubione:
favorites-empty = Nie masz jeszcze ulubionych: stuknij 🤍 przy produkcie.

cart-empty = 🛒 Twój koszyk jest pusty.
cart-summary =
    🛒 <b>Twój koszyk</b>
    { $lines }

    Suma częściowa: { $subtotal }
cart-discount = 🏷 Kod promocyjny { $promo }: −{ $discount }
cart-promo-problem = 🏷 Kod promocyjny { $promo } nie działa: { $promo_error }
cart-total = <b>Razem: { $total }</b>
cart-line = { $quantity } × { $name } — { $total }
cart-line-unavailable = ⚠️ już niedostępny
cart-line-repriced = ⚠️ cena się zmieniła, teraz { $price } za sztukę
cart-has-issues = ⚠️ Niektóre produkty zmieniły się od dodania. Przyjmij aktualne ceny (niedostępne zostaną usunięte), aby kontynuować.
cart-accept-prices = ♻️ Przyjmij aktualne ceny
cart-prices-accepted = Koszyk ma teraz aktualne ceny.
cart-promo = 🏷 Kod promocyjny
cart-checkout = ✅ Zamów
cart-line-card =
    <b>{ $name }</b>
    { $quantity } × { $price } = { $total }
    Użyj ➖ ➕ albo wpisz nową ilość (1–999).
cart-remove = 🗑 Usuń z koszyka
cart-quantity-invalid = Podaj liczbę całkowitą od 1 do 999.
cart-line-not-found = Tej pozycji nie ma już w koszyku.

promo-prompt = 🏷 Wpisz kod promocyjny:
promo-current = Zastosowany teraz: { $promo }
promo-remove = ✖ Usuń kod
promo-applied = Kod promocyjny { $code } zastosowany.
promo-invalid = Kod promocyjny ma tylko litery, cyfry, „-” i „_”, do 32 znaków.
promo-not-found = Nie ma takiego kodu promocyjnego.
promo-inactive = Ten kod promocyjny jest wyłączony.
promo-not-started = Ten kod promocyjny jeszcze nie obowiązuje.
promo-expired = Ten kod promocyjny wygasł.
promo-exhausted = Ten kod promocyjny został już wykorzystany.
promo-client-limit = Wykorzystałeś już ten kod tyle razy, ile można.
promo-min-total = Ten kod wymaga zamówienia za co najmniej { $minimum }.
promo-already-used = To zamówienie ma już kod promocyjny.

checkout-address = 📍 Gdzie dostarczyć? Wybierz zapisany adres albo dodaj nowy.
checkout-phone = 📞 Udostępnij numer telefonu przyciskiem poniżej albo wpisz go (np. +48 600 123 456).
checkout-phone-keyboard = 📱 Stuknij przycisk poniżej, aby udostępnić numer telefonu.
checkout-share-phone = 📱 Udostępnij mój numer
checkout-phone-saved = Numer telefonu zapisany.
phone-invalid = To nie wygląda na numer telefonu. Wpisz go z kodem kraju, np. +48 600 123 456.
phone-not-yours = Udostępnij swój własny kontakt przyciskiem.
checkout-email = ✉️ Wpisz e-mail do potwierdzenia albo pomiń.
email-invalid = To nie wygląda na adres e-mail, np. imie@example.com.
checkout-promo = 🏷 Masz kod promocyjny? Wpisz go albo pomiń.
checkout-comment = 💬 Coś dla kuriera albo dla nas? Wpisz albo pomiń.
checkout-comment-too-long = Komentarz jest za długi: do 1000 znaków.
checkout-payment = 💳 Jak zapłacisz?
checkout-skip = ⏭ Pomiń
checkout-summary =

    📍 { $address }
    📞 { $phone }
    ✉️ { $email }
    💬 { $comment }
    { $payment }
checkout-confirm = ✅ Potwierdź zamówienie
checkout-to-cart = 🛒 Do koszyka
checkout-done =
    🎉 Dziękujemy! Twoje zamówienie #{ $order_id } zostało złożone.
    Damy znać, gdy zmieni się jego status.
checkout-cart-changed = Koszyk zmienił się w międzyczasie. Sprawdź go jeszcze raz.
checkout-address-missing = Wybierz adres dostawy.

payment-on_delivery = 💵 Przy odbiorze
payment-transfer = 🏦 Przelew bankowy
payment-telegram = 💳 Karta w Telegramie

orders-title = 📦 Twoje zamówienia:
orders-empty = Nie masz jeszcze zamówień.
order-card =
    📦 <b>Zamówienie #{ $order_id }</b> z { $placed }
    Status: <b>{ $status }</b>

    { $lines }

    Suma częściowa: { $subtotal }
order-discount = Rabat: −{ $discount }
order-total =
    <b>Razem: { $total }</b>
    { $payment }
    📍 { $address }
    📞 { $phone }
order-paid = ✅ Zapłacono: { $paid_amount }
order-history =

    Historia:
    { $history }
order-pay = 💳 Zapłać
order-cancel = ✖ Anuluj zamówienie
order-cancel-confirm = Anulować zamówienie #{ $order_id }?
order-cancel-yes = ✖ Tak, anuluj
order-cannot-cancel = Tego zamówienia nie można już tu anulować: skontaktuj się ze sklepem.
order-not-found = Nie ma takiego zamówienia.
order-changed-meanwhile = Zamówienie zmieniło się w międzyczasie: sprawdź i spróbuj ponownie.
order-transition-illegal = Taka zmiana statusu nie jest możliwa.
order-status-cart = w koszyku
order-status-new = nowe
order-status-confirmed = potwierdzone
order-status-shipped = wysłane
order-status-delivered = dostarczone
order-status-cancelled = anulowane
order-status-notice = 📦 Twoje zamówienie #{ $order_id } ma teraz status: <b>{ $status }</b>.
order-placed-staff =
    🆕 <b>Nowe zamówienie #{ $order_id }</b>
    Od: { $client } (#{ $client_id }) { $username }
    { $items }
    Razem: <b>{ $total }</b>
    📞 { $phone }
    📍 { $address }
    { $payment }

payment-invoice-title = Zamówienie #{ $order_id }
payment-invoice-description = Płatność za zamówienie #{ $order_id }: { $total }
payment-not-payable = Tego zamówienia nie można teraz opłacić w Telegramie.
payment-refused-unknown = Nie znaleźliśmy tego zamówienia.
payment-refused-not-payable = Tego zamówienia nie można już opłacić.
payment-refused-total-changed = Kwota zamówienia się zmieniła: opłać nową fakturę.
payment-received = ✅ Otrzymaliśmy płatność za zamówienie #{ $order_id }: { $amount }. Dziękujemy!
payment-received-staff = 💳 Zamówienie #{ $order_id } zostało opłacone: { $amount }.

addresses-title = 📍 Twoje adresy:
addresses-empty = Nie masz jeszcze zapisanych adresów.
address-add = ➕ Nowy adres
address-card =
    <b>{ $recipient }</b>
    { $street }
    { $postal_code } { $city }
    { $country }
address-is-default = ⭐ Adres domyślny
address-make-default = ⭐ Ustaw jako domyślny
address-delete = 🗑 Usuń
address-delete-confirm = Usunąć ten adres?
address-delete-yes = 🗑 Tak, usuń
address-deleted = Adres usunięty.
address-saved = Adres zapisany.
address-edit-prompt = Wpisz nową wartość pola „{ $field_name }”:
address-field-recipient = Odbiorca
address-field-street = Ulica i numer
address-field-city = Miasto
address-field-postal_code = Kod pocztowy
address-field-country = Kraj
address-prompt-recipient = 👤 Kto odbierze przesyłkę? Wpisz imię i nazwisko.
address-prompt-street = 🏠 Ulica, numer domu i mieszkania:
address-prompt-city = 🏙 Miasto:
address-prompt-postal_code = 📮 Kod pocztowy:
address-prompt-country = 🌍 Kraj:
address-field-invalid = Pole „{ $field }” jest niepoprawne: wpisz je jeszcze raz (niepuste i nie za długie; kod pocztowy to litery, cyfry, spacje lub „-”).
address-not-found = Nie ma takiego adresu.
address-too-many = Masz już najwięcej dozwolonych adresów: najpierw usuń jeden.

contact-prompt = 💬 Napisz wiadomość do sklepu, odpowiemy tutaj.
contact-sent = ✅ Twoja wiadomość została wysłana do sklepu.
contact-empty = Wpisz wiadomość tekstową.
contact-too-long = Wiadomość jest za długa: do 2000 znaków.
contact-staff =
    💬 <b>Wiadomość od { $client }</b> (#{ $client_id }) { $username }
    { $text }
