"""Names, languages and citation keys shared by the RIS, BibTeX and CSL-JSON mappings.

Reference managers store a person as "Surname, Forenames" (RIS, BibTeX) or as family/given
parts (CSL), and a body as one unsplittable string; our ``Contributor`` keeps exactly that
split, so a name read from any of the three formats and written to any other comes back as
the same contributor («Иванов, И. И.» stays surname «Иванов», forenames «И. И.»).  A suffix
("Jr.", "III") has no place of its own in our model, so it rides at the end of the forenames
after a comma ("John, Jr.") where all three writers can find it again.
"""

from __future__ import annotations

import re

from anyascii import anyascii

from library_app.core import languages
from library_app.core.model import Contributor, ContributorRole, Record

# Language names used by LaTeX (babel/polyglossia ``langid``) and by reference managers that the
# core table does not know; the core table already knows English and Russian names and
# two-letter codes ("russian", "kazakh", "ru").
_EXTRA_LANGUAGE_NAMES: dict[str, str] = {
    "american": "eng",
    "british": "eng",
    "usenglish": "eng",
    "ukenglish": "eng",
    "australian": "eng",
    "canadian": "eng",
    "newzealand": "eng",
    "ngerman": "ger",
    "austrian": "ger",
    "naustrian": "ger",
    "swissgerman": "ger",
    "nswissgerman": "ger",
    "latin": "lat",
    "greek": "gre",
    "polutonikogreek": "gre",
    "polish": "pol",
    "czech": "cze",
    "slovak": "slo",
    "slovene": "slv",
    "bulgarian": "bul",
    "belarusian": "bel",
    "serbian": "srp",
    "croatian": "hrv",
    "dutch": "dut",
    "armenian": "arm",
    "georgian": "geo",
    "hebrew": "heb",
    "hungarian": "hun",
    "magyar": "hun",
    "finnish": "fin",
    "swedish": "swe",
    "danish": "dan",
    "norsk": "nor",
    "norwegian": "nor",
    "portuguese": "por",
    "portuges": "por",
    "brazil": "por",
    "brazilian": "por",
    "romanian": "rum",
    "estonian": "est",
    "latvian": "lav",
    "lithuanian": "lit",
    "catalan": "cat",
    "icelandic": "ice",
    "irish": "gle",
    "welsh": "wel",
    "sanskrit": "san",
    "hindi": "hin",
    "esperanto": "epo",
    "farsi": "per",
    "uighur": "uig",
    "uyghur": "uig",
}
# The babel names written to BibTeX ``langid`` for the codes whose English name is not one.
_BABEL_NAMES = {"ger": "ngerman", "gre": "greek", "per": "farsi"}
_LANGUAGE_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})+$")


def language_code(text: str) -> str | None:
    """The ISO 639-2/B code for a language as reference managers write it: an ISO code, a
    BCP 47 tag ("ru-RU"), an English, Russian or LaTeX name ("russian", "ngerman")."""
    key = text.strip().lower()
    if not key:
        return None
    if key in _EXTRA_LANGUAGE_NAMES:
        return _EXTRA_LANGUAGE_NAMES[key]
    tag = _LANGUAGE_TAG.match(key)
    if tag:
        key = tag.group(1)
    return languages.to_code(key)


def split_languages(text: str) -> list[str]:
    """The parts of a language list ("russian and english", "ru; en", "rus, kaz")."""
    return [p for p in re.split(r"\s*(?:[,;/]|\band\b|\bи\b)\s*", text.strip()) if p]


def language_name(code: str) -> str:
    """The English name reference managers show ("Russian"); the code when none is known."""
    entry = languages.LANGUAGES.get(code)
    return entry[1] if entry else code


def babel_name(code: str) -> str:
    """The LaTeX language name for BibTeX ``langid`` ("russian", "kazakh", "ngerman")."""
    if code in _BABEL_NAMES:
        return _BABEL_NAMES[code]
    entry = languages.LANGUAGES.get(code)
    if entry is None:
        return code
    return entry[1].lower().replace(" ", "")


def bcp47_tag(code: str) -> str:
    """The short tag CSL processors use to pick hyphenation and quotes ("ru"); else the code."""
    entry = languages.LANGUAGES.get(code)
    return entry[0] if entry and entry[0] else code


# ---------------------------------------------------------------------------------------------
# names


def person_from_parts(
    surname: str, forenames: str, role: ContributorRole, suffix: str = ""
) -> Contributor:
    forenames = forenames.strip()
    if suffix.strip():
        forenames = f"{forenames}, {suffix.strip()}" if forenames else suffix.strip()
    return Contributor(name=surname.strip(), forenames=forenames, role=role)


def parse_inverted_name(text: str, role: ContributorRole) -> Contributor | None:
    """A name written "Surname, Forenames[, Suffix]" (RIS, the BibTeX "last, first" form).

    A name without a comma is a single string: for an author that is a corporate body (RIS
    and Zotero write bodies so), for other roles a person known by one name.
    """
    text = " ".join(text.split()).strip(" ,;")
    if not text:
        return None
    if "," not in text:
        if role == ContributorRole.AUTHOR:
            return Contributor(name=text, role=ContributorRole.CORPORATE_AUTHOR)
        return Contributor(name=text, role=role)
    surname, _, rest = text.partition(",")
    forenames, _, suffix = rest.partition(",")
    if not surname.strip():
        return Contributor(name=rest.strip(" ,"), role=role) if rest.strip(" ,") else None
    return person_from_parts(surname, forenames, role, suffix)


def split_suffix(forenames: str) -> tuple[str, str]:
    """("John", "Jr.") from "John, Jr."; the suffix is "" when there is none."""
    given, _, suffix = forenames.partition(",")
    return given.strip(), suffix.strip()


def inverted_name(contributor: Contributor) -> str:
    """ "Surname, Forenames[, Suffix]" for a person, the name alone for a body."""
    if contributor.role.is_corporate or not contributor.forenames.strip():
        return contributor.name
    return f"{contributor.name}, {contributor.forenames}"


# ---------------------------------------------------------------------------------------------
# citation keys


class CiteKeys:
    """Unique, ASCII citation keys from the first author and the year ("ivanov2005",
    "ivanov2005a") — what LaTeX users type, so they must be short and predictable."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def key_for(self, record: Record) -> str:
        stem = _key_stem(record)
        key = stem
        n = 0
        while key in self._used:
            key = stem + _letters(n)
            n += 1
        self._used.add(key)
        return key


def _letters(n: int) -> str:
    """a, b, …, z, aa, ab, … for the n-th clash."""
    text = ""
    n += 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        text = chr(ord("a") + rem) + text
    return text


def _key_stem(record: Record) -> str:
    source = ""
    if record.contributors:
        first = record.contributors[0]
        source = first.name if not first.role.is_corporate else first.name.split()[0]
    if not _ascii_word(source):
        source = next((w for w in record.title.split() if _ascii_word(w)), "")
    word = _ascii_word(source) or "record"
    year = re.search(r"[0-9]{4}", record.year)
    return word[:24] + (year.group() if year else "")


def _ascii_word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", anyascii(text).lower())
