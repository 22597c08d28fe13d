# Panel klientów (menedżerowie)
desk-overview =
    🧑‍💼 <b>Panel klientów</b>

    👥 Klienci: { $clients }
    🆕 Nowi dzisiaj: { $new_today }
    🟢 Aktywni w tym tygodniu: { $active_week }
    🚫 Zablokowani: { $blocked }
    ⭐ Menedżerowie i obserwatorzy: { $staff }

    Twoja rola: { $role ->
        [owner] właściciel
        [manager] menedżer
       *[viewer] obserwator (tylko odczyt)
    }
desk-refresh = 🔄 Odśwież
desk-to-shop = 🛍 Menu sklepu
