"""`python3 -m tests`: installs the test dependencies on first use, then runs pytest.

On a machine with several cores the test files are shared out between that many
pytest-xdist workers (at most 4); `-n 0` runs everything in this one process. Each
worker migrates a database of its own (a PostgreSQL schema of its own with
TEST_DATABASE_URL), and a file's tests stay on one worker.
"""

import os
import sys

from bot.bootstrap import ensure_environment

ensure_environment("tests", extras="dev")

import pytest  # noqa: E402

MAX_WORKERS = 4


def with_workers(args: list[str]) -> list[str]:
    chosen = any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in args)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if chosen or workers < 2:
        return args
    return ["-n", str(workers), "--dist", "loadfile", *args]


sys.exit(pytest.main(with_workers(sys.argv[1:])))
