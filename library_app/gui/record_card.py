"""A record as people read it: the "card" (HTML) and the "fields" list of the detail pane.

Pure functions from a :class:`Record` to text, so the detail pane stays small and the rendering
is tested without a window.  Every value is HTML-escaped; only web and mail links become
clickable (a catalogued ``file:`` or ``javascript:`` address is shown, never followed).
Labels are translated here (context "RecordCard"); names of codes come from ``labels``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from library_app.core.model import (
    Attachment,
    ClassificationScheme,
    ContributorRole,
    Copy,
    CopyStatus,
    HostItem,
    OnlineLink,
    Record,
)
from library_app.gui.labels import (
    acquisition_source_name,
    copy_status_name,
    identifier_type_name,
    language_name,
    material_type_name,
    role_name,
)
from library_app.search.page_hits import PageHit

LINK_SCHEMES = ("http://", "https://", "ftp://", "mailto:")


translate = QCoreApplication.translate
"""Called with literal texts and the literal context "RecordCard", so lupdate finds them."""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# --- small formatters -----------------------------------------------------------------------


def scheme_name(scheme: str) -> str:
    names = {
        ClassificationScheme.UDC: translate("RecordCard", "UDC"),
        ClassificationScheme.BBK: translate("RecordCard", "BBK"),
        ClassificationScheme.LOCAL: translate("RecordCard", "Local class"),
    }
    return names.get(scheme, scheme)  # type: ignore[call-overload]


def date_time_text(value: dt.datetime | None) -> str:
    """A stored time (UTC; SQLite gives it without a zone) in the user's zone and format."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def date_text(value: dt.date | None) -> str:
    if value is None:
        return ""
    return value.isoformat()


def publication_text(record: Record) -> str:
    """Place : Publisher, Year — as on a catalogue card."""
    text = " ; ".join(record.places)
    if record.publishers:
        text += (" : " if text else "") + " ; ".join(record.publishers)
    if record.year:
        text += (", " if text else "") + record.year
    return text


def extent_text(record: Record) -> str:
    parts = [record.extent.pages]
    if record.extent.illustrations:
        parts.append(record.extent.illustrations)
    text = " : ".join(p for p in parts if p)
    if record.extent.dimensions:
        text += (" ; " if text else "") + record.extent.dimensions
    return text


def host_text(host: HostItem) -> str:
    """ "Journal. — 2005. — Vol. 3, no. 2. — P. 45–58": where an article was published."""
    parts = [host.title]
    if host.year:
        parts.append(host.year)
    issue = []
    if host.volume:
        issue.append(translate("RecordCard", "Vol. {volume}").format(volume=host.volume))
    if host.issue:
        issue.append(translate("RecordCard", "no. {issue}").format(issue=host.issue))
    if issue:
        parts.append(", ".join(issue))
    if host.pages:
        parts.append(translate("RecordCard", "P. {pages}").format(pages=host.pages))
    return ". — ".join(p for p in parts if p)


def contributor_text(record: Record) -> list[tuple[str, str]]:
    """(role name, "Name; Name") for each role present, in the order roles first appear."""
    by_role: dict[ContributorRole, list[str]] = {}
    for contributor in record.contributors:
        name = contributor.display_name()
        if contributor.name_other_script:
            name += f" ({contributor.name_other_script})"
        by_role.setdefault(contributor.role, []).append(name)
    return [(role_name(role), "; ".join(names)) for role, names in by_role.items()]


def link_html(link: OnlineLink) -> str:
    url = link.url.strip()
    clickable = url.lower().startswith(LINK_SCHEMES)
    text = f'<a href="{_e(url)}">{_e(url)}</a>' if clickable else _e(url)
    extras = []
    if link.note:
        extras.append(_e(link.note))
    if link.access_date:
        extras.append(
            _e(translate("RecordCard", "accessed {date}").format(date=date_text(link.access_date)))
        )
    if extras:
        text += " (" + "; ".join(extras) + ")"
    return text


def available_count(copies: Iterable[Copy]) -> tuple[int, int]:
    """(available, all) copies."""
    copies = list(copies)
    return sum(1 for c in copies if c.status == CopyStatus.AVAILABLE), len(copies)


# --- the card -------------------------------------------------------------------------------


def _row(label: str, value_html: str) -> str:
    return (
        f'<tr><td class="label" valign="top">{_e(label)}</td>'
        f'<td valign="top">{value_html}</td></tr>'
    )


