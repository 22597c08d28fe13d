# Список клиентов (персонал)
clients-open = 👥 Клиенты
clients-desk-as-of = <i>на { $as_of } UTC</i>
clients-list-header =
    👥 <b>Клиенты</b>: { $total }
    Страница { $page } из { $pages } · сортировка: { $sort }
clients-summary = 🔎 { $summary }
clients-row =
    <b>{ $n }.</b> { $label }
    📅 { $registered } · 🛒 { $orders } · 💰 { $total } · 📥 { $source } · 🏠 { $address }
clients-none = Никого не найдено. Введите другой запрос или сбросьте фильтры.
clients-anonymized = 🕶 Анонимизированный клиент #{ $id }
clients-search-hint = Введите имя, @username, телефон, email, логин, тег или Telegram id для поиска.
clients-search-too-long = Слишком длинный запрос (не больше 64 символов). Попробуйте короче.
clients-back = ◀ Назад
clients-show-list = ✅ Показать список
clients-reset = ✖ Сбросить фильтры и поиск
clients-sort-button = 🔃 Сортировка
clients-filters-button = 🔎 Фильтры
clients-segments-button = 📁 Сегменты

clients-sort-header = 🔃 <b>Сортировать список по</b>
clients-sort-name = имени
clients-sort-registered = дате регистрации
clients-sort-activity = последней активности
clients-sort-orders = числу заказов
clients-sort-total = сумме покупок

clients-filters-header =
    🔎 <b>Фильтры</b>
    { $summary }
clients-no-filters = Без фильтров: все клиенты.
clients-filter-tags = 🏷 Теги
clients-filter-flags = 🚩 Флаги
clients-filter-source = 📥 Источник
clients-filter-language = 🌐 Язык
clients-filter-registered = 📅 Регистрация за
clients-filter-active = 🟢 Активность за
clients-has-orders-button-any = 🛒 Заказы: не важно
clients-has-orders-button-yes = 🛒 Заказы: есть
clients-has-orders-button-no = 🛒 Заказы: нет
clients-has-orders-yes = 🛒 есть заказы
clients-has-orders-no = 🛒 нет заказов
clients-registered-within = 📅 зарегистрированы за { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
       *[many] последние { $days } дней
    }
clients-active-within = 🟢 активны за { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
       *[many] последние { $days } дней
    }
clients-days = { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
clients-flag-blocked = 🚫 заблокирован
clients-flag-no-broadcasts = 🔕 без рассылок
clients-flag-manager = ⭐ менеджер
clients-flag-viewer = 👁 наблюдатель
clients-flag-bot-blocked = ⛔ заблокировал бота
clients-flag-anonymized = 🕶 анонимизирован
clients-tags-header = 🏷 <b>Клиенты с любым из тегов</b> (нажмите, чтобы выбрать)
clients-no-tags = Тегов пока нет: добавьте их в карточке клиента.
clients-flags-header = 🚩 <b>Клиенты со всеми флагами</b> (нажмите, чтобы выбрать)
clients-source-header = 📥 <b>Клиенты из источника</b>
clients-language-header = 🌐 <b>Клиенты с языком</b>
clients-period-header = { $which ->
        [active] 🟢 <b>Клиенты, активные за</b>
       *[registered] 📅 <b>Клиенты, зарегистрированные за</b>
    }

clients-segments-header = 📁 <b>Сохранённые сегменты</b>: нажмите, чтобы отфильтровать список.
clients-no-segments = Сегментов пока нет: задайте фильтры и нажмите «Сохранить как сегмент».
clients-save-segment = 💾 Сохранить как сегмент
clients-segment-ask-name =
    💾 Отправьте название сегмента:
    { $summary }
clients-segment-name-invalid = Название сегмента — от 1 до 64 символов. Отправьте другое.
clients-segment-name-taken = Сегмент с таким названием уже есть. Отправьте другое.

clients-inline-description = 🛒 { $orders } · 💰 { $total }
clients-inline-message = Клиент #{ $id }
clients-inline-open = Открыть в боте
