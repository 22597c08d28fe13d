# Заказы в панели (персонал)
orders-desk-open = 📦 Заказы
orders-desk-client-orders = 📦 Заказы
orders-desk-open-order = 📦 Открыть заказ
orders-desk-client-header = 👤 { $client }
orders-desk-list-header =
    📦 <b>Заказы: { $status }</b> · { $total }
    Страница { $page } из { $pages }, сначала новые
orders-desk-none = Здесь заказов нет.
orders-desk-pick-status = 🔎 Статус
orders-desk-back = ⬅️ Назад
orders-desk-status-header = Какие заказы показать?
orders-desk-status-open = все открытые
orders-desk-status-all = все
orders-desk-no-client = удалённый клиент
orders-desk-by-client = клиент
orders-desk-item = { $quantity } × { $name } · { $price } = { $total }
orders-desk-history-step = { $when } · { $status } · { $who }
orders-desk-payment = 💳 Оплата: { $method }
orders-desk-paid = ✅ Оплачено { $amount } в { $when } · платёж { $charge }
orders-desk-card =
    📦 <b>Заказ #{ $id }</b> · { $status }
    🗓 Оформлен: { $placed } UTC
    👤 Клиент: { $client }
    📇 Контакт: { $name } · 📞 { $phone } · ✉️ { $email }
    📍 Адрес: { $address }
    { $items }
    Сумма товаров: { $subtotal }
orders-desk-discount = Скидка: −{ $discount }
orders-desk-promo = 🎟 Промокод: { $promo }
orders-desk-card-total =
    <b>Итого: { $total }</b>
    { $payment }
    ✍️ Оформил: { $created_by }
orders-desk-comment = 💬 Комментарий: { $comment }
orders-desk-note = 📝 Заметка менеджеров: { $note }
orders-desk-card-history =
    🕓 <b>История</b> (UTC)
    { $history }
orders-desk-move-to = ➡️ { $status }
orders-desk-note-button = 📝 Заметка
orders-desk-client-button = 👤 Клиент
orders-desk-note-prompt = 📝 Напишите заметку менеджеров к этому заказу (клиент её не видит).
orders-desk-note-clear = 🗑 Удалить заметку
orders-desk-note-too-long = Заметка слишком длинная: не больше { $limit } символов.
orders-desk-note-text-only = Пожалуйста, напишите заметку текстом.
orders-desk-stale = Кто-то другой уже изменил этот заказ: он загружен заново, посмотрите ещё раз.
orders-desk-status-changed = Статус: { $status }. Клиент уведомлён.
orders-desk-more = … и ещё { $count }