def card_html(record: Record) -> str:
    """The readable description: a heading block, then label/value rows of what is filled in."""
    kind = material_type_name(record.material_type)
    languages = ", ".join(language_name(code) for code in record.languages)
    top = kind + (f" · {languages}" if languages else "")
    title = _e(record.title)
    if record.title_remainder:
        title += " : " + _e(record.title_remainder)
    heading = [
        f'<p class="kind">{_e(top)}</p>',
        f'<h2 class="title">{title}</h2>',
    ]
    for parallel in record.parallel_titles:
        heading.append(f'<p class="parallel">= {_e(parallel.title)}</p>')
    if record.responsibility:
        heading.append(f'<p class="responsibility">/ {_e(record.responsibility)}</p>')
    if record.deleted_at is not None:
        heading.append(
            '<p class="deleted"><b>'
            + _e(translate("RecordCard", "This record is in the trash (deleted {when}).")).format(
                when=_e(date_time_text(record.deleted_at))
            )
            + "</b></p>"
        )

    rows: list[str] = []
    for role, names in contributor_text(record):
        rows.append(_row(role, _e(names)))
    if record.edition:
        rows.append(_row(translate("RecordCard", "Edition"), _e(record.edition)))
    if publication := publication_text(record):
        rows.append(_row(translate("RecordCard", "Publication"), _e(publication)))
    if extent := extent_text(record):
        rows.append(_row(translate("RecordCard", "Extent"), _e(extent)))
    if record.scale:
        rows.append(_row(translate("RecordCard", "Scale"), _e(record.scale)))
    if record.series:
        series = "<br>".join(
            _e(s.title + (f" ; {s.number}" if s.number else "")) for s in record.series
        )
        rows.append(_row(translate("RecordCard", "Series"), series))
    if record.host is not None:
        rows.append(_row(translate("RecordCard", "In"), _e(host_text(record.host))))
    for identifier in record.identifiers:
        value = identifier.value + (f" ({identifier.qualifier})" if identifier.qualifier else "")
        rows.append(_row(identifier_type_name(identifier.type), _e(value)))
    for scheme in dict.fromkeys(c.scheme for c in record.classifications):
        values = "; ".join(record.classification_of(scheme))
        rows.append(_row(scheme_name(scheme), _e(values)))
    for label, values in (
        (translate("RecordCard", "Subjects"), record.subjects),
        (translate("RecordCard", "Places"), record.geographic_names),
        (translate("RecordCard", "Keywords"), record.keywords),
        (translate("RecordCard", "Funders"), record.funders),
    ):
        if values:
            rows.append(_row(label, _e("; ".join(values))))
    if record.project:
        rows.append(_row(translate("RecordCard", "Project"), _e(record.project)))
    if record.links:
        rows.append(
            _row(
                translate("RecordCard", "Online"),
                "<br>".join(link_html(link) for link in record.links),
            )
        )
    if record.control_number:
        number = record.control_number
        if record.control_source:
            number += f" ({record.control_source})"
        rows.append(_row(translate("RecordCard", "Control number"), _e(number)))

    body = "".join(heading)
    if rows:
        body += '<table cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>"
    if record.summary:
        heading_text = translate("RecordCard", "Summary")
        body += f'<h4>{_e(heading_text)}</h4><p class="summary">{_e(record.summary)}</p>'
    if record.notes:
        heading_text = translate("RecordCard", "Notes")
        body += f"<h4>{_e(heading_text)}</h4>"
        body += "".join(f'<p class="note">{_e(note)}</p>' for note in record.notes)
    style = (
        "<style>"
        "p.kind { color: palette(mid); margin: 0; }"
        "h2.title { margin-top: 2px; margin-bottom: 2px; }"
        "p.parallel, p.responsibility { margin: 0; }"
        "td.label { color: palette(dark); padding-right: 12px; white-space: nowrap; }"
        "p.deleted { color: #a33; }"
        "</style>"
    )
    return f"<html><head>{style}</head><body>{body}</body></html>"


# --- the fields view ------------------------------------------------------------------------


