"""Full-text extraction from real PDFs made with reportlab, and its SQLite cache."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from library_app.search import fulltext
from library_app.search.fulltext import (
    CachedText,
    FulltextCache,
    FulltextError,
    cached_extract,
    extract_pdf_pages,
    extract_text,
)

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_cyrillic_font = pytest.mark.skipif(
    not DEJAVU.is_file(),
    reason=f"Cyrillic PDFs need a TTF font and {DEJAVU} is absent (a bundled font will come later)",
)


def make_pdf(path: Path, pages: list[list[str]], font: str = "Helvetica") -> Path:
    """A PDF with one page per item, each line drawn separately as a typesetter would."""
    if font == "DejaVu" and "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    pdf = canvas.Canvas(str(path))
    for lines in pages:
        pdf.setFont(font, 12)
        for number, line in enumerate(lines):
            pdf.drawString(72, 720 - 16 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def sample_pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "sample.pdf", [["Contents"], ["Page two"], ["Page three"]])


@needs_cyrillic_font
def test_pages_in_order_with_kazakh_and_english(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "report.pdf",
        [
            ["Annual report 2023"],
            ["Балқаш көлінің экологиясы"],
            ["Water resources of the Aral Sea"],
        ],
        font="DejaVu",
    )
    assert extract_pdf_pages(path) == [
        "Annual report 2023",
        "Балқаш көлінің экологиясы",
        "Water resources of the Aral Sea",
    ]


@needs_cyrillic_font
def test_hyphenated_line_breaks_joined_but_compounds_kept(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "hyphen.pdf",
        [["Protection of the natural envi-", "ronment   and    эколо-", "гия of Kzyl-", "Orda"]],
        font="DejaVu",
    )
    [text] = extract_pdf_pages(path)
    assert "environment and экология" in text
    assert "Kzyl-Orda" in text
    assert "  " not in text


def test_limits_on_pages_and_characters(tmp_path: Path) -> None:
    path = sample_pdf(tmp_path)
    assert extract_pdf_pages(path, max_pages=2) == ["Contents", "Page two"]
    assert extract_pdf_pages(path, max_chars_per_page=4) == ["Cont", "Page", "Page"]


def test_normalise_removes_controls_and_extra_blank_lines() -> None:
    raw = "a\x00b\tc   d\r\n\r\n\r\n\r\nsoft\xadhyphen\x07 end \n"
    assert fulltext.normalise(raw) == "ab c d\n\nsofthyphen end"


def test_truncated_pdf_is_damaged(tmp_path: Path) -> None:
    data = sample_pdf(tmp_path).read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(FulltextError, match=r"broken\.pdf: the PDF is damaged") as caught:
        extract_pdf_pages(broken)
    assert caught.value.permanent


def test_text_file_renamed_to_pdf_is_not_a_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "notes.pdf"
    fake.write_text("just some notes, not a PDF\n", encoding="utf-8")
    with pytest.raises(FulltextError, match=r"notes\.pdf: not a PDF file"):
        extract_pdf_pages(fake)


def test_missing_file_is_a_transient_error(tmp_path: Path) -> None:
    with pytest.raises(FulltextError, match="no such file") as caught:
        extract_pdf_pages(tmp_path / "absent.pdf")
    assert not caught.value.permanent


def test_encrypted_pdf_says_password(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.append(PdfReader(sample_pdf(tmp_path)))
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(FulltextError, match="password-protected"):
        extract_pdf_pages(locked)


def test_unexpected_exceptions_are_reported_as_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object) -> list[str]:
        raise ValueError("something inside the bindings")

    monkeypatch.setattr(fulltext, "_read_pages", explode)
    with pytest.raises(FulltextError, match="damaged"):
        extract_pdf_pages(sample_pdf(tmp_path))


def test_extract_text_dispatch(tmp_path: Path) -> None:
    pdf = sample_pdf(tmp_path)
    stored = tmp_path / "ab12cd"  # stored attachments are named by hash, without a suffix
    stored.write_bytes(pdf.read_bytes())
    assert extract_text(stored, "application/pdf") == ["Contents", "Page two", "Page three"]
    assert extract_text(pdf, "application/octet-stream") == ["Contents", "Page two", "Page three"]
    assert extract_text(stored, "image/png") == []


def test_plain_text_encodings(tmp_path: Path) -> None:
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text("Балқаш  көлі\n", encoding="utf-8")
    legacy = tmp_path / "legacy"
    legacy.write_bytes("Экология озера Балхаш".encode("cp1251"))
    latin = tmp_path / "latin"
    latin.write_bytes(b"Caf\xe9 \x98")  # 0x98 is undefined in cp1251
    assert extract_text(utf8, "text/plain") == ["Балқаш көлі"]
    assert extract_text(legacy, "text/plain; charset=windows-1251") == ["Экология озера Балхаш"]
    assert extract_text(latin, "text/plain") == ["Café"]  # U+0098 is a control character


def test_cache_round_trip(tmp_path: Path) -> None:
    with FulltextCache(tmp_path / "index" / "fulltext.sqlite") as cache:
        assert cache.get("aa") is None
        cache.put("aa", ["первая страница", "page 2"])
        cache.put("bb", [], error="x.pdf: the PDF is damaged and cannot be read")
        assert cache.get("aa") == CachedText(("первая страница", "page 2"), "")
        assert cache.get("bb") == CachedText((), "x.pdf: the PDF is damaged and cannot be read")
        cache.forget("aa")
        assert cache.get("aa") is None
    with FulltextCache(tmp_path / "index" / "fulltext.sqlite") as reopened:
        assert reopened.get("bb") is not None
        with closing(sqlite3.connect(reopened.path)) as other:
            assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_cached_extract_stores_an_error_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken"
    broken.write_bytes(b"%PDF-1.4\nnothing else")
    calls: list[Path] = []
    real = fulltext._read_pages

    def counting(path: Path, *args: int) -> list[str]:
        calls.append(path)
        return real(path, *args)

    monkeypatch.setattr(fulltext, "_read_pages", counting)
    with FulltextCache(tmp_path / "fulltext.sqlite") as cache:
        first = cached_extract(cache, "f" * 64, broken, "application/pdf")
        second = cached_extract(cache, "f" * 64, broken, "application/pdf")
        good = cached_extract(cache, "a" * 64, sample_pdf(tmp_path), "application/pdf")
    assert "damaged" in first.error and first.pages == ()
    assert second == first
    assert good == CachedText(("Contents", "Page two", "Page three"), "")
    assert len(calls) == 2  # the broken file was read once, the good one once


def test_cached_extract_does_not_cache_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "later"
    with FulltextCache(tmp_path / "fulltext.sqlite") as cache:
        assert "no such file" in cached_extract(cache, "c" * 64, path, "text/plain").error
        path.write_text("arrived", encoding="utf-8")
        assert cached_extract(cache, "c" * 64, path, "text/plain").pages == ("arrived",)


def test_corrupt_cache_file_is_recreated(tmp_path: Path) -> None:
    path = tmp_path / "fulltext.sqlite"
    path.write_bytes(b"this is not a database, just junk " * 200)
    with FulltextCache(path) as cache:
        assert cache.get("aa") is None
        cache.put("aa", ["text"])
        assert cache.get("aa") == CachedText(("text",), "")
    with closing(sqlite3.connect(path)) as check:
        assert check.execute("SELECT count(*) FROM fulltext").fetchone() == (1,)


def test_cache_corrupted_between_uses_is_recreated(tmp_path: Path) -> None:
    path = tmp_path / "fulltext.sqlite"
    with FulltextCache(path) as cache:
        cache.put("aa", ["text"])
        cache.close()
        for leftover in tmp_path.glob("fulltext.sqlite-*"):
            leftover.unlink()
        path.write_bytes(b"\xff" * 8192)
        assert cache.get("aa") is None
        cache.put("bb", ["again"])
        assert cache.get("bb") == CachedText(("again",), "")


def test_cache_and_extraction_from_several_threads(tmp_path: Path) -> None:
    pdf = sample_pdf(tmp_path)
    errors: list[BaseException] = []
    results: list[CachedText] = []

    with FulltextCache(tmp_path / "fulltext.sqlite") as cache:

        def work(worker: int) -> None:
            try:
                for item in range(20):
                    key = f"{worker:02d}{item:062d}"
                    cache.put(key, [f"worker {worker} item {item}"])
                    assert cache.get(key) == CachedText((f"worker {worker} item {item}",), "")
                results.append(cached_extract(cache, "d" * 64, pdf, "application/pdf"))
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        assert results == [CachedText(("Contents", "Page two", "Page three"), "")] * 4
        # a second connection (another process would use one) sees every row
        with closing(sqlite3.connect(cache.path)) as other:
            assert other.execute("SELECT count(*) FROM fulltext").fetchone() == (81,)
