"""CSL-JSON, the data format of citeproc, pandoc and Zotero: a JSON array of items.

Names come as family/given parts or one "literal" string (a body), dates as ``date-parts``,
``raw`` or ``literal``; the reader takes all of these and also the single-object files and
the plain-string names some generators write.  A file cut off in the middle still yields the
items before the cut, each array element being decoded on its own.  JSON arrays of our own
records (``library-app show --json``) are refused with a pointer, not misread as citations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from library_app.core.model import (
    Contributor,
    ContributorRole,
    HostItem,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.interchange.base import (
    FormatError,
    Problem,
    Reader,
    ReadItem,
    ReadOptions,
    ReadResult,
    WriteOptions,
    Writer,
    read_file,
)
from library_app.interchange.citecommon import (
    PROGRESS_EVERY,
    RecordDraft,
    clean_line,
    decode_text,
    host_kind,
    joined_title,
    normalize_pages,
    responsible,
    sniff_text,
)
from library_app.interchange.citenames import (
    CiteKeys,
    bcp47_tag,
    parse_inverted_name,
    person_from_parts,
    split_suffix,
)

M = MaterialType
TYPES: dict[str, MaterialType] = {
    "book": M.BOOK,
    "classic": M.BOOK,
    "collection": M.BOOK,
    "manuscript": M.BOOK,
    "pamphlet": M.BOOK,
    "article": M.ARTICLE,
    "article-journal": M.ARTICLE,
    "article-magazine": M.ARTICLE,
    "article-newspaper": M.ARTICLE,
    "chapter": M.ARTICLE,
    "entry": M.ARTICLE,
    "entry-dictionary": M.ARTICLE,
    "entry-encyclopedia": M.ARTICLE,
    "paper-conference": M.ARTICLE,
    "review": M.ARTICLE,
    "review-book": M.ARTICLE,
    "report": M.REPORT,
    "thesis": M.THESIS,
    "map": M.MAP,
    "periodical": M.SERIAL,
    "webpage": M.ELECTRONIC,
    "post": M.ELECTRONIC,
    "post-weblog": M.ELECTRONIC,
    "software": M.ELECTRONIC,
    "dataset": M.ELECTRONIC,
    "motion_picture": M.AUDIOVISUAL,
    "broadcast": M.AUDIOVISUAL,
    "song": M.AUDIOVISUAL,
    "performance": M.AUDIOVISUAL,
    "standard": M.STANDARD,
}
WRITE_TYPES: dict[MaterialType, str] = {
    M.BOOK: "book",
    M.ARTICLE: "article-journal",
    M.REPORT: "report",
    M.PROCEEDINGS: "book",  # CSL has no proceedings volume; "genre" says what it is
    M.THESIS: "thesis",
    M.MAP: "map",
    M.SERIAL: "periodical",
    M.ELECTRONIC: "webpage",
    M.AUDIOVISUAL: "motion_picture",
    M.STANDARD: "standard",
}
PROCEEDINGS_GENRE = "conference proceedings"
_PROCEEDINGS = re.compile(r"proceedings|материалы|труды конф", re.IGNORECASE)
ROLES: dict[str, ContributorRole] = {
    "author": ContributorRole.AUTHOR,
    "director": ContributorRole.AUTHOR,
    "editor": ContributorRole.EDITOR,
    "translator": ContributorRole.TRANSLATOR,
    "compiler": ContributorRole.COMPILER,
    "authority": ContributorRole.ISSUING_BODY,
}
_SILENT = {
    "id", "type", "citation-key", "citation-label", "title-short", "shortTitle",
    "container-title-short", "journalAbbreviation", "source", "archive", "archive_location",
    "genre", "medium", "status", "version", "language", "categories", "issued", "accessed",
    "system_id", "note",
}  # fmt: skip
_BETWEEN_ITEMS = re.compile(r"[\s,]*")
_OUR_RECORD_KEYS = {"material_type", "contributors", "title_remainder", "copies"}


def _looks_like_our_records(value: Any) -> bool:
    items = value if isinstance(value, list) else [value]
    return any(isinstance(i, dict) and _OUR_RECORD_KEYS & set(i) for i in items[:5])


def _elements(text: str) -> tuple[list[Any], Problem | None]:
    """The items of the file; a damaged tail becomes a problem instead of losing all."""
    stripped = text.strip()
    if not stripped:
        raise FormatError("the file is empty")
    decoder = json.JSONDecoder()
    if stripped[0] != "[":
        try:
            value = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as error:
            raise FormatError(f"not valid JSON: {_json_error(error)}") from None
        if isinstance(value, dict) and isinstance(value.get("items"), list):
            return value["items"], None
        if isinstance(value, dict) and ("type" in value or "title" in value):
            return [value], None
        raise FormatError("not CSL-JSON: expected an array of items with «type» and «title»")
    items: list[Any] = []
    offset = text.index("[") + 1
    while True:
        gap = _BETWEEN_ITEMS.match(text, offset)  # always matches: the pattern may be empty
        offset = gap.end() if gap else offset
        if offset < len(text) and text[offset] == "]":
            return items, None
        try:
            value, offset = decoder.raw_decode(text, offset)
        except (json.JSONDecodeError, RecursionError) as error:
            if not items:
                raise FormatError(f"not valid JSON: {_json_error(error)}") from None
            line = text.count("\n", 0, offset) + 1
            return items, Problem(
                f"the file is damaged or cut off here ({_json_error(error)}); "
                "nothing after it could be read",
                len(items) + 1,
                f"line {line}",
            )
        items.append(value)


def _json_error(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno}, column {error.colno}"
    return "nesting too deep"


def _text(value: Any) -> str:
    """CSL values are strings, but numbers (volume, edition, page) arrive as numbers too."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float | str):
        return str(value)
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value if _text(v))
    return ""


