"""Every visible text exists in en, ru and pl, and plural forms follow each language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.runtime import FluentBundle, FluentResource

from bot.i18n import LOCALES_DIR, count_text, locale_for
from models import Client

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r"^(-?[A-Za-z][\w-]*)\s*=", re.M)
USED_KEY = re.compile(r"""(?:Tr|i18n\.get)\(\s*["']([a-z][\w-]*)["']""")


def catalog_keys(locale: str) -> set[str]:
    return {
        key
        for path in (LOCALES_DIR / locale).glob("*.ftl")
        for key in KEY.findall(path.read_text(encoding="utf-8"))
    }


def bundle(locale: str) -> FluentBundle:
    result = FluentBundle([locale], use_isolating=False)
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        result.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return result


def render(locale: str, key: str, **args: object) -> str:
    b = bundle(locale)
    text, errors = b.format_pattern(b.get_message(key).value, args)
    assert not errors, errors
    return text


def test_every_language_has_the_same_keys() -> None:
    english = catalog_keys("en")
    assert english, "no English catalog found"
    for locale in ("ru", "pl"):
        assert catalog_keys(locale) == english, locale


def test_every_key_the_code_uses_exists() -> None:
    used = set()
    for folder in ("bot", "dialogs"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(USED_KEY.findall(path.read_text(encoding="utf-8")))
    assert used, "found no keys in the code: the pattern is wrong"
    assert used <= catalog_keys("en"), used - catalog_keys("en")


def test_catalogs_parse_without_errors() -> None:
    for locale in ("en", "ru", "pl"):
        for path in (LOCALES_DIR / locale).glob("*.ftl"):
            resource = FluentResource(path.read_text(encoding="utf-8"))
            junk = [entry for entry in resource.body if type(entry).__name__ == "Junk"]
            assert not junk, f"{path}: {junk[0].content[:80]!r}"


@pytest.mark.parametrize(
    ("locale", "count", "expected"),
    [
        ("en", 0, "Nobody has joined"),
        ("en", 1, "1 person has joined"),
        ("en", 3, "3 people have joined"),
        ("ru", 1, "пришёл 1 человек."),
        ("ru", 3, "пришли 3 человека."),
        ("ru", 5, "пришли 5 человек."),
        ("ru", 21, "пришёл 21 человек."),
        ("pl", 1, "Dołączyła z niego 1 osoba."),
        ("pl", 3, "Dołączyły z niego 3 osoby."),
        ("pl", 5, "Dołączyło z niego 5 osób."),
        ("pl", 22, "Dołączyły z niego 22 osoby."),
    ],
)
def test_plural_forms(locale: str, count: int, expected: str) -> None:
    assert expected in render(locale, "referral-info", link="https://t.me/x", joined=count)


@pytest.mark.parametrize(
    ("chosen", "telegram", "expected"),
    [
        ("pl", "ru", "pl"),
        (None, "ru", "ru"),
        (None, "pl-PL", "pl"),
        (None, "de", "en"),
        (None, None, "en"),
        ("xx", "ru", "ru"),
    ],
)
def test_locale_choice(chosen: str | None, telegram: str | None, expected: str) -> None:
    client = Client(locale=chosen)
    assert locale_for(client, telegram, "en") == expected


@pytest.mark.parametrize("locale", ["en", "ru", "pl"])
def test_count_text_writes_numbers_as_fluent_does(locale: str) -> None:
    for number in (0, 7, 999, 1000, 9999, 10000, 50001, 1234567):
        as_text = count_text(number, locale)
        assert render(locale, "clients-inline-description", orders=as_text, total="") == (
            render(locale, "clients-inline-description", orders=number, total="")
        )
