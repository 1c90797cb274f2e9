"""Year statements as catalogued, and the span of years derived from them."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library_app.core.years import EARLIEST_YEAR, YearSpan, parse_year, plausible


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("2005", YearSpan(2005, 2005, False)),
        ("  2005 ", YearSpan(2005, 2005, False)),
        ("2005.", YearSpan(2005, 2005, False)),
        ("[2005]", YearSpan(2005, 2005, True)),
        ("[2005?]", YearSpan(2005, 2005, True)),
        ("2005?", YearSpan(2005, 2005, True)),
        ("[ca. 1990]", YearSpan(1990, 1990, True)),
        ("ca. 1990", YearSpan(1990, 1990, True)),
        ("c. 1990", YearSpan(1990, 1990, True)),
        ("[ок. 1990]", YearSpan(1990, 1990, True)),
        ("1998-2003", YearSpan(1998, 2003, False)),
        ("1998 - 2003", YearSpan(1998, 2003, False)),
        ("1998–2003", YearSpan(1998, 2003, False)),
        ("1998—2003", YearSpan(1998, 2003, False)),
        ("1999-2000", YearSpan(1999, 2000, False)),
        ("2005/2006", YearSpan(2005, 2006, False)),
        ("1995-98", YearSpan(1995, 1998, False)),
        ("2005/06", YearSpan(2005, 2006, False)),
        ("[1998-2003?]", YearSpan(1998, 2003, True)),
        ("199-?", YearSpan(1990, 1999, True)),
        ("[199-]", YearSpan(1990, 1999, True)),
        ("199-", YearSpan(1990, 1999, True)),
        ("19--?", YearSpan(1900, 1999, True)),
        ("[19--]", YearSpan(1900, 1999, True)),
        ("Алматы, 2012", YearSpan(2012, 2012, False)),
    ],
)
def test_year_statement_gives_its_span(text, span):
    assert parse_year(text) == span


def test_range_written_backwards_does_not_end_before_it_starts():
    span = parse_year("2003-1998")
    assert span is not None
    assert span.start == 2003
    assert span.end >= span.start


@pytest.mark.parametrize(("text", "end"), [("1998–03", 2003), ("1998-03", 2003), ("1999/00", 2000)])
def test_two_digit_range_end_crosses_into_the_next_century(text, end):
    assert parse_year(text) == YearSpan(int(text[:4]), end, False)


@pytest.mark.parametrize("text", ["", "   ", "s.a.", "[s.a.]", "б.г.", "[б.г.]", "n.d.", "abc"])
def test_statement_without_a_year_gives_none(text):
    assert parse_year(text) is None


@pytest.mark.parametrize("text", ["12", "123", "12345", "20051", "year two thousand"])
def test_garbage_without_a_four_digit_year_gives_none(text):
    assert parse_year(text) is None


TODAY = dt.date(2024, 6, 15)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (YearSpan(EARLIEST_YEAR, EARLIEST_YEAR, False), True),
        (YearSpan(EARLIEST_YEAR - 1, EARLIEST_YEAR - 1, False), False),
        (YearSpan(1066, 1066, False), False),
        (YearSpan(2005, 2005, False), True),
        (YearSpan(2024, 2024, False), True),
        (YearSpan(2025, 2025, False), True),  # next year's imprints arrive in autumn
        (YearSpan(2026, 2026, False), False),
        (YearSpan(1998, 2025, False), True),
        (YearSpan(1998, 2026, False), False),
        (YearSpan(1900, 1999, True), True),
        (YearSpan(1400, 1499, True), False),
    ],
)
def test_plausible_years_lie_between_1450_and_next_year(span, expected):
    assert plausible(span, today=TODAY) is expected


def test_plausibility_defaults_to_today():
    next_year = dt.date.today().year + 1
    assert plausible(YearSpan(next_year, next_year, False))
    assert not plausible(YearSpan(next_year + 1, next_year + 1, False))


@settings(max_examples=200)
@given(st.integers(1000, 9999))
def test_any_four_digit_year_parses_to_itself(year):
    assert parse_year(str(year)) == YearSpan(year, year, False)
    assert parse_year(f"[{year}?]") == YearSpan(year, year, True)


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_any_text_gives_none_or_an_ordered_span(text):
    span = parse_year(text)
    if span is not None:
        assert span.start <= span.end
