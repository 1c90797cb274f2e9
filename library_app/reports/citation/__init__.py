"""Bibliographic references: GOST R 7.0.100-2018 (default), GOST 7.1-2003, GOST R 7.0.5-2008
and APA 7, formatted natively from our model (no CSL style gets GOST right).

``format_reference(record, style)`` is the one entry point: the bibliography PDF, the `cite`
command and the detail pane all call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from library_app.core.errors import InputError
from library_app.core.model import Record

STYLES = ("gost-r-7.0.100-2018", "gost-7.1-2003", "gost-r-7.0.5-2008", "apa")
DEFAULT_STYLE = STYLES[0]


@dataclass(frozen=True)
class Reference:
    text: str  # plain text, for the clipboard and the terminal
    markup: str  # the same with <i>…</i> (APA titles) and XML escapes, for ReportLab paragraphs


@dataclass(frozen=True)
class CitationOptions:
    all_authors: bool = False  # GOST 7.0.100: 4+ authors → first three «[и др.]» unless True


def check_style(style: str) -> str:
    if style not in STYLES:
        raise InputError(f"unknown citation style «{style}»; use one of: {', '.join(STYLES)}")
    return style


def format_reference(
    record: Record, style: str = DEFAULT_STYLE, options: CitationOptions | None = None
) -> Reference:
    """The reference for ``record`` in ``style`` (placeholder until the formatter lands)."""
    check_style(style)
    parts = [record.title]
    if record.year:
        parts.append(record.year)
    text = ". – ".join(parts)
    return Reference(text, escape(text))
