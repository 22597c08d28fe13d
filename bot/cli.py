"""`shopdesk run | migrate | demo-data` (also `python3 -m bot ...`)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import NoReturn

from bot.config import ConfigError, Settings, load_settings

# demo-data: 1M clients is the size the README's search figures were measured at
MAX_DEMO_CLIENTS = 1_000_000
# our own code: -v shows its debug lines
OWN_LOGGERS = ("bot", "dialogs", "models")
# their debug lines hold SQL parameters (names, usernames, search text)
SQL_LOGGERS = ("tortoise", "aiosqlite", "asyncpg")


def configure_logging(verbose: bool = False, log_sql: bool = False) -> None:
    """Logs carry Telegram ids, never personal data, whatever the level.

    Libraries stay at INFO even with -v: their debug lines print SQL parameters
    (tortoise, aiosqlite) and whole Chat objects with names (aiogram-dialog).
    `--log-sql` is the explicit switch for SQL with parameters, for debugging only.
    """
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.NOTSET)
    # aiogram logs every handled update (id and duration) at INFO: shown with -v only
    logging.getLogger("aiogram.event").setLevel(logging.INFO if verbose else logging.WARNING)
    for name in SQL_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    if log_sql:  # every statement with its parameters, once (tortoise's own log)
        logging.getLogger("tortoise.db_client").setLevel(logging.DEBUG)


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
    from bot.services.demo_removal import remove_demo_shop

    await open_database(settings.database_url)
    try:
        if args.remove:
            print(f"shopdesk: demo shop removed: {await remove_demo_shop()}")
            return
        summary = await fill_demo_shop(clients=args.clients, seed=args.seed)
    finally:
        await close_database()
    print(f"shopdesk: demo shop ready: {summary}")


COMMANDS = {"run": _run, "migrate": _migrate, "demo-data": _demo_data}


class _Parser(argparse.ArgumentParser):
    """A wrong argument is one line on stderr and exit code 2, like a bad setting."""

    def error(self, message: str) -> NoReturn:
        # "argument --clients: ..." reads as the other errors do: "--clients: ..."
        message = message.removeprefix("argument ")
        self.exit(2, f"shopdesk: {message} (see `{self.prog} --help`)\n")


def _client_count(value: str) -> int:
    if not value.strip().isdigit() or not 1 <= int(value) <= MAX_DEMO_CLIENTS:
        raise argparse.ArgumentTypeError(
            f"must be a whole number between 1 and {MAX_DEMO_CLIENTS}, not {value!r}"
        )
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="shopdesk", description="Telegram shop bot.")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="debug logging (never personal data)"
    )
    parser.add_argument(
        "--log-sql",
        action="store_true",
        help="log every SQL statement with its parameters, personal data included "
        "(debugging only; off by default)",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("run", help="apply migrations and start the bot")
    commands.add_parser("migrate", help="apply pending database migrations")
    demo = commands.add_parser("demo-data", help="fill the database with a realistic fake shop")
    demo.add_argument(
        "--clients",
        type=_client_count,
        default=3000,
        metavar="N",
        help=f"how many clients, 1 to {MAX_DEMO_CLIENTS} (default 3000)",
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument(
        "--remove", action="store_true", help="delete what demo-data created, before going live"
    )
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    configure_logging(args.verbose, args.log_sql)
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
