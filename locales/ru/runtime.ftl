# Bot commands, group chats, refused buttons, blocked clients
command-start = Запустить бота
command-menu = Открыть меню
command-admin = Работа с клиентами

private-only = Пожалуйста, напишите мне в личные сообщения: откройте мой профиль и нажмите «Начать».
button-not-allowed = Эта кнопка вам недоступна.

menu-no-catalog =
    🚫 У вас нет доступа к каталогу.
    Если вы считаете, что это ошибка, свяжитесь, пожалуйста, с магазином.
