"""The desk's heavy actions at scale: a bulk tag over a segment, an XLSX export.

The export of 100,000 listed clients is set beside its floor: openpyxl's write-only
workbook writing the very same cells (read beforehand, untimed) and nothing else.

Run by `python -m bench desk` on its reusable database, which they leave as they found
it: the tag added to every client is removed again (and timed too), the audit entries
and the tag go.
"""

from __future__ import annotations

import statistics
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from bot.services.client_bulk import BulkAction, BulkTarget, apply_bulk
from bot.services.client_export import (
    COLUMNS,
    ExportLabels,
    _Sheet,
    export_parts,
    listed_rows,
    row_values,
)
from bot.services.client_profile import Actor
from bot.services.client_query import ClientFilters, ClientQuery
from bot.services.roles import Role
from models import AuditEntry, Tag

BENCH_TAG = "bench-bulk-tag"
EXPORT_ROWS = 10_000
LARGE_EXPORT_ROWS = 100_000
LABELS = ExportLabels(columns={column: column for column in COLUMNS})
ACTOR = Actor(role=Role.OWNER, client_id=None, telegram_id=1_000)


def _status_kb(field: str) -> int | None:
    """A `VmRSS`/`VmHWM` line of /proc/self/status, in kB (Linux only)."""
    with suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    return None


def _reset_peak_rss() -> bool:
    """Linux: writing 5 to clear_refs makes the peak (VmHWM) start again from now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


async def bulk_figures() -> dict[str, Any]:
    last_audit = await AuditEntry.all().order_by("-id").first()
    # the last 90 days' sign-ups (about 8% of the generated clients): a real segment
    query = ClientQuery(filters=ClientFilters(registered_days=90))
    started = time.perf_counter()
    tagged = await apply_bulk(ACTOR, query, BulkTarget(BulkAction.TAG_ADD, BENCH_TAG))
    tag_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    untagged = await apply_bulk(ACTOR, query, BulkTarget(BulkAction.TAG_REMOVE, BENCH_TAG))
    untag_ms = (time.perf_counter() - started) * 1000
    await AuditEntry.filter(id__gt=last_audit.id if last_audit else 0).delete()
    await Tag.filter(name_folded=BENCH_TAG).delete()
    return {
        "bulk_tag_clients": tagged,
        "bulk_tag_ms": round(tag_ms, 1),
        "bulk_untag_clients": untagged,
        "bulk_untag_ms": round(untag_ms, 1),
    }


async def export_figures(rows: int = EXPORT_ROWS) -> dict[str, Any]:
    """The first `rows` clients of the default list into one XLSX file."""
    labels = LABELS
    rss_before = _status_kb("VmRSS")
    peak_reset = _reset_peak_rss()
    started = time.perf_counter()
    written, size = 0, 0
    parts = export_parts(ClientQuery(), labels, "PLN", rows_per_part=rows)
    async for part in parts:
        written, size = part.rows, len(part.data)
        break
    await parts.aclose()
    export_ms = (time.perf_counter() - started) * 1000
    peak = _status_kb("VmHWM") if peak_reset else None
    return {
        "export_10k_rows": written,
        "export_10k_ms": round(export_ms, 1),
        "export_10k_bytes": size,
        "export_10k_rss_before_mb": round(rss_before / 1024, 1) if rss_before else None,
        "export_10k_peak_rss_mb": round(peak / 1024, 1) if peak else None,
    }


async def large_export_figures(rows: int = LARGE_EXPORT_ROWS, pairs: int = 3) -> dict[str, Any]:
    """Seconds for the export of `rows` listed clients, and for openpyxl alone: the
    median of `pairs` runs of each, taken in turns (this machine's speed drifts by a
    tenth and more within minutes, which one run of each would read as their ratio)."""
    values: list[dict[str, Any]] = []
    async for batch in listed_rows(ClientQuery(), 5_000):
        values += [row_values(row, LABELS) for row in batch]
        if len(values) >= rows:
            break
    del values[rows:]
    exports, floors = [], []
    for _ in range(pairs):
        started = time.perf_counter()
        written = await _export_first_part(rows)
        exports.append(time.perf_counter() - started)
        started = time.perf_counter()
        sheet = _Sheet(LABELS, "PLN")  # the same cells with the same formats, nothing read
        sheet.append(values)
        sheet.save()
        floors.append(time.perf_counter() - started)
    return {
        "export_100k_rows": written,
        "export_100k_s": round(statistics.median(exports), 2),
        "export_floor_s": round(statistics.median(floors), 2),
    }


async def _export_first_part(rows: int) -> int:
    parts = export_parts(ClientQuery(), LABELS, "PLN", rows_per_part=rows)
    try:
        async for part in parts:
            return part.rows
        return 0
    finally:
        await parts.aclose()
