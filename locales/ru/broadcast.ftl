# Рассылки (рабочее место менеджера)
desk-broadcast = 📣 Рассылка
broadcast-history =
    📣 <b>Рассылки</b>

    { $count ->
        [0] Рассылок ещё не было.
       *[other] Последние рассылки: нажмите, чтобы открыть.
    }
broadcast-history-item = #{ $id } · { $state } · ✅ { $sent } / { $total }
broadcast-new = ✏️ Новая рассылка
broadcast-back = ◀️ Назад
broadcast-to-desk = ◀️ К рабочему месту
broadcast-refresh = 🔄 Обновить
broadcast-status-draft = черновик
broadcast-status-queued = подготовка
broadcast-status-running = отправляется
broadcast-status-paused = на паузе
broadcast-status-done = завершена
broadcast-status-cancelled = отменена
broadcast-kind-text = текст
broadcast-kind-photo = фото с подписью
broadcast-detail =
    📣 <b>Рассылка #{ $id }</b>: { $state }
    Создана { $created }, автор: { $author } ({ $kind })
    Аудитория: { $audience }

    ✅ Отправлено: { $sent }
    ❌ Ошибки: { $failed }
    ⏳ Осталось: { $left }
    ⏭ Пропущено: { $skipped }
    Всего: { $total }
broadcast-author-unknown = неизвестен
broadcast-pause = ⏸ Пауза
broadcast-resume = ▶️ Продолжить
broadcast-cancel = ⛔ Отменить рассылку
broadcast-cancel-confirm =
    ⛔ Отменить рассылку #{ $id }? { $left ->
        [one] { $left } клиент, до которого она ещё не дошла, её не получит.
        [few] { $left } клиента, до которых она ещё не дошла, её не получат.
       *[other] { $left } клиентов, до которых она ещё не дошла, её не получат.
    } Это нельзя отменить.
broadcast-cancel-yes = ⛔ Да, отменить
broadcast-compose =
    ✏️ Пришлите сообщение для клиентов: текст или фото с подписью.
    Жирный, курсив и ссылки сохранятся.
broadcast-error-empty = ⚠️ Пришлите текст или фото.
broadcast-error-too_long = ⚠️ Слишком длинно: не больше { $limit } символов. Пришлите покороче.
broadcast-error-kind = ⚠️ Разослать можно только текст или фото с подписью.
broadcast-error-no_recipients = ⚠️ В этой аудитории некому отправить рассылку. Выберите другую.
broadcast-segment =
    🎯 <b>Кому отправить?</b>
    { $audience }

    Получателей: { $count }
    (без заблокированных, отказавшихся от рассылок, заблокировавших бота и анонимизированных)
broadcast-segment-all = Все клиенты
broadcast-segment-tags = Теги (любой из): { $tags }
broadcast-segment-language = Язык: { $language }
broadcast-segment-source = Источник: { $source }
broadcast-segment-saved = Сохранённый сегмент: { $name }
broadcast-all = 👥 Все клиенты
broadcast-tags = 🏷 Теги
broadcast-language = 🌐 Язык
broadcast-source = 📍 Источник
broadcast-saved = 📂 Сегмент
broadcast-any = ✖️ Любой
broadcast-done-choosing = ✅ Готово
broadcast-pick-tags = 🏷 Клиенты с любым из отмеченных тегов:
broadcast-no-tags = 🏷 Тегов пока нет.
broadcast-pick-language = 🌐 Клиенты с языком:
broadcast-pick-source = 📍 Клиенты из источника:
broadcast-pick-saved = 📂 Клиенты сохранённого сегмента:
broadcast-no-saved = 📂 Сохранённых сегментов пока нет.
broadcast-to-preview = 👁 Предпросмотр
broadcast-edit-message = ✏️ Изменить сообщение
broadcast-edit-audience = 🎯 Изменить аудиторию
broadcast-send = ✅ Отправить { $count ->
        [one] { $count } клиенту
       *[other] { $count } клиентам
    }
broadcast-confirm =
    📣 Отправить это сообщение { $count ->
        [one] { $count } клиенту
       *[other] { $count } клиентам
    } сейчас?
    Во время отправки рассылку можно поставить на паузу или отменить.
broadcast-confirm-yes = ✅ Да, отправить
broadcast-progress =
    📣 Рассылка #{ $id }: { $state }
    { $bar } { $percent }%
    ✅ Отправлено: { $sent } · ❌ Ошибки: { $failed } · ⏳ Осталось: { $left }
    ⚡ { $rate } в секунду · осталось времени: { $eta }
