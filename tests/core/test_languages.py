"""Language codes, two-letter codes and names typed by people."""

import pytest

from library_app.core.languages import LANGUAGES, is_known, name_of, to_code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("kaz", "kaz"),
        ("KAZ", "kaz"),
        (" rus ", "rus"),
        ("kk", "kaz"),
        ("KK", "kaz"),
        ("ru", "rus"),
        ("en", "eng"),
        ("uz", "uzb"),
        ("ky", "kir"),
        ("tg", "tgk"),
        ("tk", "tuk"),
        ("Kazakh", "kaz"),
        ("kazakh", "kaz"),
        ("Russian", "rus"),
        ("Karakalpak", "kaa"),
        ("Multiple languages", "mul"),
        ("казахский", "kaz"),
        ("Казахский", "kaz"),
        ("русский", "rus"),
        ("узбекский", "uzb"),
        ("каракалпакский", "kaa"),
        ("Kyrgyz", "kir"),
        ("Kirghiz", "kir"),
        ("кыргызский", "kir"),
        ("киргизский", "kir"),
        ("Tadjik", "tgk"),
        ("не определён", "und"),
    ],
)
def test_code_two_letter_code_and_names_map_to_the_bibliographic_code(typed, code):
    assert to_code(typed) == code


@pytest.mark.parametrize(
    ("t_code", "b_code"), [("fas", "per"), ("zho", "chi"), ("deu", "ger"), ("fra", "fre")]
)
def test_terminology_codes_map_to_bibliographic_codes(t_code, b_code):
    assert to_code(t_code) == b_code
    assert to_code(t_code.upper()) == b_code


@pytest.mark.parametrize("code", ["kaa", "per", "chi", "ger", "fre"])
def test_bibliographic_codes_are_kept(code):
    assert to_code(code) == code


@pytest.mark.parametrize(("typed", "code"), [("chg", "chg"), ("XYZ", "xyz"), (" sah ", "sah")])
def test_unknown_but_well_shaped_codes_are_accepted(typed, code):
    assert to_code(typed) == code
    assert not is_known(code)


@pytest.mark.parametrize(
    "typed", ["", "   ", "k", "xx", "kazakhs", "ka1", "kazz", "каз", "Kazakh language", "ру"]
)
def test_unknown_names_and_badly_shaped_codes_give_none(typed):
    assert to_code(typed) is None


def test_every_table_entry_is_reachable_by_code_and_both_names():
    for code, (two, english, russian) in LANGUAGES.items():
        assert to_code(code) == code
        assert to_code(english) == code
        assert to_code(russian) == code
        if two:
            assert to_code(two) == code
        assert is_known(code)


def test_is_known_needs_the_exact_code():
    assert is_known("kaz")
    assert not is_known("kk")
    assert not is_known("KAZ")
    assert not is_known("fas")


def test_names_follow_the_interface_language():
    assert name_of("kaz") == "Kazakh"
    assert name_of("kaz", "en") == "Kazakh"
    assert name_of("kaz", "ru") == "казахский"
    assert name_of("und", "ru") == "не определён"


def test_unknown_code_is_named_by_itself():
    assert name_of("chg") == "chg"
    assert name_of("chg", "ru") == "chg"
