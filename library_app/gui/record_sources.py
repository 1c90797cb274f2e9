"""Which records a dialog acts on: the search results, the selection, the basket, or the whole
catalog — one group of radio buttons shared by the export and print dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

WHOLE_CATALOG = "catalog"


@dataclass(frozen=True)
class ExportSource:
    """A set of records a dialog offers: ``kind`` is "results", "selected", "basket" or
    WHOLE_CATALOG (whose ids are not listed: the product reads the catalog itself)."""

    kind: str
    record_ids: tuple[int, ...]


class SourceBox(QGroupBox):
    """One radio button per source, the first checked; ``changed`` when another is chosen."""

    changed = Signal()

    def __init__(
        self, sources: Sequence[ExportSource], parent: QWidget, *, catalog_count: int = 0
    ) -> None:
        super().__init__(parent)
        self._sources = list(sources)
        self._catalog_count = catalog_count
        self.box_layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for index, source in enumerate(self._sources):
            button = QRadioButton(self)
            button.setObjectName(f"source_{source.kind}")
            self.group.addButton(button, index)
            self.buttons[source.kind] = button
            self.box_layout.addWidget(button)
        if self.group.buttons():
            self.group.buttons()[0].setChecked(True)
        self.group.idToggled.connect(lambda _id, on: on and self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Records"))
        for source in self._sources:
            button = self.buttons[source.kind]
            count = len(source.record_ids)
            if source.kind == "results":
                button.setText(self.tr("All %Ln record(s) the search found", "", count))
            elif source.kind == "selected":
                button.setText(self.tr("The %Ln selected record(s)", "", count))
            elif source.kind == "basket":
                button.setText(self.tr("The %Ln record(s) in the basket", "", count))
            else:
                button.setText(
                    self.tr("The whole catalog (%Ln record(s))", "", self._catalog_count)
                )

    def source(self) -> ExportSource | None:
        index = self.group.checkedId()
        return self._sources[index] if 0 <= index < len(self._sources) else None

    def select_source(self, kind: str) -> None:
        button = self.buttons.get(kind)
        if button is not None and button.isEnabled():
            button.setChecked(True)
