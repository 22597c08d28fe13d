"""Settings: a missing or malformed value stops start-up with one line naming it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import HOW_TO_GET_A_TOKEN, ConfigError, load_settings

ROOT = Path(__file__).resolve().parent.parent
GOOD_TOKEN = "123456:AAH-valid_looking_token_0123456789"


def settings(**values: object):
    return load_settings(_env_file=None, **values)


def test_defaults_need_only_a_token() -> None:
    s = settings(bot_token=GOOD_TOKEN)
    assert s.token == GOOD_TOKEN
    assert s.database_url.startswith("sqlite://") and s.database_url.endswith(".sqlite3")
    assert s.redis_url is None and not s.webhook_mode
    assert s.admin_ids == frozenset()


def test_admin_ids_are_parsed_from_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "12345, 67890 42")
    assert settings().admin_ids == {12345, 67890, 42}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ADMIN_IDS", "12,abc"),
        ("BOT_TOKEN", "not-a-token"),
        ("DATABASE_URL", "mysql://x"),
        ("DEFAULT_LOCALE", "de"),
        ("CURRENCY", "euro"),
        ("CURRENCY", "KWD"),
        ("WEBHOOK_PORT", "99999"),
        ("TELEGRAM_API_URL", "ftp:/nowhere"),
    ],
)
def test_a_bad_value_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as error:
        settings()
    assert str(error.value).startswith(f"{variable}:")
    assert "\n" not in str(error.value)


def test_missing_token_says_how_to_get_one() -> None:
    with pytest.raises(ConfigError, match="BotFather"):
        _ = settings().token


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "WEBHOOK_SECRET: is required when WEBHOOK_URL is set."),
        (
            {"webhook_secret": "bad secret!"},
            "WEBHOOK_SECRET: may hold only A-Z, a-z, 0-9, _ and - (1-256 characters).",
        ),
    ],
)
def test_webhook_secret_is_required_and_checked_with_the_settings(
    values: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as error:
        settings(bot_token=GOOD_TOKEN, webhook_url="https://shop.example/hook", **values)
    assert str(error.value) == message
    s = settings(bot_token=GOOD_TOKEN, webhook_url="https://shop.example", webhook_secret="s-1_A")
    assert s.webhook_secret is not None and s.webhook_secret.get_secret_value() == "s-1_A"


@pytest.mark.parametrize(
    "token", ["123456:your-token", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "1:a"]
)
def test_tokens_shaped_like_botfathers_pass(token: str) -> None:
    assert settings(bot_token=token).token == token


@pytest.mark.parametrize(
    "token",
    ["not-a-token", "123456", "123456:", ":abc", "abc:def", "123 456:abc", "123:ab cd", "1:a\n"],
)
def test_obvious_garbage_is_not_a_token(token: str) -> None:
    with pytest.raises(ConfigError, match=r"^BOT_TOKEN: does not look like a token"):
        settings(bot_token=token)


def test_messages_carry_no_pydantic_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_LOCALE", "de")
    with pytest.raises(ConfigError) as error:
        settings()
    assert str(error.value) == "DEFAULT_LOCALE: must be one of en, ru, pl"


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS"}}
    clean.update(env, SHOPDESK_NO_BOOTSTRAP="1")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT / "tests",  # no .env from the checkout
        env={**clean, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_run_without_token_explains_and_exits_non_zero() -> None:
    result = _cli("run")
    assert result.returncode == 2
    assert HOW_TO_GET_A_TOKEN in result.stderr


def test_run_with_a_malformed_variable_prints_one_line() -> None:
    result = _cli("run", BOT_TOKEN=GOOD_TOKEN, ADMIN_IDS="me")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("shopdesk: ADMIN_IDS:")
