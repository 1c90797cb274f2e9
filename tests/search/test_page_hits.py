"""Which pages of an attachment match a query: matched like the search, NOT and fields left out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from library_app.core.model import Record
from library_app.db.attachments import AttachmentStore
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.search.index import SearchIndex
from library_app.search.page_hits import PageHit, page_hits, pages_matching

SHA = "ab" * 32
PAGES = [
    "Contents and introduction.",
    "Экологическое состояние озера Балқаштың вызывает тревогу. Lake Balkhash is shrinking.",
    "Forests & water resources of the region <management>.",
    "The Shymkent oblast and its rivers.",
    "Oʻzbekiston suv resurslari va ularning muhofazasi.",
]


@pytest.fixture
def index(sqlite_catalog: Catalog) -> Iterator[SearchIndex]:
    search_index = SearchIndex(sqlite_catalog)
    search_index.fulltext.put(SHA, PAGES)
    yield search_index
    search_index.close()


def pages(hits: list[PageHit]) -> list[int]:
    return [hit.page for hit in hits]


def test_word_forms_and_other_scripts_find_the_page(index: SearchIndex) -> None:
    hits = page_hits(index, SHA, "Балхаш")
    assert pages(hits) == [2]
    assert "<b>Балқаштың</b>" in hits[0].html and "<b>Balkhash</b>" in hits[0].html
    assert "«Балқаштың»" in hits[0].text and "<b>" not in hits[0].text


def test_stems_prefixes_and_uzbek_apostrophes(index: SearchIndex) -> None:
    assert pages(page_hits(index, SHA, "forest")) == [3]
    assert pages(page_hits(index, SHA, "resour*")) == [3]
    assert pages(page_hits(index, SHA, "ozbekiston")) == [5]
    assert pages(page_hits(index, SHA, "suvlari")) == [5]


def test_name_variants_from_the_list_match(index: SearchIndex) -> None:
    assert pages(page_hits(index, SHA, "Chimkent")) == [4]


def test_excluded_and_fielded_words_do_not_count(index: SearchIndex) -> None:
    assert pages(page_hits(index, SHA, "water -forests")) == [3]
    assert pages(page_hits(index, SHA, "lake NOT water")) == [2]
    assert page_hits(index, SHA, "title:water") == []
    assert page_hits(index, SHA, "year:2005") == []
    assert page_hits(index, SHA, "") == []


def test_stop_words_count_only_when_nothing_else_is_asked(index: SearchIndex) -> None:
    assert pages(page_hits(index, SHA, "the rivers")) == [4]
    assert pages(page_hits(index, SHA, "the")) == [3, 4]


def test_snippet_text_is_escaped(index: SearchIndex) -> None:
    [hit] = page_hits(index, SHA, "management")
    assert "&amp;" in hit.html and "&lt;<b>management</b>&gt;" in hit.html
    assert "«management»" in hit.text and "&" in hit.text


def test_missing_or_failed_text_gives_no_pages(index: SearchIndex) -> None:
    assert page_hits(index, SHA.replace("a", "c"), "water") == []
    index.fulltext.put("cd" * 32, [], error="x.pdf: the PDF is damaged and cannot be read")
    assert page_hits(index, "cd" * 32, "water") == []


def test_limit_keeps_the_pages_with_most_words_in_page_order() -> None:
    text = ["lake"] * 10 + ["lake water"] + ["water"] * 5 + ["lake water"]
    hits = pages_matching(text, "lake water", limit=3)
    assert pages(hits) == [1, 11, 17]
    assert [hit.words for hit in hits] == [1, 2, 2]


def test_passage_is_cut_around_the_first_match() -> None:
    long_page = " ".join(["filler"] * 200) + " Aral crisis " + " ".join(["tail"] * 200)
    [hit] = pages_matching([long_page], "aral")
    assert hit.html.startswith("…") and hit.html.endswith("…")
    assert "<b>Aral</b>" in hit.html
    assert len(hit.text) < 400


def test_pages_of_a_real_attached_pdf_after_extraction(
    sqlite_catalog: Catalog, tmp_path: Path
) -> None:
    repository = RecordRepository(sqlite_catalog)
    record = repository.add(Record(title="Lake report", languages=["eng"], year="2010"))
    assert record.id is not None
    pdf_path = tmp_path / "report.pdf"
    drawing = canvas.Canvas(str(pdf_path))
    for text in ("Introduction", "Saxaul forests near the lake", "Appendix: saxaul seedlings"):
        drawing.setFont("Helvetica", 12)
        drawing.drawString(72, 720, text)
        drawing.showPage()
    drawing.save()
    attachment = AttachmentStore(sqlite_catalog).attach(record.id, pdf_path)
    search_index = SearchIndex(sqlite_catalog)
    try:
        search_index.ensure_ready()
        assert search_index.extract_pending() == []
        hits = page_hits(search_index, attachment.sha256, "saxaul")
        assert pages(hits) == [2, 3]
        assert hits[0].html == "<b>Saxaul</b> forests near the lake"
    finally:
        search_index.close()
