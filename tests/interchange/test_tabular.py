"""CSV and XLSX holdings lists as partners send them: Russian headers, CP1251/KOI8-R/UTF-16,
';' or TAB, merged cells, numbers Excel stores as floats — and our own exports read back."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.core.errors import Cancelled, InputError
from library_app.core.model import (
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    CopyStatus,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    Record,
    Series,
)
from library_app.core.validation import errors_only, validate_record
from library_app.interchange.base import (
    FormatError,
    ReadOptions,
    ReadResult,
    Severity,
    WriteOptions,
)
from library_app.interchange.formats import format_by_id
from library_app.interchange.tabular import (
    FIELD_IDS,
    FIELDS,
    CsvReader,
    CsvWriter,
    XlsxReader,
    XlsxWriter,
    guess_columns,
    load_mapping_file,
    preview,
)
from library_app.interchange.tabular_values import record_cells
from library_app.interchange.tabular_vocab import language_code, material_type, parse_person

DATA = Path(__file__).parent / "data" / "tabular"
SHARED = Path(__file__).resolve().parents[1] / "data" / "shared"


def read_csv(path: Path, **options: object) -> ReadResult:
    return CsvReader().read(path, ReadOptions(**options))  # type: ignore[arg-type]


def records(result: ReadResult) -> list[Record]:
    return [item.record for item in result.items if item.record is not None]


def write_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def import_errors(record: Record) -> list[str]:
    """Validation errors the import would not repair (it numbers unnumbered copies)."""
    return [
        str(p)
        for p in errors_only(validate_record(record))
        if not (p.field.endswith(".inventory_number") and "required" in p.message)
    ]


def assert_valid(result: ReadResult) -> None:
    for record in records(result):
        assert import_errors(record) == [], record.title


# --- the registry --------------------------------------------------------------------------


def test_registry_names_resolve_to_the_tabular_classes() -> None:
    assert format_by_id("csv").reader_class() is CsvReader
    assert format_by_id("csv").writer_class() is CsvWriter
    assert format_by_id("xlsx").reader_class() is XlsxReader
    assert format_by_id("xlsx").writer_class() is XlsxWriter


# --- headers -------------------------------------------------------------------------------


def test_typical_russian_header_row_maps_without_help() -> None:
    headers = [
        "№ п/п",
        "Заглавие",
        "Автор(ы)",
        "Год\nиздания",
        "Место издания",
        "Издательство",
        "ISBN",
        "УДК",
        "ББК",
        "Рубрики",
        "Ключевые слова",
        "Инв. №",
        "Штрихкод",
        "Шифр",
        "Примечание",
    ]
    assert guess_columns(headers) == {
        "№ п/п": "ignore",
        "Заглавие": "title",
        "Автор(ы)": "authors",
        "Год издания": "year",
        "Место издания": "places",
        "Издательство": "publishers",
        "ISBN": "isbn",
        "УДК": "udc",
        "ББК": "bbk",
        "Рубрики": "subjects",
        "Ключевые слова": "keywords",
        "Инв. №": "inventory_number",
        "Штрихкод": "barcode",
        "Шифр": "shelf_mark",
        "Примечание": "notes",
    }


def test_english_headers_numbered_columns_and_unknown_headers() -> None:
    guessed = guess_columns(
        ["Title", "Author(s)", "Author 2", "YEAR", "Publisher", "Shelf mark", "Colour", "ISBN-13"]
    )
    assert guessed == {
        "Title": "title",
        "Author(s)": "authors",
        "Author 2": "authors",
        "YEAR": "year",
        "Publisher": "publishers",
        "Shelf mark": "shelf_mark",
        "Colour": "ignore",
        "ISBN-13": "isbn",
    }


def test_zotero_csv_export_headers_are_recognised() -> None:
    guessed = guess_columns(
        [
            *("Item Type", "Publication Year", "Author", "Title", "Publication Title", "ISBN"),
            *(
                "Abstract Note",
                "Date",
                "Manual Tags",
                "Num Pages",
                "Call Number",
                "Url",
                "Language",
            ),
        ]
    )
    assert list(guessed.values()) == [
        "material_type",
        "year",
        "authors",
        "title",
        "host_title",
        "isbn",
        "summary",
        "year",
        "keywords",
        "pages",
        "shelf_mark",
        "url",
        "languages",
    ]


def test_every_field_label_is_recognised_as_its_own_header() -> None:
    """The writers put the labels in the header row: reading our files needs no mapping."""
    labels = [f.label for f in FIELDS]
    assert guess_columns(labels) == {f.label: f.id for f in FIELDS}
    assert "ignore" in FIELD_IDS and len(set(FIELD_IDS)) == len(FIELD_IDS)


# --- CSV encodings and delimiters ----------------------------------------------------------


def test_cp1251_csv_without_bom_is_read_with_russian_header() -> None:
    result = read_csv(DATA / "holdings-cp1251.csv")
    assert result.encoding == "cp1251"
    assert result.problems == []
    first = result.items[0].record
    assert first is not None
    assert first.title == "Водные ресурсы Казахстана"
    assert [c.display_name() for c in first.contributors] == ["Иванов, И. И.", "Петров, П. П."]
    assert first.year == "2005"
    assert first.places == ["Алматы"] and first.publishers == ["Наука"]
    assert first.extent.pages == "312 с."
    assert first.identifiers == [Identifier(IdentifierType.ISBN, "9785020331525")]
    assert first.classification_of(ClassificationScheme.UDC) == ["556.18(574)"]
    assert first.classification_of(ClassificationScheme.BBK) == ["26.22"]
    assert first.keywords == ["водные ресурсы", "Арал"]
    assert first.languages == ["rus"]
    assert [(c.inventory_number, c.shelf_mark) for c in first.copies] == [
        ("101", "26.22 И20"),
        ("102", "26.22 И20"),
    ]
    assert_valid(result)


def test_quoted_multiline_cell_is_one_cell_and_keeps_row_numbers() -> None:
    result = read_csv(DATA / "holdings-cp1251.csv")
    second = result.items[1].record
    assert second is not None
    assert second.title == "«Зелёная» экономика"
    assert second.notes == ["Первая строка\nвторая строка"]
    assert second.material_type == MaterialType.REPORT
    assert second.languages == ["rus", "kaz"]
    # The multi-line cell is one spreadsheet row: the untitled row is row 4, record 3.
    assert result.items[2].problems[0].where == "row 4"


def test_row_without_title_is_an_error_naming_its_row() -> None:
    result = read_csv(DATA / "holdings-cp1251.csv")
    assert len(result.items) == 4
    untitled = result.items[2]
    assert untitled.record is None
    assert untitled.position == 3
    [problem] = untitled.problems
    assert problem.severity == Severity.ERROR
    assert (problem.position, problem.where, problem.message) == (3, "row 4", "no title")
    assert str(problem) == "record 3, row 4: no title"
    assert result.items[3].record is not None  # reading went on


def test_koi8r_is_told_from_cp1251() -> None:
    result = read_csv(DATA / "holdings-koi8r.csv")
    assert result.encoding == "koi8-r"
    titles = [r.title for r in records(result)]
    assert titles == ["Ёлки и сосны Заилийского Алатау", "Охрана природы"]
    assert records(result)[1].contributors == [Contributor("Шевченко", "Ольга")]
    assert_valid(result)


@pytest.mark.parametrize(
    "text",
    [
        "Заглавие;Год\nАрал;2001\n",
        "НАЗВАНИЕ;АВТОР;ГОД\nВОДНЫЕ РЕСУРСЫ;ПЕТРОВ;1999\n",
        "Title;Year\nВода;2001\n",
        "Заглавие;Автор\nЭкология Казахстана;Иванов И. И.\n",
    ],
)
@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_short_russian_files_get_the_right_single_byte_encoding(
    tmp_path: Path, text: str, encoding: str
) -> None:
    result = read_csv(write_csv(tmp_path / "short.csv", text, encoding))
    assert result.encoding == encoding
    assert records(result)[0].title == text.splitlines()[1].split(";")[0]


def test_excel_unicode_text_utf16_with_tabs() -> None:
    result = read_csv(DATA / "holdings-utf16le-tab.txt")
    assert result.encoding == "utf-16"
    kazakh, english = records(result)
    assert kazakh.title == "Қазақстан экологиясы"
    assert kazakh.contributors == [Contributor("Әбдірахманов", "Сәкен")]
    assert kazakh.languages == ["kaz"] and english.languages == ["eng"]
    assert [c.inventory_number for c in english.copies] == ["302"]


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
def test_utf16_without_bom_is_detected(tmp_path: Path, encoding: str) -> None:
    text = "Заглавие\tГод\nҚазақстан\t2010\n"
    result = read_csv(write_csv(tmp_path / "u16.txt", text, encoding))
    assert result.encoding == encoding
    assert records(result)[0].title == "Қазақстан"


def test_utf8_with_bom_and_commas() -> None:
    result = read_csv(DATA / "holdings-utf8-bom.csv")
    assert result.encoding == "utf-8-sig"
    caspian, bulletin = records(result)
    assert caspian.title == "Caspian Sea environment"  # no BOM glued to the first header
    assert caspian.series == [Series("Handbook of environmental chemistry", "5")]
    assert [(c.inventory_number, c.barcode, c.location) for c in caspian.copies] == [
        ("401", "B401", "Reading room"),
        ("402", "B402", "Reading room"),
    ]
    assert caspian.keywords == ["Caspian Sea", "pollution"]
    assert bulletin.material_type == MaterialType.ARTICLE
    assert_valid(result)


@pytest.mark.parametrize("delimiter", [";", "\t", ",", "|"])
def test_delimiter_is_detected(tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["Заглавие", "Автор", "Год"],
        ["Вода, почва, воздух", "Иванов И. И.", "2001"],
        ["Горы; реки", "Петров П. П.", "2002"],
    ]
    buffer = io.StringIO()
    import csv

    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path = write_csv(tmp_path / "d.csv", buffer.getvalue(), "cp1251")
    result = read_csv(path, multi_value_separator="|")
    assert preview(path).delimiter == delimiter
    assert [r.title for r in records(result)] == ["Вода, почва, воздух", "Горы; реки"]


def test_explicit_encoding_and_delimiter_override_detection(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", "Заглавие,Год;x\nА,1;y\n", "koi8-r")
    result = read_csv(path, encoding="koi8-r", delimiter=",")
    assert result.encoding == "koi8-r"
    assert [r.title for r in records(result)] == ["А"]


def test_file_that_does_not_decode_names_byte_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("Title;Year\nЭкология;2005\n".encode("cp1251"))
    with pytest.raises(FormatError, match=r"byte 11 \(line 2\)"):
        read_csv(path, encoding="utf-8")


def test_damaged_utf8_is_refused_with_the_place_of_the_damage(tmp_path: Path) -> None:
    good = "Заглавие;Год\nЭкология Казахстана;2005\n".encode()
    path = tmp_path / "damaged.csv"
    path.write_bytes(good + b"\xd0;2006\n")
    with pytest.raises(FormatError, match=rf"byte {len(good)} \(line 3\)"):
        read_csv(path)


def test_unknown_encoding_name_is_a_format_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", "Title\nA\n", "ascii")
    with pytest.raises(FormatError, match="unknown encoding «klingon»"):
        read_csv(path, encoding="klingon")


def test_ragged_row_is_a_warning_and_the_record_is_kept(tmp_path: Path) -> None:
    text = "Заглавие;Год\nВода;2001;лишнее;ещё\nГоры;2002;;\n"
    result = read_csv(write_csv(tmp_path / "r.csv", text, "utf-8"))
    [first, second] = result.items
    assert first.record is not None and first.record.year == "2001"
    [warning] = first.problems
    assert warning.severity == Severity.WARNING and warning.where == "row 2"
    assert "лишнее; ещё" in warning.message
    assert second.problems == []  # trailing empty cells are not ragged


def test_empty_rows_are_skipped_and_not_counted(tmp_path: Path) -> None:
    text = "Заглавие;Год\n\n;;\nВода;2001\n\nГоры;2002\n"
    result = read_csv(write_csv(tmp_path / "e.csv", text, "utf-8"))
    assert [(i.position, i.record.title if i.record else None) for i in result.items] == [
        (1, "Вода"),
        (2, "Горы"),
    ]


def test_title_line_above_the_header_is_skipped_with_a_warning(tmp_path: Path) -> None:
    text = "Список литературы, 2024;;\nЗаглавие;Автор;Год\nВода;Иванов И.;2001\n"
    result = read_csv(write_csv(tmp_path / "t.csv", text, "utf-8"))
    assert [r.title for r in records(result)] == ["Вода"]
    assert result.problems[0].where == "row 1"
    assert "row 2" in result.problems[0].message


def test_caption_without_delimiters_does_not_hide_the_delimiter(tmp_path: Path) -> None:
    text = 'Список литературы\nЗаглавие,Автор,Год\nВода,"Иванов, И.",2001\nГоры,,2002\n'
    path = write_csv(tmp_path / "t.csv", text, "utf-8")
    assert preview(path).delimiter == ","
    assert [r.title for r in records(read_csv(path))] == ["Вода", "Горы"]


def test_values_that_cannot_be_used_are_left_out_with_warnings(tmp_path: Path) -> None:
    text = (
        "Заглавие;Год;ISBN;Язык;Вид документа;URL;Том;Штрихкод\n"
        "Вода;около того;978-5-02-033152-1;клингонский;свиток;www.example.org;5;B1\n"
    )
    result = read_csv(write_csv(tmp_path / "w.csv", text, "utf-8"))
    [item] = result.items
    assert item.record is not None
    assert (item.record.year, item.record.identifiers, item.record.languages) == ("", [], [])
    assert item.record.links == [] and item.record.host is None
    assert item.record.copies == [Copy("", "B1")]
    assert all(p.severity == Severity.WARNING for p in item.problems)
    wheres = [p.where for p in item.problems]
    assert wheres == [
        "row 2, column «Год»",
        "row 2, column «ISBN»",
        "row 2, column «Язык»",
        "row 2, column «Вид документа»",
        "row 2, column «URL»",
        "row 2, column «Том»",
    ]
    assert "check digit should be 5" in item.problems[1].message
    assert import_errors(item.record) == []


def test_control_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    result = read_csv(write_csv(tmp_path / "c.csv", "Title;Year\nWa\x07ter;2001\n", "utf-8"))
    [item] = result.items
    assert item.record is not None and item.record.title == "Water"
    assert item.problems[0].where == "row 2, column «Title»"


def test_journal_article_with_host_and_online_link(tmp_path: Path) -> None:
    text = (
        "Заглавие;Авторы;Источник;Год;Том;Выпуск;Страницы в источнике;DOI;URL;Вид документа\n"
        "Солёность Арала;Smith J.;Водные ресурсы;2015;42;3;45-58;"
        "https://doi.org/10.1134/S0097807815030100;https://example.org/a;статья\n"
    )
    [article] = records(read_csv(write_csv(tmp_path / "a.csv", text, "utf-8")))
    assert article.host == HostItem("Водные ресурсы", "", "42", "3", "45-58")
    assert article.identifiers_of(IdentifierType.DOI) == ["10.1134/s0097807815030100"]
    assert article.links == [OnlineLink("https://example.org/a")]
    assert article.contributors == [Contributor("Smith", "J.")]
    assert import_errors(article) == []


def test_copy_columns_pair_with_inventory_numbers(tmp_path: Path) -> None:
    text = (
        "Заглавие;Инв. №;Штрихкод;Место хранения;Статус\n"
        'Вода;"1; 2; 3";"B1; ; B3";Абонемент;"в наличии; выдан; списан"\n'
        'Горы;"7; 7";;;\n'
    )
    water, mountains = read_csv(write_csv(tmp_path / "c.csv", text, "utf-8")).items
    assert water.record is not None and mountains.record is not None
    assert water.record.copies == [
        Copy("1", "B1", "Абонемент"),
        Copy("2", "", "Абонемент", status=CopyStatus.ON_LOAN),
        Copy("3", "B3", "Абонемент", status=CopyStatus.WRITTEN_OFF),
    ]
    # A repeated number is a slip: the copy stays and the import numbers it.
    assert [c.inventory_number for c in mountains.record.copies] == ["7", ""]
    assert "repeated" in mountains.problems[0].message


def test_copies_without_inventory_numbers_are_kept_for_numbering(tmp_path: Path) -> None:
    text = 'Заглавие;Штрихкод;Шифр\nВода;"B1; B2";26.22\nГоры;;\n'
    water, mountains = records(read_csv(write_csv(tmp_path / "b.csv", text, "utf-8")))
    assert water.copies == [Copy("", "B1", shelf_mark="26.22"), Copy("", "B2", shelf_mark="26.22")]
    assert mountains.copies == []


# --- column mapping ------------------------------------------------------------------------


def test_columns_option_overrides_the_guess(tmp_path: Path) -> None:
    text = "Название;Тема;Год\nВода;Экология;2001\n"
    path = write_csv(tmp_path / "m.csv", text, "utf-8")
    guessed = records(read_csv(path))[0]
    assert guessed.subjects == ["Экология"]
    chosen = records(read_csv(path, columns={"Тема": "keywords", "Год": "ignore"}))[0]
    assert (chosen.subjects, chosen.keywords, chosen.year) == ([], ["Экология"], "")


def test_unknown_field_in_columns_option_is_a_format_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", "Название;Тема\nВода;Экология\n", "utf-8")
    with pytest.raises(FormatError, match="«Тема» → «topic»"):
        read_csv(path, columns={"Тема": "topic"})


def test_mapping_naming_a_missing_column_is_a_file_warning(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", "Название;Тема\nВода;Экология\n", "utf-8")
    result = read_csv(path, columns={"Автор": "authors"})
    assert "«Автор»" in result.problems[0].message
    assert result.problems[0].severity == Severity.WARNING


def test_file_without_a_title_column_is_a_format_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "n.csv", "Цвет;Размер\nкрасный;5\n", "utf-8")
    with pytest.raises(FormatError, match="no column holds the title"):
        read_csv(path)


def test_multi_value_separator_is_only_the_chosen_one(tmp_path: Path) -> None:
    text = 'Title,Keywords\nWater,"rivers | lakes; ponds"\n'
    path = write_csv(tmp_path / "s.csv", text, "utf-8")
    assert records(read_csv(path, multi_value_separator="|"))[0].keywords == [
        "rivers",
        "lakes; ponds",
    ]


def test_good_mapping_file_reads_a_partner_file() -> None:
    options = load_mapping_file(DATA / "mapping-good.json")
    assert options.multi_value_separator == "|"
    assert (options.delimiter, options.encoding, options.sheet) == (";", "cp1251", None)
    [record] = records(read_csv_with(DATA / "custom-headers-cp1251.csv", options))
    assert record.title == "Флора Тянь-Шаня"
    assert [c.name for c in record.contributors] == ["Павлов", "Иванова"]
    assert [c.inventory_number for c in record.copies] == ["501", "502"]
    assert record.notes == []  # «Заметки» is mapped to ignore


def read_csv_with(path: Path, options: ReadOptions) -> ReadResult:
    return CsvReader().read(path, options)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("mapping-unknown-key.json", "unknown key «delimeter»"),
        ("mapping-unknown-field.json", "«Автор» is mapped to the unknown field «author»"),
        ("mapping-broken.json", "not valid JSON"),
        ("no-such-mapping.json", "no such mapping file"),
    ],
)
def test_bad_mapping_file_names_the_file_and_the_key(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        load_mapping_file(DATA / name)
    assert name in str(raised.value)
    assert not isinstance(raised.value, FormatError)


def test_mapping_file_values_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"delimiter": ";;"}), encoding="utf-8")
    with pytest.raises(InputError, match="«delimiter» must be one character"):
        load_mapping_file(path)
    path.write_text(json.dumps({"delimiter": "tab", "sheet": "Лист1"}), encoding="utf-8")
    assert (load_mapping_file(path).delimiter, load_mapping_file(path).sheet) == ("\t", "Лист1")
    path.write_text(json.dumps({"encoding": "cp9999"}), encoding="utf-8")
    with pytest.raises(InputError, match="«encoding»"):
        load_mapping_file(path)


# --- not CSV at all ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 8,
        b"\x00\x01\x02garbage\xff\xfe\x00\x00" * 100,
        b"PK\x03\x04" + b"\x00" * 100,
        b"",
        b"   \n\n",
    ],
)
def test_binary_or_empty_file_is_a_format_error_for_csv(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(content)
    with pytest.raises(FormatError):
        read_csv(path)


# --- XLSX ----------------------------------------------------------------------------------


def partner_workbook(path: Path) -> Path:
    """A workbook the way partners make them: a caption line, a header with a line break,
    a publisher merged over several rows, empty rows, numbers where text was meant."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Фонд"
    sheet.append(["Поступления 2024 года"])
    sheet.append([])
    sheet.append(["Заглавие", "Автор", "Год\nиздания", "ISBN", "Издательство", "Инв. №", "Дата"])
    sheet.append(
        ["Экология", "Иванов И. И.", 2005, 9785020331525, "Наука", 17, dt.datetime(2024, 3, 1)]
    )
    sheet.append(["Вода", None, 2006.0, None, None, 18.0, None])
    sheet.append([None] * 7)
    sheet.append(["Горы", "Петров П. П.", None, None, None, 19, None])
    sheet.append([None, "Сидоров С. С.", 2001, None, None, 20, None])
    sheet["F4"].number_format = "000000"
    sheet.merge_cells("E4:E7")
    sheet.merge_cells("A8:A8")
    workbook.create_sheet("Списано").append(["Заглавие", "Инв. №"])
    workbook.save(path)
    return path


