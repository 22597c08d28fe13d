# Аналитика: по клиенту (из карточки) и по магазину (из пульта)
analytics-card-button = 📊 Аналитика
analytics-desk-button = 📊 Аналитика магазина
analytics-back = ⬅️ Назад
analytics-none = —
analytics-anonymized-name = Анонимизированный клиент #{ $id }
analytics-client =
    📊 <b>{ $name }</b> · #{ $id }: аналитика

    🛒 Заказов (оформлены, не отменены): { $orders }
    💰 Потрачено и средний чек:
    { $spend }
    🗓 Первый заказ: { $first }
    🗓 Последний заказ: { $last }

    <b>Заказы по статусам</b>
    { $statuses }

    <b>Популярные товары</b>
    { $products }
analytics-client-missing = ⚠️ Этого клиента больше нет: его удалили или ссылка неверна.
analytics-spend-line = { $total } за { $orders ->
        [one] { $orders } заказ
        [few] { $orders } заказа
       *[many] { $orders } заказов
    } · средний чек { $average }
analytics-status-line = { $status }: { $count }
analytics-product-line = { $place }. { $name } × { $quantity } · { $amount }
analytics-chart-button = 📈 График трат
analytics-chart-client-title = Траты по месяцам, последние 12 месяцев ({ $currencies })
analytics-chart-client-caption = 📈 { $name }: траты по месяцам за последние 12 месяцев
analytics-chart-empty = За последние 12 месяцев трат не было: рисовать нечего.
analytics-chart-failed = Не удалось отправить график. Попробуйте позже.
analytics-shop =
    📊 <b>Аналитика магазина</b>

    👥 Клиентов: { $clients }

    <b>Откуда пришли клиенты</b>
    { $sources }

    <b>Популярные теги</b>
    { $tags }

    <b>Лучшие рефереры</b>
    { $referrers }

    <b>Средний чек, { $period_name }</b>
    { $averages }
analytics-as-of = 🕒 Данные на { $as_of } UTC. Графики: новые клиенты по неделям и выручка по месяцам.
analytics-source-line = { $source }: { $count } ({ $share }%)
analytics-source-other = другие источники: { $count }
analytics-tag-line = { $tag }: { $count }
analytics-referrer-line = { $name } #{ $id }: { $count ->
        [one] { $count } клиент
        [few] { $count } клиента
       *[many] { $count } клиентов
    }
analytics-period-30d = 30 дней
analytics-period-90d = 90 дней
analytics-period-12m = 12 месяцев
analytics-period-all = всё время
analytics-charts-button = 📈 Графики
analytics-refresh = 🔄 Обновить
analytics-chart-new-clients-title = Новые клиенты по неделям, последние 12 недель
analytics-chart-new-clients-caption = 📈 Новые клиенты по неделям (на { $as_of } UTC)
analytics-chart-revenue-title = Выручка по месяцам, последние 12 месяцев ({ $currencies })
analytics-chart-revenue-caption = 📈 Выручка по месяцам (на { $as_of } UTC)
