"""Inline mode: staff find clients from any chat; what gets posted carries no personal data."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram.methods import AnswerInlineQuery
from aiogram.types import InlineQuery, Update

from bot.services.clients import (
    TelegramProfile,
    apply_start_payload,
    card_link_target,
    touch_client,
)
from models import Client
from tests.client_list_data import make_client
from tests.harness import App, Person
from tests.test_client_list_dialog import app, card_title, staff

__all__ = ["app"]


async def inline(person: Person, query: str, chat_type: str = "supergroup") -> AnswerInlineQuery:
    before = len(person.app.bot.session.sent(AnswerInlineQuery))
    update = Update(
        update_id=person.client._new_update_id(),
        inline_query=InlineQuery(
            id="q1", from_user=person.client.user, query=query, offset="", chat_type=chat_type
        ),
    )
    await person.app.dp.feed_update(person.app.bot, update)
    answers = person.app.bot.session.sent(AnswerInlineQuery)[before:]
    assert len(answers) == 1
    return answers[0]


async def test_staff_find_clients_and_the_posted_message_has_no_personal_data(app: App) -> None:
    client = await make_client(
        "Łukasz",
        last_name="Żółć",
        username="lukasz_z",
        phone="+48601234567",
        email="lz@example.com",
        is_blocked=True,
        orders_count=4,
        total_spent=Decimal("99.90"),
    )
    await make_client("Other")
    manager = await staff(app)

    assert (await inline(manager, "nobody-like-this")).results == []
    answer = await inline(manager, "ŁUKASZ")
    assert answer.is_personal is True
    assert [r.id for r in answer.results] == [str(client.id)]
    result = answer.results[0]
    assert result.title == "Łukasz Żółć · @lukasz_z 🚫"
    assert result.description == "🛒 4 · 💰 $99.90"
    message = result.input_message_content.message_text
    assert message == f"Client #{client.id}"
    button = result.reply_markup.inline_keyboard[0][0]
    assert button.url == f"https://t.me/shopdesk_test_bot?start=c_{client.id}"
    posted = message + button.text + button.url
    for personal in ("Łukasz", "Żółć", "lukasz", "601", "lz@", "99"):
        assert personal not in posted

    assert [r.id for r in (await inline(manager, "+48 601 234 567")).results] == [str(client.id)]


async def test_a_customer_gets_zero_results(app: App) -> None:
    await make_client("Łukasz")
    customer = app.person(first_name="Kasia")
    answer = await inline(customer, "łukasz")
    assert answer.results == []
    assert answer.is_personal is True
    assert answer.cache_time is not None and answer.cache_time <= 10


async def test_the_card_link_opens_the_card_for_staff_only(app: App) -> None:
    client = await make_client("Karol")
    manager = await staff(app)
    await manager.send(f"/start c_{client.id}")
    assert manager.text().startswith(card_title(client))

    customer = app.person(first_name="Kasia")
    await customer.send(f"/start c_{client.id}")
    assert f"#{client.id}" not in customer.text() and "Karol" not in customer.text()
    newcomer = await Client.get(telegram_id=customer.id)
    assert newcomer.source == "telegram"  # c_<id> is not recorded as where they came from


async def test_card_payloads_are_not_sources(db: None) -> None:
    assert card_link_target("c_12") == 12
    assert card_link_target("c_x") is None and card_link_target("cats") is None
    client = await touch_client(TelegramProfile(telegram_id=31337, first_name="New"))
    result = await apply_start_payload(client, "c_12")
    assert not result.source_set
    assert (await Client.get(id=client.id)).source == "telegram"


@pytest.mark.parametrize("chat_type", ["private", "group"])
async def test_inline_answers_do_not_depend_on_the_chat(app: App, chat_type: str) -> None:
    await make_client("Ann")
    manager = await staff(app)
    assert len((await inline(manager, "ann", chat_type)).results) == 1