def test_xlsx_numbers_merged_cells_and_empty_rows(tmp_path: Path) -> None:
    result = XlsxReader().read(partner_workbook(tmp_path / "p.xlsx"), ReadOptions())
    assert result.encoding == ""
    assert [p.where for p in result.problems] == ["row 1"]  # the caption line
    ecology, water, mountains, untitled = result.items
    assert ecology.record is not None and water.record is not None
    assert mountains.record is not None
    assert ecology.record.year == "2005" and water.record.year == "2006"
    assert ecology.record.identifiers_of(IdentifierType.ISBN) == ["9785020331525"]
    assert [c.inventory_number for c in ecology.record.copies] == ["000017"]
    assert [c.inventory_number for c in water.record.copies] == ["18"]
    # The publisher merged over rows 4–7 belongs to each of them; row 6 is empty and skipped.
    assert [r.record.publishers for r in (ecology, water, mountains)] == [["Наука"]] * 3
    assert (mountains.position, untitled.position) == (3, 4)
    assert (untitled.record, untitled.problems[0].where) == (None, "row 8")
    assert ecology.problems == water.problems == mountains.problems == []
    assert_valid(result)


def test_xlsx_preview_shows_text_as_a_person_sees_it(tmp_path: Path) -> None:
    shown = preview(partner_workbook(tmp_path / "p.xlsx"), rows=2)
    assert shown.sheet_names == ["Фонд", "Списано"] and shown.sheet == "Фонд"
    assert shown.header_row == 3
    assert shown.headers[2] == "Год издания"
    assert shown.rows == [
        ["Экология", "Иванов И. И.", "2005", "9785020331525", "Наука", "000017", "2024-03-01"],
        ["Вода", "", "2006", "", "Наука", "18", ""],
    ]
    assert shown.columns["Дата"] == "ignore" and shown.columns["Инв. №"] == "inventory_number"
    assert (shown.encoding, shown.delimiter) == ("", "")


