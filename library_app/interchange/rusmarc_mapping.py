"""RUSMARC / UNIMARC fields → our record: the reading half of the RUSMARC mapping.

pymarc's helpers only know MARC21 tags, and UNIMARC moves almost everything (title in 200,
imprint in 210, names in 70X), so the mapping is ours.  It reads the ``SourceRecord`` that
``iso2709`` decoded and that the catalog keeps whole; the writer runs the very same functions
over the kept fields to learn which parts of a record somebody has edited since the import.
That is why list-valued parts are read *field by field* (``contributions``): the writer needs
to know which field produced which subject, author or copy to write the untouched ones back
byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from library_app.core import identifiers, languages
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    CopyStatus,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    ParallelTitle,
    Record,
    Series,
    SourceField,
    SourceRecord,
)
from library_app.interchange.base import Problem, Severity

SUBJECT_SEPARATOR = " -- "
_URL = re.compile(r"^(https?|ftp)://\S+$", re.IGNORECASE)
_YEAR4 = re.compile(r"^[0-9]{4}$")


@dataclass
class Context:
    """Where problems go while one record is read (record number for every message)."""

    position: int
    problems: list[Problem] = field(default_factory=list)

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(message, self.position, where, Severity.WARNING))


# Non-sorting marks around an article («\x88L'\x89altra»): UNIMARC's NSB/NSE and MARC's.  The
# kept field has them; titles people read and search must not.
_NON_SORTING = re.compile("[\x88\x89\x98\x9c]")


def clean(text: str) -> str:
    return _NON_SORTING.sub("", text).strip()


def values(f: SourceField, codes: str) -> list[str]:
    """Cleaned, non-empty values of the subfields with one of ``codes``, in field order."""
    found = (clean(s.value) for s in f.subfields if s.code in codes)
    return [v for v in found if v]


def first(f: SourceField, code: str) -> str:
    found = values(f, code)
    return found[0] if found else ""


def control_text(f: SourceField) -> str:
    """A control field's text; a 00X field damaged into a data field still yields its text."""
    if f.is_control:
        return f.data.strip()
    return " ".join(s.value for s in f.subfields).strip()


def embedded_fields(f: SourceField) -> tuple[SourceField, list[SourceField]]:
    """Split a 4XX linking field into its own subfields and the fields embedded with $1.

    ``$1`` starts an embedded field: its value is the tag, then the data of a control field or
    the two indicators of a data field whose subfields follow until the next ``$1``.
    """
    outer = SourceField(f.tag, f.indicators)
    inner: list[SourceField] = []
    current: SourceField | None = None
    for sub in f.subfields:
        if sub.code == "1":
            tag = sub.value[:3]
            if tag.isdigit() and tag < "010":
                inner.append(SourceField(tag, data=sub.value[3:]))
                current = None
            else:
                current = SourceField(tag, (sub.value[3:5] + "  ")[:2])
                inner.append(current)
        elif current is not None:
            current.subfields.append(sub)
        else:
            outer.subfields.append(sub)
    return outer, inner


def _embedded_value(inner: list[SourceField], tag: str, code: str) -> str:
    for f in inner:
        if f.tag == tag and not f.is_control and (found := first(f, code)):
            return found
    return ""


# --- scalar parts (one or a few non-repeating fields) -------------------------------------------


def read_title(fields: list[SourceField], record: Record, ctx: Context) -> None:
    """200: title proper with part number/name (ISBD order), other title information,
    parallel titles with their languages, statements of responsibility."""
    if not fields:
        return
    if len(fields) > 1:
        ctx.warn("200", f"{len(fields)} title fields (200); only the first was read")
    f = fields[0]
    title = ""
    previous = ""
    parallel_languages = iter(values(f, "z"))
    for sub in f.subfields:
        text = clean(sub.value)
        if not text:
            continue
        if sub.code == "a":
            title = f"{title} ; {text}" if title else text
        elif sub.code == "h":
            title = f"{title}. {text}" if title else text
        elif sub.code == "i":
            joint = ", " if previous == "h" else ". "
            title = f"{title}{joint}{text}" if title else text
        elif sub.code == "d":
            language = next(parallel_languages, "")
            record.parallel_titles.append(ParallelTitle(text, _language(language)))
        previous = sub.code
    record.title = title
    record.title_remainder = " : ".join(values(f, "e"))
    record.responsibility = " ; ".join(values(f, "fg"))


def _language(code: str) -> str:
    canonical = languages.to_code(code) if code else None
    return canonical or ""


