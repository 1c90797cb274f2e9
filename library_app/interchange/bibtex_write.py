"""Records written as UTF-8 BibTeX that JabRef, Zotero and LaTeX (BibTeX or biber) all read.

Plain BibTeX field and entry names are used wherever they exist (``address``, ``journal``,
``school``, @techreport, @phdthesis) because every tool knows them; biblatex names only where
plain BibTeX has nothing (``subtitle``, ``urldate``, ``langid``, ``pagetotal``, @online).
Text is written in Unicode with only LaTeX's special characters escaped, so «Иванов» stays
readable in the file and needs no {\\cyr…} macros.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO, ClassVar

from library_app.core.errors import InputError
from library_app.core.model import (
    Contributor,
    ContributorRole,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.interchange.base import WriteOptions, Writer
from library_app.interchange.citecommon import host_kind, responsible
from library_app.interchange.citenames import CiteKeys, babel_name, split_suffix

M = MaterialType
WRITE_TYPES: dict[MaterialType, str] = {
    M.BOOK: "book",
    M.ARTICLE: "article",
    M.REPORT: "techreport",
    M.PROCEEDINGS: "proceedings",
    M.THESIS: "phdthesis",
    M.MAP: "misc",
    M.SERIAL: "periodical",
    M.ELECTRONIC: "online",
    M.AUDIOVISUAL: "video",
    M.STANDARD: "standard",
}
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}%&#_$~^]")
_MASTERS = re.compile(r"master|магист", re.IGNORECASE)


def escape(text: str) -> str:
    """Plain text as a BibTeX value: LaTeX's special characters escaped, one line."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], " ".join(text.split()))


def escape_block(text: str) -> str:
    """Like ``escape`` but keeping paragraph breaks (abstracts, notes)."""
    return "\n\n".join(escape(p) for p in re.split(r"\n\s*\n|\n", text) if p.strip())


def verbatim(text: str) -> str:
    """URLs and DOIs are read verbatim by biblatex; only braces would break the entry."""
    return text.strip().replace("{", "%7B").replace("}", "%7D")


def _name(contributor: Contributor) -> str:
    if contributor.role.is_corporate:
        return "{" + escape(contributor.name) + "}"
    surname = escape(contributor.name)
    given, suffix = split_suffix(contributor.forenames)
    # "and" or a comma inside a part would split the name: braces keep it whole
    if re.search(r"\band\b|,", contributor.name):
        surname = "{" + surname + "}"
    given = escape(given)
    if re.search(r"\band\b", given):
        given = "{" + given + "}"
    if not given and not suffix:
        return surname
    if suffix:
        return f"{surname}, {escape(suffix)}, {given}"
    return f"{surname}, {given}"


def _list(values: list[str]) -> str:
    """A biblatex list: "and" between the items, braces around an item that has its own."""
    items = (escape(v) for v in values)
    return " and ".join("{" + v + "}" if re.search(r"\band\b", v) else v for v in items)


def _names(people: list[Contributor]) -> str:
    return " and ".join(_name(c) for c in people)


def _entry_type(record: Record) -> str:
    if record.material_type == M.ARTICLE and record.host is not None:
        return {"journal": "article", "book": "incollection", "conference": "inproceedings"}[
            host_kind(record)
        ]
    if record.material_type == M.THESIS and any(
        _MASTERS.search(text) for text in [record.title_remainder, *record.notes]
    ):
        return "mastersthesis"
    return WRITE_TYPES[record.material_type]


def bibtex_fields(record: Record) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and the (field, value-as-written) pairs of one record."""
    kind = _entry_type(record)
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str, *, raw: bool = False) -> None:
        if value and value.strip():
            fields.append((name, value if raw else escape(value)))

    authors = responsible(record, ContributorRole.AUTHOR, ContributorRole.CORPORATE_AUTHOR)
    editors = responsible(record, ContributorRole.EDITOR)
    compilers = responsible(record, ContributorRole.COMPILER)
    add("author", _names(authors), raw=True)
    if editors:
        add("editor", _names(editors), raw=True)
        if compilers:
            add("editora", _names(compilers), raw=True)
            add("editoratype", "compiler")
    elif compilers:
        add("editor", _names(compilers), raw=True)
        add("editortype", "compiler")
    add("translator", _names(responsible(record, ContributorRole.TRANSLATOR)), raw=True)
    add("title", record.title)
    add("subtitle", record.title_remainder)
    host = record.host
    if host is not None and kind == "article":
        add("journal", host.title)
    elif host is not None:
        add("booktitle", host.title)
    if record.material_type == M.MAP:
        add("type", "map")
    add("year", record.year)
    add("edition", record.edition)
    for series in record.series[:1]:
        add("series", series.title)
        add("number", series.number)
    if host is not None:
        add("volume", host.volume)
        if kind == "article":
            add("number", host.issue)
        add("pages", host.pages.replace("-", "--"))
    else:
        add("pagetotal", record.extent.pages)
    # several places are a biblatex list (location); one is plain BibTeX's address
    add("location" if len(record.places) > 1 else "address", _list(record.places), raw=True)
    add("publisher", _list(record.publishers), raw=True)
    bodies = [c.name for c in responsible(record, ContributorRole.ISSUING_BODY)]
    body_field = {"techreport": "institution", "phdthesis": "school", "mastersthesis": "school"}
    add(
        body_field.get(kind, "organization"),
        " and ".join("{" + escape(b) + "}" for b in bodies),
        raw=True,
    )
    for meeting in responsible(record, ContributorRole.MEETING)[:1]:
        add("eventtitle", meeting.name)
    add("isbn", ", ".join(record.identifiers_of(IdentifierType.ISBN)))
    add("issn", ", ".join(record.identifiers_of(IdentifierType.ISSN)))
    for doi in record.identifiers_of(IdentifierType.DOI)[:1]:
        add("doi", verbatim(doi), raw=True)
    for link in record.links[:1]:
        add("url", verbatim(link.url), raw=True)
        if link.access_date is not None:
            add("urldate", link.access_date.isoformat())
    if record.languages:
        add("language", " and ".join(babel_name(code) for code in record.languages))
        add("langid", babel_name(record.languages[0]))
    keywords = dict.fromkeys(record.keywords + record.subjects + record.geographic_names)
    add("keywords", ", ".join(k.replace(",", " ") for k in keywords))
    add("abstract", escape_block(record.summary), raw=True)
    if record.notes:
        add("note", escape_block(record.notes[0]), raw=True)
        add("addendum", escape_block("; ".join(record.notes[1:])), raw=True)
    return kind, fields


def entry_text(key: str, kind: str, fields: list[tuple[str, str]]) -> str:
    width = max((len(name) for name, _ in fields), default=0)
    lines = [f"@{kind}{{{key},"]
    lines += [f"  {name.ljust(width)} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines) + "\n\n"


class BibtexWriter(Writer):
    format_id: ClassVar[str] = "bibtex"
    label: ClassVar[str] = "BibTeX"
    extension: ClassVar[str] = ".bib"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        encoding = options.encoding or "utf-8"
        keys = CiteKeys()
        for record in records:
            kind, fields = bibtex_fields(record)
            text = entry_text(keys.key_for(record), kind, fields)
            try:
                target.write(text.encode(encoding))
            except UnicodeEncodeError as error:
                raise InputError(
                    f"«{record.title[:60]}»: the character «{error.object[error.start]}» cannot "
                    f"be written in {encoding}; export in UTF-8 instead"
                ) from None
