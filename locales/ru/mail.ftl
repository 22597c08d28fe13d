# Настройки (владельцы): почтовый сервер и SMS-шлюз; письма и SMS клиентам
desk-settings = ⚙️ Настройки
settings-title =
    ⚙️ <b>Настройки</b>

    Этот раздел видят только владельцы магазина.
settings-mail = 📧 Почтовый сервер
settings-sms = 📱 SMS-шлюз
settings-cancel = ✖️ Отмена
settings-saved = ✅ Сохранено.
settings-send-text = Пожалуйста, отправьте это текстовым сообщением.
settings-bad-secret = Пароль или токен — одна строка не длиннее 256 символов. Ничего не сохранено; отправьте ещё раз.
settings-secret-key-missing = ⚠️ Нельзя сохранить пароль: не задан SECRET_KEY. Задайте SECRET_KEY (длинную случайную строку) в окружении бота или в файле .env, перезапустите бота и введите пароль снова. Ваше сообщение удалено, ничего не сохранено.

## Почтовый сервер
mail-settings-empty =
    📧 <b>Почтовый сервер</b>

    Почтовый сервер ещё не настроен: письма клиентам отправить нельзя.
mail-settings-current =
    📧 <b>Почтовый сервер</b>

    Сервер: { $host }:{ $port }
    Защита: { $security ->
        [starttls] STARTTLS
        [tls] TLS
       *[none] нет (без шифрования)
    }
    Логин: { $user }
    Пароль: { $password ->
        [set] хранится в зашифрованном виде
        [unreadable] ⚠️ не удаётся расшифровать
       *[none] нет
    }
    Отправитель: { $sender }
mail-password-reenter = ⚠️ Сохранённый пароль не расшифровывается текущим SECRET_KEY (его изменили или удалили). Настройте сервер заново и введите пароль ещё раз.
mail-setup = ✏️ Настроить сервер
mail-send-test = 📨 Отправить тестовое письмо
mail-step-host = Шаг 1 из 6. Отправьте адрес SMTP-сервера, например <code>smtp.example.com</code>.
mail-step-port = Шаг 2 из 6. Отправьте порт: обычно 587 для STARTTLS, 465 для TLS, 25 без шифрования.
mail-step-security = Шаг 3 из 6. Как сервер защищает соединение?
mail-security-none = Нет (без шифрования)
mail-security-starttls = STARTTLS
mail-security-tls = TLS
mail-step-user = Шаг 4 из 6. Отправьте логин для сервера или выберите «Без логина».
mail-no-login = Без логина
mail-step-password = Шаг 5 из 6. Отправьте пароль. Он хранится в зашифрованном виде, а ваше сообщение сразу удаляется.
mail-keep-password = Оставить текущий пароль
mail-step-sender = Шаг 6 из 6. Отправьте адрес отправителя (From), например <code>shop@example.com</code>.
mail-step-test = Отправьте адрес, на который прислать тестовое письмо.
mail-test-sent = ✅ Тестовое письмо отправлено на { $test_to }.
mail-test-failed = ❌ Тестовое письмо не отправлено: { $reason }
mail-test-subject = Тестовое письмо от бота вашего магазина
mail-test-body = Это тестовое письмо. Если вы его читаете, настройки почтового сервера магазина работают.
mail-bad-host = ⚠️ Это не адрес сервера. Отправьте имя хоста вроде smtp.example.com или IP-адрес.
mail-bad-port = ⚠️ Порт — число от 1 до 65535.
mail-bad-email = ⚠️ Это неверный адрес электронной почты.
mail-bad-user = ⚠️ Логин — одно слово без пробелов, не длиннее 254 символов.
mail-not-configured = ⚠️ Почтовый сервер не настроен. Владелец может настроить его в ⚙️ Настройки → 📧 Почтовый сервер.
mail-client-no-email = ⚠️ У клиента нет адреса электронной почты. Сначала добавьте его в карточке клиента.
mail-client-bad-email = ⚠️ Адрес электронной почты клиента неверен. Сначала исправьте его в карточке клиента.
mail-password-unreadable = ⚠️ Сохранённый пароль почтового сервера не расшифровывается (SECRET_KEY изменили или не задали). Владелец должен заново ввести пароль в ⚙️ Настройки → 📧 Почтовый сервер.
mail-bad-subject = ⚠️ Тема — от 1 до 200 символов.
mail-bad-body = ⚠️ Текст — от 1 до 10000 символов.
mail-retry-not-failed = Это письмо не было неудачным: повторять нечего.
mail-error = ⚠️ Письмо не удалось отправить.
outbox-client-gone = ⚠️ Этого клиента больше нет.

## SMS-шлюз
sms-settings-empty =
    📱 <b>SMS-шлюз</b>

    SMS-шлюз не настроен: в карточке клиента нет SMS.
