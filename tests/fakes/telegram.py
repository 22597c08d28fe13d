"""Bot API behaviour shared by the HTTP fake and the in-process recording session.

Everything here is synchronous and works on plain dicts shaped like the Bot API JSON, so both
transports get identical results, errors and message bookkeeping.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

BOT_ID = 4242
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Shopdesk",
    "username": "shopdesk_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict",
    500: "Internal Server Error",
}
TRUE_METHODS = (
    "deleteWebhook",
    "answerCallbackQuery",
    "sendChatAction",
    "answerInlineQuery",
    "setMyCommands",
    "deleteMyCommands",
    "setChatMenuButton",
    "setMyDescription",
    "setMyShortDescription",
    "setMyName",
    "pinChatMessage",
    "unpinChatMessage",
    "setMessageReaction",
    "answerPreCheckoutQuery",
    "close",
    "logOut",
)
CHAT_FIELDS = ("type", "title", "username", "first_name", "last_name", "is_forum")
UPDATE_MESSAGE_KEYS = ("message", "edited_message", "channel_post", "edited_channel_post")

Params = dict[str, Any]
Files = dict[str, tuple[str, bytes]]
Handler = Callable[[Params, Files], Any]


class ApiError(Exception):
    """A Bot API error response; transports turn it into HTTP status + JSON body."""

    def __init__(self, error_code: int, description: str, retry_after: int | None = None):
        super().__init__(f"{error_code} {description}")
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def resolve_attachments(params: Params, files: Files) -> Files:
    """Key uploads by the parameter referencing them: `document=attach://k` → files["document"]."""
    resolved = dict(files)
    for name, value in params.items():
        if isinstance(value, str) and value.startswith("attach://"):
            key = value.removeprefix("attach://")
            if key in resolved:
                resolved[name] = resolved.pop(key)
    return resolved


def _now() -> int:
    return int(time.time())


def _inline_markup(params: Params) -> dict[str, Any] | None:
    # Telegram echoes only inline keyboards back in Message.reply_markup.
    markup = params.get("reply_markup")
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


class FakeTelegram:
    """State of one fake Telegram: chats, sent messages, files, updates, webhook, failures."""

    def __init__(self, bot_user: dict[str, Any] | None = None) -> None:
        self.bot_user = dict(bot_user or BOT_USER)
        self.chats: dict[int, dict[str, Any]] = {}
        self.blocked_chats: set[int] = set()
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.deleted: set[tuple[int, int]] = set()
        self.files: dict[str, tuple[str, bytes]] = {}
        self.updates: list[dict[str, Any]] = []
        self.allowed_updates: list[str] | None = None
        self.webhook: dict[str, Any] = {"url": "", "secret_token": None, "token": None}
        self._last_update_id = 0
        self._last_message_id: defaultdict[int, int] = defaultdict(int)
        self._failures: dict[str, list[ApiError]] = defaultdict(list)
        self._chat_failures: dict[int, list[ApiError]] = defaultdict(list)
        self.handlers: dict[str, Handler] = {
            "getMe": lambda p, f: dict(self.bot_user),
            "getChat": self._get_chat,
            "getFile": self._get_file,
            "getWebhookInfo": self._get_webhook_info,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "sendMessage": lambda p, f: self._send(p, text=p.get("text")),
            "sendDocument": lambda p, f: self._send_media(p, document=self._file(p, f, "document")),
            "sendPhoto": lambda p, f: self._send_media(p, photo=[self._photo(p, f)]),
            "sendVoice": lambda p, f: self._send_media(p, voice=self._voice(p, f)),
            "copyMessage": self._copy_message,
            "forwardMessage": self._forward_message,
            "editMessageText": self._edit_text,
            "editMessageCaption": lambda p, f: self._edit(p, caption=p.get("caption")),
            "editMessageReplyMarkup": lambda p, f: self._edit(p),
            "deleteMessage": self._delete_message,
            "sendInvoice": self._send_invoice,
        }
        for name in TRUE_METHODS:
            self.handlers.setdefault(name, lambda p, f: True)
        self._canonical = {name.lower(): name for name in self.handlers}

    # --- test controls -------------------------------------------------------------------------

    def canonical(self, method: str) -> str:
        return self._canonical.get(method.lower(), method)

    def knows(self, method: str) -> bool:
        return method.lower() in self._canonical

    def on(self, method: str, result: Any) -> None:
        """Answer `method` with `result` (a value, or a callable taking the params dict)."""
        handler = (lambda p, f: result(p)) if callable(result) else (lambda p, f: result)
        self.handlers[method] = handler
        self._canonical[method.lower()] = method

    def fail_next(
        self,
        method: str,
        error_code: int = 400,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        if description is None and error_code == 429:
            description = f"Too Many Requests: retry after {retry_after or 1}"
            retry_after = retry_after or 1
        description = description or DEFAULT_DESCRIPTIONS.get(error_code, "Error")
        error = ApiError(error_code, description, retry_after)
        self._failures[method.lower()].extend([error] * count)

    def fail_chat(
        self,
        chat_id: int,
        error_code: int = 400,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        """The next `count` messages to this chat fail (e.g. 429 with `retry_after`)."""
        if description is None and error_code == 429:
            retry_after = retry_after or 1
            description = f"Too Many Requests: retry after {retry_after}"
        description = description or DEFAULT_DESCRIPTIONS.get(error_code, "Error")
        self._chat_failures[chat_id].extend(
            [ApiError(error_code, description, retry_after)] * count
        )

    def add_file(self, data: bytes, file_name: str = "file.bin") -> dict[str, Any]:
        """Store a file as if a user uploaded it; returns a Document dict for message updates."""
        return self._store_file(file_name, data)

    def accept_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Give an incoming update its update_id and remember the messages it carries."""
        update = {"update_id": self._last_update_id + 1, **update}
        self._last_update_id = max(self._last_update_id, update["update_id"])
        for key in UPDATE_MESSAGE_KEYS:
            if message := update.get(key):
                self._remember_incoming(message)
        return update

    def push_update(self, update: dict[str, Any]) -> int:
        update = self.accept_update(update)
        self.updates.append(update)
        return update["update_id"]

    def get_updates(self, params: Params) -> list[dict[str, Any]]:
        """The non-blocking part of getUpdates: confirm by offset, filter, limit."""
        if self.webhook["url"]:
            raise ApiError(409, WEBHOOK_CONFLICT)
        if offset := int(params.get("offset") or 0):
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if (allowed := params.get("allowed_updates")) is not None:
            self.allowed_updates = list(allowed) or None
        limit = int(params.get("limit") or 100)
        return [u for u in self.updates if self._is_allowed(u)][:limit]

    def check_failure(self, method: str) -> None:
        if failures := self._failures.get(method.lower()):
            raise failures.pop(0)

    def call(self, method: str, params: Params, files: Files | None = None) -> Any:
        """Run one Bot API method; returns the `result` or raises ApiError."""
        self.check_failure(method)
        name = self.canonical(method)
        handler = self.handlers.get(name)
        if handler is None:
            raise ApiError(404, "Not Found")
        return handler(params, files or {})

    # --- helpers -------------------------------------------------------------------------------

    def _is_allowed(self, update: dict[str, Any]) -> bool:
        if not self.allowed_updates:
            return True
        return any(key in self.allowed_updates for key in update if key != "update_id")

    def _chat_id(self, params: Params, field: str = "chat_id") -> int:
        raw = params.get(field)
        if isinstance(raw, int):
            return raw
        if isinstance(raw, str) and raw.lstrip("-").isdigit():
            return int(raw)
        if not raw:
            raise ApiError(400, f"Bad Request: {field} is empty")
        for chat_id, chat in self.chats.items():
            if f"@{chat.get('username')}" == raw:
                return chat_id
        raise ApiError(400, "Bad Request: chat not found")

    def _chat(self, chat_id: int) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
        known = self.chats.get(chat_id, {})
        chat.update({key: known[key] for key in CHAT_FIELDS if key in known})
        return chat

    def _target(self, params: Params) -> int:
        chat_id = self._chat_id(params)
        if chat_id in self.blocked_chats:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if failures := self._chat_failures.get(chat_id):
            raise failures.pop(0)
        return chat_id

    def _new_message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        self._last_message_id[chat_id] += 1
        message = {
            "message_id": self._last_message_id[chat_id],
            "date": _now(),
            "chat": self._chat(chat_id),
            "from": dict(self.bot_user),
            **{key: value for key, value in content.items() if value is not None},
        }
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _remember_incoming(self, message: dict[str, Any]) -> None:
        # Private-chat message ids are one sequence shared by the user and the bot.
        chat_id, message_id = message["chat"]["id"], message["message_id"]
        self._last_message_id[chat_id] = max(self._last_message_id[chat_id], message_id)
        self.messages[(chat_id, message_id)] = message

    def _send(self, params: Params, **content: Any) -> dict[str, Any]:
        chat_id = self._target(params)
        return self._new_message(chat_id, **content, reply_markup=_inline_markup(params))

    def _send_media(self, params: Params, **media: Any) -> dict[str, Any]:
        return self._send(params, caption=params.get("caption"), **media)

    def _store_file(self, file_name: str, data: bytes) -> dict[str, Any]:
        digest = hashlib.sha1(data).hexdigest()[:16]
        file_id = f"file-{len(self.files) + 1}-{digest}"
        self.files[file_id] = (file_name, data)
        return {
            "file_id": file_id,
            "file_unique_id": digest,
            "file_name": file_name,
            "file_size": len(data),
        }

    def _file(self, params: Params, files: Files, field: str) -> dict[str, Any]:
        if field in files:
            return self._store_file(*files[field])
        value = params.get(field)
        if not isinstance(value, str) or not value:
            raise ApiError(400, f"Bad Request: there is no {field} in the request")
        if value in self.files:
            return {"file_id": value, "file_unique_id": value, "file_name": self.files[value][0]}
        return {"file_id": value, "file_unique_id": hashlib.sha1(value.encode()).hexdigest()[:16]}

    def _photo(self, params: Params, files: Files) -> dict[str, Any]:
        document = self._file(params, files, "photo")
        document.pop("file_name", None)
        return {**document, "width": 320, "height": 320}

    def _voice(self, params: Params, files: Files) -> dict[str, Any]:
        voice = self._file(params, files, "voice")
        voice.pop("file_name", None)
        return {**voice, "duration": int(params.get("duration") or 1)}

    def _send_invoice(self, params: Params, files: Files) -> dict[str, Any]:
        prices = params.get("prices") or []
        if not prices or not params.get("currency") or not params.get("payload"):
            raise ApiError(400, "Bad Request: invoice needs prices, currency and payload")
        if params.get("currency") != "XTR" and not params.get("provider_token"):
            raise ApiError(400, "Bad Request: PAYMENT_PROVIDER_INVALID")
        invoice = {
            "title": params.get("title"),
            "description": params.get("description"),
            "start_parameter": params.get("start_parameter") or "",
            "currency": params["currency"],
            "total_amount": sum(int(price["amount"]) for price in prices),
        }
        return self._send(params, invoice=invoice)

    def _get_chat(self, params: Params, files: Files) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        if chat_id not in self.chats:
            raise ApiError(400, "Bad Request: chat not found")
        gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
        return {
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": dict.fromkeys((*gifts, "gifts_from_channels"), False),
            **self._chat(chat_id),
            **self.chats[chat_id],
            "id": chat_id,
        }

    def _get_file(self, params: Params, files: Files) -> dict[str, Any]:
        file_id = params.get("file_id")
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        file_name, data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id.rsplit("-", 1)[-1],
            "file_size": len(data),
            "file_path": f"documents/{file_id}/{file_name}",
        }

    def file_by_path(self, path: str) -> tuple[str, bytes] | None:
        parts = path.split("/")
        return self.files.get(parts[1]) if len(parts) > 2 else None

    def _get_webhook_info(self, params: Params, files: Files) -> dict[str, Any]:
        info = {
            "url": self.webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }
        if self.allowed_updates:
            info["allowed_updates"] = self.allowed_updates
        return info

    def _set_webhook(self, params: Params, files: Files) -> bool:
        if not params.get("url"):
            return self._delete_webhook(params, files)
        self.webhook.update(url=params["url"], secret_token=params.get("secret_token"))
        if (allowed := params.get("allowed_updates")) is not None:
            self.allowed_updates = list(allowed) or None
        if params.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _delete_webhook(self, params: Params, files: Files) -> bool:
        self.webhook.update(url="", secret_token=None)
        if params.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _source(self, params: Params) -> dict[str, Any]:
        key = (self._chat_id(params, "from_chat_id"), int(params.get("message_id") or 0))
        if key not in self.messages:
            raise ApiError(400, "Bad Request: message to copy not found")
        return self.messages[key]

    def _copy_message(self, params: Params, files: Files) -> dict[str, Any]:
        source = self._source(params)
        chat_id = self._target(params)
        content = {k: v for k, v in source.items() if k not in ("message_id", "date", "chat")}
        content.update(caption=params.get("caption") or source.get("caption"))
        content.update(reply_markup=_inline_markup(params), **{"from": dict(self.bot_user)})
        return {"message_id": self._new_message(chat_id, **content)["message_id"]}

    def _forward_message(self, params: Params, files: Files) -> dict[str, Any]:
        source = self._source(params)
        chat_id = self._target(params)
        keep = ("text", "caption", "document", "photo", "entities")
        return self._new_message(chat_id, **{k: source[k] for k in keep if k in source})

    def _message_to_edit(self, params: Params) -> tuple[tuple[int, int], dict[str, Any] | None]:
        key = (self._chat_id(params), int(params.get("message_id") or 0))
        if key in self.deleted:
            raise ApiError(400, "Bad Request: message to edit not found")
        old = self.messages.get(key)
        if old is not None and old.get("from", {}).get("id") != self.bot_user["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return key, old

    def _edit_text(self, params: Params, files: Files) -> dict[str, Any] | bool:
        if not params.get("inline_message_id"):
            _, old = self._message_to_edit(params)
            if old is not None and "text" not in old:
                raise ApiError(400, "Bad Request: there is no text in the message to edit")
        return self._edit(params, text=params.get("text"))

    def _edit(self, params: Params, **changes: Any) -> dict[str, Any] | bool:
        if params.get("inline_message_id"):
            return True
        key, old = self._message_to_edit(params)
        # Unknown ids are edited leniently: tests often click on hand-built callback messages.
        base = old or {"message_id": key[1], "date": _now(), "chat": self._chat(key[0])}
        new = {**base, "from": dict(self.bot_user), **changes}
        new["reply_markup"] = _inline_markup(params)
        new = {k: v for k, v in new.items() if v is not None}
        fields = ("text", "caption", "reply_markup")
        if old is not None and all(old.get(f) == new.get(f) for f in fields):
            raise ApiError(400, NOT_MODIFIED)
        new["edit_date"] = _now()
        self.messages[key] = new
        return new

    def _delete_message(self, params: Params, files: Files) -> bool:
        key = (self._chat_id(params), int(params.get("message_id") or 0))
        if key in self.deleted:
            raise ApiError(400, "Bad Request: message to delete not found")
        self.messages.pop(key, None)
        self.deleted.add(key)
        return True