def _date_parts(value: Any) -> list[list[int]]:
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not isinstance(parts, list):
        return []
    result = []
    for part in parts[:2]:
        if isinstance(part, list):
            numbers = [int(p) for p in part[:3] if _is_int(p)]
            if numbers:
                result.append(numbers)
    return result


def _is_int(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4


def _year(value: Any) -> str:
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, dict):
        return ""
    if isinstance(value.get("literal"), str) and value["literal"].strip():
        return value["literal"]
    parts = _date_parts(value)
    if parts:
        years = [str(p[0]) for p in parts]
        text = "-".join(dict.fromkeys(years))
        return f"[{text}?]" if value.get("circa") else text
    return _text(value.get("raw"))


def _access_date(value: Any) -> str:
    parts = _date_parts(value)
    if parts and len(parts[0]) == 3:
        y, m, d = parts[0]
        return f"{y:04d}-{m:02d}-{d:02d}"
    if isinstance(value, dict):
        return _text(value.get("raw")) or _text(value.get("literal"))
    return _text(value)


def _add_names(draft: RecordDraft, key: str, value: Any) -> None:
    role = ROLES[key]
    where = key
    if not isinstance(value, list):
        value = [value]
    for name in value:
        if isinstance(name, str):
            draft.add_person(parse_inverted_name(draft.text(name, where), role))
        elif isinstance(name, dict):
            literal = _text(name.get("literal"))
            family = _text(name.get("family"))
            if literal or (family and not _text(name.get("given")) and role.is_corporate):
                corporate = (
                    ContributorRole.CORPORATE_AUTHOR if role == ContributorRole.AUTHOR else role
                )
                draft.add_person(Contributor(draft.text(literal or family, where), role=corporate))
                continue
            particle = _text(name.get("non-dropping-particle"))
            surname = f"{particle} {family}" if particle else family
            given = " ".join(
                p for p in (_text(name.get("given")), _text(name.get("dropping-particle"))) if p
            )
            person = person_from_parts(surname, given, role, _text(name.get("suffix")))
            if not person.name and person.forenames:
                person = Contributor(person.forenames, role=role)
            draft.add_person(person)
        else:
            draft.warn("a name that is neither text nor a name object was left out", where)


