# Разделы карточки клиента (персонал): адреса, избранное, промокоды, текущий заказ,
# обновление из Telegram, рефералы, история
sections-open-addresses = 📍 Адреса
sections-open-favorites = ❤️ Избранное
sections-open-promos = 🎟 Промокоды
sections-open-order = 🛒 Текущий заказ
sections-open-refresh = 🔄 Обновить из Telegram
sections-open-referrals = 🤝 Рефералы
sections-open-history = 📜 История
sections-back = ⬅️ Назад
sections-back-to-card = ⬅️ К карточке
sections-cancel = ✖️ Отмена
sections-prev = ◀️
sections-next = ▶️
sections-page = { $page } / { $pages }
sections-text-only = Отправьте значение текстовым сообщением.
sections-command = Это команда, а не значение. Отправьте значение или нажмите ⬅️ Назад.
sections-client-gone = Клиента тем временем удалили или анонимизировали: ничего не изменено.
sections-client-missing = ⚠️ Этого клиента больше нет: его удалили или ссылка неверна.

sections-addresses =
    📍 <b>{ $name }</b> · #{ $id }: адреса доставки ({ $count })
sections-addresses-none = Сохранённых адресов нет.
sections-address-add = ➕ Добавить адрес
sections-address-field =
    ✏️ <b>{ $field_name }</b>
    Сейчас: { $current }

    Отправьте новое значение.
sections-address-new =
    ➕ Новый адрес, шаг { $step } из { $steps }
    { $prompt }

sections-favorites =
    ❤️ <b>{ $name }</b> · #{ $id }: избранное ({ $count })
    { $count ->
        [0] Избранных товаров нет.
       *[other] Нажмите на товар, чтобы открыть его. 🙈 — товар скрыт от покупателей.
    }
sections-product =
    📦 <b>{ $product }</b>
    📂 { $category } · 💰 { $price }
    🙈 Скрыт: { $hidden ->
        [yes] да, покупатели его не видят
       *[other] нет
    }
    { $description }
sections-product-gone = ⚠️ Этого товара больше нет в избранном клиента.

sections-promos =
    🎟 <b>{ $name }</b> · #{ $id }: использованные промокоды ({ $total })
sections-promos-none = Промокоды ещё не использовались.
sections-promo-line = • <b>{ $code }</b> · −{ $discount } · заказ #{ $order } · { $date }

sections-order =
    🛒 <b>{ $name }</b> · #{ $id }: текущий заказ #{ $order_id }
sections-order-subtotal = Сумма товаров: { $subtotal }
sections-order-line = • { $name } × { $quantity } · { $price } = { $total }
sections-order-unavailable = ⚠️ больше недоступен (удалён или скрыт)
sections-order-repriced = ⚠️ цена теперь { $price }
sections-order-promo = 🎟 { $code }: −{ $discount }
sections-order-promo-invalid = 🎟 { $code }: больше не действует
sections-order-total = 💰 <b>Итого: { $total }</b>
sections-order-issues = ⚠️ Некоторые позиции изменились после добавления: при оформлении клиенту предложат принять текущие цены.
sections-order-none = 🛒 <b>{ $name }</b> · #{ $id }: текущего заказа нет (корзина пуста).

sections-refresh = { $status ->
        [updated] 🔄 Обновлено из Telegram:
        [unchanged] 🔄 В Telegram всё то же: ничего не изменилось.
        [blocked] ⛔ Клиент заблокировал бота, Telegram ничего не сообщает. Отмечено «заблокировал бота».
        [not_found] ❓ Telegram не знает этот чат («chat not found»): возможно, клиент удалил аккаунт или не запускал бота.
        [network] 📡 Telegram не ответил вовремя (ошибка сети). Ничего не изменено; попробуйте позже.
        [busy] ⏳ Telegram просит подождать { $retry_after } с. Ничего не изменено; попробуйте позже.
        [anonymized] 🕶 Клиент анонимизирован: из Telegram о нём ничего не запрашивается.
        [no_telegram] У клиента нет привязанного аккаунта Telegram (создан менеджером): обновлять нечего.
        [missing] ⚠️ Этого клиента больше нет: его удалили или ссылка неверна.
       *[other] ⚠️ Telegram отклонил запрос. Ничего не изменено.
    }
sections-refresh-change = • { $field }: { $old } → { $new }
sections-refresh-empty = (нет)
sections-refresh-first_name = Имя
sections-refresh-last_name = Фамилия
sections-refresh-username = Юзернейм

sections-referrals =
    🤝 <b>{ $name }</b> · #{ $id }: рефералы
    🔗 Ссылка: { $link }
    Кто пригласил: { $referrer }
    👥 Привёл клиентов: { $total }
sections-open-referrer = 🤝 Карточка пригласившего
sections-referral-button = { $name } · 🛒 { $orders } · { $total }

sections-history =
    📜 <b>{ $name }</b> · #{ $id }: история ({ $total })
sections-history-none = Пока ничего не записано.
sections-history-line =
    🕓 { $date } · { $actor }
    { $action }{ $details }
sections-history-on = вкл
sections-history-off = выкл
sections-history-personal = значения записаны, не показаны
sections-actor-client = сам клиент
sections-actor-telegram = сотрудник без профиля (id { $telegram_id })
sections-actor-system = система
sections-role-owner = владелец
sections-role-manager = менеджер
sections-role-viewer = наблюдатель
sections-role-customer = покупатель
sections-action-field-changed = ✏️ Изменено поле
sections-action-password-set = 🔒 Задан пароль
sections-action-password-cleared = 🔓 Пароль удалён
sections-action-flag-changed = 🚩 Переключён флаг
sections-action-role-changed = ⭐ Изменена роль
sections-action-tag-added = 🏷 Добавлен тег
sections-action-tag-removed = 🏷 Снят тег
sections-action-email-queued = ✉️ Отправлено письмо
sections-action-email-retried = ✉️ Письмо отправлено повторно
sections-action-sms-queued = 📱 Отправлено SMS
sections-action-sms-retried = 📱 SMS отправлено повторно
sections-action-login-failed = 🔑 Неудачная попытка /login
sections-action-claimed = 🔑 Профиль занят через /login
sections-action-detached-by-claim = 🔑 Аккаунт Telegram перенесён в другой профиль
sections-action-address-added = 📍 Добавлен адрес
sections-action-address-changed = 📍 Изменён адрес
sections-action-address-default = 📍 Адрес сделан основным
sections-action-address-deleted = 📍 Удалён адрес
sections-action-profile-refreshed = 🔄 Обновлено из Telegram
sections-action-other = ⚙️ { $action }
