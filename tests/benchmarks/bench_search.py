"""Benchmark: building the search index and answering searches on 10k and 100k demo records,
against SQLite FTS5 over the same corpus as a baseline.

Run by hand (pytest does not collect it: the file name does not match ``test_*.py``)::

    .venv/bin/python tests/benchmarks/bench_search.py [--sizes 10000 100000]
    .venv/bin/python tests/benchmarks/bench_search.py --quick          # 2000 records, smoke run
    .venv/bin/python tests/benchmarks/bench_search.py --queries-out queries.txt

Prints one JSON object per size on stdout (progress goes to stderr) and, when both 10 000 and
100 000 were run, a summary saying whether the targets are met.  What is measured, and why:

* ``index_build_s`` / ``index_records_per_s`` — ``SearchIndex.rebuild()``: what a library waits
  for after installing, upgrading the schema or restoring a backup (target: 100k in ≤ 90 s).
* ``median_ms`` / ``p95_ms`` / ``max_ms`` / ``per_category_median_ms`` — latency of
  ``CatalogSearcher.search(q, limit=20)`` (parse, compile, run, total, hits with snippets) over a
  fixed list of 252 queries of 22 kinds (single words in four languages and scripts, several
  words, phrases, fields, years, prefixes, fuzzy and misspelled words, cross-script spellings,
  OR, NOT).  Each query is run once to warm up first, so this is the steady state of a
  workstation, not the first search after start.  The median is what a reader feels while
  typing; p95 catches the query kinds (short prefixes, fuzzy terms, did-you-mean retries, whole
  languages) that expand into many terms (targets at 100k: median ≤ 15 ms, p95 ≤ 60 ms, and p95
  at 100k no more than 3× p95 at 10k, i.e. latency grows well below linearly).
* ``facets_median_ms`` / ``facets_p95_ms`` — the same queries with ``facets=True``, as the GUI
  asks: facet counting visits *every* hit, not just the top 20, so it is the part that grows
  with the collection.  ``facets_first_ms`` is the one-off cost of building the per-segment
  value lists.
* ``edit_visible_median_ms`` — a record's title is changed to a unique word and
  ``index.catch_up()`` plus searching are timed until the search finds it: how long a cataloguer
  waits before a record just saved is findable (median over 20 edits).
* ``fts5_*`` — SQLite FTS5 (``unicode61 remove_diacritics 2``, bm25 with our field weights, top 20
  plus ``count(*)``) over the same records and the same queries, translated as far as FTS5 can
  express them: a yardstick for what plain full-text search costs on this machine, so a slow
  result can be told from a slow machine.  Years, languages, types, fuzzy matching and
  cross-script matching have no FTS5 equivalent: such parts are dropped (``fts5_degraded``), and
  a query with nothing left is not run (``fts5_not_expressible``).  ``ratio_p95_to_fts5`` compares
  our p95 and FTS5's p95 over the same subset of queries (those FTS5 ran); it is the price of
  stems, transliteration keys and variants.  FTS5 build time includes reading the records from
  the catalogue, as ``rebuild()`` does; ``fts5_insert_s`` is the insert and optimize alone.
* ``total_depends_on_limit`` — a correctness check, not timed: each query is asked again with
  the largest limit, and its total must not change.  If it does, the engine stopped counting
  early, and the latencies above belong to a search that skipped part of its work.

The corpus is ``generate_records(N, seed=1)``; the queries come from the demo vocabulary and
from the first 1500 demo records with a fixed random seed, so they are identical for every size
and every run (``--queries-out`` writes them for ``library-app search --queries-file``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anyascii import anyascii

from library_app.config import resolve_location
from library_app.core.model import MaterialType, Record
from library_app.core.text import fold
from library_app.db.catalog import open_catalog
from library_app.db.records import RecordRepository
from library_app.search.analysis import is_stop_word
from library_app.search.index import SearchIndex
from library_app.search.query import TEXT_FIELDS, All, Node, Not, Phrase, Value, Word
from library_app.search.query import Any as AnyOf
from library_app.search.query import parse as parse_query
from library_app.search.schema import FIELD_BOOSTS
from library_app.search.searching import MAX_LIMIT, CatalogSearcher
from library_app.services import demo_names
from library_app.services.demo import generate_records
from library_app.services.demo_places import REGIONS
from library_app.services.demo_vocabulary import LANGUAGE_ORDER, TOPICS

SEED = 1  # demo corpus
QUERY_SEED = 20_240_611  # query list
SAMPLE_RECORDS = 1500  # queries are drawn from the first records, present at every size ≥ 1500
LIMIT = 20
EDITS = 20
EDIT_DEADLINE_S = 30.0
QUICK_SIZES = [2000]
TARGETS = {"median_ms": 15.0, "p95_ms": 60.0, "p95_ratio": 3.0, "reindex_s": 90.0}

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# What a reader without a Kazakh layout types: the nearest letter of the Russian keyboard.
RUSSIAN_KEYBOARD = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_LETTERS = re.compile(r"[^\W\d_]+")
CYRILLIC_LANGUAGES = ("rus", "kaz", "kir", "tgk")
LANG_CODES = ("ru", "en", "kk", "uz", "ky", "tg", "tk")
# FTS5 cannot do these at all; the words are searched as typed and the query counts as degraded.
FTS5_LOSSY_CATEGORIES = frozenset({"fuzzy", "misspelled", "translit_latin", "ru_keyboard"})
FTS5_COLUMNS = ("title", "author", "subject", "place", "publisher", "series", "body")
FTS5_WEIGHTS = ", ".join(
    str(FIELD_BOOSTS[c if c != "body" else "other"]) for c in FTS5_COLUMNS
)  # bm25 weights in column order: the same field boosts as our index


@dataclass(frozen=True)
class BenchQuery:
    category: str
    text: str


# --- the query list --------------------------------------------------------------------------


def _tokens(text: str, min_length: int = 4) -> list[str]:
    """Content words of a text, lower-cased, in order (stop words and short words dropped)."""
    return [
        w.lower()
        for w in _LETTERS.findall(text)
        if len(w) >= min_length and not is_stop_word(fold(w))
    ]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _vocabulary() -> dict[str, list[str]]:
    """Words of each demo language, from the topic and place tables, in table order."""
    texts: dict[str, list[str]] = {code: [] for code in LANGUAGE_ORDER}
    for topic in TOPICS.values():
        for code, w in topic.words.items():
            texts[code] += [w.heading, w.base, *w.keywords, *w.phrases]
    for region in REGIONS.values():
        for code, names in region.names.items():
            texts[code].append(names.heading)
    return {
        code: _unique(t for text in items for t in _tokens(text)) for code, items in texts.items()
    }


def _surnames() -> list[str]:
    return _unique(
        form
        for people in demo_names.PEOPLE.values()
        for person in people
        for form in (person.russian, person.own, person.latin)
    )


def _misspell(word: str, rng: random.Random) -> str:
    """One typing slip inside the word: two letters swapped, one changed, dropped or doubled."""
    i = rng.randint(1, len(word) - 3)
    operation = rng.randrange(4)
    if operation == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if operation == 1:
        alphabet = "аеиоуыкнтр" if "\u0400" <= word[0] <= "\u04ff" else "aeioukntr"
        replacement = rng.choice([c for c in alphabet if c != word[i]])
        return word[:i] + replacement + word[i + 1 :]
    if operation == 2:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


class QueryBuilder:
    """Draws the benchmark queries; deterministic for QUERY_SEED and the demo vocabulary."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.rng = random.Random(QUERY_SEED)
        self.pools = _vocabulary()
        self.all_words = [w for code in LANGUAGE_ORDER for w in self.pools[code]]
        self.known = {fold(w) for w in self.all_words}
        self.surnames = _surnames()
        self.titles = [r.title for r in records]
        self.known |= {fold(w) for title in self.titles for w in _tokens(title, 1)}
        self.subjects = [s for r in records for s in (*r.subjects, *r.keywords)]
        self.places = [p for r in records for p in r.geographic_names]
        self.record_surnames = [
            name
            for r in records
            for c in r.contributors
            if not c.role.is_corporate
            for name in (c.name, c.name_other_script)
            if name
        ]
        self.seen: set[str] = set()
        self.queries: list[BenchQuery] = []

    def build(self) -> list[BenchQuery]:
        plan: list[tuple[str, int, Callable[[], str | None]]] = [
            ("word_ru", 16, lambda: self.pick(self.pools["rus"])),
            ("word_en", 16, lambda: self.pick(self.pools["eng"])),
            ("word_kk", 12, lambda: self.pick(self.kazakh_words())),
            ("word_uz", 12, lambda: self.pick(self.pools["uzb"])),
            ("words_2", 16, lambda: self.title_words(2)),
            ("words_3", 12, lambda: self.title_words(3)),
            ("phrase", 14, self.phrase),
            ("field_author", 12, self.author),
            ("field_title", 10, lambda: self.fielded("title", self.titles)),
            ("field_subject", 10, lambda: self.fielded("subject", self.subjects)),
            ("field_place", 8, lambda: self.fielded("place", self.places)),
            ("year", 8, self.year),
            ("year_range", 8, self.year_range),
            ("lang", 8, self.language),
            ("type", 8, self.material),
            ("prefix", 14, self.prefix),
            ("fuzzy", 10, lambda: self.pick(self.all_words, 5) + "~"),
            ("misspelled", 12, self.misspelled),
            ("translit_latin", 12, self.translit),
            ("ru_keyboard", 10, self.russian_keyboard),
            ("or", 12, self.either),
            ("not", 12, self.exclude),
        ]
        # The brief's own example first, so it is always in the list.
        self.add("ru_keyboard", "Балкаш")
        for category, count, draw in plan:
            have = sum(1 for q in self.queries if q.category == category)
            for _ in range(count * 50):
                if have >= count:
                    break
                text = draw()
                if text and self.add(category, text):
                    have += 1
        return self.queries

    def add(self, category: str, text: str) -> bool:
        text = " ".join(text.split())
        if not text or text in self.seen:
            return False
        self.seen.add(text)
        self.queries.append(BenchQuery(category, text))
        return True

    # --- drawing --------------------------------------------------------------------------

    def pick(self, pool: Sequence[str], min_length: int = 4) -> str:
        candidates = [w for w in pool if len(w) >= min_length]
        return self.rng.choice(candidates)

    def kazakh_words(self) -> list[str]:
        return [w for w in self.pools["kaz"] if KAZAKH_LETTERS & set(w)]

    def title_words(self, count: int) -> str | None:
        words = _unique(_tokens(self.rng.choice(self.titles)))
        if len(words) < count:
            return None
        chosen = sorted(self.rng.sample(range(len(words)), count))
        return " ".join(words[i] for i in chosen)

    def phrase(self) -> str | None:
        words = _LETTERS.findall(self.rng.choice(self.titles))
        length = self.rng.choice((2, 2, 3))
        if len(words) < length:
            return None
        start = self.rng.randrange(len(words) - length + 1)
        return '"' + " ".join(words[start : start + length]).lower() + '"'

    def author(self) -> str:
        pool = self.record_surnames if self.rng.random() < 0.5 else self.surnames
        return "author:" + self.rng.choice(pool)

    def fielded(self, name: str, texts: Sequence[str]) -> str | None:
        words = _tokens(self.rng.choice(texts))
        return f"{name}:{self.rng.choice(words)}" if words else None

    def _with_word(self, clause: str) -> str:
        if self.rng.random() < 0.5:
            return clause
        return f"{self.pick(self.pools[self.rng.choice(('rus', 'eng'))])} {clause}"

    def year(self) -> str:
        return self._with_word(f"year:{self.rng.randint(1975, 2024)}")

    def year_range(self) -> str:
        low = self.rng.randint(1975, 2018)
        return self._with_word(f"year:{low}..{low + self.rng.randint(2, 10)}")

    def language(self) -> str:
        code = self.rng.choice(LANG_CODES)
        return self._with_word(f"lang:{code}")

    def material(self) -> str:
        kind = self.rng.choice([t.value for t in MaterialType])
        return self._with_word(f"type:{kind}")

    def prefix(self) -> str:
        word = self.pick(self.all_words, 6)
        return word[: self.rng.randint(3, 6)] + "*"

    def misspelled(self) -> str | None:
        word = self.pick(self.all_words, 6)
        wrong = _misspell(word, self.rng)
        if fold(wrong) in self.known:
            return None
        if self.rng.random() < 0.3:  # one good word and one slip: still no hit as a whole
            return f"{self.pick(self.all_words)} {wrong}"
        return wrong

    def translit(self) -> str | None:
        if self.rng.random() < 0.25:
            word = self.rng.choice([s for s in self.surnames if not s.isascii()])
        else:
            word = self.pick(self.pools[self.rng.choice(CYRILLIC_LANGUAGES)], 5)
        latin = re.sub(r"[^A-Za-z]", "", anyascii(word))
        return latin if len(latin) >= 4 else None

    def russian_keyboard(self) -> str:
        return self.rng.choice(self.kazakh_words()).translate(RUSSIAN_KEYBOARD)

    def either(self) -> str | None:
        topic = self.rng.choice(list(TOPICS.values()))
        first, second = self.rng.sample(LANGUAGE_ORDER, 2)
        a, b = _tokens(topic.words[first].heading), _tokens(topic.words[second].heading)
        if not a or not b:
            return None
        left, right = self.rng.choice(a), self.rng.choice(b)
        return f"{left} OR {right}" if fold(left) != fold(right) else None

    def exclude(self) -> str | None:
        code = self.rng.choice(("rus", "eng", "kaz", "uzb"))
        region = self.rng.choice(list(REGIONS.values()))
        places = _tokens(region.names[code].heading)
        if not places:
            return None
        word, place = self.pick(self.pools[code]), self.rng.choice(places)
        return f"{word} NOT {place}" if self.rng.random() < 0.5 else f"{word} -{place}"


