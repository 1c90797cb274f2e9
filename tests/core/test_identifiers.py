"""ISBN, ISSN and DOI checking and normalisation.

Expected check digits below were computed by hand (and cross-checked independently of the code
under test); 978-0-306-40615-7 / 0-306-40615-2 is the textbook example from the ISBN users' manual.
"""

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library_app.core.identifiers import (
    IdentifierProblem,
    isbn10_check_digit,
    isbn13_check_digit,
    isbn13_to_isbn10,
    issn_check_digit,
    normalize_doi,
    normalize_isbn,
    normalize_issn,
)


def _problem(func, value) -> str:
    with pytest.raises(IdentifierProblem) as caught:
        func(value)
    return str(caught.value)


# --- ISBN-13 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "9780306406157",
        "978-0-306-40615-7",
        "978 0 306 40615 7",
        "  978-0-306-40615-7  ",
        "ISBN 978-0-306-40615-7",
        "isbn 978-0-306-40615-7",
        "ISBN:978-0-306-40615-7",
        "ISBN: 978-0-306-40615-7",
        "978‐0‐306‐40615‐7",  # Unicode hyphen, as pasted from a PDF
        "978–0–306–40615–7",  # en dash
        "978.0.306.40615.7",
    ],
)
def test_isbn13_in_any_printed_form_normalises_to_bare_digits(typed):
    assert normalize_isbn(typed) == "9780306406157"


def test_isbn13_with_979_prefix_is_accepted_as_is():
    assert normalize_isbn("979-10-90636-07-1") == "9791090636071"


def test_isbn13_with_979_prefix_and_wrong_check_digit_is_rejected():
    assert (
        _problem(normalize_isbn, "979-10-90636-07-2")
        == "ISBN 979-10-90636-07-2: check digit should be 1"
    )


def test_isbn13_wrong_check_digit_message_names_number_and_expected_digit():
    assert (
        _problem(normalize_isbn, "978-5-02-033152-9")
        == "ISBN 978-5-02-033152-9: check digit should be 5"
    )


def test_isbn13_wrong_check_digit_message_keeps_number_as_typed():
    assert (
        _problem(normalize_isbn, "  9780306406158 ")
        == "ISBN 9780306406158: check digit should be 7"
    )


def test_isbn13_check_digit_can_be_zero():
    # 9+21+8+18+0+3+7+3+3+0+0+18 = 90 -> check digit 0; ISBN-10 weights give 150 -> 4
    assert normalize_isbn("978-601-7130-06-0") == "9786017130060"
    assert isbn13_to_isbn10("9786017130060") == "6017130064"
    assert normalize_isbn("601-7130-06-4") == "9786017130060"


def test_isbn13_with_other_prefix_is_rejected():
    assert (
        _problem(normalize_isbn, "977-0-306-40615-7")
        == "ISBN 977-0-306-40615-7: an ISBN-13 starts with 978 or 979"
    )


def test_isbn13_with_x_is_rejected():
    assert (
        _problem(normalize_isbn, "978030640615X")
        == "ISBN 978030640615X: only digits are allowed in an ISBN-13"
    )


# --- ISBN-10 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "isbn13"),
    [
        ("0-306-40615-2", "9780306406157"),
        ("0306406152", "9780306406157"),
        ("ISBN 0-306-40615-2", "9780306406157"),
        ("5-02-033152-X", "9785020331525"),  # Nauka, Moscow; check digit 10 -> X
        ("5-02-033152-x", "9785020331525"),
        ("5 02 033152 X", "9785020331525"),
        ("isbn 502033152x", "9785020331525"),
    ],
)
def test_isbn10_is_converted_to_isbn13(typed, isbn13):
    assert normalize_isbn(typed) == isbn13


def test_isbn10_and_isbn13_of_the_same_book_meet():
    assert normalize_isbn("5-02-033152-X") == normalize_isbn("978-5-02-033152-5")


def test_isbn10_wrong_check_digit_message_names_number_and_expected_digit():
    assert (
        _problem(normalize_isbn, "0-306-40615-3") == "ISBN 0-306-40615-3: check digit should be 2"
    )


def test_isbn10_wrong_check_digit_where_x_was_expected():
    assert (
        _problem(normalize_isbn, "5-02-033152-1") == "ISBN 5-02-033152-1: check digit should be X"
    )