def read_edition(fields: list[SourceField], record: Record, ctx: Context) -> None:
    if fields:
        record.edition = ", ".join(values(fields[0], "ab"))


def read_publication(fields: list[SourceField], record: Record, ctx: Context) -> None:
    """210 (or 214, RUSMARC since 2019): places, publishers, date of publication."""
    if not fields:
        return
    f = fields[0]
    record.places = values(f, "a")
    record.publishers = values(f, "c")
    record.year = first(f, "d")


def year_from_100(general: SourceField | None) -> str:
    """100/8-16: the coded dates, used when 210 gives no date (volumes of a set often omit it)."""
    if general is None:
        return ""
    data = first(general, "a") if not general.is_control else general.data
    date1, date2 = data[9:13], data[13:17]
    if not _YEAR4.match(date1):
        return ""
    if data[8:9] == "g" and _YEAR4.match(date2) and date2 != "9999" and date2 != date1:
        return f"{date1}-{date2}"
    return date1


def read_extent(fields: list[SourceField], record: Record, ctx: Context) -> None:
    if fields:
        f = fields[0]
        record.extent = Extent(
            pages=" ; ".join(values(f, "a")),
            illustrations=" ; ".join(values(f, "c")),
            dimensions=" ; ".join(values(f, "d")),
        )


def read_languages(fields: list[SourceField], record: Record, ctx: Context) -> None:
    """101$a: language(s) of the text; other subfields (original, summary languages) stay in
    the kept field."""
    for f in fields:
        for code in values(f, "a"):
            canonical = languages.to_code(code)
            if canonical is None:
                ctx.warn("101$a", f"«{code}» is not an ISO 639-2 language code; left out")
            elif canonical not in record.languages:
                record.languages.append(canonical)


def read_summary(fields: list[SourceField], record: Record, ctx: Context) -> None:
    record.summary = "\n\n".join(text for f in fields if (text := " ".join(values(f, "a"))))


_HOST_NUMBERING = re.compile(
    r"^(?:т\.|том|vol\.?|v\.|bd\.)\s*(?P<volume>[^,]+?)\s*"
    r"(?:,\s*(?:№|n\.?|no\.?|вып\.|iss\.|issue|heft|h\.)\s*(?P<issue>.+))?$",
    re.IGNORECASE,
)
_ISSUE_ONLY = re.compile(r"^(?:№|no\.?|вып\.|iss\.|issue)\s*(?P<issue>.+)$", re.IGNORECASE)


def split_numbering(text: str) -> tuple[str, str]:
    """«Т. 5, № 3» → ("5", "3"); «№ 3» → ("", "3"); anything else stays whole as the volume."""
    text = text.strip()
    if m := _HOST_NUMBERING.match(text):
        return m.group("volume").strip(), (m.group("issue") or "").strip()
    if m := _ISSUE_ONLY.match(text):
        return "", m.group("issue").strip()
    return text, ""


def read_host(fields: list[SourceField], record: Record, ctx: Context) -> None:
    """463: the journal or collection an article appeared in, written either with embedded
    fields ($1200 title, $1210 date, $1215 pages) or with plain $t/$d/$v/$p."""
    if not fields:
        return
    if len(fields) > 1:
        ctx.warn("463", f"{len(fields)} host items (463); only the first was read")
    outer, inner = embedded_fields(fields[0])
    title = _embedded_value(inner, "200", "a") or first(outer, "t")
    year = _embedded_value(inner, "210", "d") or first(outer, "d")
    numbering = first(outer, "v") or _embedded_value(inner, "200", "v")
    pages = first(outer, "p") or _embedded_value(inner, "215", "a")
    if not title:
        ctx.warn("463", "the host item has no title; it was left out")
        return
    volume, issue = split_numbering(numbering)
    record.host = HostItem(title=title, year=year, volume=volume, issue=issue, pages=pages)


# --- list parts, read field by field -------------------------------------------------------------


