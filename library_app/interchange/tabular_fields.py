"""The catalog fields a spreadsheet column can hold, and recognising them from headers.

Partners' spreadsheets are typed by hand: «Автор(ы)», "Инв. №", "Год\\nиздания", "Author 2".
Headers are therefore compared in a normalised form (case, ё, punctuation, parenthesised plural
endings and trailing column numbers ignored) against a list of synonyms per field, so a typical
Russian or English header row maps without help and the person only corrects the odd column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TableField:
    """One target of a column.  ``multi``: the cell may hold several values split by the
    separator; ``copy``: the value describes copies (holdings), one per inventory number."""

    id: str
    label: str  # English; also what the writers put in the header row
    headers: tuple[str, ...]  # synonyms people write in header rows (Russian, English …)
    multi: bool = False
    copy: bool = False


def _f(id_: str, label: str, *headers: str, multi: bool = False, copy: bool = False) -> TableField:
    return TableField(id_, label, headers, multi, copy)


FIELDS: tuple[TableField, ...] = (
    _f(
        "title",
        "Title",
        "Заглавие",
        "Название",
        "Основное заглавие",
        "Наименование",
        "Название книги",
        "Название документа",
        "Название издания",
        "Заголовок",
        "Title",
        "Main title",
        "Title proper",
        "Book title",
        "Атауы",
        "Nomi",
    ),
    _f(
        "title_remainder",
        "Remainder of title",
        "Сведения, относящиеся к заглавию",
        "Подзаголовок",
        "Продолжение заглавия",
        "Subtitle",
        "Other title information",
        "Remainder of title",
    ),
    _f(
        "authors",
        "Authors",
        "Автор",
        "Авторы",
        "Автор(ы)",
        "ФИО автора",
        "Индивидуальный автор",
        "Author",
        "Authors",
        "Author(s)",
        "Personal author",
        "Creator",
        "Muallif",
        multi=True,
    ),
    _f(
        "editors",
        "Editors",
        "Редактор",
        "Редакторы",
        "Под редакцией",
        "Ответственный редактор",
        "Ред.",
        "Editor",
        "Editors",
        "Editor(s)",
        "Edited by",
        multi=True,
    ),
    _f(
        "corporate_authors",
        "Corporate authors",
        "Коллективный автор",
        "Автор-организация",
        "Организация",
        "Организация-автор",
        "Corporate author",
        "Corporate authors",
        "Organization",
        "Organisation",
        multi=True,
    ),
    _f(
        "responsibility",
        "Statement of responsibility",
        "Сведения об ответственности",
        "Ответственность",
        "Statement of responsibility",
        "Responsibility",
    ),
    _f(
        "year",
        "Year",
        "Год",
        "Год издания",
        "Год публикации",
        "Дата издания",
        "Year",
        "Date",
        "Year of publication",
        "Publication year",
        "Жылы",
        "Yil",
    ),
    _f("edition", "Edition", "Издание", "Сведения об издании", "Edition"),
    _f(
        "places",
        "Places of publication",
        "Место издания",
        "Место публикации",
        "Место",
        "Город",
        "Place",
        "Place of publication",
        "Places of publication",
        "City",
        multi=True,
    ),
    _f(
        "publishers",
        "Publishers",
        "Издательство",
        "Издатель",
        "Изд-во",
        "Publisher",
        "Publishers",
        "Баспа",
        "Nashriyot",
        multi=True,
    ),
    _f(
        "pages",
        "Pages",
        "Страницы",
        "Стр.",
        "Объем",
        "Количество страниц",
        "Кол-во страниц",
        "Кол-во стр.",
        "Pages",
        "Extent",
        "Number of pages",
        "Num pages",  # Zotero
    ),
    _f("series", "Series", "Серия", "Серия, выпуск", "Series", multi=True),
    _f("isbn", "ISBN", "ISBN", multi=True),
    _f("issn", "ISSN", "ISSN", multi=True),
    _f("doi", "DOI", "DOI", multi=True),
    _f("udc", "UDC", "УДК", "Индекс УДК", "UDC", multi=True),
    _f("bbk", "BBK", "ББК", "Индекс ББК", "BBK", "LBC", multi=True),
    _f(
        "subjects",
        "Subjects",
        "Рубрики",
        "Рубрика",
        "Предметные рубрики",
        "Предметная рубрика",
        "Тематика",
        "Тема",
        "Subjects",
        "Subject",
        "Subject headings",
        "Topics",
        multi=True,
    ),
    _f(
        "geographic_names",
        "Geographic names",
        "Географические рубрики",
        "Географические названия",
        "География",
        "Регион",
        "Geographic names",
        "Geography",
        "Region",
        "Place names",
        multi=True,
    ),
    _f(
        "keywords",
        "Keywords",
        "Ключевые слова",
        "Дескрипторы",
        "Теги",
        "Keywords",
        "Key words",
        "Tags",
        "Manual tags",  # Zotero
        "Descriptors",
        multi=True,
    ),
    _f(
        "languages",
        "Languages",
        "Язык",
        "Языки",
        "Язык текста",
        "Язык издания",
        "Language",
        "Languages",
        "Тілі",
        "Til",
        multi=True,
    ),
    _f(
        "material_type",
        "Material type",
        "Вид документа",
        "Тип документа",
        "Вид издания",
        "Тип материала",
        "Тип",
        "Вид",
        "Material type",
        "Document type",
        "Item type",  # Zotero
        "Resource type",
        "Type",
    ),
    _f(
        "notes",
        "Notes",
        "Примечание",
        "Примечания",
        "Комментарий",
        "Note",
        "Notes",
        "Comment",
        multi=True,
    ),
    _f(
        "summary",
        "Summary",
        "Аннотация",
        "Реферат",
        "Резюме",
        "Summary",
        "Abstract",
        "Abstract note",  # Zotero
    ),
    _f(
        "url",
        "URL",
        "URL",
        "Ссылка",
        "Электронный адрес",
        "Электронная версия",
        "Веб-адрес",
        "Link",
        "Web address",
        "Online",
        multi=True,
    ),
    _f(
        "host_title",
        "Source (journal or collection)",
        "Источник",
        "Журнал",
        "Название журнала",
        "Сборник",
        "Заглавие источника",
        "Source",
        "Source (journal or collection)",
        "Journal",
        "Journal title",
        "Publication title",  # Zotero
        "Published in",
        "Host item",
    ),
    _f("host_volume", "Source volume", "Том", "Т.", "Volume", "Vol.", "Source volume"),
    _f(
        "host_issue",
        "Source issue",
        "Выпуск",
        "Вып.",
        "Номер выпуска",
        "Номер журнала",
        "№ журнала",
        "Issue",
        "Issue number",
        "Source issue",
    ),
    _f(
        "host_pages",
        "Pages in source",
        "Страницы в источнике",
        "Страницы статьи",
        "Pages in source",
        "Page range",
    ),
    _f("project", "Project", "Проект", "Название проекта", "Project"),
    _f(
        "funders",
        "Funders",
        "Финансирование",
        "Спонсор",
        "Донор",
        "Доноры",
        "Funder",
        "Funders",
        "Funding",
        "Sponsor",
        "Donor",
        multi=True,
    ),
    _f(
        "control_number",
        "Control number",
        "Контрольный номер",
        "Номер записи",
        "Идентификатор записи",
        "ID",
        "Record ID",
        "Record number",
        "Control number",
    ),
    _f(
        "inventory_number",
        "Inventory numbers",
        "Инв. №",
        "Инв.",
        "Инв. номер",
        "Инвентарный номер",
        "Инвентарные номера",
        "Инвентарный №",
        "Inventory number",
        "Inventory numbers",
        "Inventory no.",
        "Accession number",
        "Acc. no.",
        multi=True,
        copy=True,
    ),
    _f(
        "barcode",
        "Barcodes",
        "Штрихкод",
        "Штрих-код",
        "Штрихкоды",
        "Barcode",
        "Barcodes",
        "Bar code",
        multi=True,
        copy=True,
    ),
    _f(
        "location",
        "Location",
        "Место хранения",
        "Местонахождение",
        "Хранение",
        "Сигла хранения",
        "Location",
        "Shelving location",
        multi=True,
        copy=True,
    ),
    _f(
        "shelf_mark",
        "Shelf mark",
        "Шифр",
        "Шифр хранения",
        "Полочный индекс",
        "Расстановочный шифр",
        "Shelf mark",
        "Shelfmark",
        "Call number",
        multi=True,
        copy=True,
    ),
    _f(
        "copy_status",
        "Copy status",
        "Статус",
        "Статус экземпляра",
        "Состояние",
        "Status",
        "Copy status",
        "Availability",
        multi=True,
        copy=True,
    ),
    # Running numbers («№ п/п») are the commonest column with nothing to import.
    _f("ignore", "(ignore)", "(ignore)", "№", "№ п/п", "п/п", "#", "No.", "Nr."),
)

FIELD_IDS: tuple[str, ...] = tuple(f.id for f in FIELDS)
BY_ID: dict[str, TableField] = {f.id: f for f in FIELDS}
IGNORE = "ignore"

# What a writer puts in a file when no columns are chosen: every field, in FIELDS order.
DEFAULT_COLUMNS: tuple[str, ...] = tuple(i for i in FIELD_IDS if i != IGNORE)

_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"[^\w№#]+")
_TRAILING_NUMBER = re.compile(r"(?:\s+|(?<=[^\W\d]))\d{1,2}$")


def header_key(header: str) -> str:
    """The form headers are compared in: «Автор(ы) 2» and "АВТОРЫ" both become «авторы»."""
    key = header.casefold().replace("ё", "е")
    key = key.replace("(ы)", "ы").replace("(s)", "s").replace("(и)", "и")
    key = _NOT_WORD.sub(" ", key).strip()
    return " ".join(key.split())


_BY_HEADER: dict[str, str] = {}
for _field in FIELDS:
    for _header in (_field.label, *_field.headers):
        _BY_HEADER.setdefault(header_key(_header), _field.id)


def clean_header(text: str) -> str:
    """A header as shown to people and used as the key of ``ReadOptions.columns``: line breaks
    inside the cell and repeated spaces collapsed."""
    return " ".join(text.split())


def guess_field(header: str) -> str:
    """The field a header most likely names; "ignore" when nothing matches."""
    variants = [header]
    without_parentheses = _PARENTHESES.sub(" ", header)
    if without_parentheses.strip() and without_parentheses != header:
        variants.append(without_parentheses)
    for text in variants:
        key = header_key(text)
        for candidate in (key, _TRAILING_NUMBER.sub("", key).strip()):
            if candidate in _BY_HEADER:
                return _BY_HEADER[candidate]
    return IGNORE


def guess_columns(headers: list[str]) -> dict[str, str]:
    """Map each header (as cleaned by ``clean_header``) to a field id ("ignore" if unknown)."""
    return {clean_header(h): guess_field(clean_header(h)) for h in headers}


def unknown_field_ids(ids: list[str]) -> list[str]:
    return [i for i in ids if i not in BY_ID]
