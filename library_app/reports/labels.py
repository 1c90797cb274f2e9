"""Spine and barcode labels for copies, on sheets of self-adhesive labels.

Every copy gets a spine label (location, class index, author sign, inventory number) and/or a
barcode label (Code 128 of the copy's barcode, or of its inventory number when it has none,
with the value printed under the bars).  Labels fill a sheet row by row; ``start_at`` skips the
labels already peeled off a partly used sheet.

Printers feed paper a little off, each its own way, so every position is shifted by the
workstation's calibration (``offset_x_mm`` right, ``offset_y_mm`` down); the calibration page
draws each label's outline and centre so the shift can be measured against a real sheet, and
``save_calibration`` keeps the result in the data directory, per workstation.
"""

from __future__ import annotations

import dataclasses
import json
import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfgen.canvas import Canvas

from library_app.core.errors import InputError
from library_app.core.files import atomic_output
from library_app.core.model import ClassificationScheme, Copy, CopyStatus, Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.author_sign import copy_shelf_mark, load_table, record_shelf_mark
from library_app.reports.base import MM, ReportResult
from library_app.reports.fonts import SANS, register_fonts

BATCH = 50  # records between progress reports and cancel checks
KINDS = ("spine", "barcode", "both")
CALIBRATION_FILE = "label-calibration.json"
MIN_BAR_WIDTH = 0.17 * MM  # narrower bars do not scan after an office laser printer
MAX_BAR_WIDTH = 0.5 * MM
_QUIET_MODULES = 10  # Code 128 needs ten module widths of white on each side
_WITHDRAWN = (CopyStatus.LOST, CopyStatus.WRITTEN_OFF)


@dataclass(frozen=True)
class SheetTemplate:
    """A sheet of labels: sizes in millimetres, margins from the page's top-left corner."""

    name: str
    label_width_mm: float
    label_height_mm: float
    columns: int
    rows: int
    margin_left_mm: float
    margin_top_mm: float
    gap_x_mm: float = 0.0  # between columns
    gap_y_mm: float = 0.0  # between rows
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def check(self) -> None:
        sizes = (self.label_width_mm, self.label_height_mm, self.page_width_mm, self.page_height_mm)
        if min(sizes) <= 0 or self.columns < 1 or self.rows < 1:
            raise InputError(f"label sheet «{self.name}»: sizes and counts must be positive")
        if min(self.margin_left_mm, self.margin_top_mm, self.gap_x_mm, self.gap_y_mm) < 0:
            raise InputError(f"label sheet «{self.name}»: margins and gaps cannot be negative")
        right = self.margin_left_mm + self.columns * (self.label_width_mm + self.gap_x_mm)
        bottom = self.margin_top_mm + self.rows * (self.label_height_mm + self.gap_y_mm)
        if right - self.gap_x_mm > self.page_width_mm + 0.01:
            raise InputError(f"label sheet «{self.name}»: the columns are wider than the page")
        if bottom - self.gap_y_mm > self.page_height_mm + 0.01:
            raise InputError(f"label sheet «{self.name}»: the rows are taller than the page")

    def box(self, position: int, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0) -> Box:
        """Label ``position`` (0-based, row by row) in PDF points from the bottom-left corner."""
        row, column = divmod(position % self.per_sheet, self.columns)
        left = self.margin_left_mm + column * (self.label_width_mm + self.gap_x_mm) + offset_x_mm
        top = self.margin_top_mm + row * (self.label_height_mm + self.gap_y_mm) + offset_y_mm
        bottom = self.page_height_mm - top - self.label_height_mm
        return Box(left * MM, bottom * MM, self.label_width_mm * MM, self.label_height_mm * MM)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


# Common A4 sheets; the figures are the manufacturers' published layouts.
TEMPLATES: dict[str, SheetTemplate] = {
    t.name: t
    for t in (
        SheetTemplate("a4-3x8-70x37", 70, 37, 3, 8, 0, 0.5),
        SheetTemplate("a4-4x10-48.5x25.4", 48.5, 25.4, 4, 10, 8, 21.5),
        SheetTemplate("a4-2x7-99.1x38.1", 99.1, 38.1, 2, 7, 4.65, 15.15, gap_x_mm=2.5),
        SheetTemplate("a4-5x13-38.1x21.2", 38.1, 21.2, 5, 13, 4.75, 10.7, gap_x_mm=2.5),
    )
}
DEFAULT_TEMPLATE = "a4-3x8-70x37"


