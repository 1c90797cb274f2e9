"""What every reference style needs: the script a record is in, names as initials, page
ranges, the access date, and the joining of areas without doubled full stops.

The language of a description follows the item (GOST R 7.0.100-2018, 4.8): a Kazakh or
Russian book has «312 с.», an English one "312 p.".  Central Asian languages are written in
Cyrillic or in Latin letters depending on the year and the country, so for them the letters of
the title decide, not the language code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from library_app.core.model import Contributor, ContributorRole, MaterialType, Record

EN_DASH = "–"

# Languages always written in Cyrillic / always in Latin letters in this collection.
CYRILLIC_LANGUAGES = frozenset(
    {"rus", "ukr", "bel", "bul", "mac", "kir", "tgk", "tat", "bak", "chv", "mon", "sah", "oss"}
)
LATIN_LANGUAGES = frozenset(
    {
        "eng", "ger", "fre", "spa", "ita", "por", "lat", "dut", "pol", "cze", "slo", "swe",
        "dan", "nor", "fin", "hun", "rum", "tur", "est", "lav", "lit", "hrv", "slv", "ind",
    }
)  # fmt: skip

_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class Terms:
    """The words a description uses, in the language (script) of the item."""

    cyrillic: bool
    pages: str  # after a number of pages: «312 с.»
    page_prefix: str  # before a page range: «С. 45–58»
    volume: str
    issue: str
    et_al: str
    no_place: str
    no_publisher: str
    scale: str


CYRILLIC = Terms(True, "с.", "С.", "Т.", "№", "[и др.]", "[Б. м.]", "[б. и.]", "Масштаб")
LATIN = Terms(False, "p.", "P.", "Vol.", "no.", "[et al.]", "[S. l.]", "[s. n.]", "Scale")


def script_of_text(text: str) -> Terms | None:
    """Cyrillic or Latin terms by the first letters of ``text``; None when it has neither."""
    sample = text[:80]
    if _CYRILLIC_LETTER.search(sample):
        return CYRILLIC
    if _LATIN_LETTER.search(sample):
        return LATIN
    return None


def terms_for(record: Record) -> Terms:
    """Terms by the item's first language; the title's letters decide where the code does not
    (Uzbek, Turkmen, Kazakh … and records without a language)."""
    language = record.languages[0] if record.languages else ""
    if language in CYRILLIC_LANGUAGES:
        return CYRILLIC
    if language in LATIN_LANGUAGES:
        return LATIN
    return script_of_text(record.title) or CYRILLIC


# --- names ------------------------------------------------------------------------------------

_NAME_TOKEN = re.compile(r"[^\s.]+\.?")


@lru_cache(maxsize=4096)
def initials(forenames: str) -> str:
    """ "Иван Иванович" → "И. И."; "Jean-Paul" → "J.-P."; "И.И." → "И. И."; "Дж." stays."""
    parts: list[str] = []
    for token in _NAME_TOKEN.findall(forenames):
        if token.endswith("."):
            parts.append(token)
        elif "-" in token:
            parts.append("-".join(f"{piece[0]}." for piece in token.split("-") if piece))
        else:
            parts.append(f"{token[0]}.")
    return " ".join(parts)


def inverted(person: Contributor, comma: bool = True) -> str:
    """Surname first, as in a heading: «Иванов, И. И.» (without the comma for GOST R 7.0.5)."""
    if person.role.is_corporate or not person.forenames.strip():
        return person.name.strip()
    separator = ", " if comma else " "
    return f"{person.name.strip()}{separator}{initials(person.forenames)}"


def direct(person: Contributor) -> str:
    """Initials first, as in a statement of responsibility: «И. И. Иванов»."""
    if person.role.is_corporate or not person.forenames.strip():
        return person.name.strip()
    return f"{initials(person.forenames)} {person.name.strip()}"


def by_role(record: Record, *roles: ContributorRole) -> list[Contributor]:
    return [c for c in record.contributors if c.role in roles and c.name.strip()]


# --- numbers and dates ------------------------------------------------------------------------

_RANGE_DASH = re.compile(r"\s*[-‐‑‒—−]\s*")
_BARE_PAGES = re.compile(r"[\dIVXLCDMivxlcdm\[\],\s]+")
_HAS_PAGE_WORD = re.compile(r"^(?:[СсPpSs]\.|pp\.|сс\.)\s*", re.IGNORECASE)


def page_range(pages: str) -> str:
    """ "45-58" → "45–58": ranges take an en dash."""
    return _RANGE_DASH.sub(EN_DASH, pages.strip())


def page_span(pages: str, terms: Terms) -> str:
    """The pages of a part in its host: «С. 45–58», "P. 45–58" (kept if catalogued so)."""
    text = page_range(pages)
    if _HAS_PAGE_WORD.match(text):
        return text
    return f"{terms.page_prefix} {text}"


def extent_pages(pages: str, terms: Terms) -> str:
    """«312 с.» from "312"; a catalogued "xii, 240 p." or "1 map" stays as it is."""
    text = pages.strip()
    if text and _BARE_PAGES.fullmatch(text) and any(ch.isdigit() for ch in text):
        return f"{text} {terms.pages}"
    return text


def gost_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def group_digits(scale: str) -> str:
    """ "1:1000000" → "1:1 000 000", as scales are printed."""

    def spaced(match: re.Match[str]) -> str:
        digits = match.group(0)
        head = len(digits) % 3 or 3
        groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
        return " ".join(groups)

    return re.sub(r"\d{5,}", spaced, scale)


# --- what kind of item ------------------------------------------------------------------------


def is_electronic(record: Record) -> bool:
    """An electronic resource: catalogued as one, or reachable only online (links, no copy on
    a shelf)."""
    if record.material_type == MaterialType.ELECTRONIC:
        return True
    return bool(record.links) and not record.copies


_THESIS_WORDS = re.compile(
    r"(дис\.|диссертаци|автореф|thesis|dissertation|ph\.?\s?d)", re.IGNORECASE
)


def thesis_statement(record: Record) -> str:
    """«: дис. … канд. … наук» as catalogued — in the other title information or, failing
    that, in a note; "" when neither says what kind of thesis it is."""
    if _THESIS_WORDS.search(record.title_remainder):
        return ""  # already printed with the title
    for note in record.notes:
        if _THESIS_WORDS.search(note):
            return note.strip().rstrip(".")
    return ""


# --- joining ----------------------------------------------------------------------------------

_ENDS_SENTENCE = (".", "?", "!", "…")


def join_areas(parts: list[str], separator: str) -> str:
    """Areas joined by ``separator`` («. – » or «. »), never doubling a full stop after an
    abbreviation («доп. – Москва», not «доп.. – Москва»)."""
    result = ""
    for part in parts:
        if not part:
            continue
        if not result:
            result = part
        elif result.endswith(_ENDS_SENTENCE):
            result += separator[1:]
            result += part
        else:
            result += separator
            result += part
    return result


def finish(text: str) -> str:
    """The closing full stop of a description."""
    text = text.rstrip()
    if not text or text.endswith(_ENDS_SENTENCE):
        return text
    return text + "."


def clean(text: str) -> str:
    """A catalogued value without surrounding blanks, without the ISBD punctuation an import
    may leave at its end (" /", " :") and without a closing full stop of its own: punctuation
    is the description's job.  The full stop of an abbreviation («доп.», "ed.") stays."""
    text = _TRAILING_ISBD.sub("", text)
    if text.endswith(".") and not text.endswith("..") and not _ABBREVIATION_END.search(text):
        text = text[:-1].rstrip()
    return text


_TRAILING_ISBD = re.compile(r"[\s/:;=,]+$|^\s+")
_ABBREVIATION_END = re.compile(r"(?:(?<![\w-])[\w-]{1,4}\.|\])$")
