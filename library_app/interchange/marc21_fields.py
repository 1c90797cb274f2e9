"""Field-level helpers of the MARC21 mapping, shared by its reading and writing halves.

Cleaning text, the ISBD punctuation MARC keeps inside subfields (trimmed on reading, added on
writing), subfield access, the free-text host-item citation (773 $g) and the coded values
(relator terms, years, language codes, the material type from leader and 008) are the same for
every field, so they live here once.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass, field

from library_app.core import identifiers, languages, years
from library_app.core.model import (
    ContributorRole,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
    SourceField,
    SourceRecord,
)
from library_app.interchange.base import Problem, Severity

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENTITY = re.compile(r"&(?:amp|apos|quot|lt|gt|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});")
_SEPARATOR_END = re.compile(r"\s*[/:;=,]+$")
_LAST_WORD = re.compile(r"([^\s.,;:()\[\]]*)\.$")
# Words whose final full stop is part of the word, not ISBD punctuation.
_ABBREVIATION_TEXT = """al bd co col comp corp diagr diagrs ed eds etc facsim facsims hbk ill illus
inc jr ltd no pbk port ports pp sr tab vol вып гг граф др изд ил илл карт обл пер перераб под портр
ред сост табл тыс доп испр"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())


@dataclass
class Context:
    """Where problems go while one record is read (record number for every message)."""

    position: int
    problems: list[Problem] = field(default_factory=list)
    # 880 fields by the field they give in another script: "245-01" → the 880 with $6 245-01
    scripts: dict[str, SourceField] = field(default_factory=dict)

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(message, self.position, where, Severity.WARNING))

    def other_script(self, f: SourceField) -> SourceField | None:
        """The 880 linked to ``f`` by its $6 ("880-01"): the same data in the original script."""
        for sub in f.subfields:
            if sub.code == "6" and sub.value.startswith("880-"):
                return self.scripts.get(f"{f.tag}-{sub.value[4:6]}")
        return None


def linked_tag(f: SourceField) -> str:
    """For an 880, the tag of the field it renders in another script ($6 "245-01/(N" → 245)."""
    for sub in f.subfields:
        if sub.code == "6":
            return sub.value[:3]
    return ""


def script_links(fields: list[SourceField]) -> dict[str, SourceField]:
    found: dict[str, SourceField] = {}
    for f in fields:
        if f.tag == "880":
            for sub in f.subfields:
                if sub.code == "6" and len(sub.value) >= 6:
                    found.setdefault(sub.value[:6], f)
                    break
    return found


# --- text ---------------------------------------------------------------------------------------


def clean(value: str) -> str:
    """NFC (MARC-8 and many UTF-8 exports decompose diacritics; search and display need them
    composed), XML character references that an export left in the text ("world&apos;s") as
    the characters they stand for, and no control characters, which no description may hold."""
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), value) if "&" in value else value
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def _damaged(value: str) -> str:
    """What ``clean`` repairs in ``value``, for the warning ("" when nothing)."""
    if _CONTROL.search(value):
        return "control characters were removed from the text"
    if "&" in value and _ENTITY.search(value):
        return f"XML character references ({_ENTITY.search(value).group()}) were read as characters"
    return ""


def trim(value: str) -> str:
    """The value without the ISBD punctuation MARC puts at its end (" :", " /", ",", ".").

    A final full stop stays when it ends an initial ("J.") or an abbreviation ("ed.", "ил."),
    since there it belongs to the word.
    """
    text = _SEPARATOR_END.sub("", value.strip()).rstrip()
    if text.endswith(".") and not text.endswith(".."):
        found = _LAST_WORD.search(text)
        word = found.group(1) if found else ""
        if not ((len(word) == 1 and word.isalpha()) or word.lower() in _ABBREVIATIONS):
            text = text[:-1].rstrip()
    return text or value.strip()  # a "title" that is only punctuation stays what it is


def values(f: SourceField, codes: str, ctx: Context | None = None) -> list[str]:
    """Cleaned, non-empty values of the subfields with one of ``codes``, in field order."""
    found = []
    for sub in f.subfields:
        if sub.code and sub.code in codes:
            text = clean(sub.value)
            if ctx is not None and (damage := _damaged(sub.value)):
                ctx.warn(f"{f.tag}${sub.code}", damage)
            if text:
                found.append(text)
    return found


