# Zarządzanie katalogiem (personel)
desk-catalog = 🗂 Katalog

catalog-admin-categories =
    🗂 <b>Katalog</b>
    { $total ->
        [0] Nie ma jeszcze kategorii.
        [one] { $total } kategoria. Wybierz ją, aby zobaczyć produkty.
        [few] { $total } kategorie. Wybierz jedną, aby zobaczyć produkty.
       *[many] { $total } kategorii. Wybierz jedną, aby zobaczyć produkty.
    }
catalog-admin-new-category = ➕ Nowa kategoria
catalog-admin-export = 📤 Eksport XLSX
catalog-admin-import = 📥 Import XLSX
catalog-admin-category =
    📁 <b>{ $name }</b>
    { $hidden ->
        [yes] 🙈 Ukryta przed klientami
       *[no] 👁 Widoczna dla klientów
    }
catalog-admin-description-text = <i>{ $description }</i>
catalog-admin-category-count = { $count ->
        [0] Nie ma jeszcze produktów.
        [one] { $count } produkt:
        [few] { $count } produkty:
       *[many] { $count } produktów:
    }
catalog-admin-new-product = ➕ Produkt
catalog-admin-new-subcategory = ➕ Podkategoria
catalog-admin-rename = ✏️ Zmień nazwę
catalog-admin-describe = 📝 Opis
catalog-admin-up = ⬆️ Wyżej
catalog-admin-down = ⬇️ Niżej
catalog-admin-toggle-hidden = { $hidden ->
        [yes] 👁 Pokaż
       *[no] 🙈 Ukryj
    }
catalog-admin-ask-category-name = { $purpose ->
        [rename] ✏️ Wyślij nową nazwę kategorii (1–128 znaków).
        [sub] ➕ Wyślij nazwę nowej podkategorii (1–128 znaków).
       *[new] ➕ Wyślij nazwę nowej kategorii (1–128 znaków).
    }
catalog-admin-ask-category-description = 📝 Wyślij opis kategorii (do 4000 znaków).
catalog-admin-remove-description = 🗑 Usuń opis

catalog-admin-product =
    🛍 <b>{ $name }</b>
    📁 { $category }
    💰 { $price }
    🏷 SKU: { $sku } · 📦 Stan: { $stock }
    { $hidden ->
        [yes] 🙈 Ukryty przed klientami
       *[no] 👁 Widoczny dla klientów
    }
catalog-admin-edit-name = ✏️ Nazwa
catalog-admin-edit-price = 💰 Cena
catalog-admin-edit-description = 📝 Opis
catalog-admin-edit-photo = 🖼 Zdjęcie
catalog-admin-move = 📁 Przenieś
catalog-admin-delete = 🗑 Usuń
catalog-admin-ask-product-name = { $mode ->
        [new] ➕ Nowy produkt, krok 1 z 4: wyślij nazwę (1–255 znaków).
       *[edit] ✏️ Wyślij nową nazwę dla „{ $product }” (1–255 znaków).
    }
catalog-admin-ask-product-price = { $mode ->
        [new] 💰 Krok 2 z 4: wyślij cenę „{ $product }”, np. 12.50 lub 12,50.
       *[edit] 💰 Wyślij nową cenę dla „{ $product }”, np. 12.50 lub 12,50.
    }
catalog-admin-ask-product-description = { $mode ->
        [new] 📝 Krok 3 z 4: wyślij opis (do 4000 znaków) albo pomiń.
       *[edit] 📝 Wyślij nowy opis dla „{ $product }” (do 4000 znaków).
    }
catalog-admin-ask-product-photo = { $mode ->
        [new] 🖼 Krok 4 z 4: wyślij zdjęcie produktu albo zapisz bez zdjęcia.
       *[edit] 🖼 Wyślij nowe zdjęcie dla „{ $product }”.
    }
catalog-admin-description-skip = ⏭ Pomiń
catalog-admin-description-remove = 🗑 Usuń opis
catalog-admin-photo-skip = 💾 Zapisz bez zdjęcia
catalog-admin-photo-remove = 🗑 Usuń zdjęcie
catalog-admin-ask-move = 📁 Do której kategorii przenieść „{ $product }”?
catalog-admin-ask-delete = 🗑 Usunąć „{ $name }” na zawsze? Tego nie można cofnąć.
catalog-admin-delete-yes = 🗑 Tak, usuń
catalog-admin-delete-no = ✖️ Nie

