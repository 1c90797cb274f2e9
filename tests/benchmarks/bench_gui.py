"""Benchmark: the window on a big catalog — cold start, UI-thread stalls, memory.

Run by hand (pytest does not collect it)::

    .venv/bin/python tests/benchmarks/bench_gui.py --data-dir DIR [--records 100000]

``DIR`` is a data directory holding a catalog; when it has none, ``--records`` demo records are
generated into it and indexed first (at 100k that takes minutes; the directory is kept, so the
next run starts at once).  Runs offscreen (``QT_QPA_PLATFORM=offscreen``) unless a display is
set.  Prints one JSON object; what is measured, and why:

* ``cold_start_usable_s`` — from launching a fresh Python process to the window showing the first
  result list (the whole catalog): imports, opening the catalog, building the window, the first
  search and the first rows read.  Facet counts arrive after the list, in the background.
  Median of ``--starts`` runs (target ≤ 1.5 s).
  ``cold_start_shown_s`` is when the window was first shown; ``baseline_empty_window_s`` is a
  process that only imports PySide6 and shows an empty QMainWindow: the floor no Python/Qt
  program on this machine can beat.
* ``scroll_longest_stall_ms`` — the longest time the UI thread was busy for one scroll step
  (a page down, painted), paging through *every* row of the full list from top to bottom
  (target ≤ 50 ms).  ``scroll_rows_read`` shows rows are read block by block, not all at once.
* ``typing_longest_stall_ms`` — while a query is typed at 8 keystrokes a second with searches
  running in the background after each pause, the longest gap between two ticks of a 2 ms
  timer on the UI thread: how long the window could not react (target ≤ 50 ms).
  ``typing_results_after_last_key_ms`` is how long after the last key the final list showed.
* ``rss_mb`` — resident memory of the window process after all of the above, and its peak
  (``rss_peak_mb``), with the full list of ids held (target ≤ 400 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {"cold_start_s": 1.5, "stall_ms": 50.0, "rss_mb": 400.0}
QUERY = "экология водных ресурсов Балхаш"
KEY_INTERVAL_MS = 125

CHILD = r"""
import sys, time, json
started = float(sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from library_app.config import resolve_location
from library_app.db.catalog import open_catalog
from library_app.gui.app import create_application
from library_app.gui.main_window import MainWindow
app = create_application()
settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
catalog = open_catalog(resolve_location(sys.argv[2]))
window = MainWindow(catalog, settings=settings)
marks = {}
def usable(found):
    if "usable" in marks:
        return
    model = window.search_view.model
    model.data(model.index(0, 0))  # the first row read, as painting does
    marks["usable"] = time.time() - started
    marks["rows"] = len(found.ids)
    QTimer.singleShot(0, app.quit)
window.search_view.listed.connect(usable)
window.show()
marks["shown"] = time.time() - started
app.exec()
window.close()
catalog.close()
print(json.dumps(marks))
"""

BASELINE = r"""
import sys, time, json
started = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(json.dumps({"shown": time.time() - started}))
"""


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def prepare(data_dir: Path, records: int) -> None:
    from library_app.config import resolve_location
    from library_app.db.catalog import open_catalog
    from library_app.db.records import RecordRepository
    from library_app.search.index import SearchIndex
    from library_app.services.catalog import load_demo

    with open_catalog(resolve_location(data_dir)) as catalog:
        if RecordRepository(catalog).count() == 0:
            note(f"generating {records} demo records in {data_dir} …")
            load_demo(catalog, records)
        index = SearchIndex(catalog)
        if index.problem() is not None:
            note("building the search index …")
            index.ensure_ready(processes=2)
        index.catch_up()
        index.close()


def run_child(code: str, *args: str) -> dict:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, repr(started), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_starts(data_dir: Path, runs: int, scratch: Path) -> dict:
    usable, shown, rows = [], [], 0
    for run in range(runs):
        marks = run_child(CHILD, str(data_dir), str(scratch / f"settings-{run}.ini"))
        usable.append(marks["usable"])
        shown.append(marks["shown"])
        rows = marks["rows"]
    baseline = [run_child(BASELINE)["shown"] for _ in range(runs)]
    return {
        "cold_start_usable_s": round(statistics.median(usable), 3),
        "cold_start_usable_max_s": round(max(usable), 3),
        "cold_start_shown_s": round(statistics.median(shown), 3),
        "baseline_empty_window_s": round(statistics.median(baseline), 3),
        "first_list_rows": rows,
    }


def rss_mb() -> tuple[float, float]:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def in_window(data_dir: Path, scratch: Path) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from library_app.config import resolve_location
    from library_app.db.catalog import open_catalog
    from library_app.gui.app import create_application
    from library_app.gui.main_window import MainWindow
    from tests.gui.keyboard import type_text

    app = create_application()  # kept: the application must outlive the window
    settings = QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat)
    catalog = open_catalog(resolve_location(data_dir))
    window = MainWindow(catalog, settings=settings)
    window.resize(1280, 800)
    view = window.search_view

    def wait_for(signal, timeout_ms: int = 120_000) -> list:
        loop = QEventLoop()
        got: list = []
        signal.connect(lambda *args: (got.extend(args), loop.quit()))
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        return got

    window.show()
    found = wait_for(view.searched)[0]
    result: dict = {"rows": len(found.ids)}

    # Scrolling: every row, a page at a time, each step painted.
    table = view.table
    bar = table.verticalScrollBar()
    step = max(1, bar.pageStep())
    fetches_before = view.model.fetches
    longest = 0.0
    steps = 0
    clock = QElapsedTimer()
    for value in range(0, bar.maximum() + step, step):
        clock.start()
        bar.setValue(value)
        table.viewport().grab()
        QApplication.processEvents()
        longest = max(longest, clock.nsecsElapsed() / 1e6)
        steps += 1
    result["scroll_steps"] = steps
    result["scroll_longest_stall_ms"] = round(longest, 1)
    result["scroll_block_reads"] = view.model.fetches - fetches_before
    result["scroll_rows_read"] = (view.model.fetches - fetches_before) * 100

    # Typing with searches in the background; a 2 ms timer measures the UI thread's gaps.
    gaps: list[float] = []
    ticker = QElapsedTimer()
    ticker.start()

    def tick() -> None:
        gaps.append(ticker.nsecsElapsed() / 1e6)
        ticker.restart()

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    view.search_box.clear()
    view.search_box.setFocus()
    answered: list[float] = []
    last_key = QElapsedTimer()
    view.listed.connect(lambda _found: answered.append(last_key.nsecsElapsed() / 1e6))

    class Bot:  # the two calls type_text makes, without pytest-qt
        @staticmethod
        def keyClick(widget, char):
            from PySide6.QtTest import QTest

            QTest.keyClick(widget, char)

    timer.start()
    for char in QUERY:
        type_text(Bot, view.search_box, char)
        last_key.start()
        answered.clear()
        loop = QEventLoop()
        QTimer.singleShot(KEY_INTERVAL_MS, loop.quit)
        loop.exec()
    if not answered:
        wait_for(view.listed)
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)  # stalls right after the last answer count too
    loop.exec()
    timer.stop()
    result["typing_longest_stall_ms"] = round(max(gaps) - 2, 1) if gaps else None
    result["typing_results_after_last_key_ms"] = round(answered[-1], 1) if answered else None
    result["typing_final_rows"] = view.model.rowCount()
    rss, peak = rss_mb()
    result["rss_mb"] = round(rss, 1)
    result["rss_peak_mb"] = round(peak, 1)
    window.close()
    catalog.close()
    del app
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--starts", type=int, default=5, help="cold starts to take the median of")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import tempfile

    prepare(args.data_dir, args.records)
    with tempfile.TemporaryDirectory(prefix="library-app-bench-gui-") as scratch:
        note("cold starts …")
        result = cold_starts(args.data_dir, args.starts, Path(scratch))
        note("scrolling and typing …")
        result.update(in_window(args.data_dir, Path(scratch)))
    result["targets"] = TARGETS
    result["met"] = {
        "cold_start": result["cold_start_usable_s"] <= TARGETS["cold_start_s"],
        "scroll_stall": result["scroll_longest_stall_ms"] <= TARGETS["stall_ms"],
        "typing_stall": (result["typing_longest_stall_ms"] or 0) <= TARGETS["stall_ms"],
        "memory": result["rss_peak_mb"] <= TARGETS["rss_mb"],
    }
    result["machine"] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2), flush=True)


if __name__ == "__main__":
    main()
