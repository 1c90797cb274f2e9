"""BibTeX and biblatex files read into records (the writer is in ``bibtex_write``).

bibtexparser splits the file into blocks, resolves @string macros and strips the braces; what
it leaves to us is done here: "#" concatenations, biblatex ``xdata`` and ``crossref``
inheritance (a chapter takes its book's title as ``booktitle``), names split on "and" with a
fully braced name («{Институт географии}») kept whole as a body, and LaTeX decoded to Unicode
({\\"o} → ö) only after the names are split, so that braces still protect bodies and "and"s.
Entries bibtexparser could not parse come back as items with the line and its message;
entries it flagged but kept (a repeated field, a repeated key) are imported with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from library_app.core.model import (
    Contributor,
    ContributorRole,
    HostItem,
    IdentifierType,
    MaterialType,
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
    Reader,
    ReadItem,
    ReadOptions,
    ReadResult,
    read_file,
)
from library_app.interchange.bibtex_blocks import (
    IN_BOOK,
    NAME_FIELDS,
    NO_VALUE,
    BibEntry,
    bib,
    inherit,
    read_entries,
    string_macros,
    where_in,
)
from library_app.interchange.bibtex_write import BibtexWriter
from library_app.interchange.citecommon import (
    PROGRESS_EVERY,
    RecordDraft,
    clean_line,
    decode_text,
    normalize_pages,
    sniff_text,
)
from library_app.interchange.citenames import person_from_parts

__all__ = ["BibtexReader", "BibtexWriter"]

M = MaterialType
TYPES: dict[str, MaterialType] = {
    "book": M.BOOK,
    "mvbook": M.BOOK,
    "collection": M.BOOK,
    "mvcollection": M.BOOK,
    "reference": M.BOOK,
    "mvreference": M.BOOK,
    "booklet": M.BOOK,
    "manual": M.BOOK,
    "unpublished": M.BOOK,
    "article": M.ARTICLE,
    "inbook": M.ARTICLE,
    "bookinbook": M.ARTICLE,
    "suppbook": M.ARTICLE,
    "incollection": M.ARTICLE,
    "suppcollection": M.ARTICLE,
    "inreference": M.ARTICLE,
    "inproceedings": M.ARTICLE,
    "conference": M.ARTICLE,
    "suppperiodical": M.ARTICLE,
    "proceedings": M.PROCEEDINGS,
    "mvproceedings": M.PROCEEDINGS,
    "report": M.REPORT,
    "techreport": M.REPORT,
    "thesis": M.THESIS,
    "phdthesis": M.THESIS,
    "mastersthesis": M.THESIS,
    "periodical": M.SERIAL,
    "online": M.ELECTRONIC,
    "electronic": M.ELECTRONIC,
    "www": M.ELECTRONIC,
    "software": M.ELECTRONIC,
    "dataset": M.ELECTRONIC,
    "map": M.MAP,
    "video": M.AUDIOVISUAL,
    "movie": M.AUDIOVISUAL,
    "audio": M.AUDIOVISUAL,
    "music": M.AUDIOVISUAL,
    "performance": M.AUDIOVISUAL,
    "standard": M.STANDARD,
}
# @misc says nothing; its ``type`` (or ``howpublished``) may
MISC_TYPES: dict[str, MaterialType] = {
    "map": M.MAP,
    "карта": M.MAP,
    "video": M.AUDIOVISUAL,
    "film": M.AUDIOVISUAL,
    "audiovisual": M.AUDIOVISUAL,
    "standard": M.STANDARD,
    "report": M.REPORT,
    "online": M.ELECTRONIC,
    "electronic": M.ELECTRONIC,
    "web page": M.ELECTRONIC,
}
VERBATIM_FIELDS = {"url", "doi", "eprint", "file", "pdf", "urlraw", "verba", "verbb", "verbc"}
EDITOR_TYPES = {
    "compiler": ContributorRole.COMPILER,
    "translator": ContributorRole.TRANSLATOR,
}
# Fields for the bibliography software itself (sorting, labels, links between entries) and
# commented-out fields ("_year"): nothing a catalog keeps and nothing worth a warning.
_SILENT = {
    "ids", "crossref", "xref", "xdata", "entryset", "options", "label", "shorthand",
    "shorttitle", "sorttitle", "sortkey", "sortname", "sortyear", "presort", "indextitle",
    "indexsorttitle", "keywords", "langid", "langidopts", "hyphenation", "month", "day",
    "file", "owner", "timestamp", "editortype", "editoratype", "editorbtype", "editorctype",
    "type", "media", "pubstate", "related", "relatedtype", "relatedstring", "relatedoptions",
    "eprinttype", "eprintclass", "execute", "entrysubtype", "gender", "abstract",
    "journalsubtitle", "booksubtitle", "mainsubtitle", "titleaddon",
}  # fmt: skip
# ---------------------------------------------------------------------------------------------
# LaTeX and names

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _is_braced(name: str) -> bool:
    """True for "{Институт географии}" — braces that enclose the whole name."""
    if not (name.startswith("{") and name.endswith("}")):
        return False
    depth = 0
    for i, char in enumerate(name):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and i < len(name) - 1:
            return False
    return True


@dataclass
class _NameParts:
    role: ContributorRole
    corporate: bool
    last: str
    first: str = ""
    jr: str = ""


def _split_names(entry: BibEntry) -> list[tuple[str, _NameParts]]:
    _, _, _, names = bib()
    found: list[tuple[str, _NameParts]] = []
    for field in NAME_FIELDS:
        value = entry.fields.get(field)
        if value is None:
            continue
        role = _role(entry, field)
        for name in names.split_multiple_persons_names(value.text):
            name = name.strip()
            if not name or name.lower() == "others":
                continue
            if _is_braced(name):
                found.append((field, _NameParts(role, True, name[1:-1])))
                continue
            parts = names.parse_single_name_into_parts(name, strict=False)
            last = " ".join(parts.von + parts.last)
            found.append(
                (field, _NameParts(role, False, last, " ".join(parts.first), " ".join(parts.jr)))
            )
    return found


def _role(entry: BibEntry, field: str) -> ContributorRole:
    if field == "author":
        return ContributorRole.AUTHOR
    if field == "translator":
        return ContributorRole.TRANSLATOR
    kind = entry.fields.get(f"{field}type")
    return EDITOR_TYPES.get(kind.text.strip().lower() if kind else "", ContributorRole.EDITOR)


LIST_FIELDS = ("publisher", "location", "address", "institution", "school", "organization")
BIBLATEX_ONLY = {
    "location", "langid", "date", "journaltitle", "pagetotal", "urldate", "subtitle",
    "titleaddon", "maintitle", "eventtitle", "editortype", "editoratype", "origlanguage",
    "addendum", "xdata", "origyear",
}  # fmt: skip
_LATEX = re.compile(r"[\\{}~$%]|--|``|''")


def _decoder() -> Callable[[list[str]], tuple[list[str], bool]]:
    """Decode many strings with bibtexparser's LaTeX middleware in one pass; the flag says
    whether something could not be decoded (it is then left as written)."""
    bibtexparser, middlewares, model, _ = bib()
    middleware = middlewares.LatexDecodingMiddleware()
    library = bibtexparser.Library()

    def decode(values: list[str]) -> tuple[list[str], bool]:
        # most values hold no LaTeX at all, and decoding is the slowest step of a read
        todo = [i for i, v in enumerate(values) if _LATEX.search(v)]
        if not todo:
            return values, False
        fields = [model.Field(str(i), values[i]) for i in todo]
        try:
            block = middleware.transform_entry(model.Entry("x", "x", fields), library)
        except Exception:  # pylatexenc on pathological input (deep nesting): keep the text
            return values, True
        failed = isinstance(block, model.ParsingFailedBlock)
        entry = block.ignore_error_block if failed else block
        decoded = list(values)
        for field in entry.fields:
            # pylatexenc renders \textasciicircum as the modifier letter; a caret was meant
            decoded[int(field.key)] = str(field.value).replace("\u02c6", "^")
        return decoded, failed

    return decode


# ---------------------------------------------------------------------------------------------
# entry → record


def _material_type(entry: BibEntry, draft: RecordDraft) -> MaterialType:
    if entry.type in TYPES:
        return TYPES[entry.type]
    if entry.type == "misc":
        for field in ("type", "howpublished"):
            value = entry.fields.get(field)
            if value and value.text.strip().lower() in MISC_TYPES:
                return MISC_TYPES[value.text.strip().lower()]
    draft.warn(f"entry type @{entry.type} has no counterpart; read as a book", where_in(entry))
    return M.BOOK


def _map_entry(entry: BibEntry, decode: Callable[[list[str]], tuple[list[str], bool]]) -> ReadItem:
    draft = RecordDraft(entry.position)
    draft.problems.extend(entry.problems)
    record = draft.record
    record.material_type = _material_type(entry, draft)
    try:
        names = _split_names(entry)
    except Exception:  # bibtexparser's name splitter on malformed input
        draft.warn("names could not be split; they were left out", where_in(entry, "author"))
        names = []
    keys = [k for k in entry.fields if k not in VERBATIM_FIELDS and k not in NAME_FIELDS]
    lists = _split_lists(entry)
    texts = [entry.fields[k].text for k in keys]
    texts += [part for _, part in lists]
    texts += [t for _, n in names for t in (n.last, n.first, n.jr)]
    decoded, failed = decode(texts)
    if failed:
        draft.warn("some LaTeX could not be decoded and was kept as written", where_in(entry))
    values = {k: entry.fields[k].text for k in entry.fields if k in VERBATIM_FIELDS}
    values.update(zip(keys, decoded[: len(keys)], strict=True))
    rest = iter(decoded[len(keys) :])
    parts: dict[str, list[str]] = {}
    for field, _part in lists:
        parts.setdefault(field, []).append(next(rest))
    for _field, name in names:
        last, first, jr = next(rest), next(rest), next(rest)
        if name.corporate:
            role = name.role
            if role == ContributorRole.AUTHOR:
                role = ContributorRole.CORPORATE_AUTHOR
            draft.add_person(Contributor(name=last, role=role))
        else:
            draft.add_person(person_from_parts(last, first, name.role, jr))
    _map_fields(entry, values, parts, draft)
    return draft.finish(where_in(entry))


def _map_fields(
    entry: BibEntry, values: dict[str, str], lists: dict[str, list[str]], draft: RecordDraft
) -> None:
    record = draft.record
    used = set(NAME_FIELDS) | _SILENT

    def get(*names: str) -> tuple[str, str]:
        for name in names:
            used.add(name)
            if values.get(name, "").strip():
                return values[name], where_in(entry, name)
        return "", ""

    title, where = get("title")
    if not title:
        title, where = get("maintitle")
    subtitle = clean_line(get("subtitle")[0])
    addon = clean_line(get("titleaddon")[0])
    draft.set_title(title, where, split=not (subtitle or addon))
    if subtitle or addon:
        record.title_remainder = " : ".join(p for p in (subtitle, addon) if p)
    draft.set_year(*_year(get("year"), get("date")))
    host_title, host_where = get("journaltitle", "journal") if entry.type == "article" else ("", "")
    if entry.type in IN_BOOK or entry.type == "suppperiodical":
        # a chapter of one volume of a multi-volume work names the work as its maintitle
        host_title, host_where = get("booktitle", "journaltitle", "journal", "maintitle")
    if entry.type == "article":
        subtitle = clean_line(get("journalsubtitle")[0])
        if host_title and subtitle:
            host_title = f"{clean_line(host_title)}: {subtitle}"
    hosted = record.material_type == M.ARTICLE and (
        entry.type in IN_BOOK or entry.type in ("article", "suppperiodical")
    )
    volume = clean_line(get("volume")[0])
    if hosted and not volume:
        volume = clean_line(get("part")[0])
    number = clean_line(get("number")[0])
    pages = normalize_pages(get("pages")[0])
    if hosted and host_title:
        issue = number if entry.type == "article" else ""
        issue = issue or clean_line(get("issue")[0])
        record.host = HostItem(
            draft.text(host_title, host_where), record.year, volume, issue, pages
        )
        number = "" if entry.type == "article" else number
    elif hosted and (volume or pages):
        draft.warn("volume or pages without the journal or book they belong to", where_in(entry))
    else:
        record.extent.pages = normalize_pages(get("pagetotal")[0]) or pages
    series, where = get("series")
    maintitle = get("maintitle")[0] if title and not record.host else ""
    if series:
        draft.add_series(series, number, where)
    elif maintitle:
        draft.add_series(maintitle, volume, where_in(entry, "maintitle"))
    elif number and entry.type not in ("thesis", "phdthesis", "mastersthesis", "article"):
        draft.dropped.append("number")
    if not record.host and volume and (series or not maintitle):
        # one volume of a multi-volume work: the part number belongs to the title, as MARC
        # 245 $n and RUSMARC 200 $h put it — without it the volumes would be one record
        label = "Т." if _CYRILLIC.search(record.title) else "Vol."
        record.title = f"{record.title}. {label} {volume}"
    for field in ("publisher", "location", "address"):
        target = record.publishers if field == "publisher" else record.places
        for part in lists.get(field, []):
            draft.add_list(target, part, where_in(entry, field))
    record.edition = clean_line(get("edition")[0])
    for field in ("institution", "school", "organization"):
        for part in lists.get(field, []):
            draft.add_person(Contributor(name=part, role=ContributorRole.ISSUING_BODY))
    event, _ = get("eventtitle")
    if event:
        draft.add_person(Contributor(name=event, role=ContributorRole.MEETING))
    for field, kind in (
        ("isbn", IdentifierType.ISBN),
        ("issn", IdentifierType.ISSN),
        ("doi", IdentifierType.DOI),
    ):
        value, where = get(field)
        if value:
            draft.add_identifiers(value, kind, where)
    eprint, where = get("eprint")
    if eprint and values.get("eprinttype", "").strip().lower() == "doi":
        draft.add_identifiers(eprint, IdentifierType.DOI, where)
    elif eprint:
        draft.dropped.append("eprint")
    url, where = get("url")
    if url:
        draft.add_link(url, where)
        accessed, where = get("urldate")
        if accessed:
            draft.set_access_date(accessed, where)
    abstract, where = get("abstract")
    if abstract:
        draft.set_summary(abstract, where)
    keywords, where = get("keywords")
    if keywords:
        draft.add_keywords(keywords, where)
    for field in ("language", "langid"):
        value, where = get(field)
        if value and not (field == "langid" and record.languages):
            draft.add_languages(value, where)
    for field in ("note", "addendum", "annotation", "annote", "howpublished"):
        value, where = get(field)
        if value and not (field == "howpublished" and entry.type == "misc" and _misc_kind(value)):
            draft.add_note(value, where)
    used.update(LIST_FIELDS)
    used.update(("issue", "booktitle", "journaltitle", "journal", "pagetotal", "date", "urldate"))
    if clean_line(values.get("bookauthor", "")) == clean_line(
        entry.fields.get("author", NO_VALUE).text
    ):
        used.add("bookauthor")  # a chapter by the author of the whole book
    for name in values:
        if name not in used and not name.startswith("_") and values[name].strip():
            draft.dropped.append(name)


def _misc_kind(value: str) -> bool:
    return value.strip().lower() in MISC_TYPES


def _split_lists(entry: BibEntry) -> list[tuple[str, str]]:
    """(field, part) of the publisher, place and body fields, split on "and" where the entry
    is written for biblatex — which makes them lists like names — and kept whole in plain
    BibTeX, where "John Wiley and Sons" is one publisher."""
    _, _, _, names = bib()
    biblatex = any(field in entry.fields for field in BIBLATEX_ONLY)
    found = []
    for field in LIST_FIELDS:
        value = entry.fields.get(field)
        if value is None or not value.text.strip():
            continue
        split = biblatex or field == "location"
        for part in names.split_multiple_persons_names(value.text) if split else [value.text]:
            if part.strip():
                found.append((field, part.strip()))
    return found


def _year(year: tuple[str, str], date: tuple[str, str]) -> tuple[str, str]:
    """The year as catalogued from ``year``, or from a biblatex ``date`` (2002-05-01,
    1998/2003)."""
    if year[0].strip():
        return year
    text, where = date
    match = re.match(r"^\s*([0-9]{4})(?:-[0-9]{2}(?:-[0-9]{2})?)?\s*(?:/\s*([0-9]{4})?)?", text)
    if match is None:
        year_only = re.search(r"[0-9]{4}", text)
        return (year_only.group() if year_only else text), where
    start, end = match.group(1), match.group(2)
    if "/" in text and end:
        return f"{start}-{end}", where
    return (f"{start}-" if "/" in text else start), where


# ---------------------------------------------------------------------------------------------


class BibtexReader(Reader):
    format_id: ClassVar[str] = "bibtex"
    label: ClassVar[str] = "BibTeX"
    extensions: ClassVar[tuple[str, ...]] = (".bib", ".bibtex")

    @classmethod
    def sniff(cls, head: bytes) -> int:
        text = sniff_text(head)
        if text is None:
            return 0
        for line in text.lstrip("\ufeff").splitlines():
            stripped = line.strip()
            if not stripped or stripped.startswith("%"):
                continue
            if re.match(r"^@\s*[A-Za-z]+\s*[{(]", stripped) or re.match(
                r"^@\s*comment\b", stripped, re.IGNORECASE
            ):
                return 80
            return 0
        return 0

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
        bibtexparser, middlewares, _, _ = bib()
        check_cancel(is_cancelled)
        try:
            library = bibtexparser.parse_string(
                text,
                parse_stack=[
                    middlewares.ResolveStringReferencesMiddleware(),
                    middlewares.RemoveEnclosingMiddleware(),
                    middlewares.NormalizeFieldKeys(),
                ],
            )
        except Exception as error:  # bibtexparser has no error contract: it is not our format
            raise FormatError(f"the file cannot be parsed as BibTeX ({error})") from None
        strings = string_macros(library)
        entries, failed = read_entries(library, strings)
        records = [e for e in entries if e.position]
        if not records and not failed:
            raise FormatError("no BibTeX entries found (no «@type{key, …}» block)")
        by_key: dict[str, BibEntry] = {}
        for entry in entries:
            by_key.setdefault(entry.key, entry)
            by_key.setdefault(entry.key.lower(), entry)
        result = ReadResult(self.format_id, encoding)
        items: list[ReadItem] = list(failed)
        decode = _decoder()
        total = len(records) + len(failed)
        for i, entry in enumerate(records):
            if i % PROGRESS_EVERY == 0:
                check_cancel(is_cancelled)
                progress(i, total)
            inherit(entry, by_key)
            items.append(_map_entry(entry, decode))
        result.items = sorted(items, key=lambda item: item.position)
        progress(total, total)
        return result