def test_xlsx_chosen_sheet_and_unknown_sheet(tmp_path: Path) -> None:
    path = partner_workbook(tmp_path / "p.xlsx")
    assert XlsxReader().read(path, ReadOptions(sheet="Списано")).items == []
    with pytest.raises(FormatError, match=r"no sheet «Лист1».*«Фонд», «Списано»"):
        XlsxReader().read(path, ReadOptions(sheet="Лист1"))


def docx_like(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00garbage\xff" * 50, "not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "97–2003"),
        (b"PK\x03\x04broken zip", "damaged"),
    ],
)
def test_corrupt_workbook_is_a_format_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message):
        XlsxReader().read(path, ReadOptions())


def test_word_document_is_not_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="Word document"):
        XlsxReader().read(docx_like(tmp_path / "letter.xlsx"), ReadOptions())


def test_workbook_with_broken_sheet_xml_is_a_format_error(tmp_path: Path) -> None:
    source = partner_workbook(tmp_path / "p.xlsx")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(broken, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            copy.writestr(info, data)
    with pytest.raises(FormatError):
        XlsxReader().read(broken, ReadOptions())


# --- sniffing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "holdings-cp1251.csv",
        "holdings-koi8r.csv",
        "holdings-utf16le-tab.txt",
        "holdings-utf8-bom.csv",
    ],
)
def test_csv_sniff_is_moderate_for_tables(name: str) -> None:
    head = (DATA / name).read_bytes()
    assert 30 <= CsvReader.sniff(head) <= 50
    assert XlsxReader.sniff(head) == 0


