"""The printed products, for the CLI's `print` command and the GUI's print dialogs.

Modules are imported when a product is used: ReportLab's graphics and barcode modules are not
free to import, and the window must start fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from library_app.core.errors import InputError


@dataclass(frozen=True)
class Product:
    id: str
    label: str  # English; the GUI translates by id
    builder: str  # "module:function" inside library_app.reports
    options: str  # "module:OptionsClass"

    def build_function(self) -> Any:
        return _load(self.builder)

    def options_class(self) -> type:
        return _load(self.options)


PRODUCTS: tuple[Product, ...] = (
    Product(
        "bibliography",
        "Bibliography",
        "bibliography:build_bibliography",
        "bibliography:BibliographyOptions",
    ),
    Product("cards", "Catalog cards", "cards:build_cards", "cards:CardOptions"),
    Product("labels", "Labels", "labels:build_labels", "labels:LabelOptions"),
    Product(
        "register", "Accession register", "register:build_register", "register:RegisterOptions"
    ),
    Product(
        "bulletin",
        "New acquisitions bulletin",
        "bulletin:build_bulletin",
        "bulletin:BulletinOptions",
    ),
    Product(
        "stats", "Statistics report", "statistics:build_statistics", "statistics:StatisticsOptions"
    ),
)
BY_ID = {p.id: p for p in PRODUCTS}


def _load(spec: str) -> Any:
    module_name, _, name = spec.partition(":")
    return getattr(importlib.import_module(f"library_app.reports.{module_name}"), name)


def product(product_id: str) -> Product:
    try:
        return BY_ID[product_id]
    except KeyError:
        known = ", ".join(BY_ID)
        raise InputError(f"unknown product «{product_id}»; use one of: {known}") from None
