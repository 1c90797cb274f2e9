"""Names people read for the codes the catalog stores: material types, roles, copy states,
languages and facet values.

The catalog keeps stable codes ("report", "on_loan", "kaz"); every view shows them through these
functions so a translation changes one place.  They are functions, not tables, because ``tr``
must run after the interface language is chosen (and again after it changes).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from library_app.core.languages import LANGUAGES
from library_app.core.model import (
    AcquisitionSource,
    ContributorRole,
    CopyStatus,
    IdentifierType,
    MaterialType,
)

_CONTEXT = "Labels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def material_type_name(value: str) -> str:
    names = {
        MaterialType.BOOK: _tr("Book"),
        MaterialType.ARTICLE: _tr("Article"),
        MaterialType.REPORT: _tr("Report"),
        MaterialType.PROCEEDINGS: _tr("Proceedings"),
        MaterialType.THESIS: _tr("Thesis"),
        MaterialType.MAP: _tr("Map"),
        MaterialType.SERIAL: _tr("Serial issue"),
        MaterialType.ELECTRONIC: _tr("Electronic resource"),
        MaterialType.AUDIOVISUAL: _tr("Audiovisual"),
        MaterialType.STANDARD: _tr("Standard"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def role_name(value: str) -> str:
    names = {
        ContributorRole.AUTHOR: _tr("Author"),
        ContributorRole.EDITOR: _tr("Editor"),
        ContributorRole.COMPILER: _tr("Compiler"),
        ContributorRole.TRANSLATOR: _tr("Translator"),
        ContributorRole.CORPORATE_AUTHOR: _tr("Corporate author"),
        ContributorRole.ISSUING_BODY: _tr("Issuing body"),
        ContributorRole.MEETING: _tr("Meeting / conference"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def copy_status_name(value: str) -> str:
    names = {
        CopyStatus.AVAILABLE: _tr("Available"),
        CopyStatus.ON_LOAN: _tr("On loan"),
        CopyStatus.IN_REPAIR: _tr("In repair"),
        CopyStatus.LOST: _tr("Lost"),
        CopyStatus.WRITTEN_OFF: _tr("Written off"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def acquisition_source_name(value: str) -> str:
    names = {
        AcquisitionSource.PURCHASE: _tr("Purchase"),
        AcquisitionSource.GIFT: _tr("Gift"),
        AcquisitionSource.EXCHANGE: _tr("Exchange"),
        AcquisitionSource.DEPOSIT: _tr("Legal deposit"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def identifier_type_name(value: str) -> str:
    names = {
        IdentifierType.ISBN: "ISBN",
        IdentifierType.ISSN: "ISSN",
        IdentifierType.DOI: "DOI",
        IdentifierType.LOCAL: _tr("Local number"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def language_name(code: str, ui_language: str | None = None) -> str:
    """The language's name in the interface language (Russian or English), else the code."""
    entry = LANGUAGES.get(code)
    if entry is None:
        return code
    language = ui_language or QLocale().name()[:2]
    return entry[2] if language == "ru" else entry[1]


def availability_name(value: str) -> str:
    names = {
        "available": _tr("Available"),
        "on_loan": _tr("All copies on loan"),
        "unavailable": _tr("Not available"),
        "no_copies": _tr("No copies"),
        "online": _tr("Online / attached file"),
    }
    return names.get(value, value)


def decade_name(value: str) -> str:
    """ "1990s" → "1990–1999", which reads the same in every language."""
    if len(value) >= 4 and value[:4].isdigit():
        start = int(value[:4])
        return f"{start}–{start + 9}"
    return value


def facet_title(name: str) -> str:
    titles = {
        "language": _tr("Language"),
        "type": _tr("Material type"),
        "decade": _tr("Years"),
        "subject": _tr("Subject"),
        "location": _tr("Location"),
        "availability": _tr("Availability"),
    }
    return titles.get(name, name)


def facet_value_name(facet: str, value: str) -> str:
    """How a facet value (as the search engine reports it) is shown in the panel and chips."""
    if facet == "language":
        return language_name(value)
    if facet == "type":
        return material_type_name(value)
    if facet == "availability":
        return availability_name(value)
    if facet == "decade":
        return decade_name(value)
    return value or _tr("(none)")