def identifiers_of(f: SourceField, ctx: Context) -> list[Identifier]:
    """010 ISBN, 011 ISSN, 017 DOI.  $z (cancelled/invalid numbers) is not an identifier of the
    book; a number with a wrong check digit is reported and left out (the kept field still has
    it)."""
    if f.tag == "017":
        value = first(f, "a")
        if value and first(f, "2").lower() == "doi":
            try:
                return [Identifier(IdentifierType.DOI, identifiers.normalize_doi(value))]
            except identifiers.IdentifierProblem as problem:
                ctx.warn("017$a", f"{problem}; left out")
        return []
    kind, normalize = (
        (IdentifierType.ISBN, identifiers.normalize_isbn)
        if f.tag == "010"
        else (IdentifierType.ISSN, identifiers.normalize_issn)
    )
    found = []
    qualifier = first(f, "b")
    for value in values(f, "a"):
        repaired = re.sub(r"[хХ]$", "X", value)  # Cyrillic «х» typed for the check digit X
        if repaired != value:
            ctx.warn(f"{f.tag}$a", f"{value}: Cyrillic «х» at the end read as the check digit X")
        try:
            found.append(Identifier(kind, normalize(repaired), qualifier))
        except identifiers.IdentifierProblem as problem:
            ctx.warn(f"{f.tag}$a", f"invalid {kind.name}: {problem}; left out")
    return found


def heading(f: SourceField, codes: str = "axyzj") -> str:
    """606/607: the heading and its subdivisions in field order, joined with « -- »."""
    return SUBJECT_SEPARATOR.join(values(f, codes))


def subjects_of(f: SourceField, ctx: Context) -> list[str]:
    text = heading(f)
    return [text] if text else []


def keywords_of(f: SourceField, ctx: Context) -> list[str]:
    return values(f, "a")


def notes_of(f: SourceField, ctx: Context) -> list[str]:
    """3XX notes except 330; a contents note (327) lists its parts in repeated $a."""
    joint = " ; " if f.tag == "327" else " "
    text = joint.join(values(f, "abcdefghijklmnopqrstuvwxyz"))
    return [text] if text else []


def series_contributions(fields: list[SourceField], ctx: Context) -> list[list[Series]]:
    """225 (as printed), 410 (series link), 461 (the set a volume belongs to).  A 410 or 461
    naming a series already given in 225 adds nothing, so a series is not listed twice."""
    seen: set[str] = set()
    result: list[list[Series]] = []
    for f in fields:
        if f.tag == "225":
            series = Series(first(f, "a"), first(f, "v"))
        else:
            outer, inner = embedded_fields(f)
            title = _embedded_value(inner, "200", "a") or first(outer, "t")
            number = first(outer, "v") or _embedded_value(inner, "200", "v")
            series = Series(title, number)
        key = series.title.casefold()
        if not series.title or (f.tag != "225" and key in seen):
            result.append([])
            continue
        seen.add(key)
        result.append([series])
    return result


def classifications_of(f: SourceField, ctx: Context) -> list[Classification]:
    """675 UDC; 686 with $2 rubbk… or bbk is BBK, any other system the library's own."""
    if f.tag == "675":
        scheme = ClassificationScheme.UDC
    else:
        system = first(f, "2").casefold()
        is_bbk = system.startswith("rubbk") or system in ("bbk", "ббк")
        scheme = ClassificationScheme.BBK if is_bbk else ClassificationScheme.LOCAL
    return [Classification(scheme, v) for v in values(f, "a")]


RELATORS = {
    "070": ContributorRole.AUTHOR,
    "340": ContributorRole.EDITOR,
    "220": ContributorRole.COMPILER,
    "730": ContributorRole.TRANSLATOR,
}


def _person_role(tag: str, relator: str) -> ContributorRole:
    if relator in RELATORS:
        return RELATORS[relator]
    # 700/701 are authors by definition; 702 (secondary responsibility) without a known code
    # is closest to an editor among the roles the catalog has
    return ContributorRole.AUTHOR if tag in ("700", "701") else ContributorRole.EDITOR


def _body_role(f: SourceField, relator: str) -> ContributorRole:
    if f.indicators[:1] == "1":
        return ContributorRole.MEETING
    if relator == "070" or (not relator and f.tag in ("710", "711")):
        return ContributorRole.CORPORATE_AUTHOR
    return ContributorRole.ISSUING_BODY


def body_name(f: SourceField) -> str:
    """71X: name, qualifier in brackets, subdivisions after full stops; a meeting's number,
    date and place in brackets («Конференция (2 ; 2001 ; Киров)»)."""
    name = " ".join(values(f, "a"))
    if qualifier := values(f, "c"):
        name += f" ({', '.join(qualifier)})"
    for part in values(f, "b"):
        name += f" {part}" if name.endswith(".") or not name else f". {part}"
    if f.indicators[:1] == "1" and (meeting := values(f, "dfe")):
        name += f" ({' ; '.join(meeting)})"
    return name.strip()


