"""Charts of the statistics report, as ReportLab vector drawings in the bundled fonts.

Vector charts print sharp at any size and keep their labels as text; the numbers behind them
are always in the table next to each chart, so a chart only has to show proportions.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from library_app.reports.fonts import SANS, register_fonts

BAR = colors.HexColor("#3b6e8f")
# Distinguishable in print and for common colour blindness (Okabe–Ito, then neutrals).
PALETTE = [
    colors.HexColor(code)
    for code in (
        "#0072b2",
        "#e69f00",
        "#009e73",
        "#cc79a7",
        "#56b4e9",
        "#d55e00",
        "#f0e442",
        "#999999",
    )
]
MAX_SLICES = len(PALETTE)
_LABEL_SIZE = 7
MAX_BAR_LABELS = 24  # more bars leave no room to write each value over its bar


def _nice_top(value: int) -> int:
    """A round axis maximum at or a little above ``value`` that divides into five whole
    steps: 5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120 …"""
    power = 1
    while power * 10 <= value:
        power *= 10
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        top = round(factor * power)
        if top >= max(value, 5) and top % 5 == 0:
            return top
    return power * 10  # pragma: no cover - factor 10 always qualifies


def bar_chart(
    categories: list[str],
    values: list[int],
    *,
    width: float,
    height: float,
    horizontal: bool = False,
) -> Drawing:
    """Bars with their values written on them; many categories get upright axis labels."""
    register_fonts()
    drawing = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    if horizontal:
        label_room = min(width * 0.4, 6 + max((len(c) for c in categories), default=1) * 4.2)
        chart.x, chart.y = label_room, 6
        chart.width, chart.height = width - label_room - 30, height - 12
        categories, values = categories[::-1], values[::-1]  # first category at the top
    else:
        upright = len(categories) > 12 or max((len(c) for c in categories), default=0) > 6
        bottom = 34 if upright else 16
        chart.x, chart.y = 30, bottom
        chart.width, chart.height = width - 40, height - bottom - 12
        if upright:
            chart.categoryAxis.labels.angle = 90
            chart.categoryAxis.labels.boxAnchor = "e"
            chart.categoryAxis.labels.dy = -2
    chart.data = [values]
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = _LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_top(max(values, default=1))
    chart.valueAxis.valueStep = chart.valueAxis.valueMax // 5 or 1
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    if len(categories) <= MAX_BAR_LABELS:
        chart.barLabelFormat = "%d"
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = _LABEL_SIZE
    if horizontal:
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    else:
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing


def pie_chart(
    labels: list[str], values: list[int], *, width: float, height: float, other: str
) -> Drawing:
    """A pie of the largest shares with a legend; the smallest are joined into ``other``.

    The legend gives counts, not percentages: a title in two languages is in two slices, so
    shares of the pie are not shares of the titles the table next to it reports."""
    register_fonts()
    if len(values) > MAX_SLICES:
        keep = MAX_SLICES - 1
        labels = [*labels[:keep], other]
        values = [*values[:keep], sum(values[keep:])]
    drawing = Drawing(width, height)
    pie = Pie()
    size = height - 10
    pie.x, pie.y = 10, 5
    pie.width = pie.height = size
    pie.data = values
    pie.labels = None
    pie.simpleLabels = 1
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.5
    for index in range(len(values)):
        pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = size + 30, height - 6
    legend.fontName = SANS
    legend.fontSize = 8
    legend.boxAnchor = "nw"
    legend.columnMaximum = MAX_SLICES
    legend.alignment = "right"
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{label} — {value}")
        for i, (label, value) in enumerate(zip(labels, values, strict=True))
    ]
    drawing.add(legend)
    return drawing
