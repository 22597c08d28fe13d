# Client desk (managers)
desk-overview =
    🧑‍💼 <b>Client desk</b>

    👥 Clients: { $clients }
    🆕 New today: { $new_today }
    🟢 Active this week: { $active_week }
    🚫 Blocked: { $blocked }
    ⭐ Managers and viewers: { $staff }

    Your role: { $role ->
        [owner] owner
        [manager] manager
       *[viewer] viewer (read only)
    }
desk-refresh = 🔄 Refresh
desk-to-shop = 🛍 Shop menu