def contributors_of(f: SourceField, ctx: Context) -> list[Contributor]:
    relator = first(f, "4")
    if f.tag in ("700", "701", "702"):
        name = first(f, "a")
        if not name:
            ctx.warn(f"{f.tag}$a", "a person without a name was left out")
            return []
        forenames = first(f, "g") or first(f, "b")
        forenames = forenames.lstrip(", ").strip()
        return [Contributor(name, forenames, _person_role(f.tag, relator))]
    name = body_name(f)
    if not name:
        ctx.warn(f"{f.tag}$a", "a body without a name was left out")
        return []
    return [Contributor(name, "", _body_role(f, relator))]


def links_of(f: SourceField, ctx: Context) -> list[OnlineLink]:
    found = []
    note = first(f, "y") or first(f, "z")
    for url in values(f, "u"):
        if _URL.match(url):
            found.append(OnlineLink(url, None, note))
        else:
            ctx.warn("856$u", f"«{url}» is not a web address (http://, https://); left out")
    return found


# IRBIS 910^A status codes (ManagedIrbis ExemplarStatus) and what the catalog calls them
IRBIS_STATUS = {
    "0": CopyStatus.AVAILABLE,
    "1": CopyStatus.ON_LOAN,
    "3": CopyStatus.IN_REPAIR,
    "4": CopyStatus.LOST,
    "6": CopyStatus.WRITTEN_OFF,
}
IRBIS_STATUS_CODE = {status: code for code, status in IRBIS_STATUS.items()}
_OTHER_IRBIS_STATUS = {
    "2": "awaited, not yet received",
    "5": "temporarily not lent",
    "8": "on the way",
    "9": "reserved",
}


