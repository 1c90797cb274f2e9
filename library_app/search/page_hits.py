"""Which pages of an attached file match a query, with a highlighted passage of each.

The search tells a reader that a record was found in its PDF; this module says where.  It reads
the text the indexer already extracted (the full-text cache, by the attachment's SHA-256) and
matches the query's words the way the index does: a page word matches when one of its forms
(folded word, stems, transliteration keys) is one of the query word's terms, so «Балхаш» finds
«Балқаштың» on page 12.  Only the words that can make a record match through its full text
count: words searched in all fields (not ``title:``…), not the excluded ones (``-dam``, NOT), and
stop words only when the query has nothing else.  Phrases count word by word.

Pure and Qt-free: the GUI calls it in the same background task that loads the record.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from library_app.core.text import words
from library_app.search.analysis import (
    Analyzer,
    is_stop_word,
    key_terms,
    query_terms,
    word_forms,
)
from library_app.search.index import SearchIndex
from library_app.search.query import All, Any, Node, Not, Phrase, Word, parse
from library_app.search.snippets import CONTEXT_BEFORE, WIDTH

# The span of one word in the page text (Uzbek apostrophes stay inside the word), as snippets do.
_WORD = re.compile(r"\w+(?:[\u02bb\u02bc\u2018\u2019'`]\w+)*")
_TAG = re.compile(r"</?b>")


@dataclass(frozen=True)
class PageHit:
    """One matching page: its 1-based number and a passage around the first match.

    ``html`` is escaped text with the matches in ``<b>``; ``text`` is the same passage as plain
    text with the matches in «…» (as :class:`~library_app.search.snippets.Snippet` does)."""

    page: int
    html: str
    text: str
    words: int = 1
    """How many different query words the page contains."""


@dataclass(frozen=True)
class _QueryWord:
    """What one query word meets: exact terms, or a prefix, and a variant-list key."""

    terms: frozenset[str]
    prefix: str = ""
    key_prefix: str = ""
    variant: str | None = None


def _positive_words(node: Node | None) -> Iterator[tuple[str, bool]]:
    """(word, is_prefix) of every word searched in the default fields, outside NOT."""
    if node is None or isinstance(node, Not):
        return
    if isinstance(node, All | Any):
        for child in node.children:
            yield from _positive_words(child)
    elif isinstance(node, Word) and not node.field:
        folded = words(node.text)
        for word in folded:
            yield word, node.prefix and len(folded) == 1
    elif isinstance(node, Phrase) and not node.field:
        for word in words(node.text):
            yield word, False


def query_words(query: str, analyzer: Analyzer | None = None) -> list[_QueryWord]:
    """The query's words that can match full text, each as the terms it meets."""
    found = list(dict.fromkeys(_positive_words(parse(query).root)))
    if any(not is_stop_word(word) or prefix for word, prefix in found):
        found = [(word, prefix) for word, prefix in found if prefix or not is_stop_word(word)]
    out: list[_QueryWord] = []
    for word, prefix in found:
        if prefix:
            keys = key_terms([word])
            key_prefix = keys[0] if keys and len(keys[0]) > 3 else ""
            out.append(_QueryWord(frozenset(), prefix=word, key_prefix=key_prefix))
            continue
        forms, keys = query_terms(word)
        variant = analyzer.query_variant([word]) if analyzer is not None else None
        out.append(_QueryWord(frozenset(forms) | frozenset(keys), variant=variant))
    return out


class _Matcher:
    """Which query words a page word matches, remembered per folded word (pages repeat words)."""

    def __init__(self, wanted: list[_QueryWord], analyzer: Analyzer | None) -> None:
        self.wanted = wanted
        self.analyzer = analyzer if any(w.variant for w in wanted) else None
        self._cache: dict[str, frozenset[int]] = {}

    def __call__(self, text: str) -> frozenset[int]:
        matched: set[int] = set()
        for folded in words(text):
            known = self._cache.get(folded)
            if known is None:
                known = self._cache[folded] = self._match(folded)
            matched |= known
        return frozenset(matched)

    def _match(self, folded: str) -> frozenset[int]:
        forms = word_forms(folded, turkic=True)
        keys = key_terms(forms)
        own = set(forms) | set(keys)
        variant = None
        if self.analyzer is not None:
            spans = self.analyzer.variant_spans([keys])
            variant = spans[0][1] if spans else None
        hits = set()
        for number, word in enumerate(self.wanted):
            if word.prefix:
                if any(f.startswith(word.prefix) for f in forms) or (
                    word.key_prefix and any(k.startswith(word.key_prefix) for k in keys)
                ):
                    hits.add(number)
            elif own & word.terms or (word.variant is not None and word.variant == variant):
                hits.add(number)
        return frozenset(hits)


def _passage(text: str, spans: list[tuple[int, int]]) -> str:
    """HTML passage around the first match with every match inside it in ``<b>``."""
    first = spans[0][0]
    start = max(0, first - CONTEXT_BEFORE)
    if start:  # begin at a word boundary, never inside a word
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else first
    end = min(len(text), start + WIDTH)
    if end < len(text):
        space = text.find(" ", end)
        end = space if space != -1 and space - end < 40 else end
    end = max(end, spans[0][1])
    pieces: list[str] = ["…"] if start > 0 else []
    cursor = start
    for match_start, match_end in spans:
        if match_start < start or match_end > end:
            continue
        pieces.append(html.escape(text[cursor:match_start]))
        pieces.append(f"<b>{html.escape(text[match_start:match_end])}</b>")
        cursor = match_end
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return " ".join("".join(pieces).split())


def plain_text(passage: str) -> str:
    """An HTML passage as plain text, matches in «…»."""
    return html.unescape(_TAG.sub(lambda m: "«" if m.group() == "<b>" else "»", passage))


def pages_matching(
    pages: tuple[str, ...] | list[str],
    query: str,
    analyzer: Analyzer | None = None,
    limit: int = 20,
) -> list[PageHit]:
    """The pages (texts, page 1 first) that contain the query's words; see :func:`page_hits`."""
    wanted = query_words(query, analyzer)
    if not wanted or limit <= 0:
        return []
    match = _Matcher(wanted, analyzer)
    found: list[tuple[int, int, list[tuple[int, int]]]] = []
    for number, page in enumerate(pages, start=1):
        spans: list[tuple[int, int]] = []
        seen: set[int] = set()
        for found_word in _WORD.finditer(page):
            which = match(found_word.group())
            if which:
                spans.append(found_word.span())
                seen |= which
        if spans:
            found.append((number, len(seen), spans))
    # The pages with most of the query's words when there are more than ``limit``, in page order.
    best = sorted(found, key=lambda item: (-item[1], item[0]))[:limit]
    hits = []
    for number, count, spans in sorted(best):
        passage = _passage(pages[number - 1], spans)
        hits.append(PageHit(number, passage, plain_text(passage), count))
    return hits


def page_hits(index: SearchIndex, sha256: str, query: str, limit: int = 20) -> list[PageHit]:
    """Matching pages of the attachment ``sha256`` from the full-text cache of ``index``.

    [] when its text has not been extracted (yet), could not be, or nothing matches.  When more
    than ``limit`` pages match, those containing most of the query's words are kept."""
    if not query.strip():
        return []
    cached = index.fulltext.get(sha256)
    if cached is None or cached.error or not cached.pages:
        return []
    return pages_matching(cached.pages, query, index.analyzer, limit)