def _map_item(position: int, item: Any) -> ReadItem:
    draft = RecordDraft(position)
    if not isinstance(item, dict):
        draft.error(f"an item must be a JSON object, not {type(item).__name__}")
        return ReadItem(position, None, draft.problems)
    record = draft.record
    ident = _text(item.get("id"))
    label = f"item «{ident}»" if ident else ""

    def where(key: str) -> str:
        return f"{label}, {key}" if label else key

    kind = _text(item.get("type")).strip()
    if not kind:
        draft.warn("the item has no type; read as a book", where("type"))
    elif kind not in TYPES:
        draft.warn(f"type «{kind}» has no counterpart; read as a book", where("type"))
    material = TYPES.get(kind, M.BOOK)
    genre = _text(item.get("genre"))
    container = _text(item.get("container-title"))
    if kind == "book" and (_PROCEEDINGS.search(genre) or item.get("event-title")):
        material = M.PROCEEDINGS
    if kind == "paper-conference" and not container.strip():
        material = M.PROCEEDINGS
    record.material_type = material
    draft.set_title(_text(item.get("title")), where("title"))
    for key in ROLES:
        if key in item:
            _add_names(draft, key, item[key])
    draft.set_year(_year(item.get("issued")), where("issued"))
    for value in re.split(r"\s*;\s*", _text(item.get("publisher"))):
        draft.add_list(record.publishers, value, where("publisher"))
    places = _text(item.get("publisher-place")) or _text(item.get("event-place"))
    for value in re.split(r"\s*;\s*", places):
        draft.add_list(record.places, value, where("publisher-place"))
    record.edition = clean_line(_text(item.get("edition")))
    pages = normalize_pages(_text(item.get("page")))
    if material == M.ARTICLE and container.strip():
        record.host = HostItem(
            draft.text(container, where("container-title")),
            record.year,
            clean_line(_text(item.get("volume"))),
            clean_line(_text(item.get("issue"))),
            pages,
        )
    record.extent.pages = clean_line(_text(item.get("number-of-pages")))
    if not record.host and not record.extent.pages:
        record.extent.pages = pages
    record.extent.dimensions = clean_line(_text(item.get("dimensions")))
    record.scale = clean_line(_text(item.get("scale")))
    draft.add_series(
        _text(item.get("collection-title")),
        _text(item.get("collection-number")),
        where("collection-title"),
    )
    event = _text(item.get("event-title")) or _text(item.get("event"))
    if event.strip():
        draft.add_person(
            Contributor(draft.text(event, where("event-title")), role=ContributorRole.MEETING)
        )
    for key, id_type in (
        ("ISBN", IdentifierType.ISBN),
        ("ISSN", IdentifierType.ISSN),
        ("DOI", IdentifierType.DOI),
    ):
        values = item.get(key)
        for value in values if isinstance(values, list) else [values]:
            if _text(value).strip():
                draft.add_identifiers(_text(value), id_type, where(key))
    if _text(item.get("URL")).strip():
        draft.add_link(_text(item.get("URL")), where("URL"))
        accessed = _access_date(item.get("accessed"))
        if accessed:
            draft.set_access_date(accessed, where("accessed"))
    draft.set_summary(_text(item.get("abstract")), where("abstract"))
    if _text(item.get("keyword")):
        draft.add_keywords(_text(item.get("keyword")), where("keyword"))
    if _text(item.get("language")):
        draft.add_languages(_text(item.get("language")), where("language"))
    if _text(item.get("note")):
        draft.add_note(_text(item.get("note")), where("note"))
    known = set(ROLES) | _SILENT | {
        "title", "publisher", "publisher-place", "event-place", "edition", "page",
        "container-title", "volume", "issue", "number-of-pages", "dimensions", "scale",
        "collection-title", "collection-number", "event-title", "event", "ISBN", "ISSN", "DOI",
        "URL", "abstract", "keyword",
    }  # fmt: skip
    for key, value in item.items():
        if key not in known and not key.startswith(("_", "custom")) and value not in ("", [], None):
            draft.dropped.append(str(key))
    return draft.finish(label)


