"""`shopdesk run | migrate | demo-data` (also `python3 -m bot ...`)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.config import ConfigError, Settings, load_settings


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # aiogram logs every handled update at INFO; keep the console for what matters.
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    logging.getLogger("tortoise").setLevel(logging.WARNING)


async def _run(settings: Settings, _args: argparse.Namespace) -> None:
    from bot.runner import serve

    settings.token  # noqa: B018 - says how to get a token before anything else happens
    await serve(settings)


async def _migrate(settings: Settings, _args: argparse.Namespace) -> None:
    from bot.db import apply_migrations

    applied = await apply_migrations(settings.database_url)
    print(f"shopdesk: applied {len(applied)} migration(s)" if applied else "shopdesk: up to date")


async def _demo_data(settings: Settings, args: argparse.Namespace) -> None:
    from bot.db import close_database, open_database
    from bot.services.demo_data import fill_demo_shop

    await open_database(settings.database_url)
    try:
        summary = await fill_demo_shop(clients=args.clients, seed=args.seed)
    finally:
        await close_database()
    print(f"shopdesk: demo shop ready: {summary}")


COMMANDS = {"run": _run, "migrate": _migrate, "demo-data": _demo_data}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shopdesk", description="Telegram shop bot.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="apply migrations and start the bot")
    commands.add_parser("migrate", help="apply pending database migrations")
    demo = commands.add_parser("demo-data", help="fill the database with a realistic fake shop")
    demo.add_argument("--clients", type=int, default=3000, help="how many clients (default 3000)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    try:
        settings = load_settings()
        asyncio.run(COMMANDS[args.command](settings, args))
    except ConfigError as exc:
        print(f"shopdesk: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
