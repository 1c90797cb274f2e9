"""Parsed queries → whoosh queries over the terms :mod:`library_app.search.analysis` indexes.

Every reader word becomes a disjunction of the terms that may stand for it: its folded form
(weight 1), its stems (0.9), its transliteration keys (0.35) and, for names in the variant list,
the group's shared key.  A document written in the reader's script matches several of them and
therefore ranks above one that shares only the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as wq

from library_app.core.languages import to_code
from library_app.core.model import MaterialType
from library_app.core.text import words
from library_app.search.analysis import (
    VARIANT_PREFIX,
    Analyzer,
    is_stop_word,
    key_terms,
    query_terms,
    stem,
)
from library_app.search.query import All, Any, Node, Not, Phrase, Value, Word
from library_app.search.schema import FULLTEXT_BOOST, code_terms, isbn_terms

STEM_WEIGHT = 0.9
KEY_WEIGHT = 0.35
FUZZY_WEIGHT = 0.5
DEFAULT_FIELDS = (("all", 1.0), ("fulltext", FULLTEXT_BOOST))

TYPE_ALIASES = {
    "книга": "book", "книги": "book", "monograph": "book", "монография": "book",
    "статья": "article", "статьи": "article",
    "отчет": "report", "отчёт": "report", "отчеты": "report", "доклад": "report",
    "сборник": "proceedings", "труды": "proceedings", "conference": "proceedings",
    "диссертация": "thesis", "dissertation": "thesis", "автореферат": "thesis",
    "карта": "map", "карты": "map", "журнал": "serial", "journal": "serial",
    "периодика": "serial", "электронный": "electronic", "ebook": "electronic",
    "видео": "audiovisual", "video": "audiovisual", "стандарт": "standard", "гост": "standard",
}  # fmt: skip
_YEAR_RANGE = re.compile(r"^(\d{1,4})?\s*(?:\.\.|-|–|—)\s*(\d{1,4})?$")


@dataclass
class Compiled:
    query: wq.Query | None
    messages: list[str] = field(default_factory=list)
    plain_words: list[str] = field(default_factory=list)  # candidates for "did you mean"


class Compiler:
    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.messages: list[str] = []
        self.plain_words: list[str] = []

    def compile(self, node: Node | None) -> Compiled:
        query = self.node(node) if node is not None else None
        return Compiled(query, self.messages, self.plain_words)

    # --- structure ------------------------------------------------------------------------

    def node(self, node: Node) -> wq.Query | None:
        if isinstance(node, Word):
            return self.word(node)
        if isinstance(node, Phrase):
            return self.phrase(words(node.text), self._fields(node.field))
        if isinstance(node, Value):
            return self.value(node)
        if isinstance(node, Not):
            inner = self.node(node.child)
            return wq.AndNot(wq.Every(), inner) if inner is not None else None
        if isinstance(node, Any):
            options = [q for q in (self.node(c) for c in node.children) if q is not None]
            return _or(options)
        return self.all(node)

    def all(self, node: All) -> wq.Query | None:
        children = list(node.children)
        content = [c for c in children if not isinstance(c, Not)]
        if any(not _is_stop(c) for c in content):
            children = [c for c in children if not _is_stop(c)]
        positives: list[wq.Query] = []
        negatives: list[wq.Query] = []
        index = 0
        while index < len(children):
            child = children[index]
            span = self._variant_span(children, index)
            if span:
                run = children[index : index + span]
                variant = self._variant_term([w for c in run for w in words(c.text)])  # type: ignore[union-attr]
                plain = _and([q for q in (self.node(c) for c in run) if q is not None])
                positives.append(_or([q for q in (plain, variant) if q is not None]))
                index += span
                continue
            index += 1
            if isinstance(child, Not):
                inner = self.node(child.child)
                if inner is not None:
                    negatives.append(inner)
                continue
            compiled = self.node(child)
            if compiled is not None:
                positives.append(compiled)
        if not positives and not negatives:
            return None
        base = _and(positives) if positives else wq.Every()
        return wq.AndNot(base, _or(negatives)) if negatives else base

    def _variant_span(self, children: list[Node], start: int) -> int:
        """Length (2 or 3) of a run of plain words that names a place in the variant list."""
        for length in (3, 2):
            run = children[start : start + length]
            if len(run) == length and all(_is_plain(c) for c in run):
                run_words = [w for c in run for w in words(c.text)]  # type: ignore[union-attr]
                if self.analyzer.query_variant(run_words) is not None:
                    return length
        return 0

    # --- leaves ---------------------------------------------------------------------------

    @staticmethod
    def _fields(name: str) -> tuple[tuple[str, float], ...]:
        return ((name, 1.0),) if name else DEFAULT_FIELDS

    def _variant_term(self, query_words: list[str]) -> wq.Query | None:
        canonical = self.analyzer.query_variant(query_words)
        if canonical is None:
            return None
        return wq.Term("all", VARIANT_PREFIX + canonical, boost=KEY_WEIGHT)

    def word(self, node: Word) -> wq.Query | None:
        folded = words(node.text)
        fields = self._fields(node.field)
        if not folded:
            return None
        if len(folded) > 1:  # "Ust-Kamenogorsk", "2005-2009": the parts in a row
            return self.phrase(folded, fields)
        word = folded[0]
        if node.prefix:
            parts: list[wq.Query] = [wq.Prefix(f, word, boost=b) for f, b in fields]
            key = key_terms([word])
            if key and len(key[0]) > 3:
                parts += [wq.Prefix(f, key[0], boost=b * KEY_WEIGHT) for f, b in fields]
            return _or(parts)
        if not node.field and not node.fuzzy:
            self.plain_words.append(word)
        forms, keys = query_terms(word)
        parts = []
        for name, boost in fields:
            parts.append(wq.Term(name, forms[0], boost=boost))
            parts += [wq.Term(name, form, boost=boost * STEM_WEIGHT) for form in forms[1:]]
            parts += [wq.Term(name, key, boost=boost * KEY_WEIGHT) for key in keys]
            if node.fuzzy:
                distance = node.fuzzy if node.fuzzy > 0 else (1 if len(word) <= 5 else 2)
                # Typos rarely hit the first letters; a two-letter prefix keeps the expansion
                # to a small part of the vocabulary.
                prefix = 1 if len(word) <= 4 else 2
                parts.append(
                    wq.FuzzyTerm(
                        name,
                        word,
                        boost=boost * FUZZY_WEIGHT,
                        maxdist=distance,
                        prefixlength=prefix,
                    )
                )
        if not node.field or node.field == "place":
            variant = self._variant_term([word])
            if variant is not None:
                parts.append(variant)
        return _or(parts)

    def phrase(self, folded: list[str], fields: tuple[tuple[str, float], ...]) -> wq.Query | None:
        if not folded:
            return None
        if len(folded) == 1:
            field_name = fields[0][0] if len(fields) == 1 else ""
            return self.word(Word(folded[0], field_name))
        stems = [stem(w) for w in folded]
        keys = [next(iter(key_terms([w])), w) for w in folded]
        parts: list[wq.Query] = []
        for name, boost in fields:
            parts.append(wq.Phrase(name, folded, slop=1, boost=boost))
            if stems != folded:
                parts.append(wq.Phrase(name, stems, slop=1, boost=boost * STEM_WEIGHT))
            parts.append(wq.Phrase(name, keys, slop=1, boost=boost * KEY_WEIGHT))
        if fields == DEFAULT_FIELDS or fields[0][0] == "place":
            variant = self._variant_term(folded)
            if variant is not None:
                parts.append(variant)
        return _or(parts)

    def value(self, node: Value) -> wq.Query | None:
        text = node.text.strip()
        handler = {
            "year": self._year,
            "lang": self._language,
            "type": self._type,
            "isbn": self._isbn,
        }.get(node.field)
        if handler is not None:
            return handler(text)
        prefix = text.endswith("*")
        codes = code_terms(text.rstrip("*"))
        if not codes:
            return None
        name = {"id": "cn"}.get(node.field, node.field)
        if prefix or node.field in ("udc", "bbk"):  # classes are hierarchical: udc:502 ⊃ 502.1
            return _or([wq.Prefix(name, code) for code in codes])
        return _or([wq.Term(name, code) for code in codes])

    def _year(self, text: str) -> wq.Query | None:
        low = high = None
        if text.isdigit() and len(text) <= 4:
            low = high = int(text)
        elif m := _YEAR_RANGE.match(text):
            low = int(m.group(1)) if m.group(1) else None
            high = int(m.group(2)) if m.group(2) else None
        if (low is None and high is None) or (low and high and low > high):
            self.messages.append(
                f"“year:{text}” is not a year or a range such as year:2005..2009; ignored."
            )
            return None
        # A record is indexed under every year it covers, so a range is a range of terms.
        if low is not None and high is not None and low == high:
            return wq.Term("year", f"{low:04d}")
        return wq.TermRange(
            "year",
            f"{low:04d}" if low is not None else None,
            f"{high:04d}" if high is not None else None,
            constantscore=True,
        )

    def _language(self, text: str) -> wq.Query | None:
        code = to_code(text)
        if code is None:
            self.messages.append(f"Unknown language “{text}” in lang:; ignored.")
            return None
        return wq.Term("lang", code)

    def _type(self, text: str) -> wq.Query | None:
        lowered = text.lower().replace("ё", "е")
        value = TYPE_ALIASES.get(lowered, lowered)
        if value not in {t.value for t in MaterialType}:
            self.messages.append(
                f"Unknown material type “{text}” in type:; known types: "
                + ", ".join(t.value for t in MaterialType)
                + "."
            )
            return None
        return wq.Term("type", value)

    def _isbn(self, text: str) -> wq.Query | None:
        terms = isbn_terms(text)
        if not terms:
            self.messages.append(f"“isbn:{text}” holds no ISBN digits; ignored.")
            return None
        return _or([wq.Term("isbn", term) for term in terms])


def _is_plain(node: Node) -> bool:
    return isinstance(node, Word) and not node.field and not node.prefix and not node.fuzzy


def _is_stop(node: Node) -> bool:
    if not _is_plain(node):
        return False
    folded = words(node.text)  # type: ignore[union-attr]
    return len(folded) == 1 and is_stop_word(folded[0])


def _or(parts: list[wq.Query]) -> wq.Query | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def _and(parts: list[wq.Query]) -> wq.Query | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