catalog-admin-export-caption = 📤 Wszystkie produkty katalogu.
catalog-admin-export-failed = Nie udało się wysłać pliku. Spróbuj ponownie.
catalog-admin-import-help =
    📥 <b>Import produktów</b>
    Wyślij plik .xlsx (do { $max_mb } MB, { $max_rows } wierszy). Pierwszy wiersz zawiera nazwy kolumn: sku, category, name, price (wymagane), description, currency, hidden, stock, position. Podkategorię zapisuje się jako „Nadrzędna / Podrzędna”.
    Produkty są dopasowywane po sku: znane są aktualizowane, nowe tworzone; brak kolumny opcjonalnej pozostawia to pole produktów bez zmian. Jeśli choć jeden wiersz jest błędny, nic nie zostanie zaimportowane.
catalog-admin-import-row = wiersz { $row }: { $reason }
catalog-admin-import-rejected = { $count ->
        [one] ❌ Nic nie zaimportowano: { $count } wiersz jest błędny.
        [few] ❌ Nic nie zaimportowano: { $count } wiersze są błędne.
       *[many] ❌ Nic nie zaimportowano: { $count } wierszy jest błędnych.
    }
catalog-admin-import-more-errors = …i jeszcze { $count }.
catalog-admin-import-done =
    ✅ Zaimportowano. Utworzone produkty: { $created }, zaktualizowane: { $updated }, bez zmian: { $unchanged }; nowe kategorie: { $categories_created }.
catalog-admin-import-send-file = Wyślij plik .xlsx jako dokument.
catalog-admin-import-too-big = Plik jest za duży: najwyżej { $mb } MB.
catalog-admin-import-download-failed = Nie udało się pobrać pliku. Wyślij go ponownie.
catalog-admin-import-not-xlsx = To nie jest skoroszyt .xlsx.
catalog-admin-import-missing-columns = W pierwszym wierszu brakuje kolumn: { $columns }.
catalog-admin-import-too-many-rows = Za dużo wierszy: najwyżej { $max }.
catalog-admin-import-empty = W pliku nie ma wierszy z produktami.
catalog-admin-import-bad-flag = hidden „{ $value }” to ani „tak”, ani „nie”.
catalog-admin-import-bad-integer = { $column } „{ $value }” nie jest liczbą całkowitą.
catalog-admin-import-no-sku = puste sku.
catalog-admin-import-long-sku = sku dłuższe niż { $max } znaków.
catalog-admin-import-bad-currency = waluta { $value } to nie waluta sklepu { $shop }.
catalog-admin-import-repeated-sku = to samo sku co w wierszu { $first }.

catalog-admin-error-name-empty = Nazwa jest pusta.
catalog-admin-error-name-long = Nazwa jest za długa: { $length } znaków, najwyżej { $max }.
catalog-admin-error-price-not-number = Cena „{ $value }” nie jest liczbą. Wyślij ją np. jako 12.50.
catalog-admin-error-price-not-positive = Kwota musi być większa od zera.
catalog-admin-error-price-too-large = Kwota jest za duża: najwyżej { $max }.
catalog-admin-error-price-decimals = Najwyżej dwie cyfry po przecinku.
catalog-admin-error-description-long = Opis jest za długi: najwyżej { $max } znaków.
catalog-admin-error-category-gone = Ta kategoria już nie istnieje.
catalog-admin-error-nesting = Możliwy jest tylko jeden poziom podkategorii.
catalog-admin-error-product-gone = Ten produkt już nie istnieje.
catalog-admin-error-product-ordered = Ten produkt jest w zamówieniach, więc nie można go usunąć. Ukryj go zamiast tego.
catalog-admin-error-not-photo = Wyślij zdjęcie (jako obraz, nie plik).
catalog-admin-error-price-whole = Waluta sklepu nie ma części ułamkowych: wyślij kwotę całkowitą.