class CslJsonReader(Reader):
    format_id: ClassVar[str] = "csljson"
    label: ClassVar[str] = "CSL-JSON"
    extensions: ClassVar[tuple[str, ...]] = (".json",)

    @classmethod
    def sniff(cls, head: bytes) -> int:
        text = sniff_text(head)
        if text is None:
            return 0
        text = text.lstrip("\ufeff \t\r\n")
        if not text.startswith(("[", "{")):
            return 0
        try:
            value = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            value = None  # the head of a larger file: judge by its start
        if value is not None:
            if _looks_like_our_records(value):
                return 0
            if isinstance(value, list):
                first = value[0] if value else None
                return (
                    85 if isinstance(first, dict) and ("type" in first or "title" in first) else 0
                )
            if isinstance(value, dict) and isinstance(value.get("type"), str) and "title" in value:
                return 70
            return 0
        start = text[:4000]
        if not re.match(r'^\[\s*\{\s*"', start) or re.search(
            r'"(material_type|contributors)"\s*:', start
        ):
            return 0
        return 85 if re.search(r'"(type|title)"\s*:', start) else 0

    def read(
        self,
        path: Path,
        options: ReadOptions,
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> ReadResult:
        data = read_file(path)
        text, encoding = decode_text(data, options.encoding)
        elements, damage = _elements(text)
        if _looks_like_our_records(elements):
            raise FormatError(
                "this is a JSON export of catalog records, not CSL-JSON; "
                "load it with the catalog's own JSON import"
            )
        result = ReadResult(self.format_id, encoding)
        total = len(elements)
        for i, element in enumerate(elements):
            if i % PROGRESS_EVERY == 0:
                check_cancel(is_cancelled)
                progress(i, total)
            result.items.append(_map_item(i + 1, element))
        if damage is not None:
            result.items.append(ReadItem(total + 1, None, [damage]))
        if not result.items:
            raise FormatError("the CSL-JSON array is empty")
        progress(total, total)
        return result


# ---------------------------------------------------------------------------------------------
# writing


def _name(contributor: Contributor) -> dict[str, str]:
    if contributor.role.is_corporate or not contributor.forenames:
        return (
            {"literal": contributor.name}
            if contributor.role.is_corporate
            else {"family": contributor.name}
        )
    given, suffix = split_suffix(contributor.forenames)
    name = {"family": contributor.name, "given": given}
    if suffix:
        name["suffix"] = suffix
    return name


def _date(year: str) -> dict[str, Any]:
    if re.fullmatch(r"[0-9]{4}", year.strip()):
        return {"date-parts": [[int(year)]]}
    span = re.fullmatch(r"\s*([0-9]{4})\s*[-–]\s*([0-9]{4})\s*", year)
    if span:
        return {"date-parts": [[int(span.group(1))], [int(span.group(2))]]}
    return {"literal": year}


def csl_item(record: Record, ident: str) -> dict[str, Any]:
    """One record as a CSL-JSON item (only the keys that have a value)."""
    kind = WRITE_TYPES[record.material_type]
    if record.material_type == M.ARTICLE and record.host is not None:
        kind = {"journal": "article-journal", "book": "chapter", "conference": "paper-conference"}[
            host_kind(record)
        ]
    item: dict[str, Any] = {"id": ident, "type": kind, "title": joined_title(record)}
    if record.material_type == M.PROCEEDINGS:
        item["genre"] = PROCEEDINGS_GENRE
    publishers = list(record.publishers)
    for key, roles in (
        ("author", (ContributorRole.AUTHOR, ContributorRole.CORPORATE_AUTHOR)),
        ("editor", (ContributorRole.EDITOR,)),
        ("translator", (ContributorRole.TRANSLATOR,)),
        ("compiler", (ContributorRole.COMPILER,)),
    ):
        item[key] = [_name(c) for c in responsible(record, *roles)]
    bodies = [c.name for c in responsible(record, ContributorRole.ISSUING_BODY)]
    if publishers:
        item["authority"] = [{"literal": b} for b in bodies]
    else:
        publishers = bodies
    item["event-title"] = next((c.name for c in responsible(record, ContributorRole.MEETING)), "")
    if record.year:
        item["issued"] = _date(record.year)
    item["publisher"] = "; ".join(publishers)
    item["publisher-place"] = "; ".join(record.places)
    item["edition"] = record.edition
    if record.host is not None:
        host = record.host
        item.update({"container-title": host.title, "volume": host.volume, "issue": host.issue})
        item["page"] = host.pages
    item["number-of-pages"] = record.extent.pages
    item["dimensions"] = record.extent.dimensions
    item["scale"] = record.scale
    for series in record.series[:1]:
        item["collection-title"] = series.title
        item["collection-number"] = series.number
    item["ISBN"] = ", ".join(record.identifiers_of(IdentifierType.ISBN))
    item["ISSN"] = ", ".join(record.identifiers_of(IdentifierType.ISSN))
    item["DOI"] = next(iter(record.identifiers_of(IdentifierType.DOI)), "")
    for link in record.links[:1]:
        item["URL"] = link.url
        if link.access_date is not None:
            d = link.access_date
            item["accessed"] = {"date-parts": [[d.year, d.month, d.day]]}
    item["abstract"] = record.summary
    keywords = dict.fromkeys(record.keywords + record.subjects + record.geographic_names)
    item["keyword"] = ", ".join(k.replace(",", " ") for k in keywords)
    item["language"] = bcp47_tag(record.languages[0]) if record.languages else ""
    item["note"] = "\n".join(record.notes)
    return {k: v for k, v in item.items() if v not in ("", [], None)}


class CslJsonWriter(Writer):
    format_id: ClassVar[str] = "csljson"
    label: ClassVar[str] = "CSL-JSON"
    extension: ClassVar[str] = ".json"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        """Items are written one by one (the array is never held whole), as ``json.dump``
        with ``indent=2`` would lay them out."""
        keys = CiteKeys()
        target.write(b"[")
        first = True
        for record in records:
            ident = f"rec-{record.id}" if record.id is not None else keys.key_for(record)
            text = json.dumps(csl_item(record, ident), ensure_ascii=False, indent=2)
            text = "\n".join("  " + line for line in text.splitlines())
            target.write((("\n" if first else ",\n") + text).encode("utf-8"))
            first = False
        target.write(b"\n]\n" if not first else b"]\n")