def parse_price(text: str) -> Decimal | None:
    m = re.search(r"[0-9]+(?:[.,][0-9]+)?", text.replace(" ", ""))
    if not m:
        return None
    try:
        return Decimal(m.group().replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None


def parse_date(text: str) -> dt.date | None:
    if not re.fullmatch(r"[0-9]{8}", text):
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def copies_of(f: SourceField, ctx: Context) -> list[Copy]:
    """910 (IRBIS «сведения об экземплярах») and 899 (RUSMARC location data), one copy each.

    A copy without an inventory number keeps "" — the import service gives it the next free
    number — so the partner's holdings are still imported.
    """
    if f.tag == "899":
        if not values(f, "abjpw"):
            return []  # a union catalogue's list of holding libraries ($1, $2), not a copy
        return [
            Copy(
                inventory_number=first(f, "p"),
                barcode=first(f, "w"),
                location=", ".join(values(f, "ab")),
                shelf_mark=first(f, "j"),
                note=first(f, "z"),
            )
        ]
    code = first(f, "a")
    status = IRBIS_STATUS.get(code.upper(), CopyStatus.AVAILABLE)
    if code and code.upper() not in IRBIS_STATUS:
        meaning = _OTHER_IRBIS_STATUS.get(code.upper(), "unknown code")
        ctx.warn("910$a", f"copy status «{code}» ({meaning}) has no equivalent; read as available")
    date_text = first(f, "c")
    acquired = parse_date(date_text)
    if date_text and acquired is None:
        ctx.warn("910$c", f"«{date_text}» is not a date (YYYYMMDD); left out")
    price_text = first(f, "e")
    price = parse_price(price_text) if price_text else None
    if price_text and price is None:
        ctx.warn("910$e", f"«{price_text}» is not a price; left out")
    return [
        Copy(
            inventory_number=first(f, "b"),
            barcode=first(f, "h"),
            location=first(f, "d"),
            shelf_mark=first(f, "r"),
            status=status,
            acquired_on=acquired,
            price=price,
        )
    ]


# --- material type -------------------------------------------------------------------------------

_GMD_HINTS = (
    ("электрон", MaterialType.ELECTRONIC),
    ("electronic", MaterialType.ELECTRONIC),
    ("карт", MaterialType.MAP),
    ("cartograph", MaterialType.MAP),
    ("видео", MaterialType.AUDIOVISUAL),
    ("звукоз", MaterialType.AUDIOVISUAL),
    ("video", MaterialType.AUDIOVISUAL),
    ("sound", MaterialType.AUDIOVISUAL),
)


def material_type(source: SourceRecord, by_tag: dict[str, list[SourceField]]) -> MaterialType:
    """Leader/06-07 first; for printed text the 105 coded data (thesis, standard, report,
    conference), a dissertation note (328) and the general material designation (200$b)."""
    leader = source.leader.ljust(24)
    kind, level = leader[6], leader[7]
    if kind in "ef":
        return MaterialType.MAP
    if kind == "l":
        return MaterialType.ELECTRONIC
    if kind in "gij":
        return MaterialType.AUDIOVISUAL
    if level == "a":
        return MaterialType.ARTICLE
    if level == "s":
        return MaterialType.SERIAL
    coded = next((first(f, "a") for f in by_tag.get("105", [])), "")
    forms = coded[4:8]
    remainder = " ".join(v for f in by_tag.get("200", [])[:1] for v in values(f, "e")).lower()
    if "m" in forms or by_tag.get("328") or "дис." in remainder:
        return MaterialType.THESIS
    if "l" in forms:
        return MaterialType.STANDARD
    if "p" in forms:
        return MaterialType.REPORT
    if coded[8:9] == "1":
        return MaterialType.PROCEEDINGS
    gmd = " ".join(v for f in by_tag.get("200", [])[:1] for v in values(f, "b")).lower()
    for hint, material in _GMD_HINTS:
        if hint in gmd:
            return material
    return MaterialType.BOOK


# --- the whole record ----------------------------------------------------------------------------


def _each(read: Callable[[SourceField, Context], list[Any]]):
    def contributions(fields: list[SourceField], ctx: Context) -> list[list[Any]]:
        return [read(f, ctx) for f in fields]

    return contributions


NOTE_TAGS = frozenset(f"{n}" for n in range(300, 400)) - {"330"}
LIST_PARTS: dict[str, tuple[str, frozenset[str], Callable[..., list[list[Any]]]]] = {
    "identifiers": ("identifiers", frozenset({"010", "011", "017"}), _each(identifiers_of)),
    "series": ("series", frozenset({"225", "410", "461"}), series_contributions),
    "notes": ("notes", NOTE_TAGS, _each(notes_of)),
    "subjects": ("subjects", frozenset({"606"}), _each(subjects_of)),
    "geographic": ("geographic_names", frozenset({"607"}), _each(subjects_of)),
    "keywords": ("keywords", frozenset({"610"}), _each(keywords_of)),
    "classifications": ("classifications", frozenset({"675", "686"}), _each(classifications_of)),
    "contributors": (
        "contributors",
        frozenset({"700", "701", "702", "710", "711", "712"}),
        _each(contributors_of),
    ),
    "links": ("links", frozenset({"856"}), _each(links_of)),
    "copies": ("copies", frozenset({"899", "910"}), _each(copies_of)),
}
SCALAR_PARTS: dict[str, tuple[frozenset[str], Callable[..., None]]] = {
    "title": (frozenset({"200"}), read_title),
    "edition": (frozenset({"205"}), read_edition),
    "publication": (frozenset({"210", "214"}), read_publication),
    "extent": (frozenset({"215"}), read_extent),
    "languages": (frozenset({"101"}), read_languages),
    "summary": (frozenset({"330"}), read_summary),
    "host": (frozenset({"463"}), read_host),
}


def fields_by_tag(source: SourceRecord) -> dict[str, list[SourceField]]:
    by_tag: dict[str, list[SourceField]] = {}
    for f in source.fields:
        by_tag.setdefault(f.tag, []).append(f)
    return by_tag


def part_fields(source: SourceRecord, tags: frozenset[str]) -> list[SourceField]:
    """The fields of one part, in record order (210 before 214 only as they stand)."""
    found = [f for f in source.fields if f.tag in tags and not f.is_control]
    if tags == SCALAR_PARTS["publication"][0] and any(f.tag == "210" for f in found):
        found = [f for f in found if f.tag == "210"]
    return found


def map_source(source: SourceRecord, ctx: Context) -> Record:
    """Our description of a kept RUSMARC record (the title may come out empty: the caller
    decides whether that makes the record unusable)."""
    by_tag = fields_by_tag(source)
    record = Record(title="")
    for tags, read in SCALAR_PARTS.values():
        read(part_fields(source, tags), record, ctx)
    general = by_tag.get("100", [None])[0]
    if not record.year:
        record.year = year_from_100(general)
    for attribute, tags, contributions in LIST_PARTS.values():
        items = [i for chunk in contributions(part_fields(source, tags), ctx) for i in chunk]
        setattr(record, attribute, items)
    for f in by_tag.get("001", [])[:1]:
        record.control_number = control_text(f)
    for f in by_tag.get("003", [])[:1]:
        record.control_source = control_text(f)
    record.material_type = material_type(source, by_tag)
    if record.material_type == MaterialType.ARTICLE and record.host is None:
        ctx.warn("leader/07", "an analytic record (article) without a host item (463)")
    record.source = source
    return record
