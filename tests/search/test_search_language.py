"""What a reader types and what it must find: scripts, keyboards, word forms, name variants."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Балкаш", "kk-balqash"),  # Russian keyboard for Балқаш
        ("балқаш", "kk-balqash"),
        ("Кызылорда", "kk-kyzylorda"),
        ("облысынын табигаты", "kk-kyzylorda"),
        ("Ысык-Кол", "ky-issyk"),
        ("Amyderya", "tk-amu"),
    ],
)
def test_central_asian_letters_match_their_russian_keyboard_look_alikes(found, typed, expected):
    assert expected in found(typed)


@pytest.mark.parametrize(
    "typed", ["Oʻzbekiston", "O‘zbekiston", "O’zbekiston", "O'zbekiston", "O`zbekiston",
              "Ozbekiston", "OʻZBEKISTON"],
)  # fmt: skip
def test_uzbek_apostrophes_of_every_kind_or_none_match(found, typed):
    assert {"uz-water", "uz-ecology"} <= set(found(typed))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("водные ресурсы", {"ru-water", "ru-balkhash"}),  # finds «водных ресурсов»
        ("водных ресурсов", {"ru-water", "ru-balkhash"}),
        ("forests", {"en-forest"}),
        ("forest", {"en-forest"}),
        ("managing forests", {"en-forest"}),
    ],
)
def test_russian_and_english_words_match_in_any_grammatical_form(found, typed, expected):
    assert expected <= set(found(typed))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Балқаш", "kk-balqash"),  # «Балқаштың» in the summary, «көлінің» in the title
        ("көл", "kk-balqash"),
        ("suv", "uz-water"),  # "Suvlarining" in the summary
        ("derýa", "tk-amu"),  # "derýalarynyň"
        ("Ысык-Көл көлү", "ky-issyk"),
    ],
)
def test_turkic_endings_are_stripped_for_records_in_turkic_languages(found, typed, expected):
    assert expected in found(typed)


@pytest.mark.parametrize(
    "spelling", ["Balkhash", "Balqash", "Balhash", "Балхаш", "Балқаш", "Балкаш", "BALKHASH"]
)
def test_cross_script_spellings_of_balkhash_meet(found, spelling):
    assert {"ru-balkhash", "kk-balqash", "en-balkhash", "en-balqash"} <= set(found(spelling))


@pytest.mark.parametrize("spelling", ["Kyzylorda", "Qyzylorda", "Кызылорда", "Қызылорда"])
def test_cross_script_spellings_of_kyzylorda_meet(found, spelling):
    assert {"kk-kyzylorda", "en-kyzylorda"} <= set(found(spelling))


@pytest.mark.parametrize("spelling", ["Chimkent", "Shymkent", "Чимкент", "Шымкент"])
def test_old_and_new_names_meet_through_the_variant_list(found, spelling):
    assert {"ru-shymkent", "ru-chimkent"} <= set(found(spelling))


def test_exact_script_matches_rank_above_transliterated_ones(found):
    cyrillic = found("Балхаш")
    assert cyrillic.index("ru-balkhash") < cyrillic.index("en-balkhash")
    latin = found("Balkhash")
    assert latin.index("en-balkhash") < latin.index("ru-balkhash")


def test_a_query_of_only_stop_words_searches_them_literally(found, corpus):
    assert found("о том") == ["ru-stop"]
    # …while in a longer query they do not narrow the result
    assert "en-aral" in found("the crisis of")


def test_the_users_own_variant_list_extends_the_built_in_one(tmp_path):
    from tests.search.conftest import build_corpus

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "variants.txt").write_text(
        "# our own spellings\nПромышленность; Industriya\n", encoding="utf-8"
    )
    for corpus in build_corpus(data_dir):
        assert "ru-chimkent" in corpus.found("Industriya")