@pytest.mark.parametrize(
    "relative",
    [
        "citations/rispy-example_full.ris",
        "citations/rispy-example_bom.ris",
        "citations/rispy-example_utf_chars.ris",
        "citations/biblatex-gost-examples.bib",
        "marc/marc21/pymarc-rkp-cp1251.mrc",
        "marc/marc21/marc4j-pride-and-prejudice-fixed.mrc",
        "marc/rusmarc/rusmarc-nlr-cp1251.iso",
        "marc/marcxml/pymarc-batch.xml",
        "marc/broken/marc4j-datos-20161010-slice.mrc",
    ],
)
def test_csv_sniff_does_not_claim_other_text_formats(relative: str) -> None:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not available")
    head = path.read_bytes()[: 64 * 1024]
    assert CsvReader.sniff(head) <= 20
    assert XlsxReader.sniff(head) == 0


@pytest.mark.parametrize(
    "text",
    [
        '[{"id": "a", "type": "book", "title": "Вода, почва"}, {"id": "b"}]',
        '{"items": [1, 2, 3]}',
        "TY  - BOOK\nTI  - Вода, почва, воздух\nAU  - Иванов, И.\nER  - \n",
        "@article{key,\n  title = {Вода, почва},\n  year = 2001\n}\n",
    ],
)
def test_csv_sniff_is_low_for_json_ris_and_bibtex(text: str) -> None:
    assert CsvReader.sniff(text.encode()) <= 20


