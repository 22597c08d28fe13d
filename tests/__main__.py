"""`python3 -m tests`: installs the test dependencies on first use, then runs pytest."""

import sys

from bot.bootstrap import ensure_environment

ensure_environment("tests", extras="dev")

import pytest  # noqa: E402

sys.exit(pytest.main(sys.argv[1:]))
