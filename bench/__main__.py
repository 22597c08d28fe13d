"""`python -m bench updates`."""

from __future__ import annotations

import argparse
import asyncio

from bench import updates

BENCHMARKS = {"updates": updates}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("name", choices=sorted(BENCHMARKS))
    parser.add_argument("--new", type=int, default=300, help="new customers' /start updates")
    parser.add_argument("--clicks", type=int, default=1000, help="returning customer's clicks")
    args = parser.parse_args()
    asyncio.run(BENCHMARKS[args.name].main(new=args.new, clicks=args.clicks))


if __name__ == "__main__":
    main()
