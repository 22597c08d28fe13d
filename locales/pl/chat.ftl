# Czat klienta z menedżerami; tempo wysyłki
chat-open = 💬 Czat
chat-header = 💬 <b>Czat z { $client }</b> (#{ $client_id })
chat-mode-hint =
    Jesteś w trybie czatu: wszystko, co tu wyślesz (tekst, zdjęcie, dokument, wiadomość głosową), trafi do klienta od sklepu, bez Twojego imienia. Odpowiedzi klienta pojawią się tutaj.
chat-read-only = 👁 Tylko podgląd: obserwatorzy widzą czat, ale nie mogą pisać do klienta.
chat-blocked-bot-note = ⛔ Klient zablokował bota: nic nie zostanie doręczone, dopóki znów nie napisze do sklepu.
chat-recent = Ostatnie wiadomości:
chat-sent = ✅ Doręczono.
chat-history = 📜 Historia czatu
chat-leave = ✖️ Wyjdź z czatu
chat-back = ⬅️ Wstecz
chat-history-header = 📜 <b>Czat z { $client }</b>: strona { $page } z { $pages } (wiadomości: { $total })
chat-history-empty = Brak wiadomości.
chat-client-gone = Z tym klientem nie można się skontaktować w Telegramie (usunięty, zanonimizowany lub dodany bez konta Telegram).
chat-line-in = <i>{ $when }</i> 👤 { $text }
chat-line-out = <i>{ $when }</i> 🛍 { $manager }: { $text }
chat-kind-photo = 📷 [zdjęcie]
chat-kind-document = 📎 [dokument]
chat-kind-voice = 🎤 [wiadomość głosowa]
chat-unsupported = W czacie można wysyłać tylko tekst, zdjęcia, dokumenty i wiadomości głosowe.
chat-empty = Napisz wiadomość.
chat-too-long = Wiadomość jest za długa: maksymalnie 4096 znaków.
chat-caption-too-long = Podpis jest za długi: maksymalnie 1024 znaki.
chat-viewer-read-only = Obserwatorzy nie mogą pisać do klientów: wiadomość nie została wysłana.
chat-client-blocked-bot = ⛔ Klient zablokował bota: wiadomość nie została doręczona. Oznaczono go jako „bot zablokowany”.
chat-send-failed = ⚠️ Telegram nie przyjął wiadomości. Spróbuj ponownie później.
chat-delivered = ✅ Twoja wiadomość została wysłana do sklepu. Odpowiemy tutaj.
chat-from-client = 💬 <b>{ $client }</b> (#{ $client_id }):
chat-reply = 💬 Odpowiedz
chat-open-card = 👤 Karta

settings-rate = 🚀 Tempo wysyłki
rate-current =
    🚀 <b>Tempo wysyłki</b>: { $rate } wiadomości na sekundę.

    Wpisz nowe tempo, od { $min } do { $max } (Telegram pozwala na około 30 na sekundę).
rate-invalid = Wpisz liczbę od { $min } do { $max }, np. 25 lub 12,5. Nic nie zmieniono.
rate-saved = ✅ Zapisano: { $rate } wiadomości na sekundę.
