"""Names people read for the record fields a spreadsheet column maps to (import and export).

The interchange layer names its fields in English ("Statement of responsibility"), which is what
goes into a CSV header row; in the window they appear in the interface language.  As in
labels.py the calls are written out, because lupdate finds only literal ``translate`` calls,
and they run when asked, so a language switch takes effect.  A field added to the
interchange layer later shows its English label until it is translated here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _labels() -> dict[str, str]:
    return {
        "title": QCoreApplication.translate("FieldLabels", "Title"),
        "title_remainder": QCoreApplication.translate("FieldLabels", "Remainder of title"),
        "authors": QCoreApplication.translate("FieldLabels", "Authors"),
        "editors": QCoreApplication.translate("FieldLabels", "Editors"),
        "corporate_authors": QCoreApplication.translate("FieldLabels", "Corporate authors"),
        "responsibility": QCoreApplication.translate("FieldLabels", "Statement of responsibility"),
        "year": QCoreApplication.translate("FieldLabels", "Year"),
        "edition": QCoreApplication.translate("FieldLabels", "Edition"),
        "places": QCoreApplication.translate("FieldLabels", "Places of publication"),
        "publishers": QCoreApplication.translate("FieldLabels", "Publishers"),
        "pages": QCoreApplication.translate("FieldLabels", "Pages"),
        "series": QCoreApplication.translate("FieldLabels", "Series"),
        "isbn": QCoreApplication.translate("FieldLabels", "ISBN"),
        "issn": QCoreApplication.translate("FieldLabels", "ISSN"),
        "doi": QCoreApplication.translate("FieldLabels", "DOI"),
        "udc": QCoreApplication.translate("FieldLabels", "UDC"),
        "bbk": QCoreApplication.translate("FieldLabels", "BBK"),
        "subjects": QCoreApplication.translate("FieldLabels", "Subjects"),
        "geographic_names": QCoreApplication.translate("FieldLabels", "Geographic names"),
        "keywords": QCoreApplication.translate("FieldLabels", "Keywords"),
        "languages": QCoreApplication.translate("FieldLabels", "Languages"),
        "material_type": QCoreApplication.translate("FieldLabels", "Material type"),
        "notes": QCoreApplication.translate("FieldLabels", "Notes"),
        "summary": QCoreApplication.translate("FieldLabels", "Summary"),
        "url": QCoreApplication.translate("FieldLabels", "URL"),
        "host_title": QCoreApplication.translate("FieldLabels", "Source (journal or collection)"),
        "host_volume": QCoreApplication.translate("FieldLabels", "Source volume"),
        "host_issue": QCoreApplication.translate("FieldLabels", "Source issue"),
        "host_pages": QCoreApplication.translate("FieldLabels", "Pages in source"),
        "project": QCoreApplication.translate("FieldLabels", "Project"),
        "funders": QCoreApplication.translate("FieldLabels", "Funders"),
        "control_number": QCoreApplication.translate("FieldLabels", "Control number"),
        "inventory_number": QCoreApplication.translate("FieldLabels", "Inventory numbers"),
        "barcode": QCoreApplication.translate("FieldLabels", "Barcodes"),
        "location": QCoreApplication.translate("FieldLabels", "Location"),
        "shelf_mark": QCoreApplication.translate("FieldLabels", "Shelf mark"),
        "copy_status": QCoreApplication.translate("FieldLabels", "Copy status"),
        "ignore": QCoreApplication.translate("FieldLabels", "(do not import)"),
    }


def field_label(field_id: str, english: str = "") -> str:
    """The field's name in the interface language; ``english`` (or the id) when unknown."""
    return _labels().get(field_id, english or field_id)


def table_fields() -> list[tuple[str, str]]:
    """(id, name) of every field a column can map to, in the interchange layer's order."""
    from library_app.interchange.tabular_fields import FIELDS

    labels = _labels()
    return [(f.id, labels.get(f.id, f.label)) for f in FIELDS]
