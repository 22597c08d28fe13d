# Управление промокодами (сотрудники)
desk-promo = 🎟 Промокоды

promo-admin-list =
    🎟 <b>Промокоды</b>
    { $total ->
        [0] Промокодов пока нет.
        [one] { $total } код. Сначала активные; использования показаны как «использовано/лимит».
        [few] { $total } кода. Сначала активные; использования показаны как «использовано/лимит».
       *[many] { $total } кодов. Сначала активные; использования показаны как «использовано/лимит».
    }
promo-admin-new = ➕ Новый промокод
promo-admin-card =
    🎟 <b>{ $code }</b> · { $status ->
        [active] ✅ активен
       *[inactive] ⛔ не активен
    }
    Скидка: { $value }
    Минимальная сумма заказа: { $min_total }
    Действует: { $period ->
            [none] без ограничения по датам
           *[some] { $valid_from } – { $valid_until } (UTC)
        }
    Использован: { $uses } из { $max_uses }; на клиента: { $per_client }

    { $redemptions_total ->
        [0] Его ещё никто не использовал.
        [one] { $redemptions_total } использование:
        [few] { $redemptions_total } использования:
       *[many] { $redemptions_total } использований:
    }
promo-admin-redemption-line = • { $date } · { $client } · заказ №{ $order } · −{ $discount }
promo-admin-toggle-active = { $status ->
        [active] ⛔ Отключить
       *[inactive] ✅ Включить снова
    }
promo-admin-ask-code =
    ➕ <b>Новый промокод</b>
    Отправьте код: 3–32 латинские буквы, цифры, «-» или «_». Он сохраняется заглавными буквами.
promo-admin-ask-kind = 🎟 { $code }: какая скидка?
promo-admin-kind-percent = % Процент
promo-admin-kind-fixed = 💵 Фиксированная сумма
promo-admin-ask-value = { $kind ->
        [percent] Отправьте процент: больше 0, не более 100 (например, 10 или 12.5).
       *[fixed] Отправьте сумму в { $currency } (например, 5 или 4.99).
    }
promo-admin-ask-min-total = Минимальная сумма заказа в { $currency }, чтобы код сработал? Отправьте сумму или пропустите.
promo-admin-ask-valid-from = Первый день действия кода (ГГГГ-ММ-ДД, UTC)? Отправьте дату или пропустите.
promo-admin-ask-valid-until = Последний день действия кода (ГГГГ-ММ-ДД, UTC)? Отправьте дату или пропустите.
promo-admin-ask-max-uses = Сколько раз всего можно использовать код? Отправьте число или пропустите, чтобы не ограничивать.
promo-admin-ask-max-per-client = Сколько раз его может использовать один клиент? Отправьте число или пропустите, чтобы не ограничивать.
promo-admin-summary =
    🎟 <b>{ $code }</b>
    Скидка: { $value }
    Минимальная сумма заказа: { $min_total }
    Действует: { $period ->
            [none] без ограничения по датам
           *[some] { $valid_from } – { $valid_until } (UTC)
        }
    Всего использований: { $max_uses }; на клиента: { $per_client }

    Создать этот промокод?
promo-admin-create = ✅ Создать
promo-admin-skip = ⏭ Пропустить
promo-admin-cancel = ✖️ Отмена

promo-admin-error-code = Код — это 3–32 латинские буквы, цифры, «-» или «_», без пробелов и других знаков.
promo-admin-error-code-taken = Код { $code } уже существует. Выберите другой.
promo-admin-error-percent = Процент должен быть больше 0 и не более 100.
promo-admin-error-date = «{ $value }» — не дата. Отправьте в виде ГГГГ-ММ-ДД, например 2026-12-31.
promo-admin-error-until-before-from = Последний день не может быть раньше первого ({ $start }).
promo-admin-error-limit = Отправьте целое число от 1 до { $max }.
promo-admin-error-gone = Этого промокода больше нет.
promo-admin-error-draft = Форма заполнена не полностью. Начните новый код заново.
promo-admin-error-per-client-above-total = Один клиент не может использовать код больше общего лимита ({ $total }).
