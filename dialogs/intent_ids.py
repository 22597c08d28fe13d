"""Dialog intent ids that do not collide.

aiogram-dialog names each started dialog by the current second plus a random number
from 0 to 99 (`aiogram_dialog.api.entities.stack.new_id`). Two dialogs started in the
same second, as a manager opening the client list and then its bulk actions does,
share an id one time in a hundred, and the second overwrites the first's stored
context: "Back" then lands on the wrong screen. Eight random base-62 characters
(47 bits) keep the callback data short and make a collision a non-event.
"""

from __future__ import annotations

import secrets
import string

from aiogram_dialog.api.entities import stack

ID_LENGTH = 8
_SYMBOLS = string.digits + string.ascii_letters


def new_intent_id() -> str:
    return "".join(secrets.choice(_SYMBOLS) for _ in range(ID_LENGTH))


def use_collision_free_intent_ids() -> None:
    """`Stack.push` looks the function up at each call, so replacing it is enough."""
    stack.new_id = new_intent_id
