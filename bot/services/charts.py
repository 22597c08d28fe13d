"""Bar charts as PNG bytes: data in, picture out, nothing else (no I/O, no Telegram).

matplotlib's object API with the Agg canvas, never `pyplot`: pyplot keeps global
figures and is not safe to use from several threads, and the dialogs render in
`asyncio.to_thread` so a chart never stalls the event loop. matplotlib is imported on
the first chart, not with the bot: it adds half a second to start-up.
Amounts become floats here, for drawing only.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.5, 110
COLORS = ("#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6")


@dataclass(frozen=True, slots=True)
class BarChart:
    title: str
    labels: list[str]
    # series name (a currency, or "" for a single unnamed one) -> one value per label
    series: dict[str, Sequence[Decimal | int]]


def bar_chart_png(chart: BarChart) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    names = list(chart.series) or [""]
    width = 0.8 / len(names)
    for index, name in enumerate(names):
        values = [float(value) for value in chart.series.get(name, [0] * len(chart.labels))]
        offsets = [x - 0.4 + width * (index + 0.5) for x in range(len(chart.labels))]
        color = COLORS[index % len(COLORS)]
        axes.bar(offsets, values, width=width, label=name or None, color=color)
    axes.set_xticks(range(len(chart.labels)), chart.labels, rotation=45, ha="right")
    axes.set_title(chart.title)
    axes.grid(axis="y", alpha=0.3)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    counts = all(isinstance(v, int) for values in chart.series.values() for v in values)
    if counts:  # no "2.5 clients" on the axis
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if len(names) > 1:
        axes.legend()
    # fixed margins: `tight_layout` draws the figure once more to measure it (a third
    # of the rendering time)
    figure.subplots_adjust(left=0.11, right=0.98, top=0.9, bottom=0.2)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
