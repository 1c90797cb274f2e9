"""APA 7 references, written natively: the bibliography needs the same record in GOST and in
APA side by side, and a CSL engine would be one more dependency for four layouts.

The shape follows the reference examples of the APA Style site: "Author, A. A., & Author, B. B.
(Year). Title. Source. https://doi.org/…", with the title of a stand-alone work — and the
journal name and volume of an article — in italics.  Titles are printed as catalogued: APA's
sentence case cannot be restored from a catalogue's capitalisation without a dictionary of
proper names.
"""

from __future__ import annotations

from html import escape

from library_app.core.model import (
    Contributor,
    ContributorRole,
    IdentifierType,
    MaterialType,
    Record,
)

from .common import by_role, clean, direct, inverted, is_electronic, page_range

Role = ContributorRole

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class _Builder:
    """Text with italic runs: plain text for the clipboard, escaped markup for the PDF."""

    def __init__(self) -> None:
        self._parts: list[tuple[str, bool]] = []

    def add(self, text: str, italic: bool = False) -> None:
        if text:
            self._parts.append((text, italic))

    def text(self) -> str:
        return "".join(text for text, _ in self._parts)

    def markup(self) -> str:
        out: list[str] = []
        for text, italic in self._parts:
            piece = escape(text, quote=False)
            out.append(f"<i>{piece}</i>" if italic else piece)
        return "".join(out).replace("</i><i>", "")

    def ends_with(self, characters: tuple[str, ...]) -> bool:
        return bool(self._parts) and self._parts[-1][0].endswith(characters)


def format_apa(record: Record) -> tuple[str, str]:
    """(plain text, markup) of the APA 7 reference of ``record``."""
    out = _Builder()
    authors = by_role(record, Role.AUTHOR, Role.CORPORATE_AUTHOR)
    editors_as_authors = not authors and record.host is None
    if editors_as_authors:
        authors = by_role(record, Role.EDITOR)
    author_text = _author_list(authors)
    if author_text and editors_as_authors:
        author_text += " (Ed.)" if len(authors) == 1 else " (Eds.)"
    date = _date(record)
    if author_text:
        out.add(_end(author_text) + " ")
        out.add(f"({date}). ")
        _title(out, record)
    else:
        _title(out, record)
        out.add(f"({date}). ")
    if record.host is not None:
        if _is_journal_article(record):
            _journal(out, record)
        else:
            _chapter(out, record)
    else:
        _publisher(out, record, authors)
    _link(out, record)
    return out.text().rstrip(), out.markup().rstrip()


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _author_list(people: list[Contributor]) -> str:
    """ "A, B, & C"; up to 20 names, then the first 19, an ellipsis and the last."""
    names = [inverted(p) for p in people]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _editor_list(people: list[Contributor]) -> str:
    """Editors of a book, initials first: "A & B", "A, B, & C"."""
    names = [direct(p) for p in people]
    if len(names) <= 2:
        return " & ".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _date(record: Record) -> str:
    year = record.year.strip().strip("[]")
    return year or "n.d."


def _full_title(record: Record) -> str:
    title = clean(record.title)
    remainder = clean(record.title_remainder)
    if remainder:
        title += ": " + remainder[0].upper() + remainder[1:]
    return title


def _title(out: _Builder, record: Record) -> None:
    title = _full_title(record)
    standalone = record.host is None
    out.add(title, italic=standalone)
    notes = []
    edition = clean(record.edition)
    if edition and standalone:
        notes.append(edition)
    if record.material_type == MaterialType.REPORT:
        for series in record.series:
            if series.title.strip() and series.number.strip():
                notes.append(f"{clean(series.title)} No. {series.number.strip()}")
    if notes:
        out.add(f" ({', '.join(notes)})")
    if record.material_type == MaterialType.THESIS:
        institution = _institution(record)
        kind = _thesis_kind(record)
        out.add(f" [{kind}, {institution}]" if institution else f" [{kind}]")
    out.add(" " if out.ends_with(("?", "!")) else ". ")


def _is_journal_article(record: Record) -> bool:
    host = record.host
    assert host is not None
    if record.publishers:
        return False
    return record.material_type in (MaterialType.ARTICLE, MaterialType.SERIAL) or bool(
        host.volume.strip() or host.issue.strip()
    )


def _journal(out: _Builder, record: Record) -> None:
    """ "*Journal Name, 8*(3), 207–217." """
    host = record.host
    assert host is not None
    volume, issue, pages = host.volume.strip(), host.issue.strip(), host.pages.strip()
    out.add(clean(host.title) + (f", {volume}" if volume else ""), italic=True)
    if issue:
        out.add(f"({issue})" if volume else f", ({issue})")
    if pages:
        out.add(f", {page_range(pages)}")
    out.add(". ")


def _chapter(out: _Builder, record: Record) -> None:
    """ "In A. Editor & B. Editor (Eds.), *Book title* (pp. 345–359). Publisher." """
    host = record.host
    assert host is not None
    editors = by_role(record, Role.EDITOR)
    out.add("In ")
    if editors:
        out.add(_editor_list(editors) + (" (Ed.), " if len(editors) == 1 else " (Eds.), "))
    out.add(clean(host.title), italic=True)
    details = []
    if host.volume.strip():
        details.append(f"Vol. {host.volume.strip()}")
    pages = page_range(host.pages)
    if pages:
        details.append(("pp. " if "–" in pages else "p. ") + pages)
    if details:
        out.add(f" ({', '.join(details)})")
    out.add(". ")
    publishers = [clean(p) for p in record.publishers if p.strip()]
    if publishers:
        out.add(_end("; ".join(publishers)) + " ")


def _publisher(out: _Builder, record: Record, authors: list[Contributor]) -> None:
    """The publisher, left out when it is the author (APA 7, 9.29), and for a thesis, whose
    institution is already named in brackets."""
    if record.material_type == MaterialType.THESIS:
        return
    author_names = {a.name.strip().casefold() for a in authors}
    publishers = [
        clean(p) for p in record.publishers if p.strip() and clean(p).casefold() not in author_names
    ]
    if publishers:
        out.add(_end("; ".join(publishers)) + " ")


def _institution(record: Record) -> str:
    bodies = by_role(record, Role.ISSUING_BODY, Role.CORPORATE_AUTHOR)
    if record.publishers:
        return clean(record.publishers[0])
    return bodies[0].name.strip() if bodies else ""


def _thesis_kind(record: Record) -> str:
    words = f"{record.title_remainder} {' '.join(record.notes)}".casefold()
    if any(w in words for w in ("master", "магист")):
        return "Master's thesis"
    if any(w in words for w in ("doctor", "ph.d", "phd", "докт", "канд", "дис")):
        return "Doctoral dissertation"
    return "Thesis"


def _link(out: _Builder, record: Record) -> None:
    dois = record.identifiers_of(IdentifierType.DOI)
    if dois:
        doi = dois[0].strip()
        out.add(doi if doi.lower().startswith("http") else f"https://doi.org/{doi}")
        return
    if not is_electronic(record):
        return
    link = next((link for link in record.links if link.url.strip()), None)
    if link is None:
        return
    url = link.url.strip()
    if not record.year.strip() and link.access_date is not None:
        day = link.access_date
        out.add(f"Retrieved {_MONTHS[day.month - 1]} {day.day}, {day.year}, from {url}")
    else:
        out.add(url)