def build_queries() -> list[BenchQuery]:
    return QueryBuilder(list(generate_records(SAMPLE_RECORDS, seed=SEED))).build()


# --- statistics ------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (q in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def per_category_median(
    queries: Sequence[BenchQuery], timings: dict[int, float]
) -> dict[str, float]:
    by_category: dict[str, list[float]] = {}
    for number, seconds in timings.items():
        by_category.setdefault(queries[number].category, []).append(seconds)
    return {name: ms(statistics.median(values)) for name, values in by_category.items()}


def progress_printer(label: str) -> Callable[[int, int], None]:
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - last[0] >= 5:
            last[0] = now
            print(f"  {label}: {done}/{total}", file=sys.stderr, flush=True)

    return report


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- our search ------------------------------------------------------------------------------


def time_searches(
    searcher: CatalogSearcher, queries: Sequence[BenchQuery], *, facets: bool
) -> tuple[dict[int, float], dict[str, int], dict[int, int]]:
    """Seconds per query (index in ``queries``), after one warm-up run of every query; counts of
    notable answers; the total each query reported."""
    for query in queries:
        searcher.search(query.text, limit=LIMIT, facets=facets)
    gc.collect()
    timings: dict[int, float] = {}
    totals: dict[int, int] = {}
    counts = {"zero_hit_queries": 0, "did_you_mean_queries": 0, "queries_with_messages": 0}
    for number, query in enumerate(queries):
        started = time.perf_counter()
        result = searcher.search(query.text, limit=LIMIT, facets=facets)
        timings[number] = time.perf_counter() - started
        totals[number] = result.total
        counts["zero_hit_queries"] += result.total == 0
        counts["did_you_mean_queries"] += result.did_you_mean is not None
        counts["queries_with_messages"] += bool(result.messages)
    return timings, counts, totals