def test_xlsx_sniff_tells_workbooks_from_other_zips(tmp_path: Path) -> None:
    workbook = partner_workbook(tmp_path / "p.xlsx").read_bytes()[: 64 * 1024]
    assert XlsxReader.sniff(workbook) == 90
    assert CsvReader.sniff(workbook) == 0
    assert XlsxReader.sniff(docx_like(tmp_path / "d.docx").read_bytes()) == 0
    assert XlsxReader.sniff(b"Title;Year\nA;1\n") == 0


# --- preview -------------------------------------------------------------------------------


def test_csv_preview_for_the_mapping_page() -> None:
    shown = preview(DATA / "holdings-cp1251.csv", ReadOptions(columns={"№": "control_number"}))
    assert (shown.encoding, shown.delimiter, shown.sheet_names) == ("cp1251", ";", [])
    assert shown.headers[:3] == ["№", "Заглавие", "Автор(ы)"]
    assert shown.columns["№"] == "control_number"  # the given mapping wins over the guess
    assert shown.columns["Заглавие"] == "title"
    assert len(shown.rows) == 4 and all(len(r) == len(shown.headers) for r in shown.rows)
    assert preview(DATA / "holdings-cp1251.csv", rows=1).rows[0][1] == "Водные ресурсы Казахстана"