def resolve_template(template: str | SheetTemplate) -> SheetTemplate:
    if isinstance(template, SheetTemplate):
        template.check()
        return template
    try:
        return TEMPLATES[template]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise InputError(f"unknown label sheet «{template}»; use one of: {known}") from None


@dataclass(frozen=True)
class LabelOptions:
    template: str | SheetTemplate = DEFAULT_TEMPLATE
    kind: str = "both"  # "spine", "barcode" or "both" (a spine then a barcode label per copy)
    start_at: int = 1  # first free label on the first sheet, counted row by row from 1
    offset_x_mm: float = 0.0  # printer calibration: positive moves the print right
    offset_y_mm: float = 0.0  # positive moves the print down
    outlines: bool = False  # draw each label's outline (for plain paper)
    heading: str = ""  # above the bars, e.g. the library's name; "" prints the record's title
    classification: str = "bbk"  # scheme of the class index when a copy has no shelf mark
    author_signs: Mapping[int, str] = field(default_factory=dict)  # record id → sign
    author_table: Path | None = None  # None: the shipped resources/author_table.tsv
    include_withdrawn: bool = False  # also label lost and written-off copies
    copy_ids: tuple[int, ...] = ()  # only these copies; () labels every copy of the records


def check_options(options: LabelOptions) -> SheetTemplate:
    template = resolve_template(options.template)
    if options.kind not in KINDS:
        raise InputError(f"unknown label kind «{options.kind}»; use one of: {', '.join(KINDS)}")
    if not 1 <= options.start_at <= template.per_sheet:
        raise InputError(
            f"start at label {options.start_at}: the sheet «{template.name}» has labels "
            f"1 to {template.per_sheet}"
        )
    if max(abs(options.offset_x_mm), abs(options.offset_y_mm)) > 20:
        raise InputError("printer offsets above 20 mm are not a calibration; check the values")
    if options.classification not in {s.value for s in ClassificationScheme}:
        raise InputError(
            f"unknown classification «{options.classification}»; use bbk, udc or local"
        )
    return template


# --- calibration --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calibration:
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0

    def apply(self, options: LabelOptions) -> LabelOptions:
        return dataclasses.replace(
            options, offset_x_mm=self.offset_x_mm, offset_y_mm=self.offset_y_mm
        )


def _workstation(workstation: str | None) -> str:
    return workstation or socket.gethostname() or "default"


