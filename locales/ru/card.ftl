# Карточка клиента (сотрудники)
card-empty = —
card-main =
    👤 <b>{ $name }</b> · #{ $id }
    Telegram: { $telegram_name } · { $username } · id { $telegram_id }
    🌐 Язык: { $language }
    📞 Телефон: { $phone }
    ✉️ Email: { $email }
    🏢 Компания: { $company }
    📍 Адрес: { $address }
    🧭 Источник: { $source }
    🤝 Пригласил: { $referrer }
    🗓 Регистрация: { $registered }
    🟢 Последний визит: { $last_seen }
    🛒 Заказов: { $orders } · на сумму { $total } · средний чек { $average }
    🏷 Теги: { $tags }
    🚩 Отметки: { $flags }
    🔑 Логин: { $login } · пароль { $password ->
        [yes] задан
       *[other] не задан
    }
    📝 Описание: { $description }
card-anonymized =
    🕶 <b>Анонимизированный клиент #{ $id }</b>
    🗓 Регистрация: { $registered }
    🛒 Заказов: { $orders } · на сумму { $total } · средний чек { $average }
card-missing = ⚠️ Этого клиента больше нет: его удалили или ссылка неверна.
card-edit-general = ✏️ Изменить: общие
card-edit-tags = 🏷 Изменить: теги
card-close = ⬅️ К списку
card-back = ⬅️ Назад
card-clear = 🗑 Очистить
card-general =
    ✏️ <b>{ $name }</b> · #{ $id }: общие параметры
    👤 Имя: { $custom_name }
    🔑 Логин: { $login }
    🔒 Пароль: { $password ->
        [yes] задан
       *[other] не задан
    }
    📝 Описание: { $description }
    📞 Телефон: { $phone }
    ✉️ Email: { $email }
    🏢 Компания: { $company }
    🚩 Отметки: { $flags }

    Нажмите на поле, чтобы изменить его, или на отметку, чтобы включить или выключить её.
card-field-custom-name = 👤 Имя
card-field-login = 🔑 Логин
card-field-password = 🔒 Пароль
card-field-description = 📝 Описание
card-field-phone = 📞 Телефон
card-field-email = ✉️ Email
card-field-company = 🏢 Компания
card-password-state = { $password ->
        [yes] задан
       *[other] не задан
    }
card-field-prompt =
    ✏️ <b>{ $field_label }</b>
    Сейчас: { $current }

    { $field ->
        [password] Отправьте новый пароль (не короче 8 символов). Я сразу удалю ваше сообщение; пароль нигде не показывается.
        [phone] Отправьте номер телефона в международном формате, например +7 912 345-67-89.
        [email] Отправьте адрес электронной почты.
        [login] Отправьте логин (от 3 до 64 букв, цифр или . _ - @ +). С логином и паролем клиент заберёт этот профиль в другой аккаунт Telegram командой /login.
       *[other] Отправьте новое значение.
    }
card-flag-blocked = Заблокирован, не имеет доступа к каталогу
card-flag-broadcasts-off = Заблокирована массовая рассылка сообщений
card-flag-manager = Видит все заказы и клиентов панели продавца
card-flag-viewer = Наблюдатель: видит панель, только чтение
card-flag-bot-blocked = Заблокировал бота
card-tags =
    🏷 <b>{ $name }</b> · #{ $id }: теги
    { $tags }

    Напишите новые теги через запятую или нажмите на один из тегов магазина ниже. ✖ снимает тег с клиента.
card-error-empty = Пустое значение. Отправьте текст или вернитесь назад.
card-error-too-long = Слишком длинно: не больше { $limit } { $limit ->
        [one] символа
       *[other] символов
    }.
card-error-too-short = Слишком коротко: не меньше { $limit } { $limit ->
        [one] символа
       *[other] символов
    }.
card-error-too-many = Слишком много за раз: не больше { $limit } { $limit ->
        [one] тега
       *[other] тегов
    }.
card-error-login-chars = В логине допустимы только буквы, цифры и . _ - @ +.
card-error-login-taken = Этот логин уже занят другим клиентом.
card-error-phone = Это не похоже на номер телефона. Используйте международный формат, например +7 912 345-67-89.
card-error-email = Это не похоже на адрес электронной почты.
card-error-text-only = Отправьте значение текстовым сообщением.
card-error-command = Это команда, а не значение. Отправьте значение или нажмите ⬅️ Назад.

# /login (клиенты)
login-ask-login = 🔑 Отправьте ваш логин. (/cancel — отмена)
login-ask-password = 🔒 Теперь отправьте пароль. Я сразу удалю это сообщение.
login-claimed = ✅ Готово: ваш профиль теперь в этом аккаунте Telegram.
login-already-yours = Этот профиль уже привязан к этому аккаунту Telegram.
login-wrong = ❌ Неверный логин или пароль. { $attempts ->
        [one] Осталась { $attempts } попытка.
        [few] Осталось { $attempts } попытки.
       *[other] Осталось { $attempts } попыток.
    } Отправьте /login, чтобы попробовать снова.
login-limited = ⛔ Слишком много неверных попыток. Попробуйте через 15 минут.
login-text-only = Отправьте текстом или /cancel для отмены.
login-cancelled = Отменено.
