"""Turning catalogue text into index terms, and query words into the terms that should meet them.

Every word of a record is indexed at one position under several terms, so that one query term
lookup finds it whatever form the reader typed:

* the folded word (case, accents, ё, Central Asian letters → Russian keyboard letters);
* its Snowball stem — Russian for Cyrillic words, English for Latin ones («водных» → «водн»,
  "forests" → "forest");
* for Cyrillic words, the word without a Russian case ending (:func:`light_stem`), because
  Snowball treats place names unevenly («Казахстан» → «казахста», «Казахстане» → «казахстан»);
* for records in a Turkic language (Kazakh, Kyrgyz, Uzbek, Turkmen …), a Turkic stem from
  :func:`turkic_stem`: a conservative stripper of case, possessive and plural endings;
* a transliteration key (prefixed with ``~``) of each of these forms, so "Balkhash", «Балхаша»
  and «Балқаштың» meet across scripts;
* for names in the variant list (Shymkent/Chimkent …), the group's shared key (prefixed ``~~``).

Exact-script terms and keys are different terms, so a document matching the reader's own script
collects both scores and ranks above one that only shares the key.

Why not the Turkish Snowball stemmer for Kazakh and Uzbek Latin: it enforces Turkish vowel
harmony and knows only Turkish endings; on Uzbek and Turkmen it leaves -ning, -ga, -lary, -nyň
untouched or produces non-stems ("suvning" → "suvningi"), see tests/search/test_analysis.py.
The price of stripping by form alone is some overlap (the accusative -ды of «тұзды» 'salt' looks
like the adjective «тұзды» 'salty'); it only ever adds matches, the full word still ranks first.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from library_app.core.text import VariantKeys, translit_key, words

KEY_PREFIX = "~"
VARIANT_PREFIX = "~~"
# Languages whose words get the Turkic stem as well (ISO 639-2/B).
TURKIC_LANGUAGES = frozenset(
    {"kaz", "kir", "uzb", "tuk", "tat", "bak", "aze", "tur", "kaa", "uig", "chv", "crh", "sah"}
)
VALUE_GAP = 8  # positions left between two values of a field, so phrases never span them

Term = tuple[str, int, float]  # (text, position, boost)


class _Stemmers(threading.local):
    """PyStemmer objects are not thread-safe; each thread gets its own pair."""

    def __init__(self) -> None:
        self.russian = Stemmer.Stemmer("russian")
        self.english = Stemmer.Stemmer("english")


_stemmers = _Stemmers()


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a folded word: Russian for Cyrillic script, English for Latin."""
    if len(word) < 3 or word.isdigit():
        return word
    if _is_cyrillic(word):
        return _stemmers.russian.stemWord(word)
    if word.isascii() and word.isalpha():
        return _stemmers.english.stemWord(word)
    return word


# Endings on folded words (қ→к, ғ→г, ң→н, ө→о, ұ/ү→у, і→и, ә→а already applied), stripped from
# the end in three slots: case, then possessive, then plural.  Longest first within a slot.
_CASE_TEXT = (
    # Cyrillic (Kazakh, Kyrgyz, Uzbek Cyrillic)
    "нын нин дын дин тын тин нун дун тун нинг дан ден тан тен нан нен дон тон "
    "нда нде да де та те до то га ге ка ке го ко на не ни ны ди ды ти ты "
    "мен бен пен менен бенен пенен "
    # Latin (Uzbek, Turkmen, Kazakh Latin, Turkish)
    "ning nin nyn nyň niň din dyn tin tyn nun nün dan den tan ten nan nen ndan nden "
    "da de ta te nda nde ga ge ka ke qa na ne ni ny di dy men ben pen bilan"
)
_CASE_ENDINGS = tuple(sorted(set(_CASE_TEXT.split()), key=len, reverse=True))
_POSSESSIVE_ENDINGS = ("сы", "си", "ы", "и", "sy", "si", "y", "i", "ı")
_PLURAL_TEXT = "лар лер дар дер тар тер лор дор тор lar ler dar der tar ter"
_PLURAL_ENDINGS = tuple(_PLURAL_TEXT.split())
_MIN_TURKIC_STEM = 3


def _strip_one(word: str, endings: Iterable[str]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_TURKIC_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=200_000)
def turkic_stem(word: str) -> str:
    """Conservative stem of a folded Turkic word: at most one case ending, one possessive and
    one plural ending come off, and never below three letters, so «көлдерінің» → «кол»,
    «Балқаштың» → «балкаш», "suvlarining" → "suv", "derýalarynyň" → "derýa"."""
    if len(word) <= _MIN_TURKIC_STEM + 1 or word.isdigit():
        return word
    stripped = _strip_one(word, _CASE_ENDINGS)
    stripped = _strip_one(stripped, _POSSESSIVE_ENDINGS) if stripped != word else stripped
    if stripped == word:
        # No case ending: a two-letter possessive ("ekologiyasi"), a one-letter one only after a
        # plural ("озендери" = озен+дер+и); both keep a stem of four letters at least.
        bare = _strip_one(word, _POSSESSIVE_ENDINGS[:2] + _POSSESSIVE_ENDINGS[4:6])
        if bare != word and len(bare) > _MIN_TURKIC_STEM:
            return bare
        without_possessive = _strip_one(word, _POSSESSIVE_ENDINGS)
        if without_possessive != word and _strip_one(without_possessive, _PLURAL_ENDINGS) != (
            without_possessive
        ):
            stripped = without_possessive
    return _strip_one(stripped, _PLURAL_ENDINGS)


