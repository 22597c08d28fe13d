# Analityka: klienta (z karty) i sklepu (z panelu)
analytics-card-button = 📊 Analityka
analytics-desk-button = 📊 Analityka sklepu
analytics-back = ⬅️ Wstecz
analytics-none = —
analytics-anonymized-name = Zanonimizowany klient #{ $id }
analytics-client =
    📊 <b>{ $name }</b> · #{ $id }: analityka

    🛒 Zamówienia (złożone, nieanulowane): { $orders }
    💰 Wydatki i średnia wartość zamówienia:
    { $spend }
    🗓 Pierwsze zamówienie: { $first }
    🗓 Ostatnie zamówienie: { $last }

    <b>Zamówienia według statusu</b>
    { $statuses }

    <b>Najczęściej kupowane produkty</b>
    { $products }
analytics-client-missing = ⚠️ Tego klienta już nie ma: został usunięty albo link jest błędny.
analytics-spend-line = { $total } w { $orders ->
        [one] { $orders } zamówieniu
       *[other] { $orders } zamówieniach
    } · średnia wartość { $average }
analytics-status-line = { $status }: { $count }
analytics-product-line = { $place }. { $name } × { $quantity } · { $amount }
analytics-chart-button = 📈 Wykres wydatków
analytics-chart-client-title = Wydatki miesięcznie, ostatnie 12 miesięcy ({ $currencies })
analytics-chart-client-caption = 📈 { $name }: wydatki miesięcznie, ostatnie 12 miesięcy
analytics-chart-empty = Brak wydatków w ostatnich 12 miesiącach: nie ma czego rysować.
analytics-chart-failed = Nie udało się wysłać wykresu. Spróbuj ponownie później.
analytics-shop =
    📊 <b>Analityka sklepu</b>

    👥 Klienci: { $clients }

    <b>Skąd przyszli klienci</b>
    { $sources }

    <b>Najpopularniejsze tagi</b>
    { $tags }

    <b>Najlepsi polecający</b>
    { $referrers }

    <b>Średnia wartość zamówienia, { $period_name }</b>
    { $averages }
analytics-as-of = 🕒 Stan na { $as_of } UTC. Wykresy: nowi klienci tygodniowo i przychód miesięcznie.
analytics-source-line = { $source }: { $count } ({ $share }%)
analytics-source-other = inne źródła: { $count }
analytics-tag-line = { $tag }: { $count }
analytics-referrer-line = { $name } #{ $id }: { $count ->
        [one] { $count } klient
        [few] { $count } klientów
       *[many] { $count } klientów
    }
analytics-period-30d = 30 dni
analytics-period-90d = 90 dni
analytics-period-12m = 12 miesięcy
analytics-period-all = cały okres
analytics-charts-button = 📈 Wykresy
analytics-refresh = 🔄 Odśwież
analytics-chart-new-clients-title = Nowi klienci tygodniowo, ostatnie 12 tygodni
analytics-chart-new-clients-caption = 📈 Nowi klienci tygodniowo (stan na { $as_of } UTC)
analytics-chart-revenue-title = Przychód miesięcznie, ostatnie 12 miesięcy ({ $currencies })
analytics-chart-revenue-caption = 📈 Przychód miesięcznie (stan na { $as_of } UTC)
