"""Self-installing entry: `python3 -m bot ...` and `python3 -m tests` work on a bare Python.

Standard library only: this runs before any dependency exists. It keeps the project's
virtual environment in `.venv/` beside `pyproject.toml`, (re)installs it when
`pyproject.toml` changes, and re-executes the command inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("SHOPDESK_VENV", ROOT / ".venv"))
STAMP_NAME = "shopdesk-installed"


def _venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def _wanted_stamp(extras: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return f"{digest}:{extras}"


def _installed_stamp() -> set[str]:
    stamp = VENV / STAMP_NAME
    return set(stamp.read_text().split()) if stamp.exists() else set()


def _install(extras: str) -> None:
    if not _venv_python().exists():
        print(f"shopdesk: creating the virtual environment in {VENV} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    print("shopdesk: installing dependencies (first run only) ...", file=sys.stderr)
    subprocess.run(
        [
            str(_venv_python()),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        check=True,
    )
    stamps = {s for s in _installed_stamp() if s.split(":")[0] == _wanted_stamp("").split(":")[0]}
    stamps.add(_wanted_stamp(extras))
    (VENV / STAMP_NAME).write_text("\n".join(sorted(stamps)))


def ensure_environment(module: str, extras: str = "") -> None:
    """Make sure `.venv` holds the dependencies, then run `python -m module` inside it."""
    if os.environ.get("SHOPDESK_NO_BOOTSTRAP") == "1":
        return
    if _wanted_stamp(extras) not in _installed_stamp():
        try:
            _install(extras)
        except (subprocess.CalledProcessError, OSError) as exc:
            sys.exit(f"shopdesk: could not install the dependencies ({exc}); see the output above.")
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = str(_venv_python())
    os.execv(python, [python, "-m", module, *sys.argv[1:]])
