"""Catalogue filing order: Kazakh-alphabet Cyrillic, then Latin, numbers by value, «» ignored."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from library_app.core.collation import collation_key, sort_title_key

KAZAKH = "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я"
RUSSIAN = "А Б В Г Д Е Ё Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я"
# Latin with the Turkmen/Turkish/Azerbaijani letters after their base and Uzbek oʻ, gʻ.
LATIN = "a ä b c ç d e ə f g gʻ ğ h ı i j k l m n ň o oʻ ö p q r s ş t u ü v w x y ý z ž"


def in_order(items: list[str]) -> bool:
    keys = [collation_key(item) for item in items]
    return all(a < b for a, b in pairwise(keys))


def shuffled_sort(items: list[str]) -> list[str]:
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    return sorted(shuffled, key=collation_key)


@pytest.mark.parametrize("alphabet", [KAZAKH, RUSSIAN, LATIN])
def test_alphabet_letter_by_letter(alphabet: str) -> None:
    letters = alphabet.split()
    assert in_order(letters)
    assert in_order([letter.lower() for letter in letters])
    assert in_order([letter.upper() for letter in letters if letter != "ı"])  # "ı".upper() is I
    # A primary difference, not a tie-break: the letter decides before anything after it.
    assert in_order([f"{letters[0]}{letter}я" for letter in letters])
    for first, second in pairwise(letters):
        assert collation_key(first + "яz") < collation_key(second + "аa")


def test_other_central_asian_cyrillic_letters_follow_their_base() -> None:
    assert in_order(["и", "ӣ", "й", "к"])
    assert in_order(["у", "ў", "ӯ", "ұ", "ү", "ф"])  # ў/ӯ are "у with a mark": before Kazakh ұ ү
    assert in_order(["х", "ҳ", "һ", "ц"])
    assert in_order(["ж", "җ", "з", "ҙ", "и"])
    assert in_order(["с", "ҫ", "т"])
    assert in_order(["ч", "ҷ", "ш"])
    assert in_order(["Ўзбекистон", "Ўша", "Ұлытау"])


def test_yo_is_a_letter_of_its_own_after_ye() -> None:
    assert in_order(["Ежегодник", "Ель", "Ёж", "Ёлка", "Жайық"])


def test_stress_marks_are_ignored_in_cyrillic() -> None:
    assert in_order(["за́мок", "замокъ"])
    assert in_order(["замкнутый", "за́мок", "замокъ"])
    assert collation_key("за́мок") != collation_key("замок")  # equal but for the mark: a tie-break


def test_cyrillic_files_before_latin_and_latin_before_other_scripts() -> None:
    assert in_order(["Яблоко", "Apple"])
    assert in_order(["Ѣ", "Apple"])  # even Cyrillic letters outside the table
    assert in_order(["Zebra", "Ωμέγα", "水资源"])


def test_digits_before_letters_and_numbers_by_value() -> None:
    assert in_order(["2 года", "10 лет", "100 лет", "Арал"])
    assert in_order(["Глава 2", "Глава 9", "Глава 10", "Глава 10a", "Глава 11"])
    assert in_order(["0", "1", "2", "A"])
    assert in_order(["6 чудес", "007 чудес", "7 чудес", "8 чудес"])  # leading zeros ignored
    assert in_order(["Том ٣", "Том 12"])  # digits of any script have their value
    assert in_order(["1" + "9" * 5000, "2" + "0" * 5000])


def test_leading_punctuation_quotes_and_brackets_are_not_filed_on() -> None:
    assert in_order(["Аксу", "«Арал» трагедиясы", "Арбуз"])
    assert in_order(["Аксу", '"Арал" ...', "Арбуз"])
    assert in_order(["Аксу", "  ...(Арал)", "Арбуз"])
    assert in_order(["Аксу", "„Арал“", "Арбуз"])
    assert in_order(["Аксу", "[Арал]", "Арбуз"])


def test_inner_punctuation_is_a_word_separator_before_any_letter() -> None:
    assert in_order(["Арал теңізі", "Аралкум"])
    assert in_order(["Арал-2", "Арал 3", "Арала"])
    assert in_order(["Ысык-Көл", "Ысыкат"])
    # One separator however many characters: only the words compare.
    assert collation_key("Арал — теңіз")[:6] == collation_key("Арал теңіз")[:6]


def test_apostrophes_and_soft_hyphens_inside_words_are_ignored() -> None:
    assert in_order(["don", "don't", "dont", "donu"])
    assert in_order(["эколо\u00adгия", "экология"])


@pytest.mark.parametrize("apostrophe", ["\u02bb", "\u2018", "\u2019", "'", "`", "\u02bc"])
def test_uzbek_o_and_g_with_apostrophe_follow_o_and_g(apostrophe: str) -> None:
    assert in_order(["Orol", "Ozon", f"O{apostrophe}zbekiston", "Ögüz", "Paxta"])
    assert in_order(["Guliston", f"G{apostrophe}arbiy", "Hazorasp"])
    assert in_order(["Oz", f"O{apostrophe}ZBEKISTON", "P"])


def test_irish_names_are_not_uzbek_letters() -> None:
    assert in_order(["Oasis", "Obi", "O'Brien", "Ocean", "O'Neill", "Orol", "Oʻzbekiston"])


def test_sh_and_ch_are_not_digraphs() -> None:
    assert in_order(["Chirchiq", "Cuba", "Shahrisabz", "Sirdaryo", "Syr", "Toshkent"])


def test_english_article_is_ignored_for_ascii_titles_only() -> None:
    assert in_order(["Amu Darya", "The Aral Sea", "Aral Sea Crisis", "A Brief History", "Cotton"])
    assert in_order(["An Atlas", "Atlas", "Bees"])  # "An Atlas" files as "Atlas"
    assert in_order(["The", "Theory", "Zoo"])  # a lone article is the title itself
    assert in_order(["A ýyl", "Ab", "Aýa"])  # not ASCII: no article stripping


def test_case_insensitive_then_lower_before_upper() -> None:
    assert in_order(["apple", "Apple", "APPLE", "applf"])
    assert in_order(["арал", "Арал", "АРАЛ", "арала"])
    assert in_order(["istanbul", "İstanbul", "iz"])


def test_empty_string_first() -> None:
    assert in_order(["", " ", "«»", "0", "А", "a"])


def test_sort_title_key_skips_cataloguers_note() -> None:
    titles = ["Балқаш", "[Карта] Арал теңізі", "Аралкум", "[Без названия]"]
    assert sorted(titles, key=sort_title_key) == [
        "[Карта] Арал теңізі",
        "Аралкум",
        "Балқаш",
        "[Без названия]",
    ]
    assert sort_title_key("[Карта] Арал") != sort_title_key("Арал")
    assert sort_title_key("Арал") == collation_key("Арал")


def test_realistic_mixed_catalogue() -> None:
    expected = [
        "2 доклада об окружающей среде",
        "10 лет мониторинга Аральского моря",
        "«Арал теңізі» және адам",
        "Аралкум: пустыня на дне моря",
        "Әлемдік су ресурстары",
        "Балқаш көлі",
        "Ежегодный доклад о состоянии окружающей среды",
        "Ёмкость водохранилищ Казахстана",
        "Каспийское море",
        "Қазақстанның Қызыл кітабы",
        "Озеро Балхаш",
        "Өзен-Қаражанбас",
        "Устюрт",
        "Ўзбекистон сув ресурслари",
        "Ұлытау",
        "Үстірт қорығы",
        "Шу",
        "Ырғыз",
        "Іле Алатауы",
        "Экология",
        "Яблоневые сады Алматы",
        "Amu Darya basin",
        "The Aral Sea crisis",
        "Çöl ekosistemalary",
        "Daşoguz welaýaty",
        "Guliston",
        "Gʻarbiy Tyan-Shan",
        "Hazorasp",
        "Orol dengizi",
        "Ozone layer",
        "Oʻzbekiston suv resurslari",
        "Syrdarya",
        "Şor köller",
        "Tashkent",
        "Turan lowland",
        "Türkmenistanyň tebigy baýlyklary",
        "Yashil makon",
        "Ýaýla ösümlikleri",
        "水资源",
    ]
    assert shuffled_sort(expected) == expected


words = st.text(alphabet="аәеёийкқоөуўұүaäoögız 0123'ʻ-«»\u0301", max_size=8)
any_text = st.text(alphabet=st.one_of(st.characters(), st.characters(categories=["Cs"])))


@given(st.lists(st.one_of(words, any_text), max_size=12))
def test_keys_agree_with_utf8_byte_order(items: list[str]) -> None:
    keys = [collation_key(item) for item in items]
    assert all("\x00" < char < "\ud800" for key in keys for char in key)
    by_bytes = sorted(items, key=lambda item: collation_key(item).encode())
    assert sorted(items, key=collation_key) == by_bytes


@given(st.one_of(words, any_text), st.one_of(words, any_text))
def test_keys_are_equal_only_for_equal_strings(a: str, b: str) -> None:
    assert (collation_key(a) == collation_key(b)) == (a == b)
    assert (sort_title_key(a) == sort_title_key(b)) == (a == b)
