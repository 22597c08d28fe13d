# Создание заказа за клиента (персонал, из карточки клиента)
create-order-open = 🧾 Создать заказ
create-order-items =
    🧾 <b>Новый заказ для { $client }</b> · #{ $client_id }
    { $lines }

    Напишите название товара для поиска или откройте каталог. Нажмите на строку, чтобы изменить её.
create-order-no-lines = Товаров пока нет.
create-order-line = { $quantity } × { $name } — { $total }
create-order-edit-line = ✏️ { $quantity } × { $name }
create-order-browse = 📂 Каталог
create-order-next = ➡️ Далее: адрес
create-order-cancel = ✖ Отмена
create-order-back = ⬅️ Назад
create-order-catalog-root = 📂 Выберите категорию:
create-order-catalog-empty = В каталоге нечего заказать.
create-order-catalog-category = 📂 <b>{ $category }</b> · страница { $page } из { $pages }
create-order-found =
    🔍 «{ $query }»: { $total ->
        [one] { $total } товар
        [few] { $total } товара
       *[other] { $total } товаров
    } · страница { $page } из { $pages }
    Выберите товар или напишите другое название.
create-order-found-none = 🔍 По запросу «{ $query }» ничего не найдено. Напишите другое название.
create-order-search-invalid = Напишите от 1 до 64 символов названия товара.
create-order-quantity =
    Сколько <b>{ $name }</b> ({ $price })? Сейчас в заказе: { $in_draft }.
    Выберите число или напишите от 1 до 999.
create-order-remove-line = 🗑 Убрать из заказа
create-order-added = В заказе: { $quantity } × { $name }
create-order-removed = Убрано из заказа: { $name }
create-order-product-unavailable = Этот товар больше недоступен.
create-order-too-many-lines = В заказе может быть не больше { $limit } разных товаров.
create-order-address = 📍 Куда доставить заказ? Выберите адрес клиента или введите новый.
create-order-address-new = ➕ Новый адрес
create-order-promo = 🏷 Промокод для этого заказа? Введите его или пропустите.
create-order-promo-applied = Промокод { $code } действует: −{ $discount }.
create-order-promo-client-limit = Этот клиент уже использовал промокод максимальное число раз.
create-order-skip = ⏭ Пропустить
create-order-comment = 💬 Комментарий к заказу? Напишите его или пропустите.
create-order-summary =
    🧾 <b>Заказ для { $client }</b> · #{ $client_id }
    { $lines }

    Сумма: { $subtotal }
create-order-summary-discount = 🏷 Промокод { $promo }: −{ $discount }
create-order-summary-promo-problem = 🏷 Промокод { $promo } не действует: { $promo_error }
create-order-summary-total =
    <b>Итого: { $total }</b>
    📍 { $address }
    💬 { $comment }
    { $payment }
create-order-summary-blocked = ⚠️ Клиент заблокирован и не может заказать сам; вы оформляете заказ за него.
create-order-summary-issues = ⚠️ Некоторые товары изменились после выбора: подтверждение будет отклонено, а заказ обновлён.
create-order-line-gone = ⚠️ больше недоступен
create-order-line-repriced = ⚠️ цена теперь { $price } за штуку
create-order-payment = 🔁 { $payment }
create-order-confirm = ✅ Создать заказ
create-order-edit-items = ✏️ Товары
create-order-done =
    ✅ Заказ №{ $order_id } для { $client } создан, статус «новый».
create-order-notified = 📨 Клиент получил уведомление в Telegram.
create-order-not-notified = ⚠️ Не удалось уведомить клиента в Telegram (нет чата с ботом или бот заблокирован).
create-order-to-card = ⬅️ К карточке
create-order-gone = ⚠️ Больше недоступны: { $names }. Заказ не создан; эти товары убраны из него. Проверьте заказ и подтвердите снова.
create-order-repriced = ⚠️ Изменилась цена: { $names }. Заказ не создан; в нём теперь текущие цены. Проверьте заказ и подтвердите снова.
create-order-no-items = Сначала добавьте хотя бы один товар.
create-order-no-address = Сначала выберите адрес доставки.
create-order-client-gone = Этого клиента больше нет.
create-order-anonymized = Клиент анонимизирован: создать для него заказ нельзя.
create-order-client-notice =
    🧾 Магазин создал для вас заказ №{ $order_id }:
    { $items }
    Итого: <b>{ $total }</b>
    📍 { $address }
    Мы сообщим, когда его статус изменится.
