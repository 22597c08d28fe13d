"""Settings from the environment and an optional `.env` file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Self

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.services.money import THREE_DECIMAL_CURRENCIES

SUPPORTED_LOCALES = ("en", "ru", "pl")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite://{ROOT / 'data' / 'shopdesk.sqlite3'}"
# BotFather's shape: the bot's numeric id, a colon, a secret of letters, digits, _ and -
TOKEN_PATTERN = re.compile(r"\d+:[A-Za-z0-9_-]+")
WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")

HOW_TO_GET_A_TOKEN = (
    "BOT_TOKEN is not set. Get one from @BotFather in Telegram (send /newbot, pick a name), "
    "then run again with BOT_TOKEN=<token> in the environment or in a .env file."
)


class ConfigError(Exception):
    """A missing or malformed setting; the message names the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    bot_token: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    telegram_api_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_path: str = "/telegram/webhook"
    secret_key: SecretStr | None = None
    default_locale: str = "en"
    currency: str = "USD"
    payment_provider_token: SecretStr | None = None

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in re.split(r"[,\s]+", value.strip()) if p]
            if not all(p.lstrip("-").isdigit() for p in parts):
                raise ValueError("must be Telegram ids separated by commas, e.g. 12345,67890")
            return frozenset(int(p) for p in parts)
        return value

    @field_validator("bot_token")
    @classmethod
    def _check_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not TOKEN_PATTERN.fullmatch(value.get_secret_value()):
            raise ValueError("does not look like a token from @BotFather (123456:ABC...)")
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database(cls, value: str) -> str:
        if not re.match(r"^(sqlite|postgres|asyncpg|psycopg)://", value):
            raise ValueError("must start with sqlite:// or postgres://")
        return value

    @field_validator("redis_url", "telegram_api_url", "webhook_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not re.match(r"^(https?|rediss?|unix)://\S+$", value):
            raise ValueError("must be a URL")
        return value.rstrip("/")

    @field_validator("default_locale")
    @classmethod
    def _check_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("currency")
    @classmethod
    def _check_currency(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise ValueError("must be a three-letter ISO 4217 code, e.g. USD, EUR, PLN")
        if value in THREE_DECIMAL_CURRENCIES:
            raise ValueError(f"{value} has three decimal places; amounts are kept to two")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not WEBHOOK_SECRET_PATTERN.fullmatch(value.get_secret_value()):
            raise ValueError("may hold only A-Z, a-z, 0-9, _ and - (1-256 characters).")
        return value

    @model_validator(mode="after")
    def _check_webhook_has_a_secret(self) -> Self:
        # names its variable itself: a model-level error has no field to name
        if self.webhook_url is not None and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET: is required when WEBHOOK_URL is set.")
        return self

    @property
    def token(self) -> str:
        if self.bot_token is None:
            raise ConfigError(HOW_TO_GET_A_TOKEN)
        return self.bot_token.get_secret_value()

    @property
    def webhook_mode(self) -> bool:
        return self.webhook_url is not None

    def require_webhook_secret(self) -> str:
        """The secret for webhook mode (the settings' validation has made sure it is there)."""
        if self.webhook_secret is None:
            raise ConfigError("WEBHOOK_SECRET: is required when WEBHOOK_URL is set.")
        return self.webhook_secret.get_secret_value()


def load_settings(**overrides: object) -> Settings:
    """Read the settings; one clear line naming the variable on a bad value."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        # our validators' ValueErrors: their own text, without pydantic's "Value error, "
        error = first.get("ctx", {}).get("error")
        message = str(error) if isinstance(error, ValueError) else first["msg"]
        if not first["loc"]:
            raise ConfigError(message) from None
        raise ConfigError(f"{str(first['loc'][0]).upper()}: {message}") from None
