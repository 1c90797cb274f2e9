"""How the shipped author table (``resources/author_table.tsv``) was made, so it can be made again.

Russian libraries sign books with L. B. Havkina's tables: each initial letter is divided into
letter sequences numbered 11–99 in filing order, so that the numbers spread the surnames of a
collection evenly and keep books by the same author together on the shelf.  Those tables are
not ours to copy; this module builds a table *in the same manner* from simple, stated weights:

* after a consonant the next letter is mostly a vowel (а, о weigh most; Kazakh ә ө ұ ү і less),
  or л/р after a stop consonant (Бр…, Пл…), or a frequent cluster (Ст…, Ск…, Zh…, Kh…, Sh…);
* after a vowel the next letter is a consonant (л, м, н, р, с weigh most);
* the heaviest pairs (consonant + а/о/е) are split again by their third letter.

Numbers 11–99 are then given to each letter's sequences in proportion to the weight that files
before them.  The result is a plausible, evenly spread table — not an authority.  A library that
owns a licensed Havkina (or Chamberlain) table replaces the file, or points the card and label
options at its own file; signs already on copies' shelf marks are kept either way.

Run ``python -m library_app.reports.author_table > resources/author_table.tsv`` to regenerate.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from library_app.core.collation import collation_key
from library_app.reports.author_sign import AuthorTable

FIRST_NUMBER = 11
LAST_NUMBER = 99

_RU_VOWELS = {"а": 6, "е": 4, "и": 4, "о": 5, "у": 3, "ы": 1, "э": 0.5, "ю": 0.5, "я": 1}
_KK_VOWELS = {"ә": 1, "ө": 0.7, "ұ": 1, "ү": 0.7, "і": 0.5}
_RU_AFTER_VOWEL = {
    "б": 2, "в": 1, "г": 1, "д": 2, "ж": 1, "з": 1, "й": 0.5, "к": 2, "л": 3, "м": 3,
    "н": 3, "п": 1, "р": 3, "с": 3, "т": 2, "ф": 0.5, "х": 1, "ч": 0.5, "ш": 1,
}  # fmt: skip
_RU_THIRD = {
    "б": 0.5, "в": 1, "г": 0.5, "д": 1, "з": 1, "к": 1, "л": 1, "м": 1, "н": 1, "р": 1,
    "с": 1, "т": 1, "х": 0.5, "ш": 1,
}  # fmt: skip
_RU_CLUSTERS = {
    "с": {"в": 1, "к": 2, "л": 1, "м": 1, "п": 1, "т": 3},
    "ш": {"м": 0.5, "т": 1},
    "д": {"ж": 1},
    "з": {"в": 0.5},
    "х": {"в": 0.5},
}
_RU_STOPS = set("бвгдзкптфх")
_CYRILLIC_CONSONANTS = "бвгджзклмнпрстфхцчшщғқһҳҷ"
_CYRILLIC_VOWELS = "аеиоуэюяәөұүіыёӯўй"

_EN_VOWELS = {"a": 5, "e": 4, "i": 3, "o": 4, "u": 2, "y": 0.5}
_EN_AFTER_VOWEL = {
    "b": 2, "c": 1, "d": 2, "g": 1, "k": 1, "l": 3, "m": 3, "n": 3, "p": 1, "r": 3,
    "s": 3, "t": 2, "v": 1, "z": 1,
}  # fmt: skip
_EN_THIRD = {
    "b": 0.5, "c": 0.5, "d": 1, "k": 1, "l": 1, "m": 1, "n": 1, "r": 1, "s": 1, "t": 1, "z": 0.5,
}  # fmt: skip
_EN_CLUSTERS = {
    "c": {"h": 2},
    "k": {"h": 2},
    "p": {"h": 0.5},
    "s": {"c": 1, "h": 2, "k": 0.5, "m": 1, "p": 1, "t": 2, "w": 0.5},
    "t": {"h": 1},
    "z": {"h": 2},
    "w": {"h": 0.5},
}
_EN_STOPS = set("bcdfgkpt")
_LATIN_CONSONANTS = "bcdfghjklmnpqrstvwxzçşžň"
_LATIN_VOWELS = "aeiouyäöüý"

_SPLIT_FROM = 5  # pairs this heavy are split by their third letter
_SINGLE_LETTER = 0.5  # weight of the bare initial (surnames filing before every pair)


def _cyrillic_pairs(initial: str) -> dict[str, float]:
    if initial in _CYRILLIC_CONSONANTS:
        pairs: dict[str, float] = dict(_RU_VOWELS) | dict(_KK_VOWELS)
        if initial in _RU_STOPS:
            pairs |= {"л": 2, "р": 2}
        return pairs | _RU_CLUSTERS.get(initial, {})
    rare = initial in "эюяёыйӯў"
    return {c: w for c, w in _RU_AFTER_VOWEL.items() if not rare or w >= 2}


def _latin_pairs(initial: str) -> dict[str, float]:
    if initial in _LATIN_CONSONANTS:
        pairs = dict(_EN_VOWELS)
        if initial in _EN_STOPS:
            pairs |= {"l": 2, "r": 2}
        return pairs | _EN_CLUSTERS.get(initial, {})
    rare = initial in "yäöüý"
    return {c: w for c, w in _EN_AFTER_VOWEL.items() if not rare or w >= 2}


def _weighted_sequences(initial: str) -> list[tuple[str, float]]:
    """The letter sequences of one initial letter with their weights, in filing order."""
    cyrillic = initial in _CYRILLIC_CONSONANTS or initial in _CYRILLIC_VOWELS
    pairs = _cyrillic_pairs(initial) if cyrillic else _latin_pairs(initial)
    third = _RU_THIRD if cyrillic else _EN_THIRD
    sequences = [(initial, _SINGLE_LETTER)]
    for second, weight in pairs.items():
        if weight < _SPLIT_FROM:
            sequences.append((initial + second, weight))
            continue
        total = sum(third.values())
        sequences.append((initial + second, weight * 0.25))
        sequences += [(initial + second + t, weight * 0.75 * w / total) for t, w in third.items()]
    return sorted(sequences, key=lambda item: collation_key(item[0]))


def numbered_sequences(initial: str) -> list[tuple[str, int]]:
    """Numbers 11–99 spread over ``initial``'s sequences in proportion to their weights."""
    sequences = _weighted_sequences(initial)
    span = LAST_NUMBER - FIRST_NUMBER
    if len(sequences) > span + 1:
        raise ValueError(f"{initial}: {len(sequences)} sequences do not fit {span + 1} numbers")
    total = sum(weight for _, weight in sequences)
    rows: list[tuple[str, int]] = []
    before = 0.0
    for position, (letters, weight) in enumerate(sequences):
        number = FIRST_NUMBER + round(span * before / total)
        previous = rows[-1][1] if rows else FIRST_NUMBER - 1
        # strictly increasing, and room left for every sequence still to come
        number = max(number, previous + 1)
        number = min(number, LAST_NUMBER - (len(sequences) - 1 - position))
        rows.append((letters, number))
        before += weight
    return rows


