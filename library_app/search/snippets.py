"""Highlighted snippets: the passage of a hit that shows the reader why it was found.

Words are matched the way the index matched them — by folded form, stem and transliteration key —
so «Балхаш» in a query highlights «Балқаштың» in a Kazakh summary.  The snippet is HTML (escaped
text, matches in ``<b>``) because the GUI shows it as rich text; the CLI turns it into plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from library_app.core.text import fold
from library_app.search.analysis import key_terms, word_forms

_WORD = re.compile(r"\w+(?:[\u02bb\u02bc\u2018\u2019'`]\w+)*")
CONTEXT_BEFORE = 70
WIDTH = 220
_TAG = re.compile(r"</?b>")


@dataclass(frozen=True)
class Snippet:
    html: str
    source: str  # "title", "summary" or "fulltext"
    page: int | None = None  # 1-based page of the attachment, for full text
    attachment: str = ""  # file name of the attachment

    @property
    def text(self) -> str:
        """Plain text, matches in «…» — for terminals and JSON consumers that do not want HTML."""
        return html.unescape(_TAG.sub(lambda m: "«" if m.group() == "<b>" else "»", self.html))


def word_matches(word: str, terms: frozenset[str]) -> bool:
    for folded in re.findall(r"\w+", fold(word)):
        forms = word_forms(folded, turkic=True)
        if any(f in terms for f in forms) or any(k in terms for k in key_terms(forms)):
            return True
    return False


def highlight(text: str, terms: frozenset[str], *, whole: bool = False) -> str | None:
    """HTML passage of ``text`` around its first matching word, or None when nothing matches.
    With ``whole`` the full text is returned (titles)."""
    matches = [m for m in _WORD.finditer(text) if word_matches(m.group(), terms)]
    if not matches:
        return None
    if whole:
        start, end = 0, len(text)
    else:
        start = max(0, matches[0].start() - CONTEXT_BEFORE)
        if start:  # begin at a word boundary, never inside a word
            space = text.find(" ", start, matches[0].start())
            start = space + 1 if space != -1 else matches[0].start()
        end = min(len(text), start + WIDTH)
        if end < len(text):
            space = text.find(" ", end)
            end = space if space != -1 and space - end < 40 else end
    pieces: list[str] = ["…"] if start > 0 else []
    cursor = start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(html.escape(text[cursor : match.start()]))
        pieces.append(f"<b>{html.escape(match.group())}</b>")
        cursor = match.end()
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return " ".join("".join(pieces).split())


def best_snippet(
    title: str,
    summary: str,
    pages: Iterable[tuple[str, int, str]],
    terms: frozenset[str],
) -> Snippet:
    """Summary passage if the summary matches, else the first matching attachment page, else
    the title with its matches marked (or the opening of the summary)."""
    if summary and (passage := highlight(summary, terms)):
        return Snippet(passage, "summary")
    for filename, page_number, page_text in pages:
        if passage := highlight(page_text, terms):
            return Snippet(passage, "fulltext", page_number, filename)
    marked = highlight(title, terms, whole=True)
    if marked:
        return Snippet(marked, "title")
    opening = summary[:WIDTH] + ("…" if len(summary) > WIDTH else "")
    return Snippet(html.escape(opening), "summary" if summary else "title")
