# 📜 История клиента: названия действий, добавленных после экрана
sections-action-order-created = 🛒 Оформлен заказ за клиента
sections-action-order-note = 📝 Заметка к заказу
sections-action-client-anonymized = 🕶 Данные клиента обезличены
sections-action-personal-data-exported = 📤 Выгружены персональные данные клиента
sections-action-personal-data-self-exported = 📤 Клиент скачал свои данные
sections-action-erasure-requested = 🗑 Запрос на удаление данных
sections-action-erasure-done = 🗑 Запрос на удаление отмечен выполненным
sections-action-erasure-refused = 🗑 Запрос на удаление отклонён
sections-history-trigger-manager = сотрудником
sections-history-trigger-retention = по сроку хранения
sections-history-note-cleared = заметка удалена