sms-settings-current =
    📱 <b>SMS-шлюз</b>

    Провайдер: { $provider ->
        [twilio] Twilio
       *[smsapi] SMSAPI
    } ({ $api_url })
sms-settings-twilio =
    Account SID: { $account_sid }
    Номер отправителя: { $sender }
sms-settings-smsapi = Имя отправителя: { $sender }
sms-settings-token = Токен: { $token ->
        [set] хранится в зашифрованном виде
        [unreadable] ⚠️ не удаётся расшифровать
       *[none] нет
    }
sms-token-reenter = ⚠️ Сохранённый токен не расшифровывается текущим SECRET_KEY (его изменили или удалили). Настройте шлюз заново и введите токен ещё раз.
sms-setup = ✏️ Настроить шлюз
sms-remove = 🗑 Удалить шлюз
sms-removed = 🗑 SMS-шлюз удалён.
sms-step-provider = Какой SMS-шлюз использует магазин?
sms-provider-smsapi-pl = SMSAPI (smsapi.pl)
sms-provider-smsapi-com = SMSAPI (smsapi.com)
sms-provider-twilio = Twilio
sms-step-account-sid = Отправьте Account SID из Twilio (начинается с AC).
sms-step-token = Отправьте API-токен (SMSAPI: OAuth-токен; Twilio: Auth Token). Он хранится в зашифрованном виде, а ваше сообщение сразу удаляется.
sms-step-from-number = Отправьте номер Twilio, с которого слать SMS, в международном формате, например +15005550006.
sms-step-sender-name = Отправьте имя отправителя, зарегистрированное в SMSAPI (до 11 букв и цифр), или используйте имя по умолчанию.
sms-no-sender = По умолчанию
sms-bad-sid = ⚠️ Account SID в Twilio — это AC и 32 шестнадцатеричных символа.
sms-bad-from-number = ⚠️ Отправьте верный номер телефона в международном формате, начиная с +.
sms-bad-sender-name = ⚠️ Имя отправителя — до 11 букв, цифр, пробелов, точек или дефисов.
sms-not-configured = ⚠️ SMS-шлюз не настроен. Владелец может настроить его в ⚙️ Настройки → 📱 SMS-шлюз.
sms-client-no-phone = ⚠️ У клиента нет номера телефона. Сначала добавьте его в карточке клиента.
sms-client-bad-phone = ⚠️ Номер клиента не подходит для SMS: сохраните его с кодом страны, например +7 912 345-67-89.
sms-token-unreadable = ⚠️ Сохранённый токен SMS-шлюза не расшифровывается (SECRET_KEY изменили или не задали). Владелец должен заново ввести его в ⚙️ Настройки → 📱 SMS-шлюз.
sms-bad-text = ⚠️ SMS — от 1 до 480 символов.
sms-retry-not-failed = Это SMS не было неудачным: повторять нечего.
sms-error = ⚠️ SMS не удалось отправить.

## Письма и SMS клиента (из карточки)
card-email = ✉️ Письмо
card-sms = 📱 SMS
card-emails-title = ✉️ <b>Письма</b>: { $total }
client-mail-header =
    ✉️ <b>Письма для { $name }</b>
    Адрес: { $email }
    Всего писем: { $total }
client-mail-line = { $status ->
        [sent] ✅
        [failed] ❌
       *[queued] ⏳
    } { $date } · { $subject }{ $status ->
        [failed] {" "}— { $reason }
       *[other] {""}
    }
client-mail-sent = ✅ Письмо отправлено.
client-mail-failed = ❌ Письмо не отправлено: { $reason }
    Оно осталось в списке ниже; 🔁 отправит его ещё раз.
client-mail-write = ✍️ Написать письмо
client-mail-step-subject = Отправьте тему письма (до 200 символов).
client-mail-step-body = Отправьте текст письма.
client-mail-confirm =
    <b>Отправить это письмо?</b>
    Кому: { $to }
    Тема: { $subject }

    { $body }
client-mail-send = 📨 Отправить
client-sms-header =
    📱 <b>SMS для { $name }</b>
    Телефон: { $phone }
    Всего SMS: { $total }
client-sms-line = { $status ->
        [sent] ✅
        [failed] ❌
       *[queued] ⏳
    } { $date } · { $text }{ $status ->
        [failed] {" "}— { $reason }
       *[other] {""}
    }
client-sms-sent = ✅ SMS отправлено.
client-sms-failed = ❌ SMS не отправлено: { $reason }
    Оно осталось в списке ниже; 🔁 отправит его ещё раз.
client-sms-write = ✍️ Написать SMS
client-sms-step-text = Отправьте текст SMS (до { $limit } символов).
client-sms-confirm =
    <b>Отправить это SMS?</b>
    Кому: { $to } (символов: { $length })

    { $text }
client-sms-send = 📨 Отправить
