"""Every filter and handler of the bot runs on the event loop.

aiogram sends a filter or handler that is not a coroutine function (a plain function, a
magic `F` expression, a `State`) to a worker thread for every update that reaches it;
`bot/filters.py` has the on-loop forms. This walks the whole built dispatcher.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.fsm.storage.memory import MemoryStorage

from bot.app import build_dispatcher
from tests.harness import make_settings


def _thread_hops(router: Router) -> list[str]:
    hops = []
    for name, observer in router.observers.items():
        for handler in observer.handlers:
            for callable_object in [handler, *(handler.filters or [])]:
                if not callable_object.awaitable:
                    hops.append(f"{router.name} {name}: {callable_object.callback!r}")
        for event_filter in observer._handler.filters or []:
            if not event_filter.awaitable:
                hops.append(f"{router.name} {name} router filter: {event_filter.callback!r}")
    for sub_router in router.sub_routers:
        hops += _thread_hops(sub_router)
    return hops


def test_no_filter_or_handler_runs_in_a_worker_thread() -> None:
    dp = build_dispatcher(make_settings(), storage=MemoryStorage())
    # aiogram-dialog's own handler of background updates (BgManager), filtered by
    # `State("*")`: not on the path of a press or a message
    ours = [hop for hop in _thread_hops(dp) if "aiogd_update: <State '*'>" not in hop]
    assert ours == []


def test_the_walk_finds_a_plain_function_filter() -> None:
    router = Router(name="probe")

    def plain(message: object) -> bool:
        return True

    async def handler(message: object) -> None:
        return None

    router.message.filter(plain)
    router.message.register(handler)
    assert _thread_hops(router) == [f"probe message router filter: {plain!r}"]
