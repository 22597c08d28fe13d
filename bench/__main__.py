"""`python -m bench updates`."""

from __future__ import annotations

import argparse
import asyncio

from bench import updates

BENCHMARKS = {"updates": updates}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("name", choices=sorted(BENCHMARKS))
    parser.add_argument(
        "--new", type=int, default=20, help="new customers' /start updates per side and round"
    )
    parser.add_argument(
        "--clicks", type=int, default=250, help="returning customer's clicks per side and round"
    )
    parser.add_argument("--rounds", type=int, default=20, help="measured rounds (medians taken)")
    parser.add_argument("--warmup", type=int, default=300, help="unrecorded clicks per side first")
    args = parser.parse_args()
    asyncio.run(
        BENCHMARKS[args.name].main(
            new=args.new, clicks=args.clicks, rounds=args.rounds, warmup=args.warmup
        )
    )


if __name__ == "__main__":
    main()
