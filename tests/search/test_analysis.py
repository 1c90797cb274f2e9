"""The term rules on their own: stems, Turkic endings, keys, variants; why not Snowball Turkish."""

from __future__ import annotations

import pytest
import Stemmer

from library_app.core.text import fold
from library_app.search.analysis import (
    Analyzer,
    light_stem,
    query_terms,
    stem,
    turkic_stem,
    word_forms,
)


@pytest.mark.parametrize(
    ("inflected", "stem_"),
    [
        ("Балқаштың", "балкаш"),  # kk genitive
        ("көлдерінің", "кол"),  # kk plural + possessive + genitive
        ("өзендері", "озен"),  # kk plural + possessive
        ("экологиясы", "экология"),  # kk possessive
        ("тауларда", "тау"),  # kk plural + locative
        ("suvlarining", "suv"),  # uz plural + possessive + genitive
        ("daryosida", "daryo"),  # uz possessive + locative
        ("ekologiyasi", "ekologiya"),  # uz possessive
        ("derýalarynyň", "derya"),  # tk plural + possessive + genitive
        ("Qazaqstannyń", "qazaqstan"),  # kk Latin genitive
        ("köllerinde", "kol"),  # tr/tk
    ],
)
def test_turkic_endings_come_off(inflected, stem_):
    assert turkic_stem(fold(inflected)) == stem_


@pytest.mark.parametrize("short", ["су", "суы", "тау", "көл", "ел", "suv", "daryo"])
def test_short_turkic_words_are_left_alone(short):
    """Three letters is the floor: «су» (water) must not lose letters to look-alike endings."""
    assert turkic_stem(fold(short)) == fold(short)


def test_turkish_snowball_was_evaluated_and_fails_on_uzbek_and_turkmen():
    """Why the Turkic stemmer is our own: Snowball's Turkish leaves Uzbek and Turkmen endings
    on, or makes non-words of them."""
    turkish = Stemmer.Stemmer("turkish")
    assert turkish.stemWord("suvning") == "suvningi"  # not a stem at all
    assert turkish.stemWord("derýalarynyň") == "derýalarynyň"  # Turkmen ending untouched
    assert turkish.stemWord("suvga") == "suvga"  # Uzbek dative untouched
    assert turkic_stem("suvning") == "suv"
    assert turkic_stem("suvga") == "suv"


def test_russian_and_english_stems():
    assert stem("водных") == stem("водные") == "водн"
    assert stem("forests") == stem("forest") == "forest"
    assert stem("2005") == "2005"


def test_light_stem_makes_names_in_russian_cases_agree():
    forms = {light_stem(w) for w in ("казахстана", "казахстане", "казахстан")}
    assert forms == {"казахстан"}


def test_only_records_in_turkic_languages_get_turkic_stems():
    assert "кол" in word_forms("колдеринин", turkic=True)
    assert "кол" not in word_forms("колдеринин", turkic=False)


def test_query_terms_cover_forms_and_keys():
    forms, keys = query_terms("балхаша")
    assert forms[0] == "балхаша" and "балхаш" in forms
    assert "~balkas" in keys


def test_index_terms_share_positions_and_keep_them_ascending():
    terms, next_position = Analyzer().terms(["Балқаш көлі", "Shymkent"], turkic=True)
    by_position: dict[int, set[str]] = {}
    for text, position, _ in terms:
        by_position.setdefault(position, set()).add(text)
    assert {"балкаш", "~balkas"} <= by_position[0]
    assert "~~simkent" in by_position[max(by_position)]  # the variant group's shared key
    positions = [position for _, position, _ in terms]
    assert positions == sorted(positions)
    assert next_position > max(positions) + 1  # a gap: phrases never span two values
