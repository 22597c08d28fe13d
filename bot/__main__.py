"""`python3 -m bot run`: installs what it needs on first use, then starts the CLI."""

from bot.bootstrap import ensure_environment

ensure_environment("bot")

from bot.cli import main  # noqa: E402

main()
