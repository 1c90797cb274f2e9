"""Text of attached PDFs and plain-text files for the full-text index, with a persistent cache.

PDFium (pypdfium2) reads PDFs: much faster than pure-Python parsers and tolerant of the damaged
files that scanned-and-OCRed reports often are.  Extraction is slow enough that its result is
kept in a small SQLite cache keyed by the attachment's SHA-256: attachments are content-addressed,
so the text of a hash never changes, and a broken PDF is reported once rather than on every start.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

log = logging.getLogger(__name__)

# Bump when extraction or normalisation improves: cached rows of older versions are re-extracted.
EXTRACTOR_VERSION = 1
MAX_TEXT_BYTES = 16 << 20  # a plain-text "attachment" larger than this is most likely a data dump

# PDFium is not thread-safe, not even across different documents: one document at a time, in
# the whole process (the print preview renders with it while the index extracts text).
PDFIUM_LOCK = threading.Lock()
# PDFium marks a hyphen it removed at a line break with U+FFFE (U+0002 in bounded text).
_PDFIUM_HYPHEN = re.compile(r"[\ufffe\x02](?=(\w?))")
_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-[^\S\n]*\n[^\S\n]*(?=([^\W\d_]))")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Control characters other than tab and newline, soft hyphens, noncharacters, lone surrogates.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n"})


class FulltextError(Exception):
    """A file whose text cannot be extracted; the message names the file and says why.

    ``permanent`` is true when the reason lies in the content (damaged, encrypted, not a PDF),
    which never changes under a given hash, and false for a missing or unreadable file, which
    may be fixed later (attachments not yet copied to this workstation) and so must not be cached.
    """

    def __init__(self, message: str, *, permanent: bool = True) -> None:
        super().__init__(message)
        self.permanent = permanent


def normalise(text: str) -> str:
    """Readable text for indexing and snippets: hyphenated line breaks joined, runs of spaces
    collapsed, control characters dropped, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS).replace("\u2028", "\n")
    # "envi-\nronment" is one word; "Kzyl-\nOrda" keeps its hyphen (the next letter is a capital).
    text = _PDFIUM_HYPHEN.sub(lambda m: "" if m.group(1).islower() else "-", text)
    text = _LINE_HYPHEN.sub(lambda m: "" if m.group(1).islower() else "-", text)
    text = _INVISIBLE.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _read_bytes(path: Path, limit: int) -> bytes:
    """The first ``limit`` bytes, or a FulltextError for a missing or unreadable file."""
    if not path.is_file():
        raise FulltextError(f"{path}: no such file", permanent=False)
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except FileNotFoundError as exc:
        raise FulltextError(f"{path}: no such file", permanent=False) from exc
    except OSError as exc:
        raise FulltextError(f"{path}: cannot be read ({exc.strerror})", permanent=False) from exc


def extract_pdf_pages(
    path: Path, *, max_pages: int = 2000, max_chars_per_page: int = 200_000
) -> list[str]:
    """Text of each page (index 0 is page 1).  Pages beyond ``max_pages`` are left out and each
    page is cut at ``max_chars_per_page``, so one pathological file cannot swamp the index.
    A page PDFium cannot load gives "" (the rest of the document is still worth indexing)."""
    if b"%PDF" not in _read_bytes(path, 1024):
        raise FulltextError(f"{path}: not a PDF file")
    try:
        with PDFIUM_LOCK:
            return _read_pages(path, max_pages, max_chars_per_page)
    except FulltextError:
        raise
    except FileNotFoundError as exc:  # removed between the header check and PDFium's open
        raise FulltextError(f"{path}: no such file", permanent=False) from exc
    except Exception as exc:  # PDFium bindings may fail in unforeseen ways on hostile files
        log.warning("unexpected failure reading %s", path, exc_info=True)
        raise FulltextError(f"{path}: the PDF is damaged and cannot be read") from exc


def _open(path: Path) -> pdfium.PdfDocument:
    """Open a document, telling encryption from damage; call with PDFIUM_LOCK held."""
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        # pypdfium2 < 5 has no err_code; PDFium's last error is still ours under the lock.
        code = getattr(exc, "err_code", None)
        code = pdfium_c.FPDF_GetLastError() if code is None else code
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise FulltextError(f"{path}: the PDF is password-protected") from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise FulltextError(f"{path}: the PDF uses an unsupported encryption") from exc
        raise FulltextError(f"{path}: the PDF is damaged and cannot be read") from exc


def _read_pages(path: Path, max_pages: int, max_chars: int) -> list[str]:
    document = _open(path)
    try:
        pages: list[str] = []
        failed = 0
        for index in range(min(len(document), max_pages)):
            try:
                pages.append(_page_text(document, index, max_chars))
            except pdfium.PdfiumError:
                log.warning("%s: page %d cannot be read, indexed as empty", path, index + 1)
                pages.append("")
                failed += 1
        if pages and failed == len(pages):
            raise FulltextError(f"{path}: the PDF is damaged and cannot be read")
        return pages
    finally:
        document.close()


