"""Places of publication: the abbreviations GOST R 7.0.12-2011 allows, and nothing more.

GOST R 7.0.12-2011 (appendix A) abbreviates only five Russian cities — Москва, Ленинград,
Санкт-Петербург, Нижний Новгород, Ростов-на-Дону; every other place, Kazakh, Uzbek or Latin, is
written in full.  GOST 7.1-2003 and GOST R 7.0.5-2008 references abbreviate them; GOST R
7.0.100-2018 writes places in full in its examples (abbreviation is allowed, not required), so
an old record catalogued as «М.» is expanded there to keep one bibliography consistent.
"""

from __future__ import annotations

ABBREVIATIONS: dict[str, str] = {
    "Москва": "М.",
    "Ленинград": "Л.",
    "Санкт-Петербург": "СПб.",
    "Нижний Новгород": "Н. Новгород",
    "Ростов-на-Дону": "Ростов н/Д",
}

_TO_SHORT = {full.casefold(): short for full, short in ABBREVIATIONS.items()}
_TO_FULL = {short.casefold(): full for full, short in ABBREVIATIONS.items()}
# Spellings found in older records for the same five places.
_TO_FULL.update(
    {
        "м": "Москва",
        "л": "Ленинград",
        "спб": "Санкт-Петербург",
        "с.-петербург": "Санкт-Петербург",
        "с.-пб.": "Санкт-Петербург",
        "н.новгород": "Нижний Новгород",
        "ростов н/д.": "Ростов-на-Дону",
    }
)
for _full in ABBREVIATIONS:
    _TO_FULL.setdefault(_full.casefold(), _full)


def _bare(place: str) -> tuple[str, bool]:
    """The place without the square brackets a cataloguer adds to a supplied place."""
    text = place.strip()
    if text.startswith("[") and text.endswith("]"):
        return text[1:-1].strip(), True
    return text, False


def place_form(place: str, abbreviate: bool) -> str:
    """``place`` abbreviated (GOST R 7.0.12-2011) or written in full, brackets kept."""
    text, bracketed = _bare(place)
    key = text.casefold()
    full = _TO_FULL.get(key)
    if full is None:
        result = text
    elif abbreviate:
        result = _TO_SHORT[full.casefold()]
    else:
        result = full
    return f"[{result}]" if bracketed else result
