"""Sort keys for title and author lists, in the order a Central Asian library catalogue is read.

``collation_key`` turns a heading into a string whose plain ``str`` order is the filing order.
Every code point of a key lies in U+0001..U+D7FF, so the UTF-8 byte order of a key is the same
order: a key stored in a ``COLLATE "C"`` (PostgreSQL) or ``BINARY`` (SQLite) column sorts in SQL
exactly as in Python, and keys never contain NUL, which PostgreSQL text refuses.

Filing rules (why: readers scan lists by the first *word*, in the alphabet they learnt):

* Leading punctuation, quotes, brackets, «», spaces and — for ASCII-only (English-looking)
  titles — an initial article "The", "A", "An" are not filed on: «Арал» files under А.
* Inner spaces and punctuation are one word separator that files before any letter, so
  "Арал теңізі" < "Аралкум".  Apostrophes inside words and soft hyphens are ignored
  ("don't" files as "dont"), except in the Uzbek letters oʻ and gʻ.
* Numbers file before letters and by value ("2" < "10"; leading zeros do not count).
* All Cyrillic before all Latin; other scripts after Latin, by code point.
* Cyrillic follows the Kazakh alphabet, which contains the Russian one.  Ё is a letter of its own
  after Е, as in the Kazakh alphabet and strict Russian library practice (catalogues that
  interfile Е/Ё would move «ё» onto «е» in ``_CYRILLIC``).  Й is its own letter after И.  Letters
  of the other Central Asian alphabets file right after their base letter: и ӣ й, у ў ӯ ұ ү,
  х ҳ һ, ж җ, з ҙ, с ҫ, ч ҷ (ў and ӯ are "у with a mark", so they come before Kazakh ұ ү).
  Stress accents (а́) are ignored.
* Latin is a–z with each accented letter right after its base (ä after a, ç after c, ň after n,
  ö after o, ş after s, ü after u, ý after y, ž after z), dotless ı right before i, and the Uzbek
  oʻ and gʻ (apostrophe typed as ʻ ‘ ’ ' ` or ʼ) right after o and g, as in the Uzbek alphabet.
  sh and ch are not digraphs.  "O'Brien" is not read as Uzbek oʻ: an apostrophe followed by a
  capital and then a small letter marks an Irish-style name.

Comparison is case-insensitive first; equal headings are then ordered lower-case before
upper-case, and finally by the original string, so keys are equal only for identical strings.
"""

from __future__ import annotations

import re
import unicodedata

# Kazakh alphabet with the letters of the neighbouring alphabets slotted in after their base.
_CYRILLIC = "аәбвгғҝґдеёєжҗзҙиӣйкқҡлмнңӊоөпрсҫтуўӯұүфхҳһцчҷшщъыіїьэюя"
_LATIN = "abcdefghıijklmnopqrstuvwxyz"
_APOSTROPHES = "\u02bb\u2018\u2019'`\u02bc"
_UZBEK_APOSTROPHES = "\u02bb\u2018"  # never an English apostrophe: always makes oʻ / gʻ
_STRESS = "\u0300\u0301"  # ignored on Cyrillic letters

# Primary weights.  Every element starts with one of these and its length follows from that
# first character, so two keys are aligned element by element up to their first difference.
_LEVEL = "\x01"  # ends the primary and the case level: shorter headings file first
_SEPARATOR = "\x02"  # a run of spaces/punctuation inside the heading
_NUMBER = "\x03"  # followed by a digit-count character and the digits
_CYRILLIC_BASE = 0x100
_CYRILLIC_OTHER = "\u01ff"  # Cyrillic letters not in _CYRILLIC, then their code point as a mark
_LATIN_BASE = 0x200
_LATIN_OTHER = "\u02ff"
_OTHER = "\u0500"  # any other script: two characters carrying the code point
_UZBEK_MARK = "\u0f00"  # the ʻ of oʻ/gʻ: after the bare letter, before any accented one
_MARK_BASE = 0x1000  # combining marks: above every element start, so ö files after all o…
_MAX_DIGITS = 0x1000

# Latin letters that do not decompose: base letter plus a pseudo-mark that files after the accents.
_LATIN_SPECIAL = {
    "ø": "o\u0338",
    "ł": "l\u0338",
    "đ": "d\u0335",
    "ħ": "h\u0335",
    "ŋ": "n\u0359",
    "ə": "e\u036f",  # Azerbaijani ə files after e and its accented forms
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ð": "d\u0336",
}
_ARTICLE = re.compile(r"(?:the|an|a)\s+", re.IGNORECASE)
_BRACKET_NOTE = re.compile(r"\s*\[[^\]]*\]")


def _is_significant(char: str) -> bool:
    """Whether a heading may start at ``char``: letters and digits, but not apostrophes."""
    return unicodedata.category(char)[0] in "LN" and char not in _APOSTROPHES


def _strip_leading(text: str) -> str:
    """Drop leading punctuation/quotes/spaces and, for ASCII titles, an English article."""
    start = next((i for i, char in enumerate(text) if _is_significant(char)), len(text))
    text = text[start:]
    match = _ARTICLE.match(text) if text.isascii() else None
    if match and match.end() < len(text):
        return _strip_leading(text[match.end() :])
    return text


def _mark(char: str) -> str:
    """Weight of a combining mark (or of an unlisted letter's code point)."""
    return chr(_MARK_BASE + min(ord(char), 0xC000))