def check_totals(
    searcher: CatalogSearcher, queries: Sequence[BenchQuery], totals: dict[int, int]
) -> dict[str, Any]:
    """Queries whose total changes when more hits are asked for (untimed).

    The total must not depend on ``limit``; when it does, the engine stopped counting early
    and the latencies above are those of a search that skipped part of its work.
    """
    mismatches = []
    for number, query in enumerate(queries):
        full = searcher.search(query.text, limit=MAX_LIMIT).total
        if full != totals[number]:
            mismatches.append([query.text, totals[number], full])
    return {"total_depends_on_limit": len(mismatches), "total_mismatch_examples": mismatches[:5]}


def _letters(number: int) -> str:
    """0 → "a", 25 → "z", 26 → "ba": a suffix made of letters only, so it stays one word."""
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out = chr(ord("a") + digit) + out
        if number == 0:
            return out


def time_edits(
    repository: RecordRepository, index: SearchIndex, searcher: CatalogSearcher
) -> dict[str, Any]:
    """Save a new title, then catch up and search until the title is found."""
    ids = repository.ids()
    step = max(1, len(ids) // EDITS)
    chosen = ids[step // 2 :: step][:EDITS]
    saves: list[float] = []
    visible: list[float] = []
    not_visible = 0
    for number, record_id in enumerate(chosen):
        token = f"zqbenchedit{_letters(number)}"
        record = repository.get(record_id)
        record.title = token
        started = time.perf_counter()
        repository.update(record)
        saved = time.perf_counter()
        saves.append(saved - started)
        found = False
        while time.perf_counter() - saved < EDIT_DEADLINE_S:
            index.catch_up()
            result = searcher.search(token, limit=1)
            if any(hit.id == record_id for hit in result.hits):
                found = True
                break
            time.sleep(0.005)
        if found:
            visible.append(time.perf_counter() - saved)
        else:
            not_visible += 1
    return {
        "edit_visible_median_ms": ms(statistics.median(visible)) if visible else None,
        "edit_visible_max_ms": ms(max(visible)) if visible else None,
        "edit_save_median_ms": ms(statistics.median(saves)) if saves else None,
        "edits": len(chosen),
        "edits_not_visible": not_visible,
    }


# --- the FTS5 baseline -----------------------------------------------------------------------


def fts5_available() -> bool:
    try:
        connection = sqlite3.connect(":memory:")
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
        connection.close()
        return True
    except sqlite3.OperationalError:
        return False


def fts5_row(record: Record) -> tuple[Any, ...]:
    """The record's text in the FTS5 columns, from the same sources as our index's fields."""

    def join(values: Iterable[str]) -> str:
        return "\n".join(v for v in values if v)

    authors = [c.display_name() for c in record.contributors]
    authors += [c.name_other_script for c in record.contributors if c.name_other_script]
    return (
        record.id,
        join([record.title, record.title_remainder, *(p.title for p in record.parallel_titles)]),
        join([*authors, record.responsibility]),
        join([*record.subjects, *record.keywords]),
        join([*record.geographic_names, *record.places]),
        join(record.publishers),
        join(s.title for s in record.series),
        join([record.summary, *record.notes]),
    )


def build_fts5(path: Path, repository: RecordRepository) -> tuple[sqlite3.Connection, float, float]:
    """(connection, seconds in all, seconds inserting and optimizing only)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    columns = ", ".join(FTS5_COLUMNS)
    connection.execute(
        f"CREATE VIRTUAL TABLE fts USING fts5({columns}, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    placeholders = ", ".join("?" * (len(FTS5_COLUMNS) + 1))
    insert = f"INSERT INTO fts(rowid, {columns}) VALUES ({placeholders})"
    started = time.perf_counter()
    inserting = 0.0
    ids = repository.ids()
    report = progress_printer("FTS5")
    for start in range(0, len(ids), 500):
        rows = [fts5_row(r) for r in repository.get_many(ids[start : start + 500])]
        begun = time.perf_counter()
        connection.executemany(insert, rows)
        inserting += time.perf_counter() - begun
        report(min(start + 500, len(ids)), len(ids))
    begun = time.perf_counter()
    connection.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    connection.commit()
    inserting += time.perf_counter() - begun
    elapsed = time.perf_counter() - started
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # so the file size says it all
    return connection, elapsed, inserting


def _fts5_string(text: str) -> str | None:
    """A double-quoted FTS5 string (the tokenizer splits it), or None when it holds no word."""
    if not any(ch.isalnum() for ch in text):
        return None
    return '"' + text.replace('"', '""') + '"'


class Fts5Translator:
    """Our parsed query → an FTS5 expression, dropping what FTS5 cannot express."""

    def __init__(self) -> None:
        self.lossy = False

    def translate(self, text: str) -> str | None:
        self.lossy = False
        root = parse_query(text).root
        if root is None:
            return None
        if isinstance(root, Not):
            self.lossy = True  # "everything but": FTS5 NOT needs a left side
            return None
        return self.node(root)

    def node(self, node: Node) -> str | None:
        if isinstance(node, Word | Phrase):
            if isinstance(node, Word) and node.fuzzy:
                self.lossy = True
            string = _fts5_string(node.text)
            if string is None:
                return None
            if isinstance(node, Word) and node.prefix:
                string += "*"
            if node.field in TEXT_FIELDS:
                string = f"{node.field} : {string}"
            return string
        if isinstance(node, Value):  # year, language, type, codes: not in the FTS5 table
            self.lossy = True
            return None
        if isinstance(node, Not):
            self.lossy = True
            return None
        if isinstance(node, AnyOf):
            options = [self.node(child) for child in node.children]
            kept = [o for o in options if o is not None]
            if len(kept) < len(options):
                self.lossy = True
            return "(" + " OR ".join(kept) + ")" if kept else None
        assert isinstance(node, All)
        positives, negatives = [], []
        for child in node.children:
            if isinstance(child, Not):
                inner = self.node(child.child)
                if inner is not None:
                    negatives.append(inner)
            elif (part := self.node(child)) is not None:
                positives.append(part)
        if not positives:
            self.lossy = self.lossy or bool(negatives)
            return None
        expression = "(" + " AND ".join(positives) + ")"
        if negatives:
            expression += " NOT (" + " OR ".join(negatives) + ")"
        return expression


def fts5_search(connection: sqlite3.Connection, expression: str) -> tuple[int, list[tuple]]:
    rows = connection.execute(
        f"SELECT rowid, title, bm25(fts, {FTS5_WEIGHTS}) AS score FROM fts "
        "WHERE fts MATCH ? ORDER BY score LIMIT ?",
        (expression, LIMIT),
    ).fetchall()
    (total,) = connection.execute(
        "SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)
    ).fetchone()
    return total, rows


def time_fts5(
    connection: sqlite3.Connection, queries: Sequence[BenchQuery]
) -> tuple[dict[int, float], dict[str, int]]:
    translator = Fts5Translator()
    expressions: dict[int, str] = {}
    counts = {"fts5_not_expressible": 0, "fts5_degraded": 0, "fts5_errors": 0}
    for number, query in enumerate(queries):
        expression = translator.translate(query.text)
        if expression is None:
            counts["fts5_not_expressible"] += 1
            continue
        if translator.lossy or query.category in FTS5_LOSSY_CATEGORIES:
            counts["fts5_degraded"] += 1
        try:
            fts5_search(connection, expression)  # warm-up, and proof that the syntax is valid
        except sqlite3.OperationalError as exc:
            counts["fts5_errors"] += 1
            note(f"  FTS5 error for {query.text!r} → {expression!r}: {exc}")
            continue
        expressions[number] = expression
    gc.collect()
    timings: dict[int, float] = {}
    zero = 0
    for number, expression in expressions.items():
        started = time.perf_counter()
        total, _rows = fts5_search(connection, expression)
        timings[number] = time.perf_counter() - started
        zero += total == 0
    counts["fts5_zero_hit_queries"] = zero
    return timings, counts


# --- one size --------------------------------------------------------------------------------


def _size_mb(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0
    if path.is_file():
        total = path.stat().st_size
    return round(total / 2**20, 1)


def measure(size: int, queries: Sequence[BenchQuery], workdir: Path) -> dict[str, Any]:
    data_dir = workdir / f"catalog-{size}"
    location = resolve_location(data_dir, f"sqlite:///{data_dir / 'catalog.sqlite'}")
    result: dict[str, Any] = {"benchmark": "search", "records": size}
    with open_catalog(location) as catalog:
        repository = RecordRepository(catalog)
        note(f"[{size}] loading demo records")
        started = time.perf_counter()
        added = repository.add_many(
            generate_records(size, seed=SEED), total=size, progress=progress_printer("loading")
        )
        result["load_s"] = round(time.perf_counter() - started, 2)
        assert len(added) == size

        note(f"[{size}] building the search index")
        index = SearchIndex(catalog)
        started = time.perf_counter()
        indexed = index.rebuild(progress_printer("indexing"), processes=2)  # as the CLI does
        build_s = time.perf_counter() - started
        assert indexed == size, (indexed, size)
        result["index_build_s"] = round(build_s, 2)
        result["index_records_per_s"] = round(size / build_s)
        result["index_mb"] = _size_mb(location.index_dir)

        searcher = CatalogSearcher(index)
        try:
            note(f"[{size}] timing {len(queries)} queries")
            timings, counts, totals = time_searches(searcher, queries, facets=False)
            values = list(timings.values())
            result["queries"] = len(queries)
            result["median_ms"] = ms(statistics.median(values))
            result["p95_ms"] = ms(percentile(values, 95))
            result["max_ms"] = ms(max(values))
            slowest = max(timings, key=timings.__getitem__)
            result["slowest_query"] = queries[slowest].text
            result["per_category_median_ms"] = per_category_median(queries, timings)
            result |= counts
            result |= check_totals(searcher, queries, totals)

            note(f"[{size}] timing the queries with facets")
            started = time.perf_counter()
            searcher.search(queries[0].text, limit=LIMIT, facets=True)
            result["facets_first_ms"] = ms(time.perf_counter() - started)
            facet_timings, _, _ = time_searches(searcher, queries, facets=True)
            facet_values = list(facet_timings.values())
            result["facets_median_ms"] = ms(statistics.median(facet_values))
            result["facets_p95_ms"] = ms(percentile(facet_values, 95))

            note(f"[{size}] FTS5 baseline")
            fts_path = workdir / f"fts5-{size}.sqlite"
            connection, fts_build_s, fts_insert_s = build_fts5(fts_path, repository)
            try:
                result["fts5_build_s"] = round(fts_build_s, 2)
                result["fts5_insert_s"] = round(fts_insert_s, 2)
                result["fts5_mb"] = _size_mb(fts_path)
                fts_timings, fts_counts = time_fts5(connection, queries)
            finally:
                connection.close()
            fts_values = list(fts_timings.values())
            result["fts5_queries"] = len(fts_values)
            result |= fts_counts
            if fts_values:
                result["fts5_median_ms"] = ms(statistics.median(fts_values))
                result["fts5_p95_ms"] = ms(percentile(fts_values, 95))
                result["fts5_max_ms"] = ms(max(fts_values))
                result["fts5_per_category_median_ms"] = per_category_median(queries, fts_timings)
                ours_subset = [timings[n] for n in fts_timings]
                result["p95_fts5_subset_ms"] = ms(percentile(ours_subset, 95))
                fts_p95 = percentile(fts_values, 95)
                result["ratio_p95_to_fts5"] = (
                    round(percentile(ours_subset, 95) / fts_p95, 2) if fts_p95 > 0 else None
                )

            note(f"[{size}] timing {EDITS} edits until searchable")
            result |= time_edits(repository, index, searcher)
        finally:
            searcher.close()
            index.close()
    shutil.rmtree(data_dir, ignore_errors=True)
    for leftover in workdir.glob(f"fts5-{size}.sqlite*"):
        leftover.unlink()
    return result


def summary(results: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    by_size = {r["records"]: r for r in results}
    small, large = by_size.get(10_000), by_size.get(100_000)
    if small is None or large is None:
        return None
    ratio = large["p95_ms"] / small["p95_ms"] if small["p95_ms"] > 0 else float("inf")
    targets = {
        "median_100k_le_15ms": large["median_ms"] <= TARGETS["median_ms"],
        "p95_100k_le_60ms": large["p95_ms"] <= TARGETS["p95_ms"],
        "p95_ratio_100k_10k_le_3": ratio <= TARGETS["p95_ratio"],
        "reindex_100k_le_90s": large["index_build_s"] <= TARGETS["reindex_s"],
    }
    return {
        "p95_100k_over_p95_10k": round(ratio, 2),
        "targets": targets,
        "all_targets_met": all(targets.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 2000 records only (overrides --sizes)"
    )
    parser.add_argument(
        "--queries-out", metavar="FILE", help="write the query list, one per line, and go on"
    )
    args = parser.parse_args()
    sizes = QUICK_SIZES if args.quick else args.sizes
    if not fts5_available():
        parser.error("this Python's sqlite3 was built without FTS5; the baseline needs it")

    queries = build_queries()
    categories = len({q.category for q in queries})
    note(f"{len(queries)} queries in {categories} categories")
    if args.queries_out:
        Path(args.queries_out).write_text("".join(q.text + "\n" for q in queries), encoding="utf-8")
        note(f"queries written to {args.queries_out}")

    results = []
    with tempfile.TemporaryDirectory(prefix="library-app-bench-search-") as scratch:
        for size in sizes:
            result = measure(size, queries, Path(scratch))
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results.append(result)
    overall = summary(results)
    if overall is not None:
        overall["machine"] = {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(),
            "machine": platform.machine(),
        }
        print(json.dumps({"summary": overall}, indent=2), flush=True)


if __name__ == "__main__":
    main()
