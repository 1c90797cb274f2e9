"""The search-box language, parsed by hand so that nothing a reader types can make it fail.

    water resources            all words (ru/en stop words dropped unless nothing else is left)
    "Aral Sea"                 phrase            Balkh*   prefix        Balkash~   fuzzy
    water OR вода              either            NOT dam, -dam         exclude
    (a OR b) c                 grouping          title: author: subject: place: publisher: series:
    year:2005  year:2005..2009  lang:kk  type:report  isbn:  issn:  inv:  barcode:  udc:  bbk:  id:

Field names also work in Russian (автор:, год:, язык: …).  Problems — a missing quote or
parenthesis, an unknown field, a bad year — never raise: the parser repairs what it can, searches
the rest, and reports each repair in ``ParsedQuery.messages``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FIELD_ALIASES = {
    "title": "title", "ti": "title", "заглавие": "title", "название": "title",
    "author": "author", "au": "author", "автор": "author",
    "subject": "subject", "su": "subject", "тема": "subject", "рубрика": "subject",
    "keyword": "subject", "kw": "subject",
    "place": "place", "geo": "place", "место": "place", "география": "place",
    "publisher": "publisher", "pub": "publisher", "издательство": "publisher",
    "издатель": "publisher",
    "series": "series", "серия": "series",
    "year": "year", "год": "year",
    "lang": "lang", "language": "lang", "язык": "lang",
    "type": "type", "тип": "type", "вид": "type",
    "isbn": "isbn", "issn": "issn",
    "inv": "inv", "инв": "inv", "inventory": "inv",
    "barcode": "barcode", "штрихкод": "barcode",
    "udc": "udc", "удк": "udc", "bbk": "bbk", "ббк": "bbk",
    "id": "id", "cn": "id",
}  # fmt: skip
TEXT_FIELDS = frozenset({"title", "author", "subject", "place", "publisher", "series"})
OR_WORDS = frozenset({"OR", "ИЛИ", "|", "||"})
NOT_WORDS = frozenset({"NOT", "НЕ"})
AND_WORDS = frozenset({"AND", "&", "&&"})


@dataclass(frozen=True)
class Word:
    text: str
    field: str = ""  # "" for the default fields
    prefix: bool = False
    fuzzy: int = 0  # maximum edit distance, 0 for none


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str = ""


@dataclass(frozen=True)
class Value:
    """A fielded value that is not running text: year, language, codes."""

    field: str
    text: str


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class All:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    children: tuple[Node, ...]


Node = Word | Phrase | Value | Not | All | Any


@dataclass
class ParsedQuery:
    root: Node | None
    messages: list[str] = field(default_factory=list)


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<field>[^\W\d_][\w]*):(?=\S)           # title:
  | (?P<quote>")
  | (?P<minus>-)(?=[^\s\-])                    # -word (only at the start of a term)
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)
# Typographic quotes are treated as the plain quote.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:  # cannot happen with the catch-all above, but never loop forever
            position += 1
            continue
        kind = match.lastgroup or "word"
        value = match.group(kind)
        position = match.end()
        if kind == "quote":
            end = text.find('"', position)
            if end == -1:
                out.append(("unclosed", text[position:]))
                position = len(text)
            else:
                out.append(("phrase", text[position:end]))
                position = end + 1
            continue
        if kind == "minus" and out and out[-1][0] not in ("space", "open"):
            kind = "word"  # a hyphen glued to the previous term
        if kind != "space" or (out and out[-1][0] != "space"):
            out.append((kind, value))
    return [t for t in out if t[0] != "space"]


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text.translate(_QUOTES))
        self.index = 0
        self.messages: list[str] = []
        self.depth = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node | None:
        nodes: list[Node] = []
        while self.peek() is not None:
            node = self.parse_or()
            if node is not None:
                nodes.append(node)
            if self.peek() is not None and self.peek()[0] == "close":  # type: ignore[index]
                self.take()
                self.messages.append("A closing parenthesis has no opening one; it was ignored.")
        return _all(nodes)

    def parse_or(self) -> Node | None:
        options: list[Node] = []
        node = self.parse_and()
        if node is not None:
            options.append(node)
        while self._at_word(OR_WORDS):
            self.take()
            node = self.parse_and()
            if node is not None:
                options.append(node)
        if not options:
            return None
        return options[0] if len(options) == 1 else Any(tuple(options))

    def parse_and(self) -> Node | None:
        nodes: list[Node] = []
        while (token := self.peek()) is not None and token[0] != "close":
            if self._at_word(OR_WORDS):
                break
            if self._at_word(AND_WORDS):
                self.take()
                continue
            node = self.parse_unary()
            if node is not None:
                nodes.append(node)
        return _all(nodes)

    def parse_unary(self) -> Node | None:
        kind, value = self.peek()  # type: ignore[misc]
        if kind == "minus" or self._at_word(NOT_WORDS):
            self.take()
            if self.peek() is None or self.peek()[0] == "close":  # type: ignore[index]
                return None
            child = self.parse_unary()
            return Not(child) if child is not None else None
        if kind == "open":
            self.take()
            self.depth += 1
            node = self.parse_or()
            self.depth -= 1
            if self.peek() is not None and self.peek()[0] == "close":  # type: ignore[index]
                self.take()
            else:
                self.messages.append("A parenthesis was not closed; it was closed at the end.")
            return node
        self.take()
        if kind == "field":
            return self.parse_field(value)
        if kind in ("phrase", "unclosed"):
            if kind == "unclosed":
                self.messages.append("A quotation mark was not closed; it was closed at the end.")
            return Phrase(value) if value.strip() else None
        return _word(value, "")

    def parse_field(self, name: str) -> Node | None:
        canonical = FIELD_ALIASES.get(name.lower())
        token = self.peek()
        if canonical is None:
            if token is None or token[0] in ("close", "open"):
                return _word(name, "")
            kind, value = self.take()
            self.messages.append(f"Unknown field “{name}:”; “{value}” was searched in all fields.")
            if kind in ("phrase", "unclosed"):
                return Phrase(value) if value.strip() else None
            return _word(value, "")
        if token is None or token[0] in ("close", "open"):
            return None
        kind, value = self.take()
        if kind in ("phrase", "unclosed"):
            if kind == "unclosed":
                self.messages.append("A quotation mark was not closed; it was closed at the end.")
            if canonical in TEXT_FIELDS:
                return Phrase(value, canonical) if value.strip() else None
            return Value(canonical, value)
        if canonical in TEXT_FIELDS:
            return _word(value, canonical)
        return Value(canonical, value)

    def _at_word(self, words: frozenset[str]) -> bool:
        token = self.peek()
        return token is not None and token[0] == "word" and token[1] in words


def _word(text: str, field_name: str) -> Word | None:
    fuzzy = 0
    if m := re.fullmatch(r"(.+?)~([12]?)", text):
        text, fuzzy = m.group(1), int(m.group(2) or 0) or -1  # -1: distance by word length
    prefix = text.endswith("*") and len(text.rstrip("*")) > 0
    text = text.rstrip("*~")
    if not text:
        return None
    return Word(text, field_name, prefix=prefix, fuzzy=fuzzy)


def _all(nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else All(tuple(nodes))


def parse(text: str) -> ParsedQuery:
    """Parse a search-box string; never raises."""
    parser = _Parser(text[:2000])
    root = parser.parse()
    return ParsedQuery(root, parser.messages)
