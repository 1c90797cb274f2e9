"""Names people read for the codes the catalog stores: material types, roles, copy states,
languages and facet values.

The catalog keeps stable codes ("report", "on_loan", "kaz"); every view shows them through these
functions so a translation changes one place.  They are functions, not tables, because ``tr``
must run after the interface language is chosen (and again after it changes).  The calls are
written out in full because lupdate finds only literal ``translate("Labels", "…")`` calls.
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


def material_type_name(value: str) -> str:
    names = {
        MaterialType.BOOK: QCoreApplication.translate("Labels", "Book"),
        MaterialType.ARTICLE: QCoreApplication.translate("Labels", "Article"),
        MaterialType.REPORT: QCoreApplication.translate("Labels", "Report"),
        MaterialType.PROCEEDINGS: QCoreApplication.translate("Labels", "Proceedings"),
        MaterialType.THESIS: QCoreApplication.translate("Labels", "Thesis"),
        MaterialType.MAP: QCoreApplication.translate("Labels", "Map"),
        MaterialType.SERIAL: QCoreApplication.translate("Labels", "Serial issue"),
        MaterialType.ELECTRONIC: QCoreApplication.translate("Labels", "Electronic resource"),
        MaterialType.AUDIOVISUAL: QCoreApplication.translate("Labels", "Audiovisual"),
        MaterialType.STANDARD: QCoreApplication.translate("Labels", "Standard"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def role_name(value: str) -> str:
    names = {
        ContributorRole.AUTHOR: QCoreApplication.translate("Labels", "Author"),
        ContributorRole.EDITOR: QCoreApplication.translate("Labels", "Editor"),
        ContributorRole.COMPILER: QCoreApplication.translate("Labels", "Compiler"),
        ContributorRole.TRANSLATOR: QCoreApplication.translate("Labels", "Translator"),
        ContributorRole.CORPORATE_AUTHOR: QCoreApplication.translate("Labels", "Corporate author"),
        ContributorRole.ISSUING_BODY: QCoreApplication.translate("Labels", "Issuing body"),
        ContributorRole.MEETING: QCoreApplication.translate("Labels", "Meeting / conference"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def copy_status_name(value: str) -> str:
    names = {
        CopyStatus.AVAILABLE: QCoreApplication.translate("Labels", "Available"),
        CopyStatus.ON_LOAN: QCoreApplication.translate("Labels", "On loan"),
        CopyStatus.IN_REPAIR: QCoreApplication.translate("Labels", "In repair"),
        CopyStatus.LOST: QCoreApplication.translate("Labels", "Lost"),
        CopyStatus.WRITTEN_OFF: QCoreApplication.translate("Labels", "Written off"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def acquisition_source_name(value: str) -> str:
    names = {
        AcquisitionSource.PURCHASE: QCoreApplication.translate("Labels", "Purchase"),
        AcquisitionSource.GIFT: QCoreApplication.translate("Labels", "Gift"),
        AcquisitionSource.EXCHANGE: QCoreApplication.translate("Labels", "Exchange"),
        AcquisitionSource.DEPOSIT: QCoreApplication.translate("Labels", "Legal deposit"),
    }
    return names.get(value, value)  # type: ignore[call-overload]


def identifier_type_name(value: str) -> str:
    names = {
        IdentifierType.ISBN: "ISBN",
        IdentifierType.ISSN: "ISSN",
        IdentifierType.DOI: "DOI",
        IdentifierType.LOCAL: QCoreApplication.translate("Labels", "Local number"),
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
        "available": QCoreApplication.translate("Labels", "Available"),
        "on_loan": QCoreApplication.translate("Labels", "All copies on loan"),
        "unavailable": QCoreApplication.translate("Labels", "Not available"),
        "no_copies": QCoreApplication.translate("Labels", "No copies"),
        "online": QCoreApplication.translate("Labels", "Online / attached file"),
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
        "language": QCoreApplication.translate("Labels", "Language"),
        "type": QCoreApplication.translate("Labels", "Material type"),
        "decade": QCoreApplication.translate("Labels", "Years"),
        "subject": QCoreApplication.translate("Labels", "Subject"),
        "location": QCoreApplication.translate("Labels", "Location"),
        "availability": QCoreApplication.translate("Labels", "Availability"),
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
    return value or QCoreApplication.translate("Labels", "(none)")
