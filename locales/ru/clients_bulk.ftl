# Массовые действия и выгрузка списка клиентов (персонал)
clients-bulk-button = ⚙️ Массовые действия
clients-export-button = 📤 Выгрузить XLSX

bulk-header = ⚙️ <b>Массовые действия</b> над клиентами списка: { $total }. Выберите действие:
bulk-summary = 🔎 { $summary }
bulk-action-tag-add = 🏷 Добавить тег
bulk-action-tag-remove = ✖ Снять тег
bulk-action-block = 🚫 Заблокировать
bulk-action-unblock = ✅ Разблокировать
bulk-action-broadcasts-off = 🔕 Отключить рассылки
bulk-action-broadcasts-on = 🔔 Включить рассылки
bulk-tag-ask = 🏷 Нажмите на тег или введите его:
bulk-tag-error = { $error ->
        [several] ⚠️ По одному тегу за раз: введите его без запятых.
        [too_long] ⚠️ Тег — не длиннее 64 символов. Введите покороче.
       *[empty] ⚠️ Тег не может быть пустым. Введите тег.
    }
bulk-confirm = { $action ->
        [tag_add] Добавить тег «{ $tag }» { $count ->
            [one] { $count } клиенту
           *[other] { $count } клиентам
        }?
        [tag_remove] Снять тег «{ $tag }» у { $count ->
            [one] { $count } клиента
           *[other] { $count } клиентов
        }?
        [block] Заблокировать клиентов: { $count }? Они потеряют доступ к каталогу и заказам.
        [unblock] Разблокировать клиентов: { $count }?
        [broadcasts_off] Отключить рассылки для клиентов: { $count }?
       *[broadcasts_on] Включить рассылки для клиентов: { $count }?
    }
    <i>Анонимизированные клиенты не меняются; персонал (владельцы, менеджеры, наблюдатели) массово не блокируется и не разблокируется.</i>
bulk-nobody = В этом списке ничего не изменится: у всех уже так, или это персонал либо анонимизированные клиенты.
bulk-yes = ✅ Да, выполнить
bulk-back = ◀ Назад
bulk-back-to-list = ◀ К списку
bulk-done = ✅ Готово: изменено клиентов — { $changed }.
bulk-done-moved = <i>Список успел измениться: до подтверждения насчитали { $counted }.</i>

export-preparing = 📤 Готовлю файл XLSX, клиентов: { $count }…
export-caption = 📤 Клиенты: { $count } · часть { $part } из { $parts }
export-empty = В списке никого нет: выгружать нечего.
export-failed = Не удалось отправить файл. Попробуйте через минуту.
export-too-big = Файл превысил бы лимит Telegram в 50 МБ. Сузьте список фильтрами или поиском и выгрузите снова.
export-col-id = ID
export-col-name = Имя
export-col-first-name = Имя (Telegram)
export-col-last-name = Фамилия (Telegram)
export-col-username = Telegram @username
export-col-language = Язык
export-col-phone = Телефон
export-col-email = Email
export-col-company = Компания
export-col-tags = Теги
export-col-flags = Флаги
export-col-source = Источник
export-col-registered = Регистрация (UTC)
export-col-last-seen = Последняя активность (UTC)
export-col-orders = Заказов
export-col-total = Сумма заказов ({ $currency })
export-col-address = Адрес по умолчанию
export-flag-blocked = заблокирован
export-flag-no-broadcasts = без рассылок
export-flag-manager = менеджер
export-flag-viewer = наблюдатель
export-flag-anonymized = анонимизирован
export-flag-bot-blocked = заблокировал бота