def test_isbn10_with_x_in_the_middle_is_rejected():
    assert (
        _problem(normalize_isbn, "5-02-0X3152-1")
        == "ISBN 5-02-0X3152-1: only digits (and a final X) are allowed"
    )


@pytest.mark.parametrize(
    ("typed", "count"),
    [("", 0), ("12345", 5), ("978-0-306-40615", 12), ("978-0-306-40615-77", 14)],
)
def test_isbn_of_wrong_length_reports_the_length(typed, count):
    assert (
        _problem(normalize_isbn, typed)
        == f"ISBN {typed}: has {count} characters, expected 10 or 13"
    )


def test_isbn_check_digit_helpers_match_hand_computation():
    assert isbn10_check_digit("030640615") == "2"
    assert isbn10_check_digit("502033152") == "X"
    assert isbn10_check_digit("000000000") == "0"
    assert isbn13_check_digit("978030640615") == "7"
    assert isbn13_check_digit("978502033152") == "5"


@pytest.mark.parametrize("typed", ["ISBN-13: 978-0-306-40615-7", "ISBN-10: 0-306-40615-2"])
def test_isbn_with_isbn13_or_isbn10_label_is_accepted(typed):
    assert normalize_isbn(typed) == "9780306406157"


def test_isbn_message_does_not_repeat_the_isbn_prefix_typed_by_the_user():
    assert (
        _problem(normalize_isbn, "ISBN 978-5-02-033152-9")
        == "ISBN 978-5-02-033152-9: check digit should be 5"
    )


def test_isbn13_with_superscript_digit_is_an_identifier_problem_not_a_crash():
    with pytest.raises(IdentifierProblem):
        normalize_isbn("97803064061²7")


def test_isbn_accepted_with_non_ascii_digits_yields_ascii_digits_or_is_rejected():
    # Arabic-Indic digits with an ASCII check digit pass the check today.
    try:
        result = normalize_isbn("٠٣٠٦٤٠٦١٥2")
    except IdentifierProblem:
        return
    assert result == "9780306406157"


# --- ISBN-13 -> ISBN-10 ------------------------------------------------------------------------


def test_isbn13_to_isbn10_recomputes_the_check_digit():
    assert isbn13_to_isbn10("9780306406157") == "0306406152"
    assert isbn13_to_isbn10("9785020331525") == "502033152X"


def test_isbn13_with_979_prefix_has_no_isbn10():
    assert isbn13_to_isbn10("9791090636071") is None


@pytest.mark.parametrize("value", ["", "0306406152", "978030640615", "97803064061570"])
def test_isbn13_to_isbn10_of_wrong_length_is_none(value):
    assert isbn13_to_isbn10(value) is None


# --- ISSN --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "issn"),
    [
        ("0317-8471", "0317-8471"),
        ("03178471", "0317-8471"),
        ("2434-561X", "2434-561X"),
        ("2434-561x", "2434-561X"),
        ("1050-124X", "1050-124X"),
        ("1050 124x", "1050-124X"),
        ("ISSN 0317-8471", "0317-8471"),
        ("issn:0317-8471", "0317-8471"),
        ("  0317–8471 ", "0317-8471"),
    ],
)
def test_issn_normalises_to_hyphenated_form(typed, issn):
    assert normalize_issn(typed) == issn


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("0317-8472", "1"), ("2434-5610", "X"), ("1050-1241", "X"), ("0317-847X", "1")],
)
def test_issn_wrong_check_digit_message_names_number_and_expected_digit(typed, expected):
    assert _problem(normalize_issn, typed) == f"ISSN {typed}: check digit should be {expected}"


def test_issn_of_wrong_length_reports_the_length():
    assert _problem(normalize_issn, "0317-847") == "ISSN 0317-847: has 7 characters, expected 8"


def test_issn_with_letters_is_rejected():
    assert (
        _problem(normalize_issn, "03A7-8471")
        == "ISSN 03A7-8471: only digits (and a final X) are allowed"
    )


def test_issn_check_digit_helper_matches_hand_computation():
    assert issn_check_digit("0317847") == "1"
    assert issn_check_digit("2434561") == "X"
    assert issn_check_digit("1050124") == "X"


