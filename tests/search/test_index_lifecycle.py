"""The index follows the catalogue: edits, deletions, crashes, damage, full text of attachments.

These run on SQLite and on PostgreSQL (the ``catalog`` fixture), because the journal is read
differently there (numbers may become visible out of order).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from library_app.core.model import Copy, Record
from library_app.db.attachments import AttachmentStore
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.search import index as index_module
from library_app.search.index import IndexUnavailable, SearchIndex
from library_app.search.searching import CatalogSearcher

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def titles(searcher: CatalogSearcher, query: str) -> list[str]:
    return [hit.title for hit in searcher.search(query, limit=50).hits]


@pytest.fixture
def ready(catalog: Catalog):
    repository = RecordRepository(catalog)
    repository.add_many(
        [
            Record(title="Экология озера Балхаш", languages=["rus"], year="2004"),
            Record(title="Water of the Aral Sea", languages=["eng"], year="2010"),
        ]
    )
    index = SearchIndex(catalog)
    assert index.problem() == "there is no search index yet"
    index.ensure_ready()
    searcher = CatalogSearcher(index)
    yield repository, index, searcher
    searcher.close()
    index.close()


def test_saved_edited_and_deleted_records_follow_after_catch_up(ready):
    repository, index, searcher = ready
    added = repository.add(Record(title="Снежный барс Джунгарского Алатау", languages=["rus"]))
    assert index.catch_up() == 1
    assert titles(searcher, "барс") == ["Снежный барс Джунгарского Алатау"]

    added.title = "Снежный барс Заилийского Алатау"
    repository.update(added)
    index.catch_up()
    assert titles(searcher, "Заилийского") == ["Снежный барс Заилийского Алатау"]
    assert titles(searcher, "Джунгарского") == []

    repository.delete(added.id)
    index.catch_up()
    assert titles(searcher, "барс") == []
    repository.undelete(added.id)
    index.catch_up()
    assert titles(searcher, "барс") == ["Снежный барс Заилийского Алатау"]
    assert index.compare().ok


def test_a_new_copy_makes_its_inventory_number_searchable(ready):
    repository, index, searcher = ready
    record_id = repository.ids()[0]
    record = repository.get(record_id)
    record.copies.append(Copy("ИНВ-777", barcode="4600000007770"))
    repository.update(record)
    index.catch_up()
    assert [h.id for h in searcher.search("inv:инв-777").hits] == [record_id]
    assert [h.id for h in searcher.search("barcode:4600000007770").hits] == [record_id]


def test_a_kill_before_the_state_is_saved_loses_nothing(ready, monkeypatch):
    repository, index, _searcher = ready
    repository.add(Record(title="Саксаульные леса Прибалхашья", languages=["rus"]))

    def killed(state):  # the process dies after whoosh committed, before state.json is written
        raise KeyboardInterrupt

    monkeypatch.setattr(index, "_write_state", killed)
    with pytest.raises(KeyboardInterrupt):
        index.catch_up()
    monkeypatch.undo()
    # The next start replays the same journal entries; applying them twice is harmless.
    restarted = SearchIndex(index.catalog)
    assert restarted.catch_up() == 1
    assert restarted.compare().ok
    assert titles(CatalogSearcher(restarted), "саксаульные") == ["Саксаульные леса Прибалхашья"]


def test_a_kill_during_indexing_leaves_the_previous_state_usable(ready, monkeypatch):
    repository, index, searcher = ready
    repository.add(Record(title="Туранга в долине Или", languages=["rus"]))
    original = index_module.record_document

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module, "record_document", crash)
    with pytest.raises(KeyboardInterrupt):
        index.catch_up()
    monkeypatch.setattr(index_module, "record_document", original)
    assert titles(searcher, "Балхаш") == ["Экология озера Балхаш"]  # old data still answers
    index.catch_up()
    assert titles(searcher, "Туранга") == ["Туранга в долине Или"]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("delete_generation", "damaged"),
        ("truncate_files", "damaged"),
        ("garbage_state", "state file is damaged"),
        ("old_schema", "another version"),
        ("other_catalog", "another catalog"),
    ],
)
def test_an_unusable_index_is_detected_and_rebuilt(ready, damage, reason):
    _repository, index, searcher = ready
    searcher.close()
    index.close()
    state_path = index.directory / "state.json"
    state = json.loads(state_path.read_text())
    generation = index.directory / state["generation"]
    if damage == "delete_generation":
        shutil.rmtree(generation)
    elif damage == "truncate_files":
        for file in generation.iterdir():
            file.write_bytes(file.read_bytes()[:7])
    elif damage == "garbage_state":
        state_path.write_text("{not json")
    elif damage == "old_schema":
        state_path.write_text(json.dumps(state | {"schema": 0}))
    elif damage == "other_catalog":
        state_path.write_text(json.dumps(state | {"catalog": "sqlite:/elsewhere.sqlite"}))
    reopened = SearchIndex(index.catalog)
    assert reason in (reopened.problem() or "")
    assert reopened.ensure_ready() is not None
    assert reopened.problem() is None and reopened.compare().ok
    assert titles(CatalogSearcher(reopened), "Балхаш") == ["Экология озера Балхаш"]
    reopened.close()


def test_an_index_ahead_of_the_journal_means_a_restored_catalog(ready):
    _, index, _ = ready
    state_path = index.directory / "state.json"
    state = json.loads(state_path.read_text())
    state_path.write_text(json.dumps(state | {"last_seq": state["last_seq"] + 1000}))
    assert "restored" in (SearchIndex(index.catalog).problem() or "")


def test_search_during_the_first_build_says_so(catalog):
    index = SearchIndex(catalog)
    index.rebuilding = True
    with pytest.raises(IndexUnavailable, match="being built"):
        index.open()


def test_a_rebuild_keeps_answering_from_the_old_generation_until_it_switches(ready):
    _repository, index, searcher = ready
    seen_during_build = []

    def progress(done, total):
        seen_during_build.append(titles(searcher, "Балхаш"))

    index.rebuild(progress=progress)
    assert seen_during_build and all(t == ["Экология озера Балхаш"] for t in seen_during_build)
    assert len(list(index.directory.glob("gen-*"))) == 1


def test_journal_numbers_seen_out_of_order_are_picked_up_later(ready):
    """On PostgreSQL a transaction holding seq N may commit after one holding N+1."""
    repository, index, searcher = ready
    first = repository.add(Record(title="Первая запись", languages=["rus"]))
    second = repository.add(Record(title="Вторая запись", languages=["rus"]))
    state_path = index.directory / "state.json"
    index.catch_up()
    # Pretend the first record's entries were invisible at that moment: roll the state back
    # to before them and mark them as gaps, as a catch-up that saw only the later ones would.
    from library_app.db.journal import read_changes

    entries = read_changes(index.catalog, 0)
    first_seqs = [e.seq for e in entries if e.record_id == first.id]
    second_seqs = [e.seq for e in entries if e.record_id == second.id]
    state = json.loads(state_path.read_text())
    state["last_seq"] = max(second_seqs)
    state["gaps"] = {str(s): 9e18 for s in first_seqs}  # first seen "in the future": kept
    state_path.write_text(json.dumps(state))
    repository.delete(first.id)  # … and meanwhile it was deleted
    index.catch_up()
    assert titles(searcher, "Первая") == []
    assert json.loads(state_path.read_text())["gaps"] == {}


def _pdf(path: Path, pages: list[str]) -> Path:
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    drawing = canvas.Canvas(str(path))
    for text in pages:
        drawing.setFont("DejaVuSans", 12)
        drawing.drawString(72, 720, text)
        drawing.showPage()
    drawing.save()
    return path


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans is needed to write Kazakh text")
def test_attached_pdf_text_is_searchable_with_its_page_number(ready, tmp_path):
    repository, index, searcher = ready
    record_id = repository.ids()[0]
    pdf = _pdf(tmp_path / "report.pdf", ["Introduction", "Тұзды көлдер мен сексеуіл тоғайлары"])
    AttachmentStore(index.catalog).attach(record_id, pdf)
    index.catch_up()  # the record is reindexed at once; its text follows in the background
    assert index.read_state().pending_fulltext == [record_id]
    assert index.extract_pending() == []
    hits = searcher.search("сексеуил").hits  # typed without Kazakh letters
    assert [h.id for h in hits] == [record_id]
    assert hits[0].snippet.page == 2 and hits[0].snippet.attachment == "report.pdf"
    assert "сексеуіл" in hits[0].snippet.text


def test_a_broken_pdf_is_reported_once_and_skipped(ready, tmp_path):
    repository, index, searcher = ready
    record_id = repository.ids()[1]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer garbage")
    AttachmentStore(index.catalog).attach(record_id, broken)
    index.catch_up()
    problems = index.extract_pending()
    assert len(problems) == 1 and "broken.pdf" in problems[0] and "damaged" in problems[0]
    assert index.read_state().pending_fulltext == []
    assert index.extract_pending() == []  # not retried
    assert titles(searcher, "Aral") == ["Water of the Aral Sea"]  # the record stays findable


def test_a_rebuild_with_worker_processes_indexes_everything_and_a_cancel_leaves_none(ready):
    import multiprocessing

    from library_app.core.errors import Cancelled

    repository, index, searcher = ready
    repository.add_many([Record(title=f"Запись номер {n}", languages=["rus"]) for n in range(700)])
    assert index.rebuild(processes=2) == 702
    assert index.compare().ok
    assert searcher.search("запись").total == 700

    calls = []

    def cancel_after_first_batch() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        index.rebuild(is_cancelled=cancel_after_first_batch, processes=2)
    assert multiprocessing.active_children() == []  # no worker left waiting for work
    assert searcher.search("запись").total == 700  # the previous generation still answers


def test_a_large_catch_up_with_worker_processes_indexes_every_new_and_changed_record(
    ready, monkeypatch
):
    from library_app.search import index as index_module

    repository, index, searcher = ready
    monkeypatch.setattr(index_module, "PARALLEL_CATCH_UP", 50)  # a large import, in small
    ids = repository.add_many(
        [Record(title=f"Отчёт номер {n}", languages=["rus"]) for n in range(300)]
    )
    changed = repository.get(ids[0])
    changed.title = "Изменённое заглавие"
    repository.update(changed)

    assert index.catch_up(processes=2) == 300
    assert index.compare().ok
    assert searcher.search("отчёт").total == 299
    assert searcher.search("изменённое").total == 1