def first(f: SourceField, code: str, ctx: Context | None = None) -> str:
    found = values(f, code, ctx)
    return found[0] if found else ""


def text_of(f: SourceField, ctx: Context | None = None, skip: str = "0123456789") -> str:
    """All subfields but the control ones ($0–$9: links, sources, sequence) as one text."""
    codes = "".join(sub.code for sub in f.subfields if sub.code and sub.code not in skip)
    return " ".join(values(f, codes, ctx))


def control_text(f: SourceField) -> str:
    """A control field's text; a 00X field damaged into a data field still yields its text."""
    if f.is_control:
        return clean(f.data)
    return clean(" ".join(s.value for s in f.subfields))


def field_008(source: SourceRecord) -> str:
    """The fixed-length data elements, padded to 40 characters (positions are what count, so
    nothing is stripped); "" when the record has none."""
    for f in source.fields:
        if f.tag == "008":
            data = f.data if f.is_control else "".join(s.value for s in f.subfields)
            return data.ljust(40)
    return ""


def title_with_parts(f: SourceField, ctx: Context) -> str:
    """$a with the number ($n) and name ($p) of the part, as ISBD prints them."""
    text = ""
    previous = ""
    for sub in f.subfields:
        if not sub.code or sub.code not in "anp" or not (part := trim(clean(sub.value))):
            continue
        if not text:
            text = part
        elif sub.code == "p" and previous == "n":
            text = f"{text}, {part}"
        else:
            text = f"{text}. {part}"
        previous = sub.code
    if damage := _damaged("".join(s.value for s in f.subfields if s.code and s.code in "anp")):
        ctx.warn(f.tag, damage)
    return text


def punctuate(value: str, mark: str) -> str:
    """``value`` followed by the ISBD ``mark`` (" :", " /", " ;", ",", "."): what ``trim``
    takes away again.  A full stop is not doubled, nor put after "?" or "!"; no mark is put where
    ``trim`` would not take it away again."""
    text = value.rstrip()
    if mark == "." and text.endswith((".", "?", "!")):
        return text
    # "Simplified ed" + "." would read back as "Simplified ed.": leave such a value bare
    return f"{text}{mark}" if trim(f"{text}{mark}") == text else text


# --- host item: 773 $g --------------------------------------------------------------------------

