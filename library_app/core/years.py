"""Publication years as catalogued: "2005", "[2005?]", "[ca. 1990]", "1998-2003", "199-?".

The text is kept as the cataloguer wrote it (GOST prints it that way); sorting, statistics and
year-range search need numbers, so ``parse_year`` derives a span from it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

EARLIEST_YEAR = 1450


@dataclass(frozen=True)
class YearSpan:
    start: int
    end: int
    uncertain: bool


_RANGE = re.compile(r"([0-9]{4})\s*[-–—/]\s*([0-9]{4}|[0-9]{2})(?![0-9])")
_DECADE = re.compile(r"([0-9]{3})[-_?]")
_CENTURY = re.compile(r"([0-9]{2})[-_?]{2}")
_SINGLE = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")


def parse_year(text: str) -> YearSpan | None:
    """Derive the span of years a catalogued year statement covers; None if it has no year."""
    t = text.strip()
    if not t:
        return None
    uncertain = any(mark in t for mark in ("?", "[", "ca.", "ок.", "c.", "s.a.", "б.г."))
    if m := _RANGE.search(t):
        start = int(m.group(1))
        end_text = m.group(2)
        end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
        if len(end_text) == 2 and end < start:
            end += 100  # "1998-03" runs into the next century
        return YearSpan(start, max(start, end), uncertain)
    if m := _SINGLE.search(t):
        year = int(m.group(1))
        return YearSpan(year, year, uncertain)
    if m := _DECADE.search(t):
        decade = int(m.group(1)) * 10
        return YearSpan(decade, decade + 9, True)
    if m := _CENTURY.search(t):
        century = int(m.group(1)) * 100
        return YearSpan(century, century + 99, True)
    return None


NO_DATE_MARKS = ("s.a.", "s. a.", "б.г.", "б. г.", "n.d.", "b.m.")


def states_no_date(text: str) -> bool:
    """The cataloguer recorded that the item carries no date («[б.г.]», "[s.a.]")."""
    lowered = text.lower()
    return any(mark in lowered for mark in NO_DATE_MARKS)


def plausible(span: YearSpan, today: dt.date | None = None) -> bool:
    latest = (today or dt.date.today()).year + 1  # next year's imprints arrive in autumn
    return EARLIEST_YEAR <= span.start <= latest and span.end <= latest