_RUSSIAN_TEXT = "ами ями ого его ому ему ов ев ом ем ой ей ам ям ах ях а я у ю е ы и ь"
_RUSSIAN_ENDINGS = tuple(_RUSSIAN_TEXT.split())


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """A Cyrillic word without its Russian case ending, for names: Snowball reads «Казахстан»
    as «казахста» but «Казахстане» as «казахстан»; this gives «казахстан» for all of them."""
    if len(word) < 6 or not _is_cyrillic(word):
        return word
    for ending in _RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def word_forms(word: str, *, turkic: bool) -> tuple[str, ...]:
    """The exact-script terms of one folded word, the word itself first."""
    forms = [word]
    for form in (stem(word), light_stem(word), turkic_stem(word) if turkic else word):
        if form not in forms:
            forms.append(form)
    return tuple(forms)


@lru_cache(maxsize=200_000)
def _key(form: str) -> str:
    return translit_key(form)


def key_terms(forms: Iterable[str]) -> tuple[str, ...]:
    """Transliteration-key terms of the forms of one word (empty keys are dropped)."""
    keys: list[str] = []
    for form in forms:
        key = _key(form)
        if key and KEY_PREFIX + key not in keys:
            keys.append(KEY_PREFIX + key)
    return tuple(keys)


class Analyzer:
    """Index-side analysis with a variant list; one instance per index build."""

    MAX_VARIANT_WORDS = 3

    def __init__(self, variants: VariantKeys | None = None) -> None:
        self.variants = variants or VariantKeys()

    def terms(
        self, texts: Iterable[str], *, turkic: bool, boost: float = 1.0, start: int = 0
    ) -> tuple[list[Term], int]:
        """Index terms of several values of one field, and the next free position."""
        out: list[Term] = []
        position = start
        for text in texts:
            folded_words = words(text)
            if not folded_words:
                continue
            keys_of_words: list[tuple[str, ...]] = []
            for offset, word in enumerate(folded_words):
                forms = word_forms(word, turkic=turkic)
                keys = key_terms(forms)
                keys_of_words.append(keys)
                pos = position + offset
                out.extend((form, pos, boost) for form in forms)
                out.extend((key, pos, boost) for key in keys)
            for start_word, canonical in self.variant_spans(keys_of_words):
                out.append((VARIANT_PREFIX + canonical, position + start_word, boost))
            position += len(folded_words) + VALUE_GAP
        out.sort(key=lambda term: term[1])  # whoosh wants each term's positions ascending
        return out, position

    def variant_spans(self, keys_of_words: list[tuple[str, ...]]) -> list[tuple[int, str]]:
        """(first word, shared key) of every run of up to three words that spells a name from
        the variant list; each word's own and stemmed keys are tried."""
        spans: list[tuple[int, str]] = []
        for first in range(len(keys_of_words)):
            if not any(self.variants.could_start(k[1:]) for k in keys_of_words[first]):
                continue
            for length in range(1, self.MAX_VARIANT_WORDS + 1):
                if first + length > len(keys_of_words):
                    break
                head = "".join(k[0][1:] for k in keys_of_words[first : first + length - 1] if k)
                for last_key in keys_of_words[first + length - 1]:
                    canonical = self.variants.lookup(head + last_key[1:])
                    if canonical is not None:
                        spans.append((first, canonical))
                        break
        return spans

    def query_variant(self, query_words: list[str]) -> str | None:
        """Shared key when the whole of ``query_words`` is a name from the variant list."""
        if not query_words or len(query_words) > self.MAX_VARIANT_WORDS:
            return None
        keys = [key_terms(word_forms(w, turkic=True)) for w in query_words]
        for first, canonical in self.variant_spans(keys):
            if first == 0:
                return canonical
        return None


def query_terms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(exact-script terms, key terms) a folded query word should meet.  The Turkic stem is always
    tried on the query side: the reader's language is unknown, and the term only exists in the
    index for Turkic records."""
    forms = word_forms(word, turkic=True)
    return forms, key_terms(forms)


# Words too common to narrow a search.  They are still indexed (phrases need them) and a query
# made only of them searches them literally.
_STOP_TEXT = """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
    мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был
    него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней
    для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того
    потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем
    всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про
    всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том
    нельзя такой им более всегда конечно всю между
    a an and are as at be but by for if in into is it no not of on or such that the their then
    there these they this to was will with from its were which
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS
