"""ISBN, ISSN and DOI: checking and normalising the numbers people type or import.

Messages name the number and say what is wrong, e.g. "ISBN 978-5-02-033152-9: check digit should
be 5", because librarians correct them by hand from the book in front of them.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—.]")


class IdentifierProblem(ValueError):
    """The number is malformed; ``str()`` is a message for people."""


_LABEL = re.compile(r"^\s*(ISBN|ISSN)(-1[03])?\s*:?\s*", re.IGNORECASE)


def _unlabelled(value: str) -> str:
    """The number without the "ISBN-13:" style label printed before it on many books."""
    return _LABEL.sub("", value.strip())


def _compact(value: str) -> str:
    return _SEPARATORS.sub("", _unlabelled(value)).upper()


def isbn10_check_digit(first9: str) -> str:
    total = sum((10 - i) * int(d) for i, d in enumerate(first9))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def isbn13_check_digit(first12: str) -> str:
    total = sum((1 if i % 2 == 0 else 3) * int(d) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def normalize_isbn(value: str) -> str:
    """Return the ISBN-13 form without hyphens, or raise ``IdentifierProblem``.

    ISBN-10 is converted to ISBN-13 (prefix 978) so that both printed forms of the same book meet.
    """
    raw = _unlabelled(value)
    digits = _compact(raw)
    if len(digits) == 10:
        if not re.fullmatch(r"[0-9]{9}[0-9X]", digits):
            raise IdentifierProblem(f"ISBN {raw}: only digits (and a final X) are allowed")
        expected = isbn10_check_digit(digits[:9])
        if digits[9] != expected:
            raise IdentifierProblem(f"ISBN {raw}: check digit should be {expected}")
        body = "978" + digits[:9]
        return body + isbn13_check_digit(body)
    if len(digits) == 13:
        if not re.fullmatch(r"[0-9]{13}", digits):
            raise IdentifierProblem(f"ISBN {raw}: only digits are allowed in an ISBN-13")
        if not digits.startswith(("978", "979")):
            raise IdentifierProblem(f"ISBN {raw}: an ISBN-13 starts with 978 or 979")
        expected = isbn13_check_digit(digits[:12])
        if digits[12] != expected:
            raise IdentifierProblem(f"ISBN {raw}: check digit should be {expected}")
        return digits
    raise IdentifierProblem(f"ISBN {raw}: has {len(digits)} characters, expected 10 or 13")


def isbn13_to_isbn10(isbn13: str) -> str | None:
    """The ISBN-10 form of a 978-prefixed ISBN-13 (979 numbers have none)."""
    if len(isbn13) != 13 or not isbn13.startswith("978"):
        return None
    body = isbn13[3:12]
    return body + isbn10_check_digit(body)


def issn_check_digit(first7: str) -> str:
    total = sum((8 - i) * int(d) for i, d in enumerate(first7))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def normalize_issn(value: str) -> str:
    """Return the ISSN as NNNN-NNNC, or raise ``IdentifierProblem``."""
    raw = _unlabelled(value)
    digits = _compact(raw)
    if len(digits) != 8:
        raise IdentifierProblem(f"ISSN {raw}: has {len(digits)} characters, expected 8")
    if not re.fullmatch(r"[0-9]{7}[0-9X]", digits):
        raise IdentifierProblem(f"ISSN {raw}: only digits (and a final X) are allowed")
    expected = issn_check_digit(digits[:7])
    if digits[7] != expected:
        raise IdentifierProblem(f"ISSN {raw}: check digit should be {expected}")
    return f"{digits[:4]}-{digits[4:]}"


_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")


def normalize_doi(value: str) -> str:
    """Strip resolver prefixes and lower-case (DOIs are case-insensitive)."""
    raw = value.strip()
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", raw, flags=re.IGNORECASE)
    if not _DOI.match(doi):
        raise IdentifierProblem(f"DOI {raw}: expected the form 10.NNNN/suffix")
    return doi.lower()