def _number(digits: str) -> str:
    """Digits by value: digit count first, so 2 < 10 (digits of any script, zeros ignored)."""
    value = "".join(str(unicodedata.decimal(d)) for d in digits).lstrip("0") or "0"
    return "".join(
        _NUMBER + chr(0x20 + len(chunk)) + "".join(chr(0x30 + int(d)) for d in chunk)
        for chunk in (value[i : i + _MAX_DIGITS] for i in range(0, len(value), _MAX_DIGITS))
    )


def _letter(char: str) -> tuple[str, bool]:
    """Weight of one case-folded letter and whether it is Cyrillic (to drop stress marks)."""
    if char in _LATIN_SPECIAL:
        return "".join(_weight(part)[0] for part in _LATIN_SPECIAL[char]), False
    if (index := _CYRILLIC.find(char)) >= 0:
        return chr(_CYRILLIC_BASE + index), True
    if (index := _LATIN.find(char)) >= 0:
        return chr(_LATIN_BASE + index), False
    base, *marks = unicodedata.normalize("NFD", char)
    if marks and (base in _CYRILLIC or base in _LATIN):
        weight, cyrillic = _letter(base)
        kept = [m for m in marks if not (cyrillic and m in _STRESS)]
        return weight + "".join(_mark(m) for m in kept), cyrillic
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return _CYRILLIC_OTHER + _mark(char), True
    if name.startswith("LATIN"):
        return _LATIN_OTHER + _mark(char), False
    code = ord(char)
    return _OTHER + chr(0x600 + (code >> 10)) + chr(0x600 + (code & 0x3FF)), False


def _weight(char: str, cyrillic: bool = False) -> tuple[str, bool]:
    """Weight of a letter, or of a mark following a letter (Cyrillic stress marks weigh nothing)."""
    if unicodedata.category(char)[0] != "M":
        return _letter(char)
    return ("" if cyrillic and char in _STRESS else _mark(char)), cyrillic


def _uzbek_apostrophe(text: str, i: int, after_o_or_g: bool) -> bool:
    """Whether the apostrophe at ``text[i]`` belongs to the Uzbek letter oʻ or gʻ."""
    if not after_o_or_g or i + 1 >= len(text) or not text[i + 1].isalpha():
        return False
    if text[i] in _UZBEK_APOSTROPHES:
        return True
    irish = text[i + 1].isupper() and i + 2 < len(text) and text[i + 2].islower()
    return not irish  # O'Brien, O'Neill: an apostrophe, not oʻ


def _weights(text: str) -> tuple[str, str]:
    """Primary (letters, numbers, separators) and case weights of a significant heading."""
    primary: list[str] = []
    case: list[str] = []
    pending_separator = False
    last_cyrillic = after_o_or_g = False
    i = 0
    while i < len(text):
        char = text[i]
        category = unicodedata.category(char)
        if char.isdecimal():
            end = i
            while end < len(text) and text[end].isdecimal():
                end += 1
            element, i = _number(text[i:end]), end
            last_cyrillic = after_o_or_g = False
        elif char in _APOSTROPHES:
            if not pending_separator and _uzbek_apostrophe(text, i, after_o_or_g):
                primary.append(_UZBEK_MARK)
            after_o_or_g = False
            i += 1
            continue
        elif category[0] in "LN":
            if char.isupper() or category == "Lt":
                case.append("\x03")
            elif char.islower():
                case.append("\x02")
            folded = "i" if char == "İ" else char.casefold()
            element = ""
            for part in unicodedata.normalize("NFC", folded):
                weight, last_cyrillic = _weight(part, last_cyrillic)
                element += weight
            after_o_or_g = folded in ("o", "g")
            i += 1
        elif category[0] == "M":
            if not pending_separator:
                primary.append(_weight(char, last_cyrillic)[0])
            after_o_or_g = False
            i += 1
            continue
        else:
            # Spaces, punctuation, symbols and controls separate words; format characters (soft
            # hyphen, zero-width joiners) are invisible and ignored.
            pending_separator = pending_separator or category != "Cf"
            i += 1
            continue
        if pending_separator and primary:
            primary.append(_SEPARATOR)
        pending_separator = False
        primary.append(element)
    return "".join(primary), "".join(case)


def _escape(text: str) -> str:
    """``text`` re-encoded below U+D800 (and without NUL) keeping code-point order."""
    out = []
    for char in text:
        value = ord(char) + 1
        if value < 0xD000:
            out.append(chr(value))
        else:  # fixed two characters above every single one: order and prefixes are kept
            offset = value - 0xD000
            out.append(chr(0xD000 + (offset >> 10)) + chr(0x400 + (offset & 0x3FF)))
    return "".join(out)


def _key(original: str, heading: str) -> str:
    primary, case = _weights(_strip_leading(unicodedata.normalize("NFKC", heading)))
    return primary + _LEVEL + case + _LEVEL + _escape(original)


def collation_key(text: str) -> str:
    """Sort key of a title or name in catalogue filing order (see the module docstring)."""
    return _key(text, text)


def sort_title_key(title: str) -> str:
    """Like ``collation_key`` but also skips a leading cataloguer's note such as "[Карта]"."""
    match = _BRACKET_NOTE.match(title)
    heading = title[match.end() :] if match and title[match.end() :].strip() else title
    return _key(title, heading)
