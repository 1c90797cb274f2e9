"""BibTeX blocks turned into entries of plain text fields, with @string concatenations and
biblatex ``xdata``/``crossref`` inheritance resolved.

bibtexparser parses the blocks, resolves lone @string macros and strips the braces; it leaves
"#" concatenations, and inheritance between entries, to its users.  Blocks it could not parse
come back as items with their line; blocks it flagged but kept (a repeated field or key) are
kept too, with a warning, since the description in them is usually fine.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from library_app.interchange.base import Problem, ReadItem, Severity

IN_BOOK = {
    "inbook",
    "bookinbook",
    "suppbook",
    "incollection",
    "suppcollection",
    "inreference",
    "inproceedings",
    "conference",
}
_MULTIVOLUME = {"mvbook", "mvcollection", "mvproceedings", "mvreference"}
_NOT_INHERITED = {
    "ids",
    "crossref",
    "xref",
    "xdata",
    "entryset",
    "entrysubtype",
    "execute",
    "label",
    "options",
    "presort",
    "related",
    "relatedoptions",
    "relatedstring",
    "relatedtype",
    "shorthand",
    "shorthandintro",
    "sortkey",
}
NAME_FIELDS = ("author", "editor", "translator", "editora", "editorb", "editorc")

_MONTHS = dict(
    zip(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        strict=True,
    )
)


@dataclass
class Value:
    text: str
    line: int  # 1-based
    source: str = ""  # the xdata/crossref entry it was inherited from


Fields = dict[str, Value]
NO_VALUE = Value("", 0)

_SILENT_HANDLER = logging.NullHandler()


def bib() -> tuple[Any, Any, Any, Any]:
    """bibtexparser, imported when a BibTeX file is first read (it is slow to import)."""
    import bibtexparser
    import bibtexparser.middlewares as middlewares
    import bibtexparser.model as model
    from bibtexparser.middlewares import names

    # its parse errors reach the user as problems; without a handler Python would also
    # print them on stderr
    logging.getLogger("bibtexparser").addHandler(_SILENT_HANDLER)
    return bibtexparser, middlewares, model, names


# ---------------------------------------------------------------------------------------------
# blocks → entries with plain string fields


@dataclass
class BibEntry:
    position: int  # 0 for @xdata containers, which are not records
    type: str
    key: str
    line: int
    fields: Fields
    problems: list[Problem]


def where_in(entry: BibEntry, field: str = "") -> str:
    text = f"entry «{entry.key}», line {entry.line}"
    if field and field in entry.fields:
        value = entry.fields[field]
        inherited = f" (of «{value.source}»)" if value.source else ""
        text = f"entry «{entry.key}», line {value.line}{inherited}, {field}"
    elif field:
        text += f", {field}"
    return text


def _concatenation(value: str, strings: dict[str, str]) -> tuple[str, list[str]]:
    """The value of an unbraced expression (``inst # " наук"``, ``jan``) and the macros in it
    nobody defined — bibtexparser resolves a lone macro but not a concatenation."""
    pieces = []
    undefined = []
    for part in _split_hash(value):
        part = part.strip()
        if len(part) >= 2 and part[0] + part[-1] in ('""', "{}"):
            pieces.append(part[1:-1])
        elif part.isdigit():
            pieces.append(part)
        elif part.lower() in strings:
            pieces.append(strings[part.lower()])
        elif part.lower() in _MONTHS:
            pieces.append(_MONTHS[part.lower()])
        elif part:
            undefined.append(part)
    return "".join(pieces), undefined


def string_macros(library: Any) -> dict[str, str]:
    """@string macros by lower-cased name, each defined in terms of the earlier ones
    (``@string{full = inst # " наук"}``)."""
    macros: dict[str, str] = {}
    for string in library.strings:
        value = "" if string.value is None else str(string.value)
        if string.enclosing == "no-enclosing" and not value.isdigit():
            value, _ = _concatenation(value, macros)
        macros[string.key.lower()] = value
    return macros


def _split_hash(value: str) -> list[str]:
    parts, depth, quoted, start = [], 0, False, 0
    for i, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return parts


def read_entries(library: Any, strings: dict[str, str]) -> tuple[list[BibEntry], list[ReadItem]]:
    """Entries in file order (records numbered from 1), and items for unparsable blocks."""
    _, middlewares, model, _ = bib()
    entries: list[BibEntry] = []
    failed: list[ReadItem] = []
    position = 0
    for block in library.blocks:
        problems: list[Problem] = []
        line = (block.start_line or 0) + 1
        if isinstance(block, model.ParsingFailedBlock):
            recovered = block.ignore_error_block
            if not isinstance(recovered, model.Entry):
                position += 1
                message = getattr(block.error, "abort_reason", "") or str(block.error)
                message = " ".join(message.split()) or "the entry cannot be read"
                key = _raw_key(block.raw or "")
                where = f"entry «{key}», line {line}" if key else f"line {line}"
                failed.append(
                    ReadItem(
                        position,
                        None,
                        [Problem(f"BibTeX syntax error: {message}", position, where)],
                    )
                )
                continue
            if isinstance(block, model.DuplicateFieldKeyBlock):
                # it skipped the parse stack; field names are lower-cased below, where a
                # repeated field is merged rather than overwritten
                recovered = middlewares.RemoveEnclosingMiddleware().transform_entry(
                    recovered, library
                )
            block_problem = str(block.error).split(". Note:")[0]
            problems.append(Problem(block_problem, None, "", Severity.WARNING))
            block = recovered
        if not isinstance(block, model.Entry):
            continue
        kind = block.entry_type.lower()
        if kind != "xdata":
            position += 1
        entry = BibEntry(position if kind != "xdata" else 0, kind, block.key, line, {}, [])
        for problem in problems:
            entry.problems.append(
                Problem(problem.message, entry.position, where_in(entry), Severity.WARNING)
            )
        for field in block.fields:
            key = field.key.lower()
            value = "" if field.value is None else str(field.value)
            if field.enclosing == "no-enclosing" and not value.isdigit():
                value, undefined = _concatenation(value, strings)
                if undefined and key != "month":
                    entry.problems.append(
                        Problem(
                            f"undefined @string macro {', '.join(undefined)}; left out",
                            entry.position,
                            f"entry «{entry.key}», line {(field.start_line or 0) + 1}, {key}",
                            Severity.WARNING,
                        )
                    )
            field_line = (field.start_line or 0) + 1
            if key in entry.fields:  # a repeated field: names add up, anything else keeps first
                if key in NAME_FIELDS and value.strip():
                    entry.fields[key].text += f" and {value}"
                continue
            entry.fields[key] = Value(value, field_line)
        entries.append(entry)
    return entries, failed


def _raw_key(raw: str) -> str:
    match = re.match(r"\s*@\s*\w+\s*[{(]\s*([^,\s{}()]+)\s*,", raw)
    return match.group(1) if match else ""


# ---------------------------------------------------------------------------------------------
# xdata and crossref


def inherit(
    entry: BibEntry, by_key: dict[str, BibEntry], seen: frozenset[str] = frozenset()
) -> None:
    """Copy into ``entry`` what it inherits from its xdata and crossref parents, the parents
    first being completed themselves; a loop or a missing parent is a warning."""
    if entry.key in seen:
        return
    seen = seen | {entry.key}
    xdata = entry.fields.get("xdata")
    if xdata is not None:
        for key in (k.strip() for k in xdata.text.split(",") if k.strip()):
            parent = _parent(entry, key, "xdata", by_key, seen)
            if parent is not None:
                for name, value in parent.fields.items():
                    if name not in _NOT_INHERITED and name not in entry.fields:
                        entry.fields[name] = Value(value.text, value.line, value.source or key)
    crossref = entry.fields.get("crossref")
    if crossref is not None and crossref.text.strip():
        parent = _parent(entry, crossref.text.strip(), "crossref", by_key, seen)
        if parent is not None:
            renames = _renames(parent.type, entry.type)
            for name, value in parent.fields.items():
                target = renames.get(name, name)
                if name in _NOT_INHERITED or target in entry.fields:
                    continue
                if name in ("shorttitle", "sorttitle", "indextitle") and renames:
                    continue
                entry.fields[target] = Value(value.text, value.line, value.source or parent.key)


def _parent(
    entry: BibEntry, key: str, how: str, by_key: dict[str, BibEntry], seen: frozenset[str]
) -> BibEntry | None:
    parent = by_key.get(key) or by_key.get(key.lower())
    if parent is None:
        entry.problems.append(
            Problem(
                f"{how} «{key}»: no entry with that key; nothing inherited",
                entry.position,
                where_in(entry, how),
                Severity.WARNING,
            )
        )
        return None
    if parent.key in seen:
        entry.problems.append(
            Problem(
                f"{how} «{key}» leads back to this entry; the loop was not followed",
                entry.position,
                where_in(entry, how),
                Severity.WARNING,
            )
        )
        return None
    inherit(parent, by_key, seen)
    return parent


def _renames(parent_type: str, child_type: str) -> dict[str, str]:
    """biblatex's default inheritance: a book's title is its chapter's ``booktitle``, a
    multi-volume work's title each volume's ``maintitle``, a periodical's an article's
    ``journaltitle``."""
    if parent_type in _MULTIVOLUME:
        return {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon"}
    if child_type in IN_BOOK:
        return {
            "title": "booktitle",
            "subtitle": "booksubtitle",
            "titleaddon": "booktitleaddon",
            "author": "bookauthor",
        }
    if parent_type == "periodical" and child_type in ("article", "suppperiodical"):
        return {"title": "journaltitle", "subtitle": "journalsubtitle"}
    return {}
