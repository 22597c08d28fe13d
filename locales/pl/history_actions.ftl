# 📜 Historia klienta: nazwy działań dodanych po powstaniu ekranu
sections-action-order-created = 🛒 Złożono zamówienie za klienta
sections-action-order-note = 📝 Notatka do zamówienia
sections-action-client-anonymized = 🕶 Zanonimizowano dane klienta
sections-action-personal-data-exported = 📤 Wyeksportowano dane osobowe klienta
sections-action-personal-data-self-exported = 📤 Klient pobrał swoje dane
sections-action-erasure-requested = 🗑 Prośba o usunięcie danych
sections-action-erasure-done = 🗑 Prośbę o usunięcie oznaczono jako wykonaną
sections-action-erasure-refused = 🗑 Odrzucono prośbę o usunięcie
sections-history-trigger-manager = przez personel
sections-history-trigger-retention = według okresu przechowywania
sections-history-note-cleared = notatkę usunięto
