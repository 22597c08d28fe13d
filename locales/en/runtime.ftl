# Bot commands, group chats, refused buttons, blocked clients
command-start = Start the bot
command-menu = Open the menu
command-admin = Client desk

private-only = Please write to me in a private chat: open my profile and press Start.
button-not-allowed = This button is not available to you.

menu-no-catalog =
    🚫 You have no access to the catalog.
    If you think this is a mistake, please contact the shop.
