# Bot commands, group chats, refused buttons, blocked clients
command-start = Uruchom bota
command-menu = Otwórz menu
command-admin = Obsługa klientów

private-only = Napisz do mnie w prywatnej wiadomości: otwórz mój profil i naciśnij Start.
button-not-allowed = Ten przycisk nie jest dla Ciebie dostępny.

menu-no-catalog =
    🚫 Nie masz dostępu do katalogu.
    Jeśli uważasz, że to pomyłka, skontaktuj się ze sklepem.
