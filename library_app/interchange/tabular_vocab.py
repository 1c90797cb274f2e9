"""The words people write in spreadsheet cells for languages, material types, copy statuses
and persons, and the catalog values they stand for.

Kept apart from the row mapping so the GUI's column-mapping page and other readers can reuse
them, and so the lists can grow without touching the logic.
"""

from __future__ import annotations

import re

from library_app.core import languages
from library_app.core.model import Contributor, ContributorRole, CopyStatus, MaterialType

_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]?\.?$")


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.replace("_", " ") for word in text.split())


_MATERIAL_WORDS: dict[MaterialType, tuple[str, ...]] = {
    MaterialType.BOOK: _words(
        "книга книги кн монография учебник учебное_пособие пособие брошюра справочник "
        "book monograph textbook handbook brochure"
    ),
    MaterialType.ARTICLE: _words(
        "статья статьи ст глава статья_из_журнала статья_из_сборника article chapter "
        "journal_article"
    ),
    MaterialType.REPORT: _words("отчет отчеты доклад report technical_report working_paper"),
    MaterialType.PROCEEDINGS: _words(
        "сборник материалы_конференции труды_конференции труды proceedings "
        "conference_proceedings conference"
    ),
    MaterialType.THESIS: _words(
        "диссертация автореферат автореферат_диссертации thesis dissertation"
    ),
    MaterialType.MAP: _words("карта карты атлас map maps atlas"),
    MaterialType.SERIAL: _words(
        "журнал газета периодическое_издание периодика serial journal periodical magazine newspaper"
    ),
    MaterialType.ELECTRONIC: _words(
        "электронный_ресурс электронный_документ эр cd cd-rom компакт-диск electronic "
        "electronic_resource online e-book ebook website"
    ),
    MaterialType.AUDIOVISUAL: _words(
        "видео аудио фильм видеофильм аудиовизуальный audiovisual video film audio"
    ),
    MaterialType.STANDARD: _words("стандарт гост standard"),
}
MATERIAL_TYPES: dict[str, MaterialType] = {t.value: t for t in MaterialType}
for _type, _names in _MATERIAL_WORDS.items():
    MATERIAL_TYPES.update((w, _type) for w in _names)

_STATUS_WORDS: dict[CopyStatus, tuple[str, ...]] = {
    CopyStatus.AVAILABLE: ("в наличии", "доступен", "доступно", "есть", "на полке", "available"),
    CopyStatus.ON_LOAN: ("выдан", "выдана", "выдано", "на руках", "on loan", "loaned"),
    CopyStatus.IN_REPAIR: ("в ремонте", "в переплете", "ремонт", "in repair", "repair"),
    CopyStatus.LOST: ("утерян", "утеряна", "утеряно", "утрачен", "lost", "missing"),
    CopyStatus.WRITTEN_OFF: ("списан", "списана", "списано", "written off", "withdrawn"),
}
COPY_STATUSES: dict[str, CopyStatus] = {s.value: s for s in CopyStatus}
for _status, _names in _STATUS_WORDS.items():
    COPY_STATUSES.update((w, _status) for w in _names)

# Abbreviations of language names used in Russian catalogues (ГОСТ 7.12: «рус.», «каз.» …).
_LANGUAGE_ABBREVIATIONS = {
    "рус": "rus",
    "англ": "eng",
    "каз": "kaz",
    "казах": "kaz",
    "узб": "uzb",
    "кирг": "kir",
    "кыргыз": "kir",
    "тадж": "tgk",
    "туркм": "tuk",
    "каракалп": "kaa",
    "тат": "tat",
    "азерб": "aze",
    "тур": "tur",
    "перс": "per",
    "кит": "chi",
    "нем": "ger",
    "фр": "fre",
    "франц": "fre",
    "исп": "spa",
    "ит": "ita",
    "итал": "ita",
    "яп": "jpn",
    "япон": "jpn",
    "кор": "kor",
    "араб": "ara",
    "укр": "ukr",
    "монг": "mon",
}
_LANGUAGE_FILLER = re.compile(r"\b(?:на|язык[а-я]*|яз|in|language)\b\.?", re.IGNORECASE)
_RUSSIAN_STEMS = {
    ru[:-2]: code for code, (_, _, ru) in languages.LANGUAGES.items() if " " not in ru
}


def language_code(text: str) -> str | None:
    """ISO 639-2/B code for "rus", "ru", "Russian", «русский», «рус.», «на русском языке»."""
    value = text.strip().casefold().replace("ё", "е")
    direct = languages.to_code(value.rstrip("."))
    if direct is not None and (len(value.rstrip(".")) != 3 or languages.is_known(direct)):
        return direct
    words = _LANGUAGE_FILLER.sub(" ", value).replace(".", " ").split()
    if len(words) != 1:
        return direct
    word = words[0]
    if word in _LANGUAGE_ABBREVIATIONS:
        return _LANGUAGE_ABBREVIATIONS[word]
    if (code := languages.to_code(word)) is not None and languages.is_known(code):
        return code
    for stem, code in _RUSSIAN_STEMS.items():
        if len(word) >= len(stem) and word.startswith(stem):
            return code
    return direct


def material_type(text: str) -> MaterialType | None:
    key = " ".join(text.casefold().replace("ё", "е").replace(".", " ").split())
    return MATERIAL_TYPES.get(key)


def copy_status(text: str) -> CopyStatus | None:
    key = " ".join(text.casefold().replace("ё", "е").replace("_", " ").split())
    return COPY_STATUSES.get(key) or COPY_STATUSES.get(key.replace(" ", "_"))


def parse_person(text: str, role: ContributorRole) -> Contributor:
    """ "Surname, Forenames", «Иванов И. И.», «И. И. Иванов», «Иванов Иван Иванович».

    Without a comma the first word is taken as the surname (the order of Russian lists and of
    the GOST heading), unless the other words are all initials standing before it.
    """
    text = " ".join(text.split())
    if "," in text:
        surname, _, forenames = text.partition(",")
        return Contributor(surname.strip(), forenames.strip(), role)
    words = text.split(" ")
    initials_first = all(_INITIALS.match(w) for w in words[:-1])
    if len(words) >= 2 and initials_first and not _INITIALS.match(words[-1]):
        return Contributor(words[-1], " ".join(words[:-1]), role)
    if 2 <= len(words) <= 3:
        return Contributor(words[0], " ".join(words[1:]), role)
    return Contributor(text, "", role)


def format_person(contributor: Contributor) -> str:
    return contributor.display_name()