def field_rows(record: Record) -> list[tuple[str, str]]:
    """(field, value) of every filled-in field, bookkeeping included; repeated fields give one
    row per value, in the order they are stored."""
    rows: list[tuple[str, str]] = []

    def add(label: str, value: object) -> None:
        text = str(value) if value is not None else ""
        if text:
            rows.append((label, text))

    add(translate("RecordCard", "Record id"), record.id)
    add(translate("RecordCard", "Material type"), material_type_name(record.material_type))
    add(translate("RecordCard", "Title"), record.title)
    add(translate("RecordCard", "Other title information"), record.title_remainder)
    for parallel in record.parallel_titles:
        language = f" [{language_name(parallel.language)}]" if parallel.language else ""
        add(translate("RecordCard", "Parallel title"), parallel.title + language)
    add(translate("RecordCard", "Statement of responsibility"), record.responsibility)
    for contributor in record.contributors:
        text = f"{contributor.display_name()} ({role_name(contributor.role)})"
        if contributor.name_other_script:
            text += f" = {contributor.name_other_script}"
        add(translate("RecordCard", "Contributor"), text)
    add(translate("RecordCard", "Edition"), record.edition)
    for place in record.places:
        add(translate("RecordCard", "Place of publication"), place)
    for publisher in record.publishers:
        add(translate("RecordCard", "Publisher"), publisher)
    add(translate("RecordCard", "Year"), record.year)
    add(translate("RecordCard", "Pages"), record.extent.pages)
    add(translate("RecordCard", "Illustrations"), record.extent.illustrations)
    add(translate("RecordCard", "Dimensions"), record.extent.dimensions)
    add(translate("RecordCard", "Scale"), record.scale)
    for series in record.series:
        add(
            translate("RecordCard", "Series"),
            series.title + (f" ; {series.number}" if series.number else ""),
        )
    if record.host is not None:
        add(translate("RecordCard", "Host item"), host_text(record.host))
    for code in record.languages:
        add(translate("RecordCard", "Language"), f"{language_name(code)} ({code})")
    for identifier in record.identifiers:
        value = identifier.value + (f" ({identifier.qualifier})" if identifier.qualifier else "")
        add(identifier_type_name(identifier.type), value)
    for classification in record.classifications:
        add(scheme_name(classification.scheme), classification.value)
    for subject in record.subjects:
        add(translate("RecordCard", "Subject"), subject)
    for place in record.geographic_names:
        add(translate("RecordCard", "Geographic name"), place)
    for keyword in record.keywords:
        add(translate("RecordCard", "Keyword"), keyword)
    add(translate("RecordCard", "Summary"), record.summary)
    for note in record.notes:
        add(translate("RecordCard", "Note"), note)
    for link in record.links:
        text = link.url
        if link.note:
            text += f" ({link.note})"
        if link.access_date:
            text += " " + translate("RecordCard", "accessed {date}").format(
                date=date_text(link.access_date)
            )
        add(translate("RecordCard", "Link"), text)
    add(translate("RecordCard", "Project"), record.project)
    for funder in record.funders:
        add(translate("RecordCard", "Funder"), funder)
    add(translate("RecordCard", "Control number"), record.control_number)
    add(translate("RecordCard", "Control number source"), record.control_source)
    if record.copies:
        available, total = available_count(record.copies)
        add(
            translate("RecordCard", "Copies"),
            translate("RecordCard", "{available} of {total} available").format(
                available=available, total=total
            ),
        )
    if record.attachments:
        add(
            translate("RecordCard", "Attachments"),
            ", ".join(a.filename for a in record.attachments),
        )
    add(translate("RecordCard", "Version"), record.version)
    add(translate("RecordCard", "Created"), date_time_text(record.created_at))
    add(translate("RecordCard", "Updated"), date_time_text(record.updated_at))
    add(translate("RecordCard", "Deleted"), date_time_text(record.deleted_at))
    return rows


def copy_row(copy: Copy) -> list[str]:
    """Cells of the copies table: inventory number, barcode, location, shelf mark, status."""
    return [
        copy.inventory_number,
        copy.barcode,
        copy.location,
        copy.shelf_mark,
        copy_status_name(copy.status),
    ]


def copy_tooltip(copy: Copy) -> str:
    """What the table leaves out (acquisition, note), for the row's tooltip."""
    lines = []
    if copy.acquired_on:
        lines.append(
            translate("RecordCard", "Acquired: {date}").format(date=date_text(copy.acquired_on))
        )
    if copy.source:
        lines.append(
            translate("RecordCard", "Source: {source}").format(
                source=acquisition_source_name(copy.source)
            )
        )
    if copy.note:
        lines.append(copy.note)
    return "\n".join(lines)


def size_text(size: int) -> str:
    """A file size in the locale's way ("1.2 MB")."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def hits_html(attachments: list[Attachment], hits: dict[str, list[PageHit] | None]) -> str:
    """The pages of each attachment that match the search, each with its passage; a page
    number links to ``open:<attachment's position>``.  ``hits`` maps SHA-256 to the pages, or
    None when the file's text has not been read (yet) or cannot be."""
    parts: list[str] = []
    unread: list[str] = []
    for number, attachment in enumerate(attachments):
        pages = hits.get(attachment.sha256)
        if pages is None:
            unread.append(attachment.filename)
            continue
        if not pages:
            continue
        parts.append(f"<h4>{_e(attachment.filename)}</h4>")
        for hit in pages:
            label = translate("RecordCard", "p. {page}").format(page=QLocale().toString(hit.page))
            parts.append(
                f'<p><a href="open:{number}"><b>{_e(label)}</b></a>&nbsp;&nbsp;{hit.html}</p>'
            )
    if not parts and len(unread) < len(attachments):
        text = translate("RecordCard", "The words searched for are not in the attached files.")
        parts.append(f"<p>{_e(text)}</p>")
    if unread:
        text = translate(
            "RecordCard",
            "The text of {files} has not been read yet or cannot be read, so it was not searched.",
        ).format(files=", ".join(unread))
        parts.append(f"<p><i>{_e(text)}</i></p>")
    return "".join(parts)