def _read_calibrations(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: cannot read the label calibration ({error})") from None
    stations = data.get("workstations") if isinstance(data, dict) else None
    if not isinstance(stations, dict):
        raise InputError(f"{path}: not a label calibration file; delete it and calibrate again")
    return stations


def load_calibration(data_dir: Path, workstation: str | None = None) -> Calibration:
    """This workstation's printer offsets; zero until it has been calibrated.

    Keyed by host name because a data directory may be shared between machines whose printers
    feed differently."""
    path = Path(data_dir) / CALIBRATION_FILE
    entry = _read_calibrations(path).get(_workstation(workstation), {})
    try:
        return Calibration(
            float(entry.get("offset_x_mm", 0.0)), float(entry.get("offset_y_mm", 0.0))
        )
    except (TypeError, ValueError, AttributeError):
        raise InputError(f"{path}: damaged offsets; delete the file and calibrate again") from None


def save_calibration(
    data_dir: Path,
    offset_x_mm: float,
    offset_y_mm: float,
    workstation: str | None = None,
) -> Path:
    """Keep this workstation's offsets (other workstations' entries are left as they were)."""
    directory = Path(data_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{directory}: cannot create the data folder ({error.strerror})") from None
    path = directory / CALIBRATION_FILE
    stations = _read_calibrations(path)
    stations[_workstation(workstation)] = {
        "offset_x_mm": round(float(offset_x_mm), 2),
        "offset_y_mm": round(float(offset_y_mm), 2),
    }
    with atomic_output(path) as stream:
        payload = {"version": 1, "workstations": stations}
        stream.write(json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"))
    return path


# --- drawing -----------------------------------------------------------------------------------


def _padding(box: Box) -> float:
    return min(2 * MM, box.height * 0.08, box.width * 0.06)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    """``size`` or smaller, so that ``text`` fits ``width``."""
    natural = canvas.stringWidth(text, font, size)
    return size if natural <= width else max(size * width / natural, 3.0)


def _truncate(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_spine_label(
    canvas: Canvas, box: Box, location: str, shelf_lines: Sequence[str], inventory: str
) -> None:
    """Shelf mark large and centred; location above and inventory number below, small."""
    big = list(shelf_lines) or [inventory]
    small_top = [location] if location else []
    small_bottom = [inventory] if shelf_lines and inventory else []
    pad = _padding(box)
    inner_width, inner_height = box.width - 2 * pad, box.height - 2 * pad
    smalls = len(small_top) + len(small_bottom)
    size = min(20.0, inner_height / (1.15 * (len(big) + 0.55 * smalls)))
    small = max(size * 0.55, 4.5)
    lines = [(t, small, False) for t in small_top] + [(t, size, True) for t in big]
    lines += [(t, small, False) for t in small_bottom]
    height = sum(s * 1.15 for _, s, _ in lines)
    y = box.y + box.height / 2 + height / 2
    centre = box.x + box.width / 2
    for text, line_size, bold in lines:
        font = f"{SANS}-Bold" if bold else SANS
        fitted = _fit(canvas, text, font, line_size, inner_width)
        y -= line_size * 1.15
        canvas.setFont(font, fitted)
        canvas.drawCentredString(centre, y + line_size * 0.25, text)


def barcode_value(copy: Copy) -> str:
    return (copy.barcode or copy.inventory_number).strip()


def draw_barcode_label(canvas: Canvas, box: Box, value: str, heading: str) -> None:
    """Heading, Code 128 bars with their quiet zones, and the value in digits under the bars."""
    if not value:
        raise InputError("a copy has neither a barcode nor an inventory number to encode")
    if not value.isascii() or not value.isprintable():
        raise InputError(
            f"barcode «{value}»: Code 128 labels need Latin letters, digits and signs only; "
            "give the copy a barcode"
        )
    pad = _padding(box)
    inner_width, inner_height = box.width - 2 * pad, box.height - 2 * pad
    text_size = min(max(inner_height * 0.13, 4.5), 9.0)
    modules = Code128(value, barWidth=1, quiet=0).width
    bar_width = min(inner_width / (modules + 2 * _QUIET_MODULES), MAX_BAR_WIDTH)
    if bar_width < MIN_BAR_WIDTH:
        raise InputError(
            f"barcode «{value}» is too long for labels {box.width / MM:.1f} mm wide; "
            "choose a wider label sheet"
        )
    centre = box.x + box.width / 2
    top = box.y + box.height - pad
    if heading:
        shown = _truncate(canvas, heading, SANS, text_size, inner_width)
        canvas.setFont(SANS, text_size)
        canvas.drawCentredString(centre, top - text_size, shown)
        top -= text_size * 1.3
    value_size = _fit(canvas, value, SANS, text_size * 1.1, inner_width)
    bottom = box.y + pad + value_size * 1.2
    bars = Code128(value, barWidth=bar_width, barHeight=top - bottom, quiet=0)
    bars.drawOn(canvas, centre - bars.width / 2, bottom)
    canvas.setFont(SANS, value_size)
    canvas.drawCentredString(centre, box.y + pad + value_size * 0.2, value)


def _outline(canvas: Canvas, box: Box) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.25)
    canvas.setStrokeGray(0.5)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    canvas.restoreState()


# --- building ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Label:
    kind: str  # spine or barcode
    record: Record
    copy: Copy


def _copies(record: Record, options: LabelOptions) -> Iterator[Copy]:
    for copy in record.copies:
        if options.copy_ids and copy.id not in options.copy_ids:
            continue
        if copy.status in _WITHDRAWN and not options.include_withdrawn:
            continue
        yield copy


class _Sheet:
    """Hands out label boxes row by row, turning pages; remembers how many pages it used."""

    def __init__(self, canvas: Canvas, template: SheetTemplate, options: LabelOptions) -> None:
        self.canvas, self.template, self.options = canvas, template, options
        self.position = options.start_at - 1
        self.pages = 0

    def next_box(self) -> Box:
        if self.pages == 0:
            self.pages = 1
        elif self.position % self.template.per_sheet == 0:
            self.canvas.showPage()
            self.pages += 1
        box = self.template.box(self.position, self.options.offset_x_mm, self.options.offset_y_mm)
        self.position += 1
        return box


def build_labels(
    catalog: Catalog,
    record_ids: Sequence[int],
    options: LabelOptions,
    target: BinaryIO,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ReportResult:
    """Write the labels of the copies of ``record_ids`` (records and copies in order)."""
    template = check_options(options)
    register_fonts()
    table = load_table(options.author_table)
    scheme = ClassificationScheme(options.classification)
    repository = RecordRepository(catalog)
    canvas = Canvas(target, pagesize=(template.page_width_mm * MM, template.page_height_mm * MM))
    canvas.setTitle("Labels")
    sheet = _Sheet(canvas, template, options)
    kinds = ("spine", "barcode") if options.kind == "both" else (options.kind,)
    labels = 0
    total = len(record_ids)
    progress(0, total)
    for start in range(0, total, BATCH):
        check_cancel(is_cancelled)
        for record in repository.get_many(record_ids[start : start + BATCH]):
            mark = record_shelf_mark(record, table, overrides=options.author_signs, scheme=scheme)
            overridden = bool(options.author_signs.get(record.id or 0, "").strip())
            for copy in _copies(record, options):
                for kind in kinds:
                    box = sheet.next_box()
                    if options.outlines:
                        _outline(canvas, box)
                    if kind == "spine":
                        lines = copy_shelf_mark(
                            copy.shelf_mark, mark, overridden=overridden
                        ).lines()
                        draw_spine_label(canvas, box, copy.location, lines, copy.inventory_number)
                    else:
                        heading = options.heading or record.title
                        draw_barcode_label(canvas, box, barcode_value(copy), heading)
                    labels += 1
        progress(min(start + BATCH, total), total)
    if not labels:
        raise InputError("the selected records have no copies to label")
    canvas.showPage()
    canvas.save()
    return ReportResult(sheet.pages, labels)


def build_calibration_page(options: LabelOptions, target: BinaryIO) -> ReportResult:
    """One sheet with every label's outline, a crosshair at its centre and its number, shifted
    by the offsets in ``options``: printed on plain paper and laid on a label sheet against the
    light, it shows how far to move the print."""
    template = check_options(dataclasses.replace(options, start_at=1))
    register_fonts()
    canvas = Canvas(target, pagesize=(template.page_width_mm * MM, template.page_height_mm * MM))
    canvas.setTitle("Label calibration")
    arm = min(3 * MM, template.label_height_mm * MM / 4, template.label_width_mm * MM / 4)
    for position in range(template.per_sheet):
        box = template.box(position, options.offset_x_mm, options.offset_y_mm)
        canvas.setLineWidth(0.3)
        canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
        centre_x, centre_y = box.x + box.width / 2, box.y + box.height / 2
        canvas.line(centre_x - arm, centre_y, centre_x + arm, centre_y)
        canvas.line(centre_x, centre_y - arm, centre_x, centre_y + arm)
        size = min(7.0, box.height / 5)
        canvas.setFont(SANS, size)
        canvas.drawString(box.x + 1 * MM, box.y + box.height - 1 * MM - size, str(position + 1))
        if position == 0:
            note = (
                f"{template.name}  X {options.offset_x_mm:+.1f} mm  Y {options.offset_y_mm:+.1f} mm"
            )
            note_size = _fit(canvas, note, SANS, size, box.width - 2 * MM)
            canvas.setFont(SANS, note_size)
            canvas.drawCentredString(centre_x, box.y + 1 * MM, note)
    canvas.showPage()
    canvas.save()
    return ReportResult(1, template.per_sheet)