# --- DOI ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "10.1016/J.JARIDENV.2020.104123",
        "10.1016/j.jaridenv.2020.104123",
        "doi:10.1016/j.jaridenv.2020.104123",
        "DOI: 10.1016/J.JaridEnv.2020.104123",
        "https://doi.org/10.1016/j.jaridenv.2020.104123",
        "http://doi.org/10.1016/j.jaridenv.2020.104123",
        "https://dx.doi.org/10.1016/j.jaridenv.2020.104123",
        "HTTPS://DOI.ORG/10.1016/J.JARIDENV.2020.104123",
        "  10.1016/j.jaridenv.2020.104123  ",
    ],
)
def test_doi_loses_resolver_prefix_and_case(typed):
    assert normalize_doi(typed) == "10.1016/j.jaridenv.2020.104123"


def test_doi_suffix_keeps_its_punctuation():
    assert normalize_doi("10.1002/(SICI)1099-145X(199905)10:3<203::AID-LDR318>3.0.CO;2-Z") == (
        "10.1002/(sici)1099-145x(199905)10:3<203::aid-ldr318>3.0.co;2-z"
    )


@pytest.mark.parametrize(
    "typed",
    ["", "10.1016", "10.12/abc", "11.1016/abc", "10.1016/", "10.1016/a b", "www.example.org"],
)
def test_malformed_doi_is_rejected_with_the_expected_form(typed):
    assert (
        _problem(normalize_doi, typed) == f"DOI {typed.strip()}: expected the form 10.NNNN/suffix"
    )


# --- properties --------------------------------------------------------------------------------

nine_digits = st.text(alphabet=string.digits, min_size=9, max_size=9)


@settings(max_examples=200)
@given(nine_digits)
def test_any_isbn10_normalises_to_an_isbn13_that_converts_back(first9):
    isbn10 = first9 + isbn10_check_digit(first9)
    isbn13 = normalize_isbn(isbn10)
    assert len(isbn13) == 13
    assert isbn13.isascii() and isbn13.isdigit()
    assert isbn13.startswith("978")
    assert normalize_isbn(isbn13) == isbn13
    assert isbn13_to_isbn10(isbn13) == isbn10


@settings(max_examples=200)
@given(nine_digits, st.data())
def test_any_single_digit_error_in_an_isbn10_is_caught(first9, data):
    isbn10 = first9 + isbn10_check_digit(first9)
    position = data.draw(st.integers(0, 9))
    replacement = data.draw(st.sampled_from([c for c in "0123456789X" if c != isbn10[position]]))
    if position < 9 and replacement == "X":
        replacement = str((int(isbn10[position]) + 1) % 10)
    typo = isbn10[:position] + replacement + isbn10[position + 1 :]
    with pytest.raises(IdentifierProblem):
        normalize_isbn(typo)


@settings(max_examples=200)
@given(st.sampled_from(["978", "979"]), st.text(alphabet=string.digits, min_size=9, max_size=9))
def test_any_isbn13_with_its_check_digit_is_its_own_normal_form(prefix, body):
    isbn13 = prefix + body + isbn13_check_digit(prefix + body)
    assert normalize_isbn(isbn13) == isbn13
    hyphenated = f"{isbn13[:3]}-{isbn13[3]}-{isbn13[4:7]}-{isbn13[7:12]}-{isbn13[12]}"
    assert normalize_isbn(hyphenated) == isbn13
    wrong = isbn13[:12] + str((int(isbn13[12]) + 1) % 10)
    assert _problem(normalize_isbn, wrong) == (f"ISBN {wrong}: check digit should be {isbn13[12]}")


@settings(max_examples=200)
@given(st.text(alphabet=string.digits, min_size=7, max_size=7))
def test_any_issn_with_its_check_digit_normalises_to_itself(first7):
    issn = f"{first7[:4]}-{first7[4:]}{issn_check_digit(first7)}"
    assert normalize_issn(issn) == issn
    assert normalize_issn(issn.replace("-", "")) == issn


identifier_like_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=string.digits + "Xx- .:ISBNisbn", max_size=20),
    st.builds(
        lambda a, b: a + b, st.sampled_from(["ISBN ", "978", "979", "10.", "doi:"]), st.text()
    ),
)


@settings(max_examples=300)
@given(identifier_like_text)
def test_random_text_raises_nothing_but_identifier_problem(text):
    for normalize in (normalize_isbn, normalize_issn, normalize_doi):
        try:
            normalize(text)
        except IdentifierProblem as problem:
            assert str(problem)
