"""Text normalisation for matching: one search box must find a report whatever script, spelling
or keyboard the reader typed it in.

Two levels, both pure functions usable by the search index, duplicate detection and sorting:

* ``fold`` — same script, forgiving spelling: case, Unicode compatibility forms, ё→е, accents,
  soft hyphens, the Uzbek Latin apostrophes (oʻ gʻ typed as ʻ ‘ ’ ' ` ʼ or not at all), and the
  Kazakh, Kyrgyz, Tajik, Turkmen and Uzbek Cyrillic letters folded to the Russian letters that
  people type on a Russian keyboard (қ→к, ғ→г, ң→н, ө→о, ұ/ү→у, һ→х, і→и, ә→а, ҳ→х, ӣ→и, ӯ→у,
  ҷ→ч …), so «Балкаш» finds «Балқаш».  The Russian «й» is kept: it is a letter of its own.
* ``translit_key`` — across scripts: the folded word romanised with anyascii, then the usual
  romanisations merged (kh/h/q/k/x, y/i/ı, sh/ş, ch/ç, ts/c, j/zh/dj, doubled letters), so that
  "Balkhash", "Balqash", «Балхаш» and «Балқаш» share a key.  Keys are deliberately lossy; the
  search ranks exact-script matches above key matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from anyascii import anyascii

# Letters of the Central Asian Cyrillic alphabets → the Russian letter a Russian keyboard offers.
_CYRILLIC_LOOKALIKES = {
    "ё": "е",
    "қ": "к",
    "ғ": "г",
    "ң": "н",
    "ӊ": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "һ": "х",
    "і": "и",
    "ә": "а",
    "ҳ": "х",
    "ӣ": "и",
    "ӯ": "у",
    "ҷ": "ч",
    "җ": "ж",
    "ҙ": "з",
    "ҫ": "с",
    "ў": "у",
    "ҝ": "г",
    "ӑ": "а",
    "ӗ": "е",
}
# Marks people type for the Uzbek Latin oʻ/gʻ (and as the soft sign in romanisations).
_APOSTROPHES = "\u02bb\u02bc\u2018\u2019\u0027\u0060\u00b4\u02b9"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters
_FOLD_TABLE = str.maketrans(
    {**_CYRILLIC_LOOKALIKES, "ı": "i", **dict.fromkeys(_APOSTROPHES + _INVISIBLE, "")}
)
_BREVE = "\u0306"
_WORD = re.compile(r"\w+", re.UNICODE)


def _strip_marks(text: str) -> str:
    """Drop combining accents but keep «й» (и + breve), which Russian treats as a letter."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for char in decomposed:
        if unicodedata.combining(char):
            if char == _BREVE and kept and kept[-1] == "и":
                kept[-1] = "й"
            continue
        kept.append(char)
    return "".join(kept)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` in its own script (see module docstring)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.translate(_FOLD_TABLE)
    if not folded.isascii():
        folded = _strip_marks(folded)
    return folded


def words(text: str) -> list[str]:
    """The folded words of ``text`` (apostrophes inside Uzbek words do not split them)."""
    return _WORD.findall(fold(text))


# Applied in order to the romanised, lower-case word.  Multi-letter groups come first so that the
# "h" of "sh"/"kh" is not read as a letter of its own.
_KEY_GROUPS = (
    ("shch", "s"),
    ("sch", "s"),
    ("dzh", "j"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "j"),
    ("dj", "j"),
    ("ts", "c"),
    ("tz", "c"),
    ("kh", "k"),
    ("gh", "g"),
    ("ng", "n"),
)
_KEY_LETTERS = str.maketrans({"q": "k", "h": "k", "x": "k", "y": "i", "w": "v"})
_DOUBLED = re.compile(r"(.)\1+")
_NOT_KEY = re.compile(r"[^a-z0-9]")


def translit_key(word: str) -> str:
    """A script-independent matching key of one word ("Балқаш" and "Balkhash" → "balkas")."""
    # Uzbek Cyrillic «ў» is written oʻ in Latin script; fold() alone would make it «у».
    key = anyascii(fold(word.replace("ў", "o").replace("Ў", "O"))).lower()
    key = _NOT_KEY.sub("", key)
    for group, replacement in _KEY_GROUPS:
        key = key.replace(group, replacement)
    key = key.translate(_KEY_LETTERS)
    return _DOUBLED.sub(r"\1", key)


# Spellings of one place that no romanisation rule links.  The search layer merges these with
# the user's own list (library-wide, editable); keys are compared, not spellings.
DEFAULT_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("Shymkent", "Chimkent", "Шымкент", "Чимкент"),
    ("Ashgabat", "Ashkhabad", "Aşgabat", "Ашхабад", "Ашгабат"),
    ("Zhambyl", "Dzhambul", "Jambyl", "Жамбыл", "Джамбул"),
    ("Oskemen", "Ust-Kamenogorsk", "Өскемен", "Усть-Каменогорск"),
    ("Semey", "Semipalatinsk", "Семей", "Семипалатинск"),
    ("Amu Darya", "Amudaryo", "Amyderýa", "Амударья", "Амударё"),
    ("Syr Darya", "Sirdaryo", "Сырдарья", "Сырдария", "Сирдарё"),
)


class VariantKeys:
    """Maps the key of every known spelling of a name to one shared key."""

    def __init__(self, groups: Iterable[Iterable[str]] = DEFAULT_VARIANTS) -> None:
        self._canonical: dict[str, str] = {}
        self._prefixes: set[str] = set()
        for group in groups:
            self.add(group)

    def add(self, spellings: Iterable[str]) -> None:
        keys = [_phrase_key(s) for s in spellings if s.strip()]
        if not keys:
            return
        # Joining groups that share a spelling keeps the mapping transitive.
        target = next((self._canonical[k] for k in keys if k in self._canonical), keys[0])
        for key in keys:
            previous = self._canonical.get(key)
            if previous is not None and previous != target:
                for other, canonical in list(self._canonical.items()):
                    if canonical == previous:
                        self._canonical[other] = target
            self._canonical[key] = target
            self._prefixes.update(key[:n] for n in range(1, len(key) + 1))

    def key(self, text: str) -> str:
        """The shared key of a (possibly multi-word) name, or its own key if it has no variants."""
        own = _phrase_key(text)
        return self._canonical.get(own, own)

    def could_start(self, key: str) -> bool:
        """Whether some listed spelling's key begins with ``key`` (cheap pre-check for spans)."""
        return key in self._prefixes

    def lookup(self, key: str) -> str | None:
        """Shared key of a phrase key (as built from :func:`translit_key`), None if not listed."""
        return self._canonical.get(key)

    def __contains__(self, text: str) -> bool:
        return _phrase_key(text) in self._canonical


def _phrase_key(text: str) -> str:
    return "".join(translit_key(w) for w in words(text))


def iter_keys(text: str) -> Iterator[tuple[str, str]]:
    """(folded word, transliteration key) for each word: what an index stores per token."""
    for word in words(text):
        yield word, translit_key(word)
