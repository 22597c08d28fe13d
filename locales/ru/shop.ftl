# Магазин для покупателя: меню, каталог, корзина, оформление, заказы, адреса, связь, оплата
menu-catalog = 🛍 Каталог
menu-cart = 🛒 Корзина
menu-cart-count = 🛒 Корзина ({ $cart_lines })
menu-orders = 📦 Мои заказы
menu-favorites = ❤️ Избранное
menu-addresses = 📍 Адреса
menu-contact = 💬 Связаться с магазином
menu-main = 🏠 Меню
shop-blocked-alert = Ваш доступ к каталогу закрыт. Напишите нам через «Связаться с магазином».

catalog-title = 🛍 Выберите категорию:
catalog-empty = В каталоге пока ничего нет.
catalog-category =
    📂 <b>{ $category }</b>
    Страница { $page } из { $pages }
catalog-product =
    <b>{ $name }</b>
    { $description }

    💰 { $price }
    { $in_cart ->
        [0] В корзине пока нет.
       *[other] В корзине: { $in_cart }
    }
catalog-favorite-on = 🤍 В избранное
catalog-favorite-off = ❤️ В избранном
catalog-favorite-added = Добавлено в избранное
catalog-favorite-removed = Убрано из избранного
catalog-add = 🛒 В корзину
catalog-quantity =
    Сколько штук: <b>{ $name }</b> ({ $price })?
    Выберите число или введите от 1 до 999.
catalog-added = Добавлено. Сейчас в корзине: { $quantity }
catalog-product-gone = Этого товара больше нет в продаже.
favorites-title = ❤️ Ваше избранное:
favorites-empty = В избранном пока пусто: нажмите 🤍 у товара.

cart-empty = 🛒 Ваша корзина пуста.
cart-summary =
    🛒 <b>Ваша корзина</b>
    { $lines }

    Сумма: { $subtotal }
cart-discount = 🏷 Промокод { $promo }: −{ $discount }
cart-promo-problem = 🏷 Промокод { $promo } не действует: { $promo_error }
cart-total = <b>Итого: { $total }</b>
cart-line = { $quantity } × { $name } — { $total }
cart-line-unavailable = ⚠️ больше не продаётся
cart-line-repriced = ⚠️ цена изменилась, теперь { $price } за штуку
cart-has-issues = ⚠️ Некоторые товары изменились после добавления. Примите текущие цены (недоступные товары будут убраны), чтобы продолжить.
cart-accept-prices = ♻️ Принять текущие цены
cart-prices-accepted = В корзине теперь текущие цены.
cart-promo = 🏷 Промокод
cart-checkout = ✅ Оформить заказ
cart-line-card =
    <b>{ $name }</b>
    { $quantity } × { $price } = { $total }
    Нажмите ➖ ➕ или введите новое количество (1–999).
cart-remove = 🗑 Убрать из корзины
cart-quantity-invalid = Введите целое число от 1 до 999.
cart-line-not-found = Этой позиции уже нет в корзине.

promo-prompt = 🏷 Введите промокод:
promo-current = Сейчас применён: { $promo }
promo-remove = ✖ Убрать промокод
promo-applied = Промокод { $code } применён.
promo-invalid = Промокод состоит только из букв, цифр, «-» и «_», до 32 символов.
promo-not-found = Такого промокода нет.
promo-inactive = Этот промокод отключён.
promo-not-started = Этот промокод ещё не действует.
promo-expired = Срок действия промокода истёк.
promo-exhausted = Этот промокод уже израсходован.
promo-client-limit = Вы уже использовали этот промокод максимальное число раз.
promo-min-total = Промокод действует для заказа от { $minimum }.
promo-already-used = К этому заказу уже применён промокод.

checkout-address = 📍 Куда доставить? Выберите сохранённый адрес или добавьте новый.
checkout-phone = 📞 Поделитесь номером телефона кнопкой внизу или введите его (например, +7 912 345-67-89).
checkout-phone-keyboard = 📱 Нажмите кнопку внизу, чтобы поделиться номером телефона.
checkout-share-phone = 📱 Поделиться номером
checkout-phone-saved = Номер телефона сохранён.
phone-invalid = Это не похоже на номер телефона. Введите его с кодом страны, например +7 912 345-67-89.
phone-not-yours = Поделитесь, пожалуйста, своим контактом с помощью кнопки.
checkout-email = ✉️ Введите e-mail для чека или пропустите.
email-invalid = Это не похоже на адрес e-mail, например name@example.com.
checkout-promo = 🏷 Есть промокод? Введите его или пропустите.
checkout-comment = 💬 Что-нибудь для курьера или для нас? Напишите или пропустите.
checkout-comment-too-long = Комментарий слишком длинный: до 1000 символов.
checkout-payment = 💳 Как будете платить?
checkout-skip = ⏭ Пропустить
checkout-summary =

    📍 { $address }
    📞 { $phone }
    ✉️ { $email }
    💬 { $comment }
    { $payment }