def test_preview_offers_a_table_whose_title_column_has_an_unusual_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "odd.csv", "Что это;Когда\nОзеро Балхаш;2005\n", "utf-8")
    shown = preview(path)
    assert shown.headers == ["Что это", "Когда"] and "title" not in shown.columns.values()
    assert shown.rows == [["Озеро Балхаш", "2005"]]
    with pytest.raises(FormatError, match="no column holds the title"):
        CsvReader().read(path, ReadOptions())
    chosen = CsvReader().read(path, ReadOptions(columns={"Что это": "title", "Когда": "year"}))
    assert [i.record.title for i in chosen.items if i.record] == ["Озеро Балхаш"]


# --- progress and cancelling ---------------------------------------------------------------


def test_progress_is_reported_and_cancel_stops_reading(tmp_path: Path) -> None:
    text = "Title;Year\n" + "".join(f"Book {n};2001\n" for n in range(1000))
    path = write_csv(tmp_path / "big.csv", text, "utf-8")
    calls: list[tuple[int, int]] = []
    result = CsvReader().read(path, ReadOptions(), progress=lambda d, t: calls.append((d, t)))
    assert len(result.items) == 1000
    assert calls[-1] == (1001, 1001) and len(calls) > 2
    with pytest.raises(Cancelled):
        CsvReader().read(path, ReadOptions(), is_cancelled=lambda: True)


# --- writing and round trips ---------------------------------------------------------------


