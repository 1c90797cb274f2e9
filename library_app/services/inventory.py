"""Inventory numbers from a library's own pattern.

Libraries number copies their own way: plain running numbers ("10234"), a yearly series
("2026-0042"), a prefix per branch ("ЧЗ-1187").  A pattern is a Python format string with two
fields, ``{n}`` (the running number, e.g. ``{n:05d}``) and ``{year}``.  The next free number is
one past the highest number already issued *under the same pattern*, so switching to a yearly
series restarts at 1 and never collides with the old plain numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from string import Formatter

from library_app.core.errors import InputError

FIELDS = frozenset({"n", "year"})


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot number copies, or None when it can (English; shown in dialogs)."""
    if not pattern.strip():
        return "the pattern is empty"
    try:
        parsed = list(Formatter().parse(pattern))
    except ValueError as error:
        return f"the pattern is not well formed ({error}); write fields as {{n}} or {{year}}"
    names = [name for _text, name, _spec, _conversion in parsed if name is not None]
    unknown = sorted({name for name in names if name not in FIELDS})
    if unknown:
        return f"unknown field {{{unknown[0]}}}; only {{n}} and {{year}} can be used"
    if "n" not in names:
        return "the pattern needs the running number {n}"
    if names.count("n") > 1:
        return "the running number {n} may appear only once"
    try:
        format_inventory(pattern, 1, 2026)
    except (ValueError, TypeError) as error:
        return f"the pattern cannot be filled in: {error}"
    return None


def format_inventory(pattern: str, n: int, year: int | None = None) -> str:
    year = year if year is not None else dt.date.today().year
    return pattern.format(n=n, year=year)


def _matcher(pattern: str, year: int) -> re.Pattern[str]:
    """A regex that recognises numbers made by ``pattern`` in ``year`` and captures ``n``."""
    parts: list[str] = []
    for text, name, _spec, _conversion in Formatter().parse(pattern):
        parts.append(re.escape(text))
        if name == "n":
            parts.append(r"(?P<n>\d+)")
        elif name == "year":
            parts.append(re.escape(str(year)))
    return re.compile("^" + "".join(parts) + "$")


def next_numbers(
    pattern: str, existing: Iterable[str], count: int = 1, year: int | None = None
) -> list[str]:
    """``count`` new inventory numbers after the highest one ``existing`` holds for ``pattern``.

    ``existing`` is every number in use (the catalog's and those typed into the form but not
    saved yet); numbers made by other patterns are ignored."""
    problem = pattern_problem(pattern)
    if problem is not None:
        raise InputError(f"inventory number pattern «{pattern}»: {problem}")
    year = year if year is not None else dt.date.today().year
    matcher = _matcher(pattern, year)
    taken = set(existing)
    highest = 0
    for number in taken:
        found = matcher.match(number)
        if found:
            highest = max(highest, int(found.group("n")))
    numbers: list[str] = []
    n = highest
    while len(numbers) < count:
        n += 1
        candidate = format_inventory(pattern, n, year)
        if candidate not in taken:
            numbers.append(candidate)
    return numbers