INITIALS = (
    "абвгдеёжзийклмнопрстуфхцчшщэюяәғқөұүһіҳҷӯў"  # Russian, Kazakh, Tajik, Uzbek Cyrillic
    + "abcdefghijklmnopqrstuvwxyzçşžäöüý"  # Latin, with Turkmen and Uzbek initials
)

HEADER = """\
# Author table: the number of an author sign (авторский знак) for a surname or a title word.
#
# Format: one row per letter sequence, «letters<TAB>number»; blank lines and lines starting
# with # are ignored; letters are matched case-insensitively.  A word gets the number of the
# last row that files at or before it (Kazakh alphabet order, which contains the Russian one;
# Latin after Cyrillic) among the rows starting with the same letter; the sign is the word's
# capital initial followed by that number: Иванов → {example} (with this table).  A word whose
# initial has no rows gets the bare initial.
#
# This table is NOT L. B. Havkina's: it was generated in the same manner (two-digit numbers
# 11–99 per initial letter, spread by weights of the letters that follow) by
# library_app/reports/author_table.py, where the weights are stated.  Edit rows freely, or
# replace the whole file with the table your library uses; keep numbers increasing within a
# letter, or signs will not file in alphabetical order.
"""


def rows() -> Iterator[tuple[str, int]]:
    for initial in INITIALS:
        yield from numbered_sequences(initial)


def render() -> str:
    table = list(rows())
    example = AuthorTable((letters, str(number)) for letters, number in table).sign("Иванов")
    lines = [HEADER.format(example=example)]
    current = ""
    for letters, number in table:
        if letters[0] != current:
            current = letters[0]
            lines.append("")
        lines.append(f"{letters.capitalize()}\t{number}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
