"""Printing for the CLI: JSON, a readable record view, tables, and a progress bar that only
appears on a terminal (pipes, CI logs and --json stay clean)."""

from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO

from library_app.core.languages import name_of
from library_app.core.model import Record


def print_json(data: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class TerminalProgress:
    """A one-line progress bar on stderr, drawn at most ten times a second."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self._last = 0.0
        self._started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        elapsed = now - self._started
        sys.stderr.write(f"\r{self.label} [{bar}] {done}/{total} {elapsed:5.1f}s")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled and self._last:  # only end a line that was drawn
            sys.stderr.write("\n")
            sys.stderr.flush()


def format_record(record: Record) -> str:
    """A readable view of a record for the terminal: labelled lines, empty fields left out."""
    lines: list[tuple[str, str]] = []

    def add(label: str, value: str) -> None:
        if value:
            lines.append((label, value))

    add("Id", f"{record.id} (version {record.version})")
    if record.deleted_at:
        add("Deleted", record.deleted_at.isoformat(timespec="minutes"))
    add("Type", record.material_type.value)
    title = record.title + (f" : {record.title_remainder}" if record.title_remainder else "")
    add("Title", title)
    for parallel in record.parallel_titles:
        add("Parallel title", f"{parallel.title} [{parallel.language}]")
    add("Responsibility", record.responsibility)
    for contributor in record.contributors:
        other = f" ({contributor.name_other_script})" if contributor.name_other_script else ""
        add(
            contributor.role.value.replace("_", " ").capitalize(),
            contributor.display_name() + other,
        )
    add("Edition", record.edition)
    imprint = " ; ".join(record.places) + (" : " if record.places and record.publishers else "")
    imprint += " ; ".join(record.publishers)
    add("Published", ", ".join(part for part in (imprint, record.year) if part))
    extent = record.extent
    add(
        "Extent",
        " : ".join(p for p in (extent.pages, extent.illustrations) if p)
        + (f" ; {extent.dimensions}" if extent.dimensions else ""),
    )
    add("Scale", record.scale)
    for series in record.series:
        add("Series", series.title + (f" ; {series.number}" if series.number else ""))
    if record.host:
        host = record.host
        parts = [
            host.title,
            host.year,
            host.volume and f"vol. {host.volume}",
            host.issue and f"no. {host.issue}",
            host.pages and f"pp. {host.pages}",
        ]
        add("In", ". – ".join(p for p in parts if p))
    add("Languages", ", ".join(f"{name_of(code)} ({code})" for code in record.languages))
    for ident in record.identifiers:
        add(
            ident.type.value.upper(),
            ident.value + (f" ({ident.qualifier})" if ident.qualifier else ""),
        )
    for cls in record.classifications:
        add(cls.scheme.value.upper(), cls.value)
    add("Subjects", "; ".join(record.subjects))
    add("Places", "; ".join(record.geographic_names))
    add("Keywords", "; ".join(record.keywords))
    add("Project", record.project)
    add("Funders", "; ".join(record.funders))
    for note in record.notes:
        add("Note", note)
    add("Summary", record.summary)
    for link in record.links:
        date = f" (accessed {link.access_date.isoformat()})" if link.access_date else ""
        add("URL", link.url + date)
    add("Control no.", " ".join(p for p in (record.control_source, record.control_number) if p))
    for copy in record.copies:
        details = [copy.status.value, copy.location, copy.shelf_mark]
        if copy.barcode:
            details.insert(0, f"barcode {copy.barcode}")
        add("Copy", f"{copy.inventory_number}: " + ", ".join(d for d in details if d))
    for attachment in record.attachments:
        add("Attachment", f"{attachment.filename} ({attachment.size:,} bytes)")
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in lines)


def print_table(headers: list[str], rows: list[list[str]], stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    widths[-1] = min(widths[-1], 80)

    def render(cells: list[str]) -> str:
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out.write(render(headers) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write(render(row) + "\n")
