"""Shop-wide settings owners change from the bot."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Setting(Model):
    """Shop-wide settings, one JSON value per key.

    The keys in use:

    - ``mail``: ``{"host", "port", "tls": "none" | "starttls" | "tls", "user",
      "password_encrypted", "from"}`` (password Fernet-encrypted)
    - ``sms``: ``{"provider": "smsapi" | "twilio", ...}`` with the credentials encrypted
    - ``broadcast_rate``: messages per second (a number)
    - ``retention``: ``{"enabled": false, "years": 3}``

    The shop's currency is not a setting here: it is ``CURRENCY`` in the environment
    (``bot.config``), one place for the whole shop (``bot.services.money.shop_currency``).
    """

    key = fields.CharField(max_length=64, primary_key=True)
    value = fields.JSONField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "settings"
