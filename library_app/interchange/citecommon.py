"""What the RIS, BibTeX and CSL-JSON readers and writers share: decoding the text, and the
rules that turn one reference manager's values into a valid ``Record``.

The three formats name the same things differently, but the repairs are the same: an ISBN with
a bad check digit, a language written as "russian", a year written "2014//", a URL without a
scheme.  ``RecordDraft`` applies those repairs in one place, reports each as a warning naming
the record and the field, and hands over only records that ``validate_record`` accepts.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field

from library_app.core import identifiers, years
from library_app.core.model import (
    Contributor,
    ContributorRole,
    Identifier,
    IdentifierType,
    OnlineLink,
    ParallelTitle,
    Record,
    Series,
)
from library_app.core.validation import Severity as CheckSeverity
from library_app.core.validation import validate_record
from library_app.interchange.base import FormatError, Problem, ReadItem, Severity
from library_app.interchange.citenames import language_code, split_languages

PROGRESS_EVERY = 50  # records between progress reports and cancel checks

# ---------------------------------------------------------------------------------------------
# text


def decode_text(data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text of a file and the encoding used: ``encoding`` when given, else UTF-8 (with or
    without a BOM, or UTF-16 with a BOM), else Windows-1251 — the one legacy encoding Russian
    and Central Asian reference files still arrive in."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise FormatError(f"unknown character encoding «{encoding}»") from None
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError as error:
            raise FormatError(
                f"the file is not in {encoding}: byte {error.start} cannot be decoded"
            ) from None
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name).removeprefix("\ufeff"), name
            except UnicodeDecodeError as error:
                raise FormatError(
                    f"the file starts with a {name} byte order mark but byte {error.start} "
                    "is not valid in that encoding"
                ) from None
    if b"\x00" in data:
        raise FormatError("the file holds binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251"), "cp1251"
    except UnicodeDecodeError as error:
        raise FormatError(
            f"the file is neither UTF-8 nor Windows-1251 text (byte {error.start}); "
            "choose its encoding explicitly"
        ) from None


def sniff_text(head: bytes) -> str | None:
    """The head of a file as text for sniffing, None when it is binary."""
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(name, errors="ignore")
    head = head.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in head:
        return None
    return head.decode("utf-8", errors="replace")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


def clean_line(text: str) -> str:
    """One-line text: runs of any white space (tabs, no-break and thin spaces, line breaks)
    become one space, and the control characters damaged files carry are dropped."""
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def clean_block(text: str) -> str:
    """Text that may have paragraphs (abstracts, notes): line breaks are kept."""
    lines = (clean_line(line) for line in _CONTROL.sub("", text).replace("\r", "").split("\n"))
    return "\n".join(line for line in lines if line)


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def normalize_pages(text: str) -> str:
    """ "45–58" and "45--58" as "45-58": page ranges are compared and printed with a hyphen."""
    return re.sub(r"\s*(?:--?|–|—)\s*", "-", clean_line(text))


_TITLE_SPLIT = re.compile(r"\s+:\s+|(?<=[^\s:0-9]):\s+")


def split_title(text: str) -> tuple[str, str]:
    """Title proper and other title information from "Title: subtitle" or "Title : subtitle",
    the way RIS and CSL-JSON carry a subtitle (they have no field of its own for it)."""
    parts = _TITLE_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    return text.strip(), ""


def joined_title(record: Record) -> str:
    if record.title_remainder:
        return f"{record.title}: {record.title_remainder}"
    return record.title


_ISO_DATE = re.compile(r"^\s*([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_DMY_DATE = re.compile(r"^\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


def parse_date(text: str) -> dt.date | None:
    """An access date as reference managers write it: 2020-05-01, 2020/05/01/, 01.05.2020."""
    if m := _ISO_DATE.match(text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DMY_DATE.match(text):
        d, mo, y = (int(g) for g in m.groups())
    else:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


_CONFERENCE = re.compile(
    r"conference|congress|symposium|proceedings|workshop|конференц|конгресс|симпозиум|"
    r"материалы|труды .*(?:совещ|семинар)|семинар|совещани",
    re.IGNORECASE,
)


def host_kind(record: Record) -> str:
    """Whether an article's host is a journal, a book or conference proceedings — our model
    has one ``host``, the formats have separate types (JOUR/CHAP/CPAPER, @article/
    @incollection/@inproceedings, article-journal/chapter/paper-conference)."""
    host = record.host
    if host is None:
        return "journal"
    if _CONFERENCE.search(host.title):
        return "conference"
    if host.volume or host.issue or record.identifiers_of(IdentifierType.ISSN):
        return "journal"
    if record.publishers or record.places or record.identifiers_of(IdentifierType.ISBN):
        return "book"
    return "journal"


# ---------------------------------------------------------------------------------------------
# building records


_QUALIFIER = re.compile(r"\(([^)]*)\)")
_ID_SEPARATORS = re.compile(r"[;,]|\s{2,}|\s+(?=IS[BS]N)", re.IGNORECASE)
_ID_LENGTHS = (8, 10, 13)


def _compact_length(number: str) -> int:
    return len(re.sub(r"[^0-9Xx]", "", re.sub(r"(?i)^\s*IS[BS]N(-1[03])?", "", number)))


@dataclass
class RecordDraft:
    """A record being read, with the problems found in it so far."""

    position: int
    record: Record = field(default_factory=lambda: Record(title=""))
    problems: list[Problem] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # fields of the input we do not keep

    def warn(self, message: str, where: str = "") -> None:
        self.problems.append(Problem(message, self.position, where, Severity.WARNING))

    def error(self, message: str, where: str = "") -> None:
        self.problems.append(Problem(message, self.position, where, Severity.ERROR))

    def text(self, value: str, where: str, *, block: bool = False) -> str:
        """Cleaned text, warning when control characters had to be removed."""
        if has_control(value):
            self.warn("control characters were removed", where)
        return clean_block(value) if block else clean_line(value)

    def set_title(self, value: str, where: str, *, split: bool = True) -> None:
        title = self.text(value, where)
        if not title:
            return
        if split and not self.record.title_remainder:
            title, remainder = split_title(title)
            self.record.title_remainder = remainder
        self.record.title = title

    def add_person(self, contributor: Contributor | None) -> None:
        if contributor is None or not clean_line(contributor.name):
            return
        contributor.name = clean_line(contributor.name)
        contributor.forenames = clean_line(contributor.forenames)
        if contributor.role.is_corporate:
            contributor.forenames = ""
        if contributor not in self.record.contributors:
            self.record.contributors.append(contributor)

    def set_year(self, value: str, where: str) -> None:
        text = self.text(value, where)
        if not text or self.record.year:
            return
        span = years.parse_year(text)
        if span is None and not years.states_no_date(text):
            self.warn(f"«{text}» contains no year; left out", where)
        elif span is not None and not years.plausible(span):
            self.warn(f"«{text}»: year outside {years.EARLIEST_YEAR}–next year; left out", where)
        else:
            self.record.year = text

    def add_languages(self, value: str, where: str) -> None:
        for part in split_languages(self.text(value, where)):
            code = language_code(part)
            if code is None:
                self.warn(f"language «{part}» is not recognised; left out", where)
            elif code not in self.record.languages:
                self.record.languages.append(code)

    def add_identifiers(self, value: str, kind: IdentifierType | None, where: str) -> None:
        """ISBN, ISSN or DOI normalised; ``kind`` None means "ISBN or ISSN, by its length"
        (RIS SN holds either).  A malformed number is a warning and is left out, because
        the rest of the description is still worth importing."""
        text = self.text(value, where)
        pieces = [text] if kind == IdentifierType.DOI else _ID_SEPARATORS.split(text)
        if kind != IdentifierType.DOI:
            pieces = [
                token
                for piece in pieces
                for token in (
                    piece.split()
                    if " " in piece.strip() and _compact_length(piece) not in _ID_LENGTHS
                    else [piece]
                )
            ]
        for piece in pieces:
            if kind == IdentifierType.DOI:  # parentheses belong to many Elsevier DOIs
                self._add_identifier(piece, "", kind, where)
                continue
            qualifier = "; ".join(q.strip() for q in _QUALIFIER.findall(piece) if q.strip())
            number = _QUALIFIER.sub(" ", piece).strip()
            if re.search(r"[0-9][\s-]*[ХхXx]\s*$", number) and re.search("[Хх]", number):
                number = re.sub(r"[Хх](\s*)$", r"X\1", number)
                self.warn(
                    f"«{piece.strip()}»: the Cyrillic letter Х was read as the Latin X", where
                )
            if not number:
                continue
            self._add_identifier(number, qualifier, kind, where)

    def _add_identifier(
        self, number: str, qualifier: str, kind: IdentifierType | None, where: str
    ) -> None:
        if kind is None:
            length = _compact_length(number)
            kind = IdentifierType.ISSN if length == 8 else IdentifierType.ISBN
            if length not in _ID_LENGTHS:
                self.warn(f"«{number}» is neither an ISBN nor an ISSN; left out", where)
                return
        normalise = {
            IdentifierType.ISBN: identifiers.normalize_isbn,
            IdentifierType.ISSN: identifiers.normalize_issn,
            IdentifierType.DOI: identifiers.normalize_doi,
        }[kind]
        try:
            value = normalise(number)
        except identifiers.IdentifierProblem as problem:
            self.warn(f"{problem}; left out", where)
            return
        if value not in self.record.identifiers_of(kind):
            self.record.identifiers.append(Identifier(kind, value, qualifier[:100]))

    def add_link(self, value: str, where: str, access: str = "") -> None:
        url = self.text(value, where)
        if not url:
            return
        if re.match(r"^www\.", url, re.IGNORECASE):
            url = "https://" + url
        if not re.match(r"^(https?|ftp)://\S+$", url, re.IGNORECASE):
            self.warn(f"«{url[:80]}» is not a web address; left out", where)
            return
        if any(link.url == url for link in self.record.links):
            return
        link = OnlineLink(url)
        self.record.links.append(link)
        if access:
            self.set_access_date(access, where)

    def set_access_date(self, value: str, where: str) -> None:
        text = self.text(value, where)
        if not text:
            return
        date = parse_date(text)
        if date is None:
            self.warn(f"access date «{text}» is not a date; left out", where)
        elif not self.record.links:
            self.warn("access date without a web address; left out", where)
        elif self.record.links[0].access_date is None:
            self.record.links[0].access_date = date

    def add_keywords(self, value: str | list[str], where: str, *, split: bool = True) -> None:
        values = value if isinstance(value, list) else [value]
        for item in values:
            parts = re.split(r"[;,]", item) if split else [item]
            for part in parts:
                keyword = self.text(part, where)
                if keyword and keyword not in self.record.keywords:
                    self.record.keywords.append(keyword)

    def add_note(self, value: str, where: str) -> None:
        note = self.text(value, where, block=True)
        if note and note not in self.record.notes:
            self.record.notes.append(note)

    def set_summary(self, value: str, where: str) -> None:
        summary = self.text(value, where, block=True)
        if summary and not self.record.summary:
            self.record.summary = summary

    def add_list(self, target: list[str], value: str, where: str) -> None:
        item = self.text(value, where)
        if item and item not in target:
            target.append(item)

    def add_series(self, title: str, number: str, where: str) -> None:
        title = self.text(title, where)
        if title:
            self.record.series.append(Series(title, self.text(number, where)))
        elif clean_line(number):
            self.dropped.append(f"{where} (a series number without a series)")

    def add_parallel_title(self, value: str, where: str) -> None:
        title = self.text(value, where)
        if title and title != self.record.title:
            self.record.parallel_titles.append(ParallelTitle(title))

    def finish(self, where: str = "") -> ReadItem:
        """The read item: the record if it is valid, else the reasons it cannot be imported."""
        if self.dropped:
            names = ", ".join(dict.fromkeys(self.dropped))
            self.warn(f"not imported (no such field in the catalog): {names}", where)
        record = self.record
        if record.host is not None:
            record.host.title = clean_line(record.host.title)
            if not record.host.title:
                self.warn("host item without a title; volume, issue and pages left out", where)
                record.host = None
        if not record.title:
            if record.host is not None or record.contributors or record.identifiers:
                self.error("the entry has no title", where)
            else:
                self.error("the entry has no title and nothing else to describe it", where)
            return ReadItem(self.position, None, self.problems)
        errors = [p for p in validate_record(record) if p.severity == CheckSeverity.ERROR]
        if errors:
            for problem in errors:
                self.error(f"{problem.message} (catalog field {problem.field})", where)
            return ReadItem(self.position, None, self.problems)
        return ReadItem(self.position, record, self.problems)


def responsible(record: Record, *roles: ContributorRole) -> list[Contributor]:
    return [c for c in record.contributors if c.role in roles]