_MARK_END = r"(?:\.\s*|\s+)"  # "Vol. 5", "vol 5" — never the first letters of a word
_VOLUME = re.compile(rf"\b(?:vol|volume|v|bd|t|т|том|tom){_MARK_END}([^\s,;()]+)", re.IGNORECASE)
_ISSUE = re.compile(
    rf"(?:\b(?:no|nr|num|issue|iss|heft|h|вып|выпуск){_MARK_END}|№\s*)([^\s,;()]+)", re.I
)
_PAGES = re.compile(
    rf"\b(?:pp|p|pages|s|с|стр){_MARK_END}(\d+(?:\s*[-–]\s*\d+)?)(?![\d])", re.IGNORECASE
)
_COMPACT = re.compile(r"^\s*(\d+)\s*\((\d+)\)\s*:\s*(\d+\s*[-–]\s*\d+)")
_YEAR = re.compile(r"\((\d{4})\)|(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def parse_host_parts(text: str) -> tuple[str, str, str, str]:
    """(volume, issue, year, pages) from a 773 $g such as "Vol. 5, no. 2 (2005), p. 45-58",
    "Т. 5, № 2. С. 45-58" or "5(2):45-58" — as much as can be told."""
    if found := _COMPACT.match(text):
        rest = text[found.end() :]
        year = _YEAR.search(rest)
        year_text = (year.group(1) or year.group(2)) if year else ""
        return found.group(1), found.group(2), year_text, found.group(3).replace(" ", "")
    volume = issue = pages = ""
    remaining = text
    if found := _PAGES.search(remaining):
        pages = re.sub(r"\s+", "", found.group(1)).replace("–", "-")
        remaining = remaining[: found.start()] + remaining[found.end() :]
    if found := _VOLUME.search(remaining):
        volume = found.group(1).rstrip(".")
        remaining = remaining[: found.start()] + remaining[found.end() :]
    if found := _ISSUE.search(remaining):
        issue = found.group(1).rstrip(".")
        remaining = remaining[: found.start()] + remaining[found.end() :]
    year = _YEAR.search(remaining)
    return volume, issue, (year.group(1) or year.group(2)) if year else "", pages


def host_parts_text(volume: str, issue: str, year: str, pages: str) -> str:
    """773 $g in the form ``parse_host_parts`` reads best: "Vol. 5, no. 2 (2005), p. 45-58"."""
    text = ", ".join(
        part for part in (volume and f"Vol. {volume}", issue and f"no. {issue}") if part
    )
    if year:
        text = f"{text} ({year})" if text else f"({year})"
    if pages:
        text = f"{text}, p. {pages}" if text else f"p. {pages}"
    return text


def fit_columns(record: Record, ctx: Context) -> None:
    """Values longer than the catalog's columns are cut (numbers that identify a copy are
    dropped instead: a cut one would identify something else)."""

    def fit(owner: object, name: str, limit: int, where: str) -> None:
        text = getattr(owner, name)
        if len(text) > limit:
            ctx.warn(where, f"{len(text)} characters, more than the {limit} kept; cut")
            setattr(owner, name, text[:limit].rstrip())

    for name, limit, where in (
        ("year", 64, "260$c"),
        ("scale", 200, "255$a"),
        ("control_number", 128, "001"),
        ("control_source", 128, "003"),
    ):
        fit(record, name, limit, where)
    if record.host is not None:
        for name in ("year", "volume", "issue", "pages"):
            fit(record.host, name, 64, "773$g")
    for contributor in record.contributors:
        fit(contributor, "name", 500, "1XX/7XX$a")
        fit(contributor, "forenames", 300, "1XX/7XX$a")
    for identifier in record.identifiers:
        fit(identifier, "qualifier", 200, "020$q")
    for series in record.series:
        fit(series, "number", 200, "490$v")
    for copy in record.copies:
        fit(copy, "location", 200, "852$b")
        fit(copy, "shelf_mark", 200, "852$h")
        for name in ("inventory_number", "barcode"):
            if len(getattr(copy, name)) > 64:
                ctx.warn("copies", f"{name.replace('_', ' ')} longer than 64 characters; left out")
                setattr(copy, name, "")


# --- coded values ---------------------------------------------------------------------------

RELATORS: dict[str, ContributorRole] = {}
for _role, _names in (
    (ContributorRole.AUTHOR, "aut author auth авт автор"),
    (ContributorRole.EDITOR, "edt editor ed eds ред редактор"),
    (ContributorRole.COMPILER, "com compiler comp сост составитель"),
    (ContributorRole.TRANSLATOR, "trl translator tr trans пер переводчик"),
    (ContributorRole.ISSUING_BODY, "isb issuing-body"),
):
    for _name in _names.split():
        RELATORS[_name.replace("-", " ")] = _role
RELATOR_TERMS = {
    ContributorRole.EDITOR: ("editor", "edt"),
    ContributorRole.COMPILER: ("compiler", "com"),
    ContributorRole.TRANSLATOR: ("translator", "trl"),
    ContributorRole.ISSUING_BODY: ("issuing body", "isb"),
}


def usable_year(text: str, where: str, ctx: Context) -> str:
    """The year as catalogued, or "" (with a warning) when validation would refuse it."""
    year = trim(text)
    if not year:
        return ""
    span = years.parse_year(year)
    if span is None and not years.states_no_date(year):
        ctx.warn(where, f"«{year}» holds no year; left out")
        return ""
    if span is not None and not years.plausible(span):
        # "1376 [1997]": a year of another calendar first, ours after it
        for candidate in re.findall(r"(?<!\d)\d{4}(?!\d)", year):
            if (other := years.parse_year(candidate)) and years.plausible(other):
                ctx.warn(where, f"«{year}»: {span.start} is not plausible; {candidate} was taken")
                return candidate
        ctx.warn(where, f"{year}: not a plausible year of publication; left out")
        return ""
    return year


def language_code(text: str, where: str, ctx: Context) -> str:
    """ISO 639-2/B for a code as partners write it ("RUS", "ru", "fra"); "" when blank or
    unknown (with a warning), so that validation never meets a bad code."""
    raw = text.strip()
    if not raw or raw in ("|||", "###") or raw.strip("|# ") == "":
        return ""
    code = languages.to_code(raw)
    if code is None:
        ctx.warn(where, f"«{raw}» is not a language code; left out")
        return ""
    return code


def material_type(source: SourceRecord) -> MaterialType:
    """leader/06 (type of record), leader/07 (bibliographic level) and, for books, 008/24-27
    (nature of contents) and 008/29 (conference publication); a 502 makes a thesis."""
    leader = source.leader.ljust(24)
    kind, level = leader[6], leader[7]
    tags = {f.tag for f in source.fields}
    if kind in "ef":
        return MaterialType.MAP
    if kind in "gij":
        return MaterialType.AUDIOVISUAL
    if kind == "m":
        return MaterialType.ELECTRONIC
    if level in "ab" and "773" in tags:
        return MaterialType.ARTICLE
    if level == "s":
        return MaterialType.SERIAL
    contents = field_008(source)[24:28] if kind in "at" else ""
    if "502" in tags or "m" in contents:
        return MaterialType.THESIS
    if "t" in contents:
        return MaterialType.REPORT
    if "u" in contents:
        return MaterialType.STANDARD
    if kind in "at" and field_008(source)[29:30] == "1":
        return MaterialType.PROCEEDINGS
    return MaterialType.BOOK


def read_identifiers(f: SourceField, ctx: Context) -> list[object]:
    """020 ISBN, 022 ISSN, 024 DOI or local number; invalid numbers are left out, warned."""
    found: list[object] = []
    if f.tag == "020":
        qualifiers = values(f, "q")
        for raw in values(f, "a", ctx):
            found_number = _ISBN_START.match(raw)
            number, rest = found_number.groups() if found_number else (raw, "")
            extra = [trim(rest.strip(" :;()"))] if rest.strip(" :;()") else []
            try:
                value = identifiers.normalize_isbn(number)
            except identifiers.IdentifierProblem as problem:
                ctx.warn("020$a", f"invalid ISBN {raw} ({_reason(problem)}); left out")
                continue
            qualifier = "; ".join(_unbracketed(trim(q)) for q in extra + qualifiers if q)
            found.append(Identifier(IdentifierType.ISBN, value, qualifier or trim(first(f, "c"))))
    elif f.tag == "022":
        for raw in values(f, "a", ctx):
            try:
                found.append(Identifier(IdentifierType.ISSN, identifiers.normalize_issn(raw)))
            except identifiers.IdentifierProblem as problem:
                ctx.warn("022$a", f"invalid ISSN {raw} ({_reason(problem)}); left out")
    elif f.indicators[:1] == "7" and first(f, "2").lower() == "doi":
        for raw in values(f, "a", ctx):
            try:
                found.append(Identifier(IdentifierType.DOI, identifiers.normalize_doi(raw)))
            except identifiers.IdentifierProblem as problem:
                ctx.warn("024$a", f"invalid DOI {raw} ({_reason(problem)}); left out")
    elif f.indicators[:1] == "8":
        qualifier = first(f, "q")
        found.extend(Identifier(IdentifierType.LOCAL, raw, qualifier) for raw in values(f, "a"))
    return found


_ISBN_START = re.compile(r"^\s*((?:ISBN[-\s:]*)?[0-9][0-9Xx\-‐\s]*)(.*)$", re.IGNORECASE)


def _unbracketed(text: str) -> str:
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


def _reason(problem: identifiers.IdentifierProblem) -> str:
    return str(problem).split(": ", 1)[-1]


_ACCESS_DATE = re.compile(
    r"(?:дата\s+обращения|date\s+(?:of\s+)?access(?:ed)?|accessed)\s*[:\-–]?\s*"
    r"(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))",
    re.IGNORECASE,
)


def access_date_in(text: str) -> tuple[dt.date, str] | None:
    """«Дата обращения: 12.03.2024» (or "accessed 2024-03-12") in a note: the date, and the
    note without it — GOST prints the date with the URL, so the catalog keeps it there."""
    found = _ACCESS_DATE.search(text)
    if found is None:
        return None
    try:
        if found.group("y"):
            date = dt.date(int(found.group("y")), int(found.group("m")), int(found.group("d")))
        else:
            date = dt.date(int(found.group("iy")), int(found.group("im")), int(found.group("id")))
    except ValueError:
        return None
    rest = (text[: found.start()] + text[found.end() :]).strip(" ;,.()")
    return date, rest


def access_note(note: str, date: dt.date | None) -> str:
    """The 856 $z text that carries a link's access date, unless the note already names one."""
    if date is None or access_date_in(note) is not None:
        return note
    said = f"Дата обращения: {date:%d.%m.%Y}"
    return f"{note}; {said}" if note else said
