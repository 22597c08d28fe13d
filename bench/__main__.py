"""`python -m bench updates | keyset | shop | desk | broadcast | gdpr`."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from bench import broadcast, desk, gdpr, keyset, shop, updates


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    benchmarks = parser.add_subparsers(dest="name", required=True)
    run = benchmarks.add_parser("updates", help="updates per second through the dispatcher")
    run.add_argument(
        "--new", type=int, default=20, help="new customers' /start updates per side and round"
    )
    run.add_argument(
        "--clicks", type=int, default=250, help="returning customer's clicks per side and round"
    )
    run.add_argument("--rounds", type=int, default=20, help="measured rounds (medians taken)")
    run.add_argument("--warmup", type=int, default=300, help="unrecorded clicks per side first")
    pages = benchmarks.add_parser("keyset", help="deep keyset pages of the client list (SQLite)")
    pages.add_argument("--database", help="an SQLite file; filled with demo data if missing")
    pages.add_argument("--clients", type=int, default=200_000, help="demo clients for a new file")
    pages.add_argument("--depth", type=int, default=100_000, help="the cursor's position")
    pages.add_argument("--runs", type=int, default=7, help="runs per query (median taken)")
    shop_clicks = benchmarks.add_parser("shop", help="the shop's hot clicks (SQLite)")
    shop_clicks.add_argument("--clicks", type=int, default=60, help="timed clicks of each kind")
    shop_clicks.add_argument("--rounds", type=int, default=5, help="measured rounds")
    shop_clicks.add_argument("--warmup", type=int, default=20, help="clicks of the warm-up round")
    shop_clicks.add_argument(
        "--folder", type=Path, default=Path("data"), help="where `bench desk` keeps its file"
    )
    shop_clicks.add_argument(
        "--clients", type=int, default=1_000_000, help="the desk file's clients, if it exists"
    )
    desk_run = benchmarks.add_parser("desk", help="the client desk's actions, p50/p95 (SQLite)")
    desk_run.add_argument("--clients", type=int, default=100_000, help="clients generated")
    desk_run.add_argument("--samples", type=int, default=40, help="timed rounds per action")
    desk_run.add_argument(
        "--folder", type=Path, default=Path("data"), help="where the generated file is kept"
    )
    desk_run.add_argument(
        "--db", dest="database_url", help="PostgreSQL (postgres://...) instead of the SQLite file"
    )
    send = benchmarks.add_parser("broadcast", help="a broadcast on the wire to the fake Bot API")
    send.add_argument("--recipients", type=int, default=10_000, help="eligible clients")
    send.add_argument("--rate", type=float, default=1000.0, help="the sending rate cap (per s)")
    send.add_argument("--database-url", help="default: a new SQLite file")
    erase = benchmarks.add_parser(
        "gdpr", help="exporting and anonymizing a busy client among many, p50/p95"
    )
    erase.add_argument("--clients", type=int, default=100_000, help="clients generated")
    erase.add_argument(
        "--samples", type=int, default=20, help="clients exported and anonymized (timed)"
    )
    erase.add_argument(
        "--folder", type=Path, default=Path("data"), help="where the SQLite file is kept"
    )
    erase.add_argument("--database-url", help="PostgreSQL instead of the SQLite file")
    args = parser.parse_args()
    if args.name == "shop":
        asyncio.run(shop.main(args.clicks, args.rounds, args.warmup, args.folder, args.clients))
    elif args.name == "desk":
        asyncio.run(desk.main(args.clients, args.samples, args.folder, args.database_url))
    elif args.name == "gdpr":
        asyncio.run(gdpr.main(args.clients, args.samples, args.folder, args.database_url))
    elif args.name == "broadcast":
        broadcast.main(args.recipients, args.rate, args.database_url)
    elif args.name == "updates":
        asyncio.run(
            updates.main(new=args.new, clicks=args.clicks, rounds=args.rounds, warmup=args.warmup)
        )
    else:
        keyset.main(args.database, args.clients, args.depth, args.runs)


if __name__ == "__main__":
    main()
