"""Inventory numbers from a pattern: the next free number under that pattern."""

from __future__ import annotations

import pytest

from library_app.core.errors import InputError
from library_app.services.inventory import format_inventory, next_numbers, pattern_problem


def test_plain_pattern_continues_after_the_highest_number() -> None:
    assert next_numbers("{n}", ["1", "7", "3", "ЧЗ-99"], count=2) == ["8", "9"]


def test_yearly_series_restarts_each_year_and_keeps_zero_padding() -> None:
    existing = ["INV-2025-00041", "INV-2026-00002", "15"]
    assert next_numbers("INV-{year}-{n:05d}", existing, year=2026) == ["INV-2026-00003"]
    assert next_numbers("INV-{year}-{n:05d}", existing, year=2027) == ["INV-2027-00001"]


def test_cyrillic_prefix_and_empty_catalog() -> None:
    assert next_numbers("ЧЗ-{n}", []) == ["ЧЗ-1"]
    assert format_inventory("ЧЗ-{n:04d}", 12) == "ЧЗ-0012"


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("", "empty"),
        ("INV-{year}", "needs the running number"),
        ("{n}-{n}", "only once"),
        ("{count}", "unknown field {count}"),
        ("{n", "not well formed"),
        ("{n:xyz}", "cannot be filled in"),
    ],
)
def test_bad_patterns_are_explained(pattern: str, fragment: str) -> None:
    problem = pattern_problem(pattern)
    assert problem is not None and fragment in problem
    with pytest.raises(InputError, match="inventory number pattern"):
        next_numbers(pattern, [])


def test_good_pattern_has_no_problem() -> None:
    assert pattern_problem("{year}/{n:06d}") is None
