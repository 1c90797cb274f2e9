"""The facet panel and filter chips: checking narrows, state survives new counts, × removes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeWidgetItem

from library_app.gui.facet_panel import FacetPanel, FilterChips

FACETS = {
    "language": [("kaz", 12), ("rus", 40), ("eng", 7)],
    "type": [("report", 9), ("book", 30)],
    "decade": [("2000s", 20), ("1990s", 11)],
    "subject": [(f"Subject {n}", 40 - n) for n in range(30)],
    "location": [],
    "availability": [("available", 25)],
}


@pytest.fixture
def panel(qtbot: Any) -> FacetPanel:
    widget = FacetPanel()
    qtbot.addWidget(widget)
    widget.resize(260, 300)
    widget.set_facets(FACETS)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def item(panel: FacetPanel, facet: str, value: str) -> QTreeWidgetItem:
    found = panel.value_item(facet, value)
    assert found is not None, (facet, value)
    return found


def click_checkbox(qtbot: Any, panel: FacetPanel, target: QTreeWidgetItem) -> None:
    tree = panel.tree
    tree.scrollToItem(target)
    rect = tree.visualItemRect(target)
    option = QStyleOptionViewItem()
    option.rect = rect
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    check = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=check.center())


def click_text(qtbot: Any, panel: FacetPanel, target: QTreeWidgetItem) -> None:
    tree = panel.tree
    tree.scrollToItem(target)
    rect = tree.visualItemRect(target)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 60, rect.center().y())
    )


def test_groups_show_display_names_and_counts(panel: FacetPanel) -> None:
    titles = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert titles == ["Language", "Material type", "Years", "Subject", "Availability"]
    assert item(panel, "language", "kaz").text(0) == "Kazakh"
    assert item(panel, "language", "kaz").text(1) == "12"
    assert item(panel, "type", "report").text(0) == "Report"
    assert item(panel, "decade", "1990s").text(0) == "1990–1999"
    assert item(panel, "availability", "available").text(0) == "Available"


def test_checking_values_emits_or_within_a_facet_and_and_across(
    panel: FacetPanel, qtbot: Any
) -> None:
    with qtbot.waitSignal(panel.filters_changed) as first:
        click_checkbox(qtbot, panel, item(panel, "language", "kaz"))
    assert first.args == [{"language": ["kaz"]}]
    with qtbot.waitSignal(panel.filters_changed) as second:
        click_text(qtbot, panel, item(panel, "language", "rus"))  # the name works too
    assert second.args == [{"language": ["kaz", "rus"]}]
    with qtbot.waitSignal(panel.filters_changed) as third:
        click_checkbox(qtbot, panel, item(panel, "type", "report"))
    assert third.args == [{"language": ["kaz", "rus"], "type": ["report"]}]
    with qtbot.waitSignal(panel.filters_changed) as fourth:
        click_checkbox(qtbot, panel, item(panel, "language", "kaz"))
    assert fourth.args == [{"language": ["rus"], "type": ["report"]}]
    assert panel.filters() == {"language": ["rus"], "type": ["report"]}


def test_keyboard_space_and_enter_check_the_current_value(panel: FacetPanel, qtbot: Any) -> None:
    panel.setFocus()
    panel.tree.setCurrentItem(item(panel, "type", "book"))
    with qtbot.waitSignal(panel.filters_changed) as checked:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    assert checked.args == [{"type": ["book"]}]
    with qtbot.waitSignal(panel.filters_changed) as unchecked:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert unchecked.args == [{}]


def test_new_counts_keep_checked_values_collapsed_groups_and_scroll(
    panel: FacetPanel, qtbot: Any
) -> None:
    click_checkbox(qtbot, panel, item(panel, "language", "eng"))
    panel.group_item("type").setExpanded(False)  # the reader folds a group away
    panel.tree.verticalScrollBar().setValue(5)
    panel.tree.setCurrentItem(item(panel, "subject", "Subject 3"))
    scroll = panel.tree.verticalScrollBar().value()

    with qtbot.assertNotEmitted(panel.filters_changed):
        panel.set_facets({**FACETS, "language": [("rus", 3)]})

    english = item(panel, "language", "eng")
    assert english.checkState(0) == Qt.CheckState.Checked
    assert english.text(1) == "0"
    assert not panel.group_item("type").isExpanded()
    assert panel.group_item("language").isExpanded()
    assert panel.tree.currentItem() is item(panel, "subject", "Subject 3")
    assert panel.tree.verticalScrollBar().value() == scroll
    assert panel.filters() == {"language": ["eng"]}


def test_set_and_clear_filters_are_silent_and_show_the_state(panel: FacetPanel, qtbot: Any) -> None:
    with qtbot.assertNotEmitted(panel.filters_changed):
        panel.set_filters({"location": ["Stack 2"], "type": [], "language": ["rus"]})
    assert panel.filters() == {"location": ["Stack 2"], "language": ["rus"]}
    assert item(panel, "location", "Stack 2").checkState(0) == Qt.CheckState.Checked
    assert item(panel, "language", "rus").checkState(0) == Qt.CheckState.Checked
    with qtbot.assertNotEmitted(panel.filters_changed):
        panel.remove_filter("location", "Stack 2")
    assert panel.value_item("location", "Stack 2") is None  # count 0 and unchecked: gone
    with qtbot.assertNotEmitted(panel.filters_changed):
        panel.clear_filters()
    assert panel.filters() == {}
    assert item(panel, "language", "rus").checkState(0) == Qt.CheckState.Unchecked


@pytest.fixture
def chips(qtbot: Any) -> FilterChips:
    widget = FilterChips()
    qtbot.addWidget(widget)
    widget.resize(300, 80)
    return widget


def test_chips_show_each_filter_and_the_cross_removes_it(chips: FilterChips, qtbot: Any) -> None:
    assert chips.chips == [] and chips.isHidden()  # nothing to show yet
    chips.set_filters({"language": ["kaz", "rus"], "type": ["report"]})
    chips.show()
    qtbot.waitExposed(chips)
    assert [c.text() for c in chips.chips] == [
        "Language: Kazakh ×",
        "Language: Russian ×",
        "Material type: Report ×",
    ]
    assert chips.clear_button.isVisible()
    with qtbot.waitSignal(chips.filter_removed) as removed:
        qtbot.mouseClick(chips.chips[1], Qt.MouseButton.LeftButton)
    assert removed.args == ["language", "rus"]
    with qtbot.waitSignal(chips.clear_requested):
        qtbot.mouseClick(chips.clear_button, Qt.MouseButton.LeftButton)
    chips.set_filters({})
    assert chips.chips == [] and not chips.isVisible()


def test_panel_and_chips_together_narrow_and_widen(
    panel: FacetPanel, chips: FilterChips, qtbot: Any
) -> None:
    searches: list[dict] = []

    def filters_changed(filters: dict) -> None:
        chips.set_filters(filters)
        searches.append(filters)

    def removed(facet: str, value: str) -> None:
        panel.remove_filter(facet, value)
        chips.set_filters(panel.filters())
        searches.append(panel.filters())

    panel.filters_changed.connect(filters_changed)
    chips.filter_removed.connect(removed)
    chips.show()
    click_checkbox(qtbot, panel, item(panel, "language", "kaz"))
    click_checkbox(qtbot, panel, item(panel, "decade", "1990s"))
    assert [c.text() for c in chips.chips] == ["Language: Kazakh ×", "Years: 1990–1999 ×"]

    qtbot.mouseClick(chips.chips[0], Qt.MouseButton.LeftButton)

    assert searches[-1] == {"decade": ["1990s"]}
    assert item(panel, "language", "kaz").checkState(0) == Qt.CheckState.Unchecked
    qtbot.waitUntil(lambda: [c.text() for c in chips.chips] == ["Years: 1990–1999 ×"])


def test_a_long_row_of_chips_wraps(chips: FilterChips, qtbot: Any) -> None:
    chips.set_filters({"subject": [f"A rather long subject heading {n}" for n in range(6)]})
    chips.resize(320, 200)
    chips.show()
    qtbot.waitExposed(chips)
    tops = {chip.geometry().top() for chip in chips.chips}
    assert len(tops) > 1
    assert all(chip.geometry().right() <= chips.width() for chip in chips.chips)