checkout-confirm = ✅ Подтвердить заказ
checkout-to-cart = 🛒 В корзину
checkout-done =
    🎉 Спасибо! Ваш заказ #{ $order_id } оформлен.
    Мы сообщим, когда изменится его статус.
checkout-cart-changed = Корзина за это время изменилась. Проверьте её ещё раз.
checkout-address-missing = Выберите адрес доставки.

payment-on_delivery = 💵 При получении
payment-transfer = 🏦 Банковский перевод
payment-telegram = 💳 Картой в Telegram

orders-title = 📦 Ваши заказы:
orders-empty = У вас пока нет заказов.
order-card =
    📦 <b>Заказ #{ $order_id }</b> от { $placed }
    Статус: <b>{ $status }</b>

    { $lines }

    Сумма: { $subtotal }
order-discount = Скидка: −{ $discount }
order-total =
    <b>Итого: { $total }</b>
    { $payment }
    📍 { $address }
    📞 { $phone }
order-paid = ✅ Оплачено: { $paid_amount }
order-history =

    История:
    { $history }
order-pay = 💳 Оплатить
order-cancel = ✖ Отменить заказ
order-cancel-confirm = Отменить заказ #{ $order_id }?
order-cancel-yes = ✖ Да, отменить
order-cannot-cancel = Этот заказ уже нельзя отменить здесь: свяжитесь с магазином.
order-not-found = Такого заказа нет.
order-changed-meanwhile = Заказ за это время изменился: посмотрите ещё раз и повторите.
order-transition-illegal = Такая смена статуса невозможна.
order-status-cart = в корзине
order-status-new = новый
order-status-confirmed = подтверждён
order-status-shipped = отправлен
order-status-delivered = доставлен
order-status-cancelled = отменён
order-status-notice = 📦 Статус вашего заказа #{ $order_id }: <b>{ $status }</b>.
order-placed-staff =
    🆕 <b>Новый заказ #{ $order_id }</b>
    От: { $client } (#{ $client_id }) { $username }
    { $items }
    Итого: <b>{ $total }</b>
    📞 { $phone }
    📍 { $address }
    { $payment }

payment-invoice-title = Заказ #{ $order_id }
payment-invoice-description = Оплата заказа #{ $order_id }: { $total }
payment-not-payable = Этот заказ сейчас нельзя оплатить в Telegram.
payment-refused-unknown = Мы не нашли этот заказ.
payment-refused-not-payable = Этот заказ больше нельзя оплатить.
payment-refused-total-changed = Сумма заказа изменилась: оплатите новый счёт.
payment-received = ✅ Оплата заказа #{ $order_id } получена: { $amount }. Спасибо!
payment-received-staff = 💳 Заказ #{ $order_id } оплачен: { $amount }.

addresses-title = 📍 Ваши адреса:
addresses-empty = У вас пока нет сохранённых адресов.
address-add = ➕ Новый адрес
address-card =
    <b>{ $recipient }</b>
    { $street }
    { $postal_code } { $city }
    { $country }
address-is-default = ⭐ Адрес по умолчанию
address-make-default = ⭐ Сделать основным
address-delete = 🗑 Удалить
address-delete-confirm = Удалить этот адрес?
address-delete-yes = 🗑 Да, удалить
address-deleted = Адрес удалён.
address-saved = Адрес сохранён.
address-edit-prompt = Введите новое значение поля «{ $field_name }»:
address-field-recipient = Получатель
address-field-street = Улица и дом
address-field-city = Город
address-field-postal_code = Индекс
address-field-country = Страна
address-prompt-recipient = 👤 Кто получит посылку? Введите имя и фамилию.
address-prompt-street = 🏠 Улица, дом и квартира:
address-prompt-city = 🏙 Город:
address-prompt-postal_code = 📮 Почтовый индекс:
address-prompt-country = 🌍 Страна:
address-field-invalid = Поле «{ $field }» заполнено неверно: введите ещё раз (не пусто и не слишком длинно; индекс — буквы, цифры, пробелы или «-»).
address-not-found = Такого адреса нет.
address-too-many = У вас уже максимум адресов: сначала удалите один.

contact-prompt = 💬 Напишите сообщение магазину, мы ответим здесь.
contact-sent = ✅ Ваше сообщение отправлено в магазин.
contact-empty = Напишите текстовое сообщение.
contact-too-long = Сообщение слишком длинное: до 2000 символов.
contact-staff =
    💬 <b>Сообщение от { $client }</b> (#{ $client_id }) { $username }
    { $text }
