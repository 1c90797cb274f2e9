"""Language codes (ISO 639-2/B) the collection uses, with names for people.

Records store three-letter codes; people type two-letter codes or names in Russian or English
("kk", "казахский", "Kazakh"), so ``to_code`` accepts all of those.  Codes outside the table are
accepted when they have the ISO 639-2 shape: the catalog must be able to hold any language.
"""

from __future__ import annotations

import re

# code: (ISO 639-1, English name, Russian name)
LANGUAGES: dict[str, tuple[str, str, str]] = {
    "rus": ("ru", "Russian", "русский"),
    "eng": ("en", "English", "английский"),
    "kaz": ("kk", "Kazakh", "казахский"),
    "uzb": ("uz", "Uzbek", "узбекский"),
    "kir": ("ky", "Kyrgyz", "киргизский"),
    "tgk": ("tg", "Tajik", "таджикский"),
    "tuk": ("tk", "Turkmen", "туркменский"),
    "kaa": ("", "Karakalpak", "каракалпакский"),
    "tat": ("tt", "Tatar", "татарский"),
    "aze": ("az", "Azerbaijani", "азербайджанский"),
    "tur": ("tr", "Turkish", "турецкий"),
    "per": ("fa", "Persian", "персидский"),
    "chi": ("zh", "Chinese", "китайский"),
    "ger": ("de", "German", "немецкий"),
    "fre": ("fr", "French", "французский"),
    "spa": ("es", "Spanish", "испанский"),
    "ita": ("it", "Italian", "итальянский"),
    "jpn": ("ja", "Japanese", "японский"),
    "kor": ("ko", "Korean", "корейский"),
    "ara": ("ar", "Arabic", "арабский"),
    "ukr": ("uk", "Ukrainian", "украинский"),
    "mon": ("mn", "Mongolian", "монгольский"),
    "mul": ("", "Multiple languages", "несколько языков"),
    "und": ("", "Undetermined", "не определён"),
}

# Terminology (639-2/T) codes that some sources use instead of the bibliographic ones.
_T_TO_B = {"fas": "per", "zho": "chi", "deu": "ger", "fra": "fre"}

_BY_ALIAS: dict[str, str] = {}
for _code, (_two, _en, _ru) in LANGUAGES.items():
    _BY_ALIAS[_code] = _code
    if _two:
        _BY_ALIAS[_two] = _code
    _BY_ALIAS[_en.lower()] = _code
    _BY_ALIAS[_ru] = _code
_BY_ALIAS.update(_T_TO_B)
_BY_ALIAS.update({"kyrgyz": "kir", "kirghiz": "kir", "кыргызский": "kir", "tadjik": "tgk"})

_CODE_SHAPE = re.compile(r"^[a-z]{3}$")


def to_code(text: str) -> str | None:
    """The ISO 639-2/B code for a code, a two-letter code or a language name; None if unknown."""
    key = text.strip().lower()
    if key in _BY_ALIAS:
        return _BY_ALIAS[key]
    if _CODE_SHAPE.match(key):
        return key
    return None


def is_known(code: str) -> bool:
    return code in LANGUAGES


def name_of(code: str, ui_language: str = "en") -> str:
    entry = LANGUAGES.get(code)
    if entry is None:
        return code
    return entry[2] if ui_language == "ru" else entry[1]