def rich_records() -> list[Record]:
    return [
        Record(
            title="Водные ресурсы Казахстана",
            title_remainder="монография",
            responsibility="И. И. Иванов, П. П. Петров ; под ред. С. С. Сидорова",
            contributors=[
                Contributor("Иванов", "И. И."),
                Contributor("Петров", "Пётр Петрович"),
                Contributor("Сидоров", "С. С.", ContributorRole.EDITOR),
                Contributor("Институт географии", role=ContributorRole.CORPORATE_AUTHOR),
            ],
            edition="2-е изд.",
            places=["Алматы", "Москва"],
            publishers=["Наука"],
            year="2005",
            series=[Series("Труды ИГ", "5"), Series("Экология Казахстана")],
            notes=["Библиогр.: с. 300–312", "Первая строка\nвторая строка"],
            summary="Обзор водных ресурсов.",
            languages=["rus", "kaz"],
            identifiers=[
                Identifier(IdentifierType.ISBN, "9785020331525", "в пер."),
                Identifier(IdentifierType.DOI, "10.1000/xyz"),
            ],
            subjects=["Водные ресурсы"],
            geographic_names=["Арал", "Балқаш"],
            keywords=["вода", "реки"],
            links=[OnlineLink("https://example.org/water")],
            project="UNDP Aral",
            funders=["UNDP", "GEF"],
            control_number="RU\\NLR\\bibl\\1",
            copies=[
                Copy("101", "B101", "Абонемент", "26.22 И20"),
                Copy("102", "", "Читальный зал", "26.22 И20", CopyStatus.ON_LOAN),
            ],
        ),
        Record(
            title="Aral Sea = «Арал теңізі»",
            material_type=MaterialType.ARTICLE,
            contributors=[Contributor("Micklin", "Philip")],
            year="[2014?]",
            languages=["eng"],
            host=HostItem("Journal of Great Lakes", volume="40", issue="2", pages="1-10"),
            identifiers=[Identifier(IdentifierType.ISSN, "0380-1330")],
        ),
        Record(title="=SUM(A1) is a title, not a formula", year="2001"),
    ]


def test_csv_written_by_us_reads_back_to_the_same_records(tmp_path: Path) -> None:
    columns = [f for f in FIELD_IDS if f != "ignore"]
    out = io.BytesIO()
    CsvWriter().write(iter(rich_records()), out, WriteOptions(columns=columns, delimiter=";"))
    path = tmp_path / "out.csv"
    path.write_bytes(out.getvalue())
    result = read_csv(path)
    assert all(not item.problems for item in result.items), [i.problems for i in result.items]
    back = records(result)
    for original, read in zip(rich_records(), back, strict=True):
        assert record_cells(read, columns, "; ") == record_cells(original, columns, "; ")
    assert_valid(result)


def test_csv_catalog_csv_round_trip_is_identical(tmp_path: Path) -> None:
    first = io.BytesIO()
    CsvWriter().write(rich_records(), first, WriteOptions())
    path = tmp_path / "first.csv"
    path.write_bytes(first.getvalue())
    second = io.BytesIO()
    CsvWriter().write(records(read_csv(path)), second, WriteOptions())
    assert second.getvalue() == first.getvalue()


def test_partner_csv_round_trips_through_the_catalog(tmp_path: Path) -> None:
    """A partner's file in the forms we write comes back byte for byte (same columns)."""
    text = (
        "\ufeffTitle;Authors;Year;Publishers;Series;ISBN;Languages;Inventory numbers\r\n"
        'Вода;"Иванов, И. И.; Петров, П. П.";2005;Наука;"Труды ИГ ; 5";9785020331525;'
        '"rus; kaz";"1; 2"\r\n'
        "Горы;;[1999?];;;;eng;3\r\n"
    )
    path = write_csv(tmp_path / "partner.csv", text, "utf-8")
    columns = ["title", "authors", "year", "publishers", "series", "isbn", "languages"]
    columns.append("inventory_number")
    out = io.BytesIO()
    CsvWriter().write(records(read_csv(path)), out, WriteOptions(columns=columns, delimiter=";"))
    assert out.getvalue() == path.read_bytes()


def test_csv_writer_options(tmp_path: Path) -> None:
    record = Record(title="Вода", keywords=["реки", "озёра"], year="2001")
    out = io.BytesIO()
    options = WriteOptions(
        columns=["title", "keywords"], delimiter="\t", encoding="cp1251", multi_value_separator="|"
    )
    CsvWriter().write([record], out, options)
    assert out.getvalue() == "Title\tKeywords\r\nВода\tреки|озёра\r\n".encode("cp1251")
    default = io.BytesIO()
    CsvWriter().write([record], default, WriteOptions(columns=["title"]))
    assert default.getvalue().startswith(codecs.BOM_UTF8)


def test_csv_writer_refuses_characters_the_encoding_lacks() -> None:
    records_ = [Record(title="Вода"), Record(title="Қазақстан")]
    with pytest.raises(InputError, match=r"record 2 \(«Қазақстан»\).*«Қ».*cp1251"):
        CsvWriter().write(records_, io.BytesIO(), WriteOptions(encoding="cp1251"))


def test_writers_reject_unknown_columns() -> None:
    for writer in (CsvWriter(), XlsxWriter()):
        with pytest.raises(InputError, match="colour"):
            writer.write([], io.BytesIO(), WriteOptions(columns=["title", "colour"]))