def _page_text(document: pdfium.PdfDocument, index: int, max_chars: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            count = min(textpage.count_chars(), max_chars)
            return normalise(textpage.get_text_range(0, count)) if count > 0 else ""
        finally:
            textpage.close()
    finally:
        page.close()


def _decode(data: bytes, truncated: bool) -> str:
    """UTF-8 (the norm today), UTF-16 with a BOM (Windows Notepad's "Unicode"), then cp1251
    (older Russian documents), then latin-1, which accepts any bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        # An incremental decoder tolerates a character cut in two by the size limit.
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=not truncated)
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def extract_text(path: Path, media_type: str) -> list[str]:
    """Pages of text of an attachment; [] for kinds that are not indexed (images, archives…).

    Stored attachments are named by hash with no suffix, so the media type decides; the suffix
    only helps for files given by their original name."""
    kind = media_type.split(";", 1)[0].strip().lower()
    suffix = path.suffix.lower()
    if kind == "application/pdf" or suffix == ".pdf":
        return extract_pdf_pages(path)
    if kind == "text/plain" or suffix == ".txt":
        data = _read_bytes(path, MAX_TEXT_BYTES + 1)
        return [normalise(_decode(data[:MAX_TEXT_BYTES], len(data) > MAX_TEXT_BYTES))]
    return []


@dataclass(frozen=True)
class CachedText:
    """Extracted pages, or the reason there are none (``error`` is "" on success)."""

    pages: tuple[str, ...]
    error: str = ""


class FulltextCache:
    """Extracted texts by SHA-256 in a SQLite file shared by the search and indexing processes.

    WAL and a busy timeout let a reader and a writer work at once.  One connection behind a lock
    serves all threads: the statements are tiny next to the extraction they save.  The file is
    only a cache, so a corrupt one is deleted and rebuilt, and other database failures are logged
    and treated as a miss rather than stopping the indexing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS fulltext (sha256 TEXT PRIMARY KEY,"
                    " version INTEGER NOT NULL, pages TEXT NOT NULL, error TEXT NOT NULL)"
                )
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    def _run(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[object, ...]]:
        """Run one statement; rebuild a corrupt file once; log and give [] on other failures."""
        with self._lock:
            for attempt in (1, 2):
                try:
                    return self._connect().execute(sql, parameters).fetchall()
                except sqlite3.DatabaseError as exc:
                    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
                    if attempt == 1 and code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
                        log.warning("full-text cache %s is corrupt, rebuilding it", self.path)
                        if self._discard():
                            continue
                    log.warning("full-text cache %s: %s", self.path, exc)
                except OSError as exc:  # e.g. the index folder cannot be created
                    log.warning("full-text cache %s: %s", self.path, exc)
                return []
        return []

    def _discard(self) -> bool:
        """Delete the cache files; False if they cannot be (on Windows another process may still
        hold them open), and then the cache just misses until the next start."""
        self._close_connection()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot delete the corrupt full-text cache %s: %s", self.path, exc)
            return False
        return True

    def _close_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def get(self, sha256: str) -> CachedText | None:
        """The cached result, or None when absent or made by an older extractor."""
        rows = self._run(
            "SELECT pages, error FROM fulltext WHERE sha256 = ? AND version = ?",
            (sha256, EXTRACTOR_VERSION),
        )
        if not rows:
            return None
        pages, error = rows[0]
        try:
            return CachedText(tuple(json.loads(str(pages))), str(error))
        except (ValueError, TypeError):  # a damaged row is a miss: it will be re-extracted
            return None

    def put(self, sha256: str, pages: list[str] | tuple[str, ...], error: str = "") -> None:
        self._run(
            "INSERT OR REPLACE INTO fulltext (sha256, version, pages, error) VALUES (?, ?, ?, ?)",
            (sha256, EXTRACTOR_VERSION, json.dumps(list(pages), ensure_ascii=False), error),
        )

    def forget(self, sha256: str) -> None:
        self._run("DELETE FROM fulltext WHERE sha256 = ?", (sha256,))

    def close(self) -> None:
        with self._lock:
            self._close_connection()

    def __enter__(self) -> FulltextCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def cached_extract(cache: FulltextCache, sha256: str, path: Path, media_type: str) -> CachedText:
    """The cached text of an attachment, extracting and storing it on a miss.  A content error
    is stored and returned, never raised; a missing or unreadable file is returned uncached so
    that it is tried again once the file is there."""
    cached = cache.get(sha256)
    if cached is not None:
        return cached
    try:
        result = CachedText(tuple(extract_text(path, media_type)))
    except FulltextError as exc:
        result = CachedText((), str(exc))
        if not exc.permanent:
            return result
    cache.put(sha256, result.pages, result.error)
    return result
