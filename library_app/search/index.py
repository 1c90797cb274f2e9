"""The search index of a workstation: built from the catalogue, then kept level with its journal.

Layout of ``<data dir>/index``::

    state.json        which generation is current, the last journal number applied, …
    gen-<hex>/        a whoosh index (one generation)
    fulltext.sqlite   text extracted from attachments, by SHA-256 (only a cache)
    variants.txt      (in the data dir) the library's own list of name variants

Safety rests on three facts.  Applying a journal entry is idempotent (the record is re-read and
its document replaced), and ``state.json`` is written atomically only *after* whoosh commits, so a
kill at any point at worst replays some entries on the next start.  A rebuild writes a new
generation beside the current one, which keeps answering searches until the switch.  And every
problem with the index (missing, damaged, older schema, another catalogue, a restored backup) is
answered by a rebuild, never by an error to the reader.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from whoosh import index as whoosh_index
from whoosh.index import LockError

from library_app.core.errors import LibraryError
from library_app.core.model import Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.core.text import DEFAULT_VARIANTS, VariantKeys
from library_app.db.attachments import stored_path
from library_app.db.catalog import Catalog
from library_app.db.journal import last_seq, live_versions, read_changes
from library_app.db.records import RecordRepository
from library_app.search.analysis import Analyzer
from library_app.search.fulltext import FulltextCache, cached_extract
from library_app.search.schema import SCHEMA_VERSION, FulltextPages, build_schema, record_document

STATE_FILE = "state.json"
VARIANTS_FILE = "variants.txt"
BATCH = 500
PARALLEL_CATCH_UP = 2000  # records; below this, starting worker processes costs more
GAP_TTL_SECONDS = 600.0
EXTRACTABLE = ("application/pdf", "text/plain")


class IndexUnavailable(LibraryError):
    """The index cannot answer yet (being built for the first time)."""


class IndexBusy(LibraryError):
    """Another program is writing the index right now."""


@dataclass
class IndexState:
    schema: int
    catalog: str
    generation: str
    variants: str
    last_seq: int = 0
    gaps: dict[str, float] = field(default_factory=dict)  # journal seq → first seen missing
    pending_fulltext: list[int] = field(default_factory=list)  # record ids
    built_at: float = 0.0


@dataclass(frozen=True)
class Comparison:
    """What differs between the index and the catalogue (record ids)."""

    missing: list[int]
    stale: list[int]
    extra: list[int]

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def load_variants(data_dir: Path) -> tuple[VariantKeys, str]:
    """The built-in variant groups plus the library's ``variants.txt`` (one group per line,
    spellings separated by ``;``), and a fingerprint that changes when the list does."""
    groups: list[tuple[str, ...]] = list(DEFAULT_VARIANTS)
    path = data_dir / VARIANTS_FILE
    with contextlib.suppress(OSError, UnicodeDecodeError):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                groups.append(tuple(s.strip() for s in line.split(";") if s.strip()))
    fingerprint = hashlib.sha256(repr(groups).encode("utf-8")).hexdigest()[:16]
    return VariantKeys(groups), fingerprint


def catalog_identity(catalog: Catalog) -> str:
    url = make_url(catalog.location.db_url)
    if url.get_backend_name() == "sqlite" and url.database:
        return "sqlite:" + str(Path(url.database).resolve())
    return url.render_as_string(hide_password=True)


class SearchIndex:
    """One catalogue's index on this workstation.  Thread-safe: writes are serialised."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.directory = catalog.location.index_dir
        variants, self.variants_fingerprint = load_variants(catalog.location.data_dir)
        self.analyzer = Analyzer(variants)
        self.records = RecordRepository(catalog)
        self._write_lock = threading.RLock()
        self._ix: whoosh_index.Index | None = None
        self._ix_generation = ""
        self._fulltext: FulltextCache | None = None
        self.rebuilding = False

    # --- state ----------------------------------------------------------------------------

    @property
    def generation(self) -> str:
        """Name of the index generation opened last ("" before the first open)."""
        return self._ix_generation

    @property
    def fulltext(self) -> FulltextCache:
        if self._fulltext is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._fulltext = FulltextCache(self.directory / "fulltext.sqlite")
        return self._fulltext

    def read_state(self) -> IndexState | None:
        try:
            data = json.loads((self.directory / STATE_FILE).read_text(encoding="utf-8"))
            return IndexState(**data)
        except (OSError, ValueError, TypeError):
            return None

    def _write_state(self, state: IndexState) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".state-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(state), handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, self.directory / STATE_FILE)

    def problem(self) -> str | None:
        """Why the index must be rebuilt before it can be trusted; None when it is usable."""
        state = self.read_state()
        if state is None:
            if (self.directory / STATE_FILE).exists():
                return "the index state file is damaged"
            return "there is no search index yet"
        if state.schema != SCHEMA_VERSION:
            return "the index was made by another version of the program"
        if state.catalog != catalog_identity(self.catalog):
            return "the index belongs to another catalog"
        if state.variants != self.variants_fingerprint:
            return "the list of name variants has changed"
        try:
            self._open(state)
        except IndexUnavailable as exc:
            return str(exc)
        if state.last_seq > last_seq(self.catalog):
            return "the catalog was restored from an older backup"
        return None

    def _open(self, state: IndexState) -> whoosh_index.Index:
        if self._ix is not None and self._ix_generation == state.generation:
            return self._ix
        path = self.directory / state.generation
        try:
            ix = whoosh_index.open_dir(str(path))
            with ix.searcher() as searcher:  # reading the segment list proves the files are there
                searcher.doc_count()
        except Exception as exc:  # whoosh raises many kinds on damaged files
            raise IndexUnavailable(f"the index files are damaged ({type(exc).__name__})") from exc
        self._ix, self._ix_generation = ix, state.generation
        return ix

    def open(self) -> whoosh_index.Index:
        """The current index for searching (it may lag behind the journal)."""
        state = self.read_state()
        if state is None or state.schema != SCHEMA_VERSION:
            if self.rebuilding:
                raise IndexUnavailable("the search index is being built; try again in a moment")
            raise IndexUnavailable("there is no search index yet; run `library-app reindex`")
        return self._open(state)

    # --- building -------------------------------------------------------------------------

    def ensure_ready(
        self,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
        *,
        processes: int = 1,
    ) -> str | None:
        """Rebuild if needed, else catch up; returns the reason of a rebuild, if there was one."""
        reason = self.problem()
        if reason is not None:
            self.rebuild(progress, is_cancelled, processes=processes)
            return reason
        self.catch_up(progress, is_cancelled)
        return None

    def rebuild(
        self,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
        *,
        processes: int = 1,
    ) -> int:
        """Index every live record into a new generation, then switch to it; returns the count.

        ``processes`` > 1 lets whoosh write segments in worker processes (about 1.7× faster on
        two cores).  Only a single-threaded program may ask for it: the workers are forked, and
        forking a process that runs other threads (Qt's) can deadlock the child."""
        with self._write_lock:
            self.rebuilding = True
            try:
                return self._rebuild(progress, is_cancelled, processes)
            finally:
                self.rebuilding = False

    def _rebuild(
        self, progress: ProgressCallback, is_cancelled: CancelCheck, processes: int
    ) -> int:
        self.directory.mkdir(parents=True, exist_ok=True)
        generation = f"gen-{uuid.uuid4().hex[:12]}"
        path = self.directory / generation
        path.mkdir()
        # Changes made while we read are replayed by the catch-up that follows.
        start_seq = last_seq(self.catalog)
        ids = self.records.ids()
        pending: list[int] = []
        try:
            ix = whoosh_index.create_in(str(path), build_schema())
            if processes > 1:
                writer = ix.writer(limitmb=256, procs=processes, multisegment=True, compound=False)
            else:
                writer = ix.writer(limitmb=256, compound=False)
            try:
                for start in range(0, len(ids), BATCH):
                    check_cancel(is_cancelled)
                    for record in self.records.get_many(ids[start : start + BATCH]):
                        document, needs_text = self._document(record)
                        writer.add_document(**document)
                        if needs_text:
                            pending.append(record.id or 0)
                    progress(min(start + BATCH, len(ids)), len(ids))
                check_cancel(is_cancelled)
                writer.commit()
            except BaseException:
                _abandon(writer)
                raise
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        state = IndexState(
            schema=SCHEMA_VERSION,
            catalog=catalog_identity(self.catalog),
            generation=generation,
            variants=self.variants_fingerprint,
            last_seq=start_seq,
            pending_fulltext=pending,
            built_at=time.time(),
        )
        self._write_state(state)
        self._ix, self._ix_generation = ix, generation
        self._remove_old_generations(keep=generation)
        self.catch_up()
        return len(ids)

    def _remove_old_generations(self, keep: str) -> None:
        for child in self.directory.glob("gen-*"):
            if child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    def _document(self, record: Record) -> tuple[dict[str, object], bool]:
        """The record's document with the attachment text known so far, and whether some
        attachment still waits for extraction."""
        pages: list[FulltextPages] = []
        waiting = False
        for attachment in record.attachments:
            if not _extractable(attachment.media_type, attachment.filename):
                continue
            cached = self.fulltext.get(attachment.sha256)
            if cached is None:
                waiting = True
            elif not cached.error and attachment.id is not None:
                pages.append(
                    FulltextPages(
                        attachment.id, attachment.filename, attachment.sha256, cached.pages
                    )
                )
        return record_document(record, self.analyzer, pages), waiting

    # --- following the journal ------------------------------------------------------------

    def catch_up(
        self,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
        *,
        wait_seconds: float = 5.0,
        processes: int = 1,
    ) -> int:
        """Apply journal entries written since the last call; returns the records reindexed.

        ``processes`` > 1 indexes a large batch (an import) in worker processes, as ``rebuild``
        does — and, like it, only from a single-threaded program."""
        with self._write_lock:
            state = self.read_state()
            if state is None:
                raise IndexUnavailable("there is no search index yet; run `library-app reindex`")
            ix = self._open(state)
            entries = read_changes(self.catalog, state.last_seq, (int(s) for s in state.gaps))
            if not entries:
                self._expire_gaps(state, set())
                return 0
            seen = {entry.seq for entry in entries}
            record_ids = sorted({e.record_id for e in entries if e.record_id is not None})
            try:
                if processes > 1 and len(record_ids) >= PARALLEL_CATCH_UP:
                    writer = ix.writer(
                        timeout=wait_seconds,
                        limitmb=128,
                        procs=processes,
                        multisegment=True,
                        compound=False,
                    )
                else:
                    writer = ix.writer(timeout=wait_seconds, limitmb=128, compound=False)
            except LockError as exc:
                raise IndexBusy(
                    "another program is updating the search index; results may lag behind"
                ) from exc
            pending = set(state.pending_fulltext)
            try:
                for start in range(0, len(record_ids), BATCH):
                    check_cancel(is_cancelled)
                    chunk = record_ids[start : start + BATCH]
                    found = {r.id: r for r in self.records.get_many(chunk)}
                    for record_id in chunk:
                        record = found.get(record_id)
                        if record is None or record.deleted_at is not None:
                            writer.delete_by_term("id", str(record_id))
                            pending.discard(record_id)
                            continue
                        document, needs_text = self._document(record)
                        writer.update_document(**document)
                        if needs_text:
                            pending.add(record_id)
                        else:
                            pending.discard(record_id)
                    progress(min(start + BATCH, len(record_ids)), len(record_ids))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            highest = max(seen)
            new_gaps = {
                str(seq): time.time()
                for seq in range(state.last_seq + 1, highest)
                if seq not in seen and str(seq) not in state.gaps
            }
            if len(new_gaps) > 1000:  # a rolled-back bulk import: those numbers never come
                new_gaps = {}
            state.gaps.update(new_gaps)
            state.last_seq = max(state.last_seq, highest)
            state.pending_fulltext = sorted(pending)
            self._expire_gaps(state, seen, write=False)
            self._write_state(state)
            return len(record_ids)

    def _expire_gaps(self, state: IndexState, seen: set[int], *, write: bool = True) -> None:
        now = time.time()
        kept = {
            seq: first
            for seq, first in state.gaps.items()
            if int(seq) not in seen and now - first < GAP_TTL_SECONDS
        }
        if kept != state.gaps:
            state.gaps = kept
            if write:
                self._write_state(state)

    def extract_pending(
        self,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> list[str]:
        """Extract the text of attachments not read yet and reindex their records; returns one
        message per attachment that could not be read (it is skipped from then on)."""
        state = self.read_state()
        if state is None or not state.pending_fulltext:
            return []
        problems: list[str] = []
        record_ids = list(state.pending_fulltext)
        for done, record in enumerate(self.records.get_many(record_ids), start=1):
            check_cancel(is_cancelled)
            for attachment in record.attachments:
                if not _extractable(attachment.media_type, attachment.filename):
                    continue
                if self.fulltext.get(attachment.sha256) is not None:
                    continue
                path = stored_path(self.catalog.location.attachments_dir, attachment.sha256)
                text = cached_extract(self.fulltext, attachment.sha256, path, attachment.media_type)
                if text.error:
                    reason = text.error.replace(str(path), "").lstrip(": ")
                    problems.append(f"record {record.id}, {attachment.filename}: {reason}")
            progress(done, len(record_ids))
        with self._write_lock:
            state = self.read_state()
            if state is None:
                return problems
            ix = self._open(state)
            try:
                writer = ix.writer(timeout=5.0, compound=False)
            except LockError as exc:  # the text is cached; the next update indexes it
                raise IndexBusy(
                    "another program is updating the search index; attachment text follows later"
                ) from exc
            try:
                for record in self.records.get_many(record_ids):
                    if record.deleted_at is None:
                        writer.update_document(**self._document(record)[0])
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            state.pending_fulltext = [r for r in state.pending_fulltext if r not in record_ids]
            self._write_state(state)
        return problems

    # --- checking -------------------------------------------------------------------------

    def compare(self) -> Comparison:
        """Records the index lacks, holds in an older version, or holds though deleted."""
        versions = live_versions(self.catalog)
        indexed: dict[int, int] = {}
        with self.open().searcher() as searcher:
            for stored in searcher.all_stored_fields():
                indexed[int(stored["id"])] = json.loads(stored["doc"]).get("version", 0)
        return Comparison(
            missing=sorted(set(versions) - set(indexed)),
            stale=sorted(i for i, v in indexed.items() if i in versions and versions[i] != v),
            extra=sorted(set(indexed) - set(versions)),
        )

    def close(self) -> None:
        if self._fulltext is not None:
            self._fulltext.close()
            self._fulltext = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None


def _extractable(media_type: str, filename: str) -> bool:
    return media_type in EXTRACTABLE or filename.lower().endswith((".pdf", ".txt"))


def _abandon(writer: object) -> None:
    """Cancel a writer and stop its worker processes.  whoosh's MpWriter.cancel() only flags
    them; a worker waiting for its next batch would wait for ever and keep the program from
    exiting."""
    try:
        writer.cancel()  # type: ignore[attr-defined]
    finally:
        for task in getattr(writer, "tasks", []):
            task.terminate()
            task.join(timeout=5)
