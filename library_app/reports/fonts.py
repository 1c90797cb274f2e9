"""The bundled fonts, registered with ReportLab once.

ReportLab's standard fonts (Times, Helvetica) have no Cyrillic at all; DejaVu covers every
script of the collection.  The fonts live in ``resources/fonts`` in a source checkout and in
``library_app/resources/fonts`` in an installed wheel.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from library_app.core.errors import LibraryError

SERIF = "LibrarySerif"  # body text: regular, bold, italic, bold italic
SANS = "LibrarySans"  # labels, headings on cards, tables
_FILES = {
    SERIF: "DejaVuSerif.ttf",
    f"{SERIF}-Bold": "DejaVuSerif-Bold.ttf",
    f"{SERIF}-Italic": "DejaVuSerif-Italic.ttf",
    f"{SERIF}-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    SANS: "DejaVuSans.ttf",
    f"{SANS}-Bold": "DejaVuSans-Bold.ttf",
}
_LOCK = threading.Lock()


class FontsMissing(LibraryError):
    """The installation lacks its bundled fonts (a damaged install)."""


def fonts_dir() -> Path:
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (
        package_dir / "resources" / "fonts",
        package_dir.parent / "resources" / "fonts",
    ):
        if (candidate / _FILES[SERIF]).is_file():
            return candidate
    raise FontsMissing(
        "the bundled fonts (resources/fonts/DejaVuSerif.ttf) are missing; reinstall library-app"
    )


@cache
def _register() -> None:
    directory = fonts_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(directory / filename)))
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, f"{SERIF}-Bold")
    addMapping(SERIF, 0, 1, f"{SERIF}-Italic")
    addMapping(SERIF, 1, 1, f"{SERIF}-BoldItalic")
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, f"{SANS}-Bold")
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, f"{SANS}-Bold")


def register_fonts() -> None:
    """Make SERIF and SANS (with bold/italic for <b>/<i> in paragraphs) usable; idempotent and
    safe from the worker threads that print."""
    with _LOCK:
        _register()
