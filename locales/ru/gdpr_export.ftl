# Персональные данные: выгрузка из карточки, «Мои данные» для покупателей, запросы на удаление
card-export-data = 📦 Выгрузить персональные данные
gdpr-export-caption = Персональные данные клиента #{ $client_id }: data.json (для программ) и data.xlsx (по листу на раздел).
gdpr-export-failed = ⚠️ Не удалось отправить файл. Попробуйте позже.
gdpr-export-sent = 📦 Файл отправлен
gdpr-sheet-profile = Профиль
gdpr-sheet-addresses = Адреса
gdpr-sheet-orders = Заказы
gdpr-sheet-order_items = Позиции заказов
gdpr-sheet-order_status_changes = История статусов
gdpr-sheet-favorites = Избранное
gdpr-sheet-promo_redemptions = Промокоды
gdpr-sheet-referrals = Приглашённые
gdpr-sheet-chat_messages = Чат
gdpr-sheet-email_messages = Письма
gdpr-sheet-sms_messages = SMS
gdpr-sheet-tags = Метки
gdpr-sheet-audit_entries = Журнал обработки
gdpr-sheet-broadcast_deliveries = Полученные рассылки
gdpr-sheet-erasure_requests = Запросы на удаление
gdpr-sheet-staff_actions = Записи с упоминанием вас
menu-my-data = 🔐 Мои данные
gdpr-my-data =
    🔐 <b>Мои данные</b>

    Вы можете скачать всё, что магазин хранит о вас: один ZIP-файл с data.json и data.xlsx. Осталось скачиваний за ближайшие 24 часа: { $exports_left }.

    Также вы можете попросить магазин удалить ваши персональные данные. Суммы и позиции заказов остаются для учёта — без вашего имени и контактов.
gdpr-my-data-pending = ⏳ Ваш запрос на удаление #{ $request_id } от { $requested_at } в работе.
gdpr-download = ⬇️ Скачать мои данные
gdpr-erase = 🗑 Удалить мои данные
gdpr-own-caption = Ваши персональные данные в магазине: data.json (для программ) и data.xlsx.
gdpr-export-limit = ⚠️ Скачивать данные можно { $limit } { $limit ->
        [one] раз
        [few] раза
       *[many] раз
    } за 24 часа. Следующая возможность: { $next_at } UTC.
gdpr-erase-confirm =
    🗑 <b>Удалить мои данные?</b>

    Менеджер удалит ваше имя, контакты, адреса, сообщения и другие персональные данные. Это необратимо. Суммы и позиции заказов останутся для учёта — без вашего имени и контактов. Мы сообщим, когда всё будет сделано.
gdpr-erase-yes = ✅ Да, удалить мои данные
gdpr-erase-requested = ✅ Ваш запрос #{ $request_id } отправлен. О результате мы сообщим здесь.
gdpr-back = ⬅️ Назад
gdpr-erasure-done-notice = ✅ Ваш запрос на удаление персональных данных выполнен.
gdpr-erasure-refused-notice = ℹ️ Ваш запрос на удаление персональных данных отклонён — например, из-за открытого заказа или обязанности хранить документы по закону. Подробности уточните у магазина.
gdpr-erasure-staff-notice = 🗑 Клиент попросил удалить его персональные данные (запрос #{ $request_id }). См. Работа с клиентами → Запросы на удаление.
desk-erasure-requests = 🗑 Запросы на удаление ({ $erasure_open })
gdpr-requests-title = 🗑 <b>Запросы на удаление</b> (открыто: { $erasure_open })
gdpr-requests-empty = Открытых запросов нет.
gdpr-request =
    🗑 <b>Запрос на удаление #{ $request_id }</b>

    Клиент #{ $client_id }: { $client_label }
    Запрошено: { $requested_at } UTC

    Удалите данные действием «Анонимизировать» в карточке, затем нажмите «Выполнено»: клиент получит ответ на своём языке.
gdpr-request-gone = На этот запрос уже ответили.
gdpr-request-open-card = 👤 Открыть карточку клиента
gdpr-request-done = ✅ Выполнено
gdpr-request-refuse = ❌ Отклонить
gdpr-request-closed-told = Запрос закрыт, клиенту сообщено.
gdpr-request-closed-untold = Запрос закрыт; клиенту больше нельзя написать в Telegram.
