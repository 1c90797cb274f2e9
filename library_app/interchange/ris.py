"""RIS, the tagged text format every reference manager reads and writes.

A record is a run of "XX  - value" lines from "TY  - " to "ER  - ".  Files from the wild
bend this in known ways — a byte order mark, numbered records ("1." before each TY), values
continued on the next line, a missing ER at the end, stray lines between records, the long
EndNote type names ("Journal Article") — and all of these are read, each bend that loses or
guesses something being reported.  Tags mean different things per type (T2 is the journal of
an article but the series of a book; A3 edits a book but only the series of a chapter), as in
the RIS specification and the way Zotero and EndNote use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, ClassVar

from library_app.core import years
from library_app.core.errors import InputError
from library_app.core.model import (
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
    Severity,
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
    inverted_name,
    language_name,
    parse_inverted_name,
)

M = MaterialType
# RIS type → our type; the article-like ones take their host from the journal/book tags.
TYPES: dict[str, MaterialType] = {
    "BOOK": M.BOOK,
    "EDBOOK": M.BOOK,
    "PAMP": M.BOOK,
    "CTLG": M.BOOK,
    "DICT": M.BOOK,
    "ENCYC": M.BOOK,
    "CLSWK": M.BOOK,
    "MANSCPT": M.BOOK,
    "JOUR": M.ARTICLE,
    "MGZN": M.ARTICLE,
    "NEWS": M.ARTICLE,
    "EJOUR": M.ARTICLE,
    "INPR": M.ARTICLE,
    "ABST": M.ARTICLE,
    "CHAP": M.ARTICLE,
    "ECHAP": M.ARTICLE,
    "CPAPER": M.ARTICLE,
    "CONF": M.PROCEEDINGS,
    "RPRT": M.REPORT,
    "GOVDOC": M.REPORT,
    "UNPB": M.REPORT,
    "THES": M.THESIS,
    "MAP": M.MAP,
    "CHART": M.MAP,
    "SER": M.SERIAL,
    "JFULL": M.SERIAL,
    "ELEC": M.ELECTRONIC,
    "WEB": M.ELECTRONIC,
    "BLOG": M.ELECTRONIC,
    "EBOOK": M.ELECTRONIC,
    "DBASE": M.ELECTRONIC,
    "DATA": M.ELECTRONIC,
    "COMP": M.ELECTRONIC,
    "VIDEO": M.AUDIOVISUAL,
    "MPCT": M.AUDIOVISUAL,
    "ADVS": M.AUDIOVISUAL,
    "SOUND": M.AUDIOVISUAL,
    "MUSIC": M.AUDIOVISUAL,
    "SLIDE": M.AUDIOVISUAL,
    "MULTI": M.AUDIOVISUAL,
    "STAND": M.STANDARD,
}
# The type names EndNote and some databases write instead of the codes.
LONG_TYPES: dict[str, str] = {
    "JOURNAL ARTICLE": "JOUR",
    "ARTICLE": "JOUR",
    "MAGAZINE ARTICLE": "MGZN",
    "NEWSPAPER ARTICLE": "NEWS",
    "BOOK SECTION": "CHAP",
    "BOOK CHAPTER": "CHAP",
    "EDITED BOOK": "EDBOOK",
    "CONFERENCE PAPER": "CPAPER",
    "CONFERENCE PROCEEDINGS": "CONF",
    "REPORT": "RPRT",
    "GOVERNMENT DOCUMENT": "GOVDOC",
    "THESIS": "THES",
    "DISSERTATION": "THES",
    "WEB PAGE": "ELEC",
    "ELECTRONIC SOURCE": "ELEC",
    "ELECTRONIC BOOK": "EBOOK",
    "FILM OR BROADCAST": "MPCT",
    "AUDIOVISUAL MATERIAL": "ADVS",
    "STANDARD": "STAND",
    "SERIAL": "SER",
}
WRITE_TYPES: dict[MaterialType, str] = {
    M.BOOK: "BOOK",
    M.ARTICLE: "JOUR",
    M.REPORT: "RPRT",
    M.PROCEEDINGS: "CONF",
    M.THESIS: "THES",
    M.MAP: "MAP",
    M.SERIAL: "JFULL",
    M.ELECTRONIC: "ELEC",
    M.AUDIOVISUAL: "VIDEO",
    M.STANDARD: "STAND",
}
_HOSTED = {"JOUR", "MGZN", "NEWS", "EJOUR", "INPR", "ABST", "CHAP", "ECHAP", "CPAPER"}
# Tags that carry nothing the catalog keeps; reported once per record.
_DROPPED = {
    "ID": "ID (reference number)",
    "CN": "CN (call number)",
    "AN": "AN (accession number)",
    "DB": "DB (database)",
    "DP": "DP (database provider)",
    "L1": "L1 (file attachment)",
    "L3": "L3 (related records)",
    "L4": "L4 (figure)",
    "AD": "AD (author address)",
    "CA": "CA (caption)",
    "RN": "RN (research notes)",
    "M1": "M1",
    "M2": "M2",
    "NV": "NV (number of volumes)",
    "OP": "OP (original publication)",
    "RP": "RP (reprint status)",
    "SE": "SE (section)",
    "C1": "C1",
    "C2": "C2",
    "C4": "C4",
    "C5": "C5",
    "C6": "C6",
    "C7": "C7",
    "C8": "C8",
    "CR": "CR (rights)",
    "LB": "LB (label)",
}
_KNOWN = {
    "TY", "ER", "TI", "T1", "CT", "BT", "ST", "TT", "AU", "A1", "A2", "A3", "A4", "ED",
    "PY", "Y1", "DA", "Y2", "PB", "CY", "PP", "C3", "ET", "SP", "EP", "VL", "VO", "IS",
    "CP", "T2", "T3", "JF", "JO", "JA", "J1", "J2", "SN", "DO", "M3", "UR", "L2", "AB",
    "N2", "KW", "LA", "N1",
}  # fmt: skip
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: ?(.*))?$")
_NUMBER_LINE = re.compile(r"^\s*[0-9]+\.?\s*$")
_SERIES_NUMBER = re.compile(r"^(.*?)\s+;\s+(.+)$")


@dataclass
class _RawRecord:
    position: int
    line: int  # where its TY is
    fields: list[tuple[str, str, int]] = field(default_factory=list)  # tag, value, line

    def values(self, *tags: str) -> list[tuple[str, str]]:
        """(value, where) of the non-empty fields with these tags, in the order of ``tags``."""
        found = []
        for tag in tags:
            found.extend(
                (value.strip(), f"line {line} ({tag})")
                for t, value, line in self.fields
                if t == tag and value.strip()
            )
        return found

    def first(self, *tags: str) -> tuple[str, str]:
        found = self.values(*tags)
        return found[0] if found else ("", "")


def _split_records(text: str) -> tuple[list[_RawRecord], list[Problem]]:
    records: list[_RawRecord] = []
    problems: list[Problem] = []
    current: _RawRecord | None = None
    stray: list[int] = []

    def flush_stray() -> None:
        if stray:
            where = f"line {stray[0]}" if len(stray) == 1 else f"lines {stray[0]}–{stray[-1]}"
            problems.append(
                Problem(
                    "text outside a record (before TY) was skipped", None, where, Severity.WARNING
                )
            )
            stray.clear()

    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        match = _TAG_LINE.match(line.rstrip())
        if current is None:
            if match and match.group(1) == "TY":
                flush_stray()
                current = _RawRecord(len(records) + 1, number)
                records.append(current)
                current.fields.append(("TY", match.group(2) or "", number))
            elif line.strip() and not _NUMBER_LINE.match(line):
                stray.append(number)
            continue
        if match is None:
            if line.strip() and current.fields:
                tag, value, at = current.fields[-1]
                current.fields[-1] = (tag, f"{value}\n{line.strip()}", at)
            continue
        tag, value = match.group(1), match.group(2) or ""
        if tag == "ER":
            current = None
        elif tag == "TY":
            problems.append(
                Problem(
                    f"no ER before the next record (line {number}); the record ends there",
                    current.position,
                    f"line {current.line}",
                    Severity.WARNING,
                )
            )
            current = _RawRecord(len(records) + 1, number)
            records.append(current)
            current.fields.append(("TY", value, number))
        else:
            current.fields.append((tag, value, number))
    flush_stray()
    if current is not None:
        problems.append(
            Problem(
                "the file ends without ER; the last record was read as far as it goes",
                current.position,
                f"line {current.line}",
                Severity.WARNING,
            )
        )
    return records, problems


def _ris_type(raw: _RawRecord, draft: RecordDraft) -> str:
    value, where = raw.first("TY")
    code = clean_line(value).upper()
    code = LONG_TYPES.get(code, code)
    if code not in TYPES:
        draft.warn(f"type «{clean_line(value)}» is not known; read as a book", where)
        return "BOOK"
    return code


def _map_record(raw: _RawRecord, problems: list[Problem]) -> ReadItem:
    draft = RecordDraft(raw.position)
    draft.problems.extend(problems)
    record = draft.record
    code = _ris_type(raw, draft)
    material = TYPES[code]
    host_title, host_where = raw.first("JF", "JO", "T2", "JA", "J1", "J2", "BT")
    if code == "CONF" and raw.first("SP")[0] and raw.first("T2", "BT", "C3")[0]:
        code, material = "CPAPER", M.ARTICLE  # a paper in the proceedings, by Zotero's habit
    if code in ("CHAP", "ECHAP"):
        host_title, host_where = raw.first("T2", "BT", "JF", "JO")
    elif code == "CPAPER":
        host_title, host_where = raw.first("C3", "T2", "BT", "JF", "JO")
    record.material_type = material
    hosted = code in _HOSTED

    titles = raw.values("TI", "T1", "CT") or (raw.values("BT") if not hosted else [])
    titles = titles or raw.values("ST")
    if titles:
        draft.set_title(*titles[0])
    for value, where in raw.values("TT"):
        draft.add_parallel_title(value, where)

    book = code in ("BOOK", "EDBOOK")
    for tag, role in (("AU", ContributorRole.AUTHOR), ("A1", ContributorRole.AUTHOR)):
        for value, where in raw.values(tag):
            draft.add_person(parse_inverted_name(draft.text(value, where), role))
    editors = ["ED", "A3" if book else "A2"]
    for value, where in raw.values(*editors):
        draft.add_person(parse_inverted_name(draft.text(value, where), ContributorRole.EDITOR))
    for value, where in raw.values("A4"):
        draft.add_person(parse_inverted_name(draft.text(value, where), ContributorRole.TRANSLATOR))
    if raw.values("A2" if book else "A3"):
        draft.dropped.append(("A2" if book else "A3") + " (series editor)")

    draft.set_year(*_year(raw))
    for value, where in raw.values("PB"):
        draft.add_list(record.publishers, value, where)
    for value, where in raw.values("CY", "PP") + (raw.values("C1") if code == "CPAPER" else []):
        draft.add_list(record.places, value, where)
    record.edition = clean_line(raw.first("ET")[0])

    pages = normalize_pages(raw.first("SP")[0])
    end = normalize_pages(raw.first("EP")[0])
    if pages and end and "-" not in pages:
        pages = f"{pages}-{end}"
    if hosted:
        volume = clean_line(raw.first("VL", "VO")[0])
        issue = clean_line(raw.first("IS", "CP")[0])
        if host_title:
            record.host = HostItem(draft.text(host_title, host_where), record.year, volume, issue)
            record.host.pages = pages
        elif volume or issue or pages:
            draft.warn("volume, issue or pages without the journal or book they belong to")
    else:
        record.extent.pages = pages
        # T2 is a book's or report's series, but a conference's name and a web page's site
        series_tags = ("T3",) if code in ("CONF", "ELEC", "WEB", "BLOG") else ("T3", "T2")
        for value, where in raw.values(*series_tags):
            match = _SERIES_NUMBER.match(clean_line(value))
            title, number = match.groups() if match else (value, "")
            draft.add_series(title, number, where)
            break
        if code == "CONF":
            for value, where in raw.values("T2"):
                draft.add_person(
                    parse_inverted_name(draft.text(value, where), ContributorRole.MEETING)
                )
    for value, where in raw.values("SN"):
        draft.add_identifiers(value, None, where)  # ISBN or ISSN, told apart by length
    for value, where in raw.values("DO") or [
        (v, w) for v, w in raw.values("M3") if v.strip().lower().startswith(("10.", "doi"))
    ]:
        draft.add_identifiers(value, IdentifierType.DOI, where)
    access, access_where = raw.first("Y2")
    for value, where in raw.values("UR", "L2"):
        for url in re.split(r"\s*[\n;]\s*|\s+(?=https?://)", value):
            draft.add_link(url, where)
    if access:
        draft.set_access_date(access, access_where)
    for value, where in raw.values("AB", "N2"):
        draft.set_summary(value, where)
    for value, where in raw.values("KW"):
        for keyword in re.split(r"\s*[;\n]\s*", value):
            draft.add_keywords(keyword, where, split=False)
    for value, where in raw.values("LA"):
        draft.add_languages(value, where)
    for value, where in raw.values("N1"):
        draft.add_note(value, where)
    for tag, _value, _line in raw.fields:
        if tag in _DROPPED:
            draft.dropped.append(_DROPPED[tag])
        elif tag not in _KNOWN:
            draft.dropped.append(tag)
    return draft.finish(f"line {raw.line}")


_RIS_DATE = re.compile(r"^\s*([0-9]{4})?\s*/[^/]*/[^/]*/(.+)$")


def _year(raw: _RawRecord) -> tuple[str, str]:
    """The year as catalogued: PY's year, or the free text after the third slash of DA
    ("1998///1998-2003", "///[б. г.]") where our writer keeps what PY cannot hold."""
    year, where = raw.first("PY", "Y1", "DA")
    if re.match(r"^\s*[0-9]{4}\s*/", year):
        year = year.split("/")[0].strip()
    date, date_where = raw.first("DA")
    other = _RIS_DATE.match(date)
    if other and (other.group(1) or "") == (year if other.group(1) else ""):
        text = other.group(2).strip()
        if re.search(r"[0-9]{4}", text) or years.states_no_date(text):
            return text, date_where
    return year, where


def _date_lines(year: str) -> list[tuple[str, str]]:
    """PY holds four digits only; a year like "[2005?]", "1998-2003" or «[б. г.]» also goes
    whole into the free part of DA, so that it comes back as it was catalogued."""
    digits = re.search(r"[0-9]{4}", year)
    if digits is not None and digits.group() == year.strip():
        return [("PY", year.strip())]
    if digits is not None:
        return [("PY", digits.group()), ("DA", f"{digits.group()}///{year.strip()}")]
    return [("DA", f"///{year.strip()}")] if year.strip() else []


class RisReader(Reader):
    format_id: ClassVar[str] = "ris"
    label: ClassVar[str] = "RIS"
    extensions: ClassVar[tuple[str, ...]] = (".ris",)

    @classmethod
    def sniff(cls, head: bytes) -> int:
        text = sniff_text(head)
        if text is None:
            return 0
        lines = [line for line in text.splitlines()[:50] if line.strip()][:10]
        return 90 if any(re.match(r"^\ufeff?TY {1,2}- ", line) for line in lines) else 0

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
        raws, problems = _split_records(text)
        if not raws:
            raise FormatError("no RIS record found (no line starting with «TY  - »)")
        result = ReadResult(self.format_id, encoding)
        result.problems = [p for p in problems if p.position is None]
        by_record: dict[int, list[Problem]] = {}
        for problem in problems:
            if problem.position is not None:
                by_record.setdefault(problem.position, []).append(problem)
        total = len(raws)
        for i, raw in enumerate(raws):
            if i % PROGRESS_EVERY == 0:
                check_cancel(is_cancelled)
                progress(i, total)
            result.items.append(_map_record(raw, by_record.get(raw.position, [])))
        progress(total, total)
        return result


# ---------------------------------------------------------------------------------------------
# writing


def _ris_lines(record: Record) -> list[tuple[str, str]]:
    code = WRITE_TYPES[record.material_type]
    hosted = record.material_type == M.ARTICLE and record.host is not None
    if hosted:
        code = {"journal": "JOUR", "book": "CHAP", "conference": "CPAPER"}[host_kind(record)]
    lines: list[tuple[str, str]] = [("TY", code), ("TI", joined_title(record))]
    lines += [("TT", p.title) for p in record.parallel_titles[:1]]
    publishers = list(record.publishers)
    for c in record.contributors:
        if c.role in (ContributorRole.AUTHOR, ContributorRole.CORPORATE_AUTHOR):
            lines.append(("AU", inverted_name(c)))
        elif c.role in (ContributorRole.EDITOR, ContributorRole.COMPILER):
            lines.append(("ED", inverted_name(c)))
        elif c.role == ContributorRole.TRANSLATOR:
            lines.append(("A4", inverted_name(c)))
        elif c.role == ContributorRole.ISSUING_BODY:
            if record.publishers:
                lines.append(("AU", c.name))
            else:
                publishers.append(c.name)
    lines += _date_lines(record.year)
    if hosted and record.host is not None:
        host = record.host
        lines.append(("T2", host.title))
        # JF for older tools that read only it; C3 is where Zotero looks for proceedings
        lines += [({"JOUR": "JF", "CPAPER": "C3"}.get(code, ""), host.title)]
        lines += [("VL", host.volume), ("IS", host.issue)]
        first, _, last = host.pages.partition("-")
        lines += [("SP", first.strip()), ("EP", last.strip())]
    else:
        lines.append(("SP", record.extent.pages))
    if record.material_type == M.PROCEEDINGS:
        lines += [("T2", c.name) for c in responsible(record, ContributorRole.MEETING)[:1]]
    for series in record.series[:1]:
        lines.append(("T3", f"{series.title} ; {series.number}" if series.number else series.title))
    lines += [("ET", record.edition)]
    lines += [("CY", place) for place in record.places]
    lines += [("PB", name) for name in publishers]
    lines += [("SN", value) for value in record.identifiers_of(IdentifierType.ISBN)]
    lines += [("SN", value) for value in record.identifiers_of(IdentifierType.ISSN)]
    lines += [("DO", value) for value in record.identifiers_of(IdentifierType.DOI)]
    lines += [("UR", link.url) for link in record.links]
    access = next((link.access_date for link in record.links if link.access_date), None)
    if access is not None:
        lines.append(("Y2", access.strftime("%Y/%m/%d")))
    lines += [("LA", language_name(code)) for code in record.languages]
    lines += [("AB", record.summary)]
    keywords = dict.fromkeys(record.keywords + record.subjects + record.geographic_names)
    lines += [("KW", keyword) for keyword in keywords]
    lines += [("N1", note) for note in record.notes]
    return [(tag, value) for tag, value in lines if tag and value and value.strip()]


def _tag_lines(tag: str, value: str) -> list[str]:
    """A field as RIS lines: paragraphs of abstracts and notes go on continuation lines,
    which RIS readers append to the field; one that would look like a tag is indented."""
    paragraphs = [" ".join(p.split()) for p in value.splitlines() if p.strip()]
    if tag not in ("AB", "N1"):
        paragraphs = [" ".join(paragraphs)]
    lines = [f"{tag}  - {paragraphs[0]}"]
    lines += [f" {p}" if _TAG_LINE.match(p) or _NUMBER_LINE.match(p) else p for p in paragraphs[1:]]
    return lines


class RisWriter(Writer):
    format_id: ClassVar[str] = "ris"
    label: ClassVar[str] = "RIS"
    extension: ClassVar[str] = ".ris"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        encoding = options.encoding or "utf-8"
        for record in records:
            lines = [line for tag, value in _ris_lines(record) for line in _tag_lines(tag, value)]
            text = "\r\n".join([*lines, "ER  - ", "", ""])
            try:
                target.write(text.encode(encoding))
            except UnicodeEncodeError as error:
                raise InputError(
                    f"«{record.title[:60]}»: the character «{error.object[error.start]}» cannot "
                    f"be written in {encoding}; export in UTF-8 instead"
                ) from None
