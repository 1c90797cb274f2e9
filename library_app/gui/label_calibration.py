"""The labels' printer calibration in the print dialog: this workstation's offsets and the
calibration page that measures them.

Printers feed a sheet a little off, each its own way; the offsets move everything printed on a
label sheet to compensate.  They belong to the workstation, not to a print job, so they are not
among the remembered options: ``reports.labels.save_calibration`` keeps them in the data
directory per host name, and every label print (and the calibration page itself) applies them.
The calibration page shows each label's outline and centre: printed on plain paper and laid on
a label sheet against the light, it shows how far to move.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from library_app.core.errors import LibraryError
from library_app.gui.errors import report_error
from library_app.reports import labels
from library_app.reports.base import ReportResult

LIMIT_MM = 20.0  # what reports.labels accepts as a calibration


class CalibrationBox(QGroupBox):
    """Offsets for this workstation (saved as they change) and the calibration page switch."""

    changed = Signal()
    """The offsets changed (and were saved): the labels are laid out again."""

    calibration_toggled = Signal(bool)
    """The preview should show the calibration page (True) or the labels (False)."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelCalibration")
        self._data_dir = data_dir
        self._problem = ""
        try:
            saved = labels.load_calibration(data_dir)
        except LibraryError as error:  # a damaged file: zeros, and say so here
            saved, self._problem = labels.Calibration(), str(error)
        form = QFormLayout(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        form.addRow(self.explanation)
        self.x_label, self.x_spin = QLabel(self), self._spin("calibrationX", saved.offset_x_mm)
        self.y_label, self.y_spin = QLabel(self), self._spin("calibrationY", saved.offset_y_mm)
        for label, spin in ((self.x_label, self.x_spin), (self.y_label, self.y_spin)):
            label.setBuddy(spin)
            form.addRow(label, spin)
        self.page_button = QPushButton(self)
        self.page_button.setObjectName("calibrationPageButton")
        self.page_button.setCheckable(True)
        self.page_button.toggled.connect(lambda _on: self.retranslate_ui())
        self.page_button.toggled.connect(self.calibration_toggled)
        form.addRow(self.page_button)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        form.addRow(self.problem_label)
        self.retranslate_ui()

    def _spin(self, name: str, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(-LIMIT_MM, LIMIT_MM)
        spin.setDecimals(1)
        spin.setSingleStep(0.1)
        spin.setKeyboardTracking(False)  # typed values count on Enter or leaving the field
        spin.setValue(value)
        spin.valueChanged.connect(lambda _value: self._offsets_changed())
        return spin

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Printer calibration (this computer)"))
        self.explanation.setText(
            self.tr(
                "Print the calibration page on plain paper, lay it on a label sheet against "
                "the light and measure how far the crosses are from the labels' centres."
            )
        )
        self.x_label.setText(self.tr("Shift &right:"))
        self.y_label.setText(self.tr("Shift &down:"))
        for spin in (self.x_spin, self.y_spin):
            spin.setSuffix(self.tr(" mm"))
        self.x_spin.setToolTip(self.tr("Negative values move the print left"))
        self.y_spin.setToolTip(self.tr("Negative values move the print up"))
        if self.page_button.isChecked():
            self.page_button.setText(self.tr("Back to the &labels"))
        else:
            self.page_button.setText(self.tr("Show the &calibration page"))
        self.problem_label.setText(self._problem)
        self.problem_label.setVisible(bool(self._problem))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the offsets --------------------------------------------------------------------------

    def calibration(self) -> labels.Calibration:
        return labels.Calibration(self.x_spin.value(), self.y_spin.value())

    def apply(self, options: Any) -> Any:
        """``options`` with this workstation's offsets."""
        return self.calibration().apply(options)

    def _offsets_changed(self) -> None:
        calibration = self.calibration()
        try:
            labels.save_calibration(
                self._data_dir, calibration.offset_x_mm, calibration.offset_y_mm
            )
        except LibraryError as error:
            report_error(self, error, self.tr("The calibration was not saved."))
        else:
            self._problem = ""
            self.problem_label.hide()
        self.changed.emit()

    # --- the calibration page -----------------------------------------------------------------

    def set_calibration_shown(self, on: bool) -> None:
        self.page_button.setChecked(on)

    def calibration_builder(self) -> Any:
        """A builder (``reports.base.Builder``) that draws the calibration page."""

        def build(
            catalog: Any,
            record_ids: Any,
            options: Any,
            target: BinaryIO,
            *,
            progress: Any = None,
            is_cancelled: Any = None,
        ) -> ReportResult:
            return labels.build_calibration_page(options, target)

        return build
