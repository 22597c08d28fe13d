# Управление каталогом (сотрудники)
desk-catalog = 🗂 Каталог

catalog-admin-categories =
    🗂 <b>Каталог</b>
    { $total ->
        [0] Категорий пока нет.
        [one] { $total } категория. Выберите категорию, чтобы увидеть товары.
        [few] { $total } категории. Выберите категорию, чтобы увидеть товары.
       *[many] { $total } категорий. Выберите категорию, чтобы увидеть товары.
    }
catalog-admin-new-category = ➕ Новая категория
catalog-admin-export = 📤 Выгрузить XLSX
catalog-admin-import = 📥 Загрузить XLSX
catalog-admin-category =
    📁 <b>{ $name }</b>
    { $hidden ->
        [yes] 🙈 Скрыта от покупателей
       *[no] 👁 Видна покупателям
    }
catalog-admin-description-text = <i>{ $description }</i>
catalog-admin-category-count = { $count ->
        [0] Товаров пока нет.
        [one] { $count } товар:
        [few] { $count } товара:
       *[many] { $count } товаров:
    }
catalog-admin-new-product = ➕ Товар
catalog-admin-new-subcategory = ➕ Подкатегория
catalog-admin-rename = ✏️ Переименовать
catalog-admin-describe = 📝 Описание
catalog-admin-up = ⬆️ Выше
catalog-admin-down = ⬇️ Ниже
catalog-admin-toggle-hidden = { $hidden ->
        [yes] 👁 Показать
       *[no] 🙈 Скрыть
    }
catalog-admin-ask-category-name = { $purpose ->
        [rename] ✏️ Отправьте новое название категории (1–128 символов).
        [sub] ➕ Отправьте название новой подкатегории (1–128 символов).
       *[new] ➕ Отправьте название новой категории (1–128 символов).
    }
catalog-admin-ask-category-description = 📝 Отправьте описание категории (до 4000 символов).
catalog-admin-remove-description = 🗑 Удалить описание

catalog-admin-product =
    🛍 <b>{ $name }</b>
    📁 { $category }
    💰 { $price }
    🏷 Артикул: { $sku } · 📦 Остаток: { $stock }
    { $hidden ->
        [yes] 🙈 Скрыт от покупателей
       *[no] 👁 Виден покупателям
    }
catalog-admin-edit-name = ✏️ Название
catalog-admin-edit-price = 💰 Цена
catalog-admin-edit-description = 📝 Описание
catalog-admin-edit-photo = 🖼 Фото
catalog-admin-move = 📁 Переместить
catalog-admin-delete = 🗑 Удалить
catalog-admin-ask-product-name = { $mode ->
        [new] ➕ Новый товар, шаг 1 из 4: отправьте название (1–255 символов).
       *[edit] ✏️ Отправьте новое название для «{ $product }» (1–255 символов).
    }
catalog-admin-ask-product-price = { $mode ->
        [new] 💰 Шаг 2 из 4: отправьте цену «{ $product }», например 12.50 или 12,50.
       *[edit] 💰 Отправьте новую цену для «{ $product }», например 12.50 или 12,50.
    }
catalog-admin-ask-product-description = { $mode ->
        [new] 📝 Шаг 3 из 4: отправьте описание (до 4000 символов) или пропустите.
       *[edit] 📝 Отправьте новое описание для «{ $product }» (до 4000 символов).
    }
catalog-admin-ask-product-photo = { $mode ->
        [new] 🖼 Шаг 4 из 4: отправьте фото товара или сохраните без фото.
       *[edit] 🖼 Отправьте новое фото для «{ $product }».
    }
catalog-admin-description-skip = ⏭ Пропустить
catalog-admin-description-remove = 🗑 Удалить описание
catalog-admin-photo-skip = 💾 Сохранить без фото
catalog-admin-photo-remove = 🗑 Удалить фото
catalog-admin-ask-move = 📁 В какую категорию переместить «{ $product }»?
catalog-admin-ask-delete = 🗑 Удалить «{ $name }» навсегда? Это нельзя отменить.
catalog-admin-delete-yes = 🗑 Да, удалить
catalog-admin-delete-no = ✖️ Нет

catalog-admin-export-caption = 📤 Все товары каталога.
catalog-admin-export-failed = Не удалось отправить файл. Попробуйте ещё раз.
catalog-admin-import-help =
    📥 <b>Загрузка товаров</b>
    Отправьте файл .xlsx (до { $max_mb } МБ, { $max_rows } строк). В первой строке названия столбцов: sku, category, name, price (обязательные), description, currency, hidden, stock, position. Подкатегория пишется так: «Родитель / Дочерняя».
    Товары сопоставляются по sku: известные обновляются, новые создаются; если необязательного столбца нет, это поле товаров не меняется. Если хоть одна строка с ошибкой, ничего не загружается.
catalog-admin-import-row = строка { $row }: { $reason }
catalog-admin-import-rejected = { $count ->
        [one] ❌ Ничего не загружено: ошибка в { $count } строке.
       *[other] ❌ Ничего не загружено: ошибки в { $count } строках.
    }
catalog-admin-import-more-errors = …и ещё { $count }.
catalog-admin-import-done =
    ✅ Загружено. Создано товаров: { $created }, обновлено: { $updated }, без изменений: { $unchanged }; новых категорий: { $categories_created }.
catalog-admin-import-send-file = Отправьте файл .xlsx как документ.
catalog-admin-import-too-big = Файл слишком большой: не более { $mb } МБ.
catalog-admin-import-download-failed = Не удалось скачать файл. Отправьте его ещё раз.
catalog-admin-import-not-xlsx = Это не книга .xlsx.
catalog-admin-import-missing-columns = В первой строке не хватает столбцов: { $columns }.
catalog-admin-import-too-many-rows = Слишком много строк: не более { $max }.
catalog-admin-import-empty = В файле нет строк с товарами.
catalog-admin-import-bad-flag = hidden «{ $value }» — это не «да» и не «нет».
catalog-admin-import-bad-integer = { $column } «{ $value }» — не целое число.
catalog-admin-import-no-sku = пустой sku.
catalog-admin-import-long-sku = sku длиннее { $max } символов.
catalog-admin-import-bad-currency = валюта { $value } — не валюта магазина { $shop }.
catalog-admin-import-repeated-sku = такой же sku, как в строке { $first }.

catalog-admin-error-name-empty = Название пустое.
catalog-admin-error-name-long = Название слишком длинное: { $length } символов, можно не более { $max }.
catalog-admin-error-price-not-number = Цена «{ $value }» — не число. Отправьте, например, 12.50.
catalog-admin-error-price-not-positive = Сумма должна быть больше нуля.
catalog-admin-error-price-too-large = Сумма слишком большая: не более { $max }.
catalog-admin-error-price-decimals = Не более двух знаков после запятой.
catalog-admin-error-description-long = Описание слишком длинное: не более { $max } символов.
catalog-admin-error-category-gone = Этой категории больше нет.
catalog-admin-error-nesting = Возможен только один уровень подкатегорий.
catalog-admin-error-product-gone = Этого товара больше нет.
catalog-admin-error-product-ordered = Этот товар есть в заказах, поэтому его нельзя удалить. Скройте его.
catalog-admin-error-not-photo = Отправьте фото (как изображение, а не файлом).
catalog-admin-error-price-whole = У валюты магазина нет дробных частей: отправьте целую сумму.