def test_xlsx_round_trip_and_layout(tmp_path: Path) -> None:
    out = io.BytesIO()
    XlsxWriter().write(iter(rich_records()), out, WriteOptions())
    path = tmp_path / "out.xlsx"
    path.write_bytes(out.getvalue())
    result = XlsxReader().read(path, ReadOptions())
    assert all(not item.problems for item in result.items)
    columns = [f for f in FIELD_IDS if f != "ignore"]
    for original, read in zip(rich_records(), records(result), strict=True):
        assert record_cells(read, columns, "; ") == record_cells(original, columns, "; ")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Title" and sheet["A1"].font.b
    assert sheet.column_dimensions["A"].width == 50
    assert sheet["A4"].data_type == "s"  # "=SUM(A1) …" stays text
    year_column = columns.index("year") + 1
    assert sheet.cell(2, year_column).value == 2005


# --- cell values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("русский", "rus"),
        ("Russian", "rus"),
        ("рус.", "rus"),
        ("каз.", "kaz"),
        ("на казахском языке", "kaz"),
        ("kk", "kaz"),
        ("eng", "eng"),
        ("узбекский язык", "uzb"),
        ("англ.", "eng"),
        ("deu", "ger"),
    ],
)
def test_language_names_codes_and_abbreviations(text: str, code: str) -> None:
    assert language_code(text) == code


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("книга", MaterialType.BOOK),
        ("Статья", MaterialType.ARTICLE),
        ("отчёт", MaterialType.REPORT),
        ("report", MaterialType.REPORT),
        ("карта", MaterialType.MAP),
        ("Автореферат диссертации", MaterialType.THESIS),
        ("electronic", MaterialType.ELECTRONIC),
        ("ГОСТ", MaterialType.STANDARD),
    ],
)
def test_material_type_words(text: str, kind: MaterialType) -> None:
    assert material_type(text) == kind


@pytest.mark.parametrize(
    ("text", "surname", "forenames"),
    [
        ("Иванов, Иван Иванович", "Иванов", "Иван Иванович"),
        ("Иванов И. И.", "Иванов", "И. И."),
        ("Иванов И.И.", "Иванов", "И.И."),
        ("И. И. Иванов", "Иванов", "И. И."),
        ("Иванов Иван Иванович", "Иванов", "Иван Иванович"),
        ("Ковшарь", "Ковшарь", ""),
        ("Smith, J. R.", "Smith", "J. R."),
    ],
)
def test_person_name_forms(text: str, surname: str, forenames: str) -> None:
    person = parse_person(text, ContributorRole.AUTHOR)
    assert (person.name, person.forenames) == (surname, forenames)


# --- fuzzing -------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_csv_reader_survives_random_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        result = CsvReader().read(path, ReadOptions())
    except FormatError:
        return
    assert all(item.record is not None or item.problems for item in result.items)
    CsvReader.sniff(data)


@FUZZ
@given(
    text=st.lists(
        st.sampled_from([*'Заглавие;Год,Title|\t"\n\r ёЯ12x', "Автор", "ISBN", "\x07"]),
        max_size=200,
    ).map("".join),
    encoding=st.sampled_from(["utf-8", "cp1251", "koi8-r", "utf-16"]),
)
def test_csv_reader_survives_random_table_text(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(("Заглавие;Автор;Год\n" + text).encode(encoding))
    try:
        result = CsvReader().read(path, ReadOptions())
    except FormatError:
        return
    for item in result.items:
        if item.record is not None:
            assert import_errors(item.record) == []


@FUZZ
@given(data=st.data())
def test_csv_reader_survives_mutated_partner_files(tmp_path: Path, data: st.DataObject) -> None:
    original = bytearray((DATA / "holdings-cp1251.csv").read_bytes())
    for _ in range(data.draw(st.integers(1, 10))):
        index = data.draw(st.integers(0, len(original) - 1))
        original[index] = data.draw(st.integers(0, 255))
    path = tmp_path / "mutated.csv"
    path.write_bytes(bytes(original))
    with contextlib.suppress(FormatError):
        CsvReader().read(path, ReadOptions())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_xlsx_reader_survives_mutated_workbooks(tmp_path: Path, data: st.DataObject) -> None:
    source = tmp_path / "source.xlsx"
    if not source.exists():
        partner_workbook(source)
    original = bytearray(source.read_bytes())
    for _ in range(data.draw(st.integers(1, 5))):
        index = data.draw(st.integers(0, len(original) - 1))
        original[index] = data.draw(st.integers(0, 255))
    path = tmp_path / "mutated.xlsx"
    path.write_bytes(bytes(original))
    with contextlib.suppress(FormatError):
        XlsxReader().read(path, ReadOptions())
    XlsxReader.sniff(bytes(original))


def test_an_author_cell_without_a_surname_is_left_out_with_a_warning(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", "Заглавие;Автор\nОзеро;, Иван\n", "utf-8")
    (item,) = CsvReader().read(path, ReadOptions()).items
    assert item.record is not None and item.record.contributors == []
    assert any("no surname" in p.message and p.severity == "warning" for p in item.problems)
    assert errors_only(validate_record(item.record)) == []
