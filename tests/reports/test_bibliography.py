"""The bibliography PDF, read back: what a reader sees on each page and where.

pypdfium2 gives the text of each printed line with its box, in drawing order: an entry is its
number (drawn on its own in the gutter) followed by its lines, so the numbering, the order of
entries, the page and column each line is on, and the indexes are all read from the PDF itself.
pypdf checks that the text can be extracted and searched like any PDF reader does.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from library_app.core.errors import Cancelled, InputError
from library_app.core.model import Contributor, MaterialType, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.base import MM, write_report
from library_app.reports.bibliography import BibliographyOptions, build_bibliography
from library_app.reports.citation import format_reference
from library_app.reports.products import product
from library_app.services.demo import generate_records

NUMBER = re.compile(r"^(\d+)\.$")
INDEX_LINE = re.compile(r"^(.*?) (\d+(?:, \d+)*)$")
A4 = (595.28, 841.89)
A5 = (419.53, 595.28)


@dataclass
class Line:
    page: int
    left: float
    right: float
    bottom: float
    text: str


@dataclass
class Printed:
    number: int
    number_line: Line
    lines: list[Line] = field(default_factory=list)  # the description's lines

    @property
    def text(self) -> str:
        return " ".join(" ".join(line.text for line in self.lines).split())

    def pages(self) -> set[int]:
        return {line.page for line in [self.number_line, *self.lines]}


@dataclass
class Pdf:
    data: bytes
    sizes: list[tuple[float, float]]
    lines: list[Line]

    def page_lines(self, page: int) -> list[str]:
        return [line.text for line in self.lines if line.page == page and not self.is_footer(line)]

    def footers(self) -> list[str]:
        return [line.text for line in self.lines if self.is_footer(line)]

    def is_footer(self, line: Line) -> bool:
        return line.text.isdigit() and line.bottom < 40

    def entries(self, headings: Sequence[str] = (), stop: str = "") -> list[Printed]:
        """The numbered entries in reading order (the gutter number opens an entry; a group
        heading, the page number or the first index title closes it)."""
        found: list[Printed] = []
        current: Printed | None = None
        lines = [line for line in self.lines if line.page > 0 and not self.is_footer(line)]
        for line, following in zip(lines, [*lines[1:], None], strict=True):
            if stop and line.text == stop:
                break
            if line.text in headings:
                current = None
            elif (match := NUMBER.match(line.text)) and self._in_gutter(line, following):
                current = Printed(int(match.group(1)), line)
                found.append(current)
            elif current is not None:
                current.lines.append(line)
        return found

    @staticmethod
    def _in_gutter(line: Line, following: Line | None) -> bool:
        """An entry number stands left of its first line (a line "2005." ending an entry
        does not)."""
        return (
            following is not None
            and following.page == line.page
            and following.left >= line.right - 0.5
        )

    def index(self, title: str, after: str = "") -> list[tuple[str, list[int]]]:
        """The lines of an auxiliary index, continuation lines (indented) joined to theirs."""
        texts: list[str] = []
        starts: dict[tuple[int, int], float] = {}
        inside = False
        for line in self.lines:
            if line.text == title:
                inside = True
                continue
            if not inside or self.is_footer(line):
                continue
            if after and line.text == after:
                break
            width = self.sizes[line.page][0]
            column = (line.page, int(line.left > width / 2))
            start = starts.setdefault(column, line.left)
            if line.left > start + 2 and texts:
                texts[-1] += " " + line.text
            else:
                texts.append(line.text)
        result = []
        for text in texts:
            match = INDEX_LINE.match(" ".join(text.split()))
            assert match, text
            result.append((match.group(1), [int(n) for n in match.group(2).split(", ")]))
        return result


def read_pdf(data: bytes) -> Pdf:
    document = pdfium.PdfDocument(data)
    lines = []
    sizes = []
    for number, page in enumerate(document):
        sizes.append(page.get_size())
        textpage = page.get_textpage()
        for index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(index)
            text = textpage.get_text_bounded(left, bottom, right, top).strip()
            if text:
                lines.append(Line(number, left, right, bottom, text))
    return Pdf(data, sizes, lines)


def add(catalog: Catalog, records: list[Record]) -> list[int]:
    return RecordRepository(catalog).add_many(records)


def build(catalog: Catalog, ids: Sequence[int], **options: object) -> Pdf:
    stream = io.BytesIO()
    build_bibliography(catalog, ids, BibliographyOptions(**options), stream)  # type: ignore[arg-type]
    return read_pdf(stream.getvalue())


def unspaced(text: str) -> str:
    """Text without its spaces: a long URL breaks between lines without one."""
    return "".join(text.split())


def book(title: str, *authors: tuple[str, str], **fields: object) -> Record:
    return Record(
        title=title,
        contributors=[Contributor(name, forenames) for name, forenames in authors],
        places=["Алматы"],
        publishers=["Ғылым"],
        year="2020",
        **fields,  # type: ignore[arg-type]
    )


def script(text: str) -> str:
    return "cyrillic" if re.search("[а-яәғқңөұүһі]", text[:3], re.IGNORECASE) else "latin"


# --- the product ---------------------------------------------------------------------------


def test_registry_names_the_bibliography_builder_and_its_options():
    bibliography = product("bibliography")
    assert bibliography.build_function() is build_bibliography
    assert bibliography.options_class() is BibliographyOptions


@pytest.mark.parametrize(
    "options",
    [
        {"group_by": "author"},
        {"order": "title"},
        {"columns": 3},
        {"page_size": "Letter"},
        {"style": "chicago"},
        {"language": "kk"},
    ],
)
def test_unusable_options_are_refused_with_a_message(options: dict[str, object]):
    with pytest.raises(InputError, match=str(next(iter(options.values())))):
        BibliographyOptions(**options)  # type: ignore[arg-type]


def test_page_size_is_accepted_in_any_case():
    assert BibliographyOptions(page_size="a5").page_size == "A5"


def test_nothing_to_print_is_an_input_error(sqlite_catalog: Catalog):
    with pytest.raises(InputError, match="no records"):
        build_bibliography(sqlite_catalog, [], BibliographyOptions(), io.BytesIO())
    (gone,) = add(sqlite_catalog, [book("Удалённая")])
    RecordRepository(sqlite_catalog).delete(gone)
    with pytest.raises(InputError, match="trash"):
        build_bibliography(sqlite_catalog, [gone, 999], BibliographyOptions(), io.BytesIO())


# --- title page and text -------------------------------------------------------------------


def test_title_page_carries_title_compiler_organisation_place_and_year(sqlite_catalog: Catalog):
    ids = add(sqlite_catalog, [book("Водные ресурсы", ("Иванов", "Иван"))])
    pdf = build(
        sqlite_catalog,
        ids,
        title="Вода Центральной Азии",
        compiler="А. Б. Сейткали",
        organisation="Региональный экологический центр Центральной Азии",
        place="Алматы",
        year="2025",
    )
    assert pdf.page_lines(0) == [
        "Региональный экологический центр Центральной Азии",
        "Вода Центральной Азии",
        "Составитель: А. Б. Сейткали",
        "Алматы 2025",
    ]  # in this order from the top
    assert pdf.footers() == ["2", "3"]  # entries, author index: counted from the title page
    assert pypdf.PdfReader(io.BytesIO(pdf.data)).metadata.title == "Вода Центральной Азии"


def test_introduction_has_its_own_pages_before_the_entries(sqlite_catalog: Catalog):
    ids = add(sqlite_catalog, [book("Водные ресурсы", ("Иванов", "Иван"))])
    pdf = build(sqlite_catalog, ids, introduction="Указатель включает книги.\n\nВторой абзац.")
    assert pdf.page_lines(1)[:3] == ["Предисловие", "Указатель включает книги.", "Второй абзац."]
    (entry,) = pdf.entries(stop="Указатель авторов")
    assert entry.pages() == {2}


def test_words_are_english_for_an_english_bibliography(sqlite_catalog: Catalog):
    ids = add(sqlite_catalog, [book("Water", ("Smith", "John"), languages=["eng"])])
    pdf = build(sqlite_catalog, ids, compiler="J. Smith", place="Almaty", year="2025")
    text = "\n".join(line.text for line in pdf.lines)
    for words in ("Bibliography", "Compiled by J. Smith", "Almaty, 2025", "Author index"):
        assert words in text
    assert "Subject index" not in text  # the only record has no subject


def test_kazakh_text_is_printed_in_kazakh_order_and_can_be_searched(sqlite_catalog: Catalog):
    titles = ["Іле", "Һәм", "Үміт", "Ұлттық", "Өзен", "Теңіз", "Қазына", "Ғасыр", "Әже", "Ана"]
    ids = add(sqlite_catalog, [Record(title=t, languages=["kaz"]) for t in titles])
    pdf = build(sqlite_catalog, ids, author_index=False, subject_index=False)
    printed = [entry.text for entry in pdf.entries()]
    expected = ["Ана", "Әже", "Ғасыр", "Қазына", "Өзен", "Теңіз", "Ұлттық", "Үміт", "Һәм", "Іле"]
    assert [text.split(".")[0] for text in printed] == expected
    extracted = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[1].extract_text()
    for letter in "әғқңөұүһі":
        assert letter in extracted.lower()
    for title in titles:
        assert title in extracted
    textpage = pdfium.PdfDocument(pdf.data)[1].get_textpage()
    assert textpage.search("Ұлттық").get_next() is not None


def test_apa_titles_in_italics_still_read_back_as_text(sqlite_catalog: Catalog):
    ids = add(sqlite_catalog, [book("Қазына", ("Әлиев", "Әли"))])
    pdf = build(sqlite_catalog, ids, style="apa")
    (entry,) = pdf.entries(stop="Указатель авторов")
    assert "Қазына" in entry.text and "Әлиев" in entry.text


# --- order and numbering -------------------------------------------------------------------


@pytest.mark.parametrize("cyrillic_first", [True, False])
def test_groups_list_cyrillic_entries_before_latin_ones_unless_switched_off(
    sqlite_catalog: Catalog, cyrillic_first: bool
):
    article = MaterialType.ARTICLE
    ids = add(
        sqlite_catalog,
        [
            book("Water"),
            book("Вода"),
            book("Aral"),
            book("Арал"),
            book("Climate", material_type=article),
            book("Климат", material_type=article),
        ],
    )
    pdf = build(sqlite_catalog, ids, group_by="type", cyrillic_first=cyrillic_first)
    entries = pdf.entries(headings=["Книги", "Статьи"], stop="Указатель авторов")
    assert [e.number for e in entries] == [1, 2, 3, 4, 5, 6]
    books = [e.text.split(".")[0] for e in entries[:4]]
    articles = [e.text.split(".")[0] for e in entries[4:]]
    if cyrillic_first:
        assert books == ["Арал", "Вода", "Aral", "Water"]
        assert articles == ["Климат", "Climate"]
    else:
        assert books == ["Aral", "Water", "Арал", "Вода"]
        assert articles == ["Climate", "Климат"]
    headings = [line.text for line in pdf.lines if line.text in ("Книги", "Статьи")]
    assert headings == ["Книги", "Статьи"]


@pytest.fixture
def demo_ids(sqlite_catalog: Catalog) -> list[int]:
    """150 records of the demo collection: long multilingual descriptions of every kind."""
    return add(sqlite_catalog, list(generate_records(150, seed=3)))


@pytest.mark.parametrize(("page_size", "columns"), [("A4", 1), ("A5", 1), ("A4", 2), ("A5", 2)])
def test_entries_are_numbered_on_across_groups_and_pages_and_never_split(
    sqlite_catalog: Catalog, demo_ids: list[int], page_size: str, columns: int
):
    pdf = build(
        sqlite_catalog,
        demo_ids,
        group_by="year",
        columns=columns,
        page_size=page_size,
        subject_index=False,
    )
    years = [str(year) for year in range(1960, 2030)]
    entries = pdf.entries(headings=years, stop="Указатель авторов")
    assert [e.number for e in entries] == list(range(1, 151))
    assert len({page for e in entries for page in e.pages()}) > 3
    records = RecordRepository(sqlite_catalog).get_many(demo_ids)
    references = {unspaced(format_reference(r).text) for r in records}
    width = pdf.sizes[1][0]
    for entry in entries:
        assert len(entry.pages()) == 1, f"entry {entry.number} is split across pages"
        assert unspaced(entry.text) in references  # the whole description, on that one page
        if columns == 2:
            sides = {line.left > width / 2 for line in entry.lines}
            assert len(sides) == 1, f"entry {entry.number} is split across columns"
            assert all(line.right < width / 2 for line in entry.lines) or sides == {True}
    printed_years = [line.text for line in pdf.lines if line.text in years]
    assert printed_years == sorted(set(printed_years))  # oldest first, each year once


@pytest.mark.parametrize(("page_size", "expected"), [("A4", A4), ("A5", A5)])
def test_pages_have_the_chosen_size(sqlite_catalog: Catalog, page_size: str, expected):
    ids = add(sqlite_catalog, [book("Вода")])
    pdf = build(sqlite_catalog, ids, page_size=page_size)
    for width, height in pdf.sizes:
        assert width == pytest.approx(expected[0], abs=0.5)
        assert height == pytest.approx(expected[1], abs=0.5)


def test_two_columns_fill_the_left_column_then_the_right(
    sqlite_catalog: Catalog, demo_ids: list[int]
):
    pdf = build(sqlite_catalog, demo_ids, columns=2, subject_index=False)
    entries = pdf.entries(stop="Указатель авторов")
    width = pdf.sizes[1][0]
    first_page = [e for e in entries if e.pages() == {1}]
    left = [e.number for e in first_page if e.lines[0].left < width / 2]
    right = [e.number for e in first_page if e.lines[0].left > width / 2]
    assert left and right
    assert max(left) < min(right)
    margin = 20 * MM
    assert min(line.left for e in first_page for line in e.lines) >= margin - 1
    assert max(line.right for e in first_page for line in e.lines) <= width - margin + 1
    one_column = build(sqlite_catalog, demo_ids, columns=1, subject_index=False)
    widest = max(line.right for line in one_column.lines if line.page == 1)
    assert widest > width / 2 + 50  # one column runs across the page


# --- indexes -------------------------------------------------------------------------------


def test_author_index_refers_to_the_entries_naming_each_author(sqlite_catalog: Catalog):
    ids = add(
        sqlite_catalog,
        [
            book("Вода", ("Иванов", "Иван Иванович"), subjects=["Водные ресурсы"]),
            book("Климат", ("Иванов", "И. И."), ("Smith", "John"), subjects=["Климат"]),
            book("Air", ("Smith", "J."), subjects=["Climate", "Климат"]),
            book("Қазына", ("Әлиев", "Әли"), subjects=["Водные ресурсы"]),
            book("Жер", subjects=["Земельные ресурсы"]),
        ],
    )
    pdf = build(sqlite_catalog, ids)
    entries = {e.number: e.text for e in pdf.entries(stop="Указатель авторов")}
    authors = pdf.index("Указатель авторов", after="Предметный указатель")
    assert authors == [("Әлиев Ә.", [1]), ("Иванов И. И.", [3, 4]), ("Smith J.", [4, 5])]
    for heading, numbers in authors:
        surname = heading.split()[0]
        assert numbers == [n for n, text in entries.items() if surname in text]
    subjects = dict(pdf.index("Предметный указатель"))
    titles = {
        title: number
        for number, text in entries.items()
        for title in ("Вода", "Климат", "Air", "Қазына", "Жер")
        if re.search(rf"(^|\. ){title}( /|\.)", text)
    }
    assert sorted(titles.values()) == [1, 2, 3, 4, 5]
    assert subjects["Водные ресурсы"] == sorted([titles["Вода"], titles["Қазына"]])
    assert subjects["Климат"] == sorted([titles["Климат"], titles["Air"]])
    assert subjects["Земельные ресурсы"] == [titles["Жер"]]
    assert list(subjects)[-1] == "Climate"  # Latin after Cyrillic here too


def test_indexes_can_be_left_out(sqlite_catalog: Catalog):
    ids = add(sqlite_catalog, [book("Вода", ("Иванов", "Иван"), subjects=["Вода"])])
    pdf = build(sqlite_catalog, ids, author_index=False, subject_index=False)
    text = [line.text for line in pdf.lines]
    assert "Указатель авторов" not in text and "Предметный указатель" not in text
    assert len(pdf.sizes) == 2


# --- records, progress and cancel ----------------------------------------------------------


def test_records_in_the_trash_are_left_out_and_repeated_ids_printed_once(catalog: Catalog):
    kept, gone = add(catalog, [book("Вода"), book("Климат")])
    RecordRepository(catalog).delete(gone)
    stream = io.BytesIO()
    result = build_bibliography(catalog, [kept, gone, kept], BibliographyOptions(), stream)
    assert result.items == 1
    assert result.pages == len(pypdf.PdfReader(io.BytesIO(stream.getvalue())).pages) == 2


@pytest.fixture
def many_ids(sqlite_catalog: Catalog) -> list[int]:
    """450 records: progress and cancel come every 200 records or entries."""
    return add(sqlite_catalog, list(generate_records(450, seed=5)))


def test_progress_runs_over_reading_and_layout_to_the_end(
    sqlite_catalog: Catalog, many_ids: list[int]
):
    reports: list[tuple[int, int]] = []
    build_bibliography(
        sqlite_catalog,
        many_ids,
        BibliographyOptions(),
        io.BytesIO(),
        progress=lambda done, total: reports.append((done, total)),
    )
    assert {total for _, total in reports} == {900}
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert (450, 900) in reports  # reading done
    assert any(450 < done < 900 for done, _ in reports)  # layout reports as it goes
    assert reports[-1] == (900, 900)


@pytest.mark.parametrize("stage", ["reading", "layout"])
def test_cancel_leaves_no_file(
    sqlite_catalog: Catalog, many_ids: list[int], tmp_path: Path, stage: str
):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "bibliography.pdf"
    done_so_far = [0]

    def cancelled() -> bool:
        limit = 200 if stage == "reading" else 700  # of 900: reading ends at 450
        return done_so_far[0] >= limit

    def progress(done: int, total: int) -> None:
        done_so_far[0] = done

    with pytest.raises(Cancelled):
        write_report(
            target,
            lambda stream: build_bibliography(
                sqlite_catalog,
                many_ids,
                BibliographyOptions(),
                stream,
                progress=progress,
                is_cancelled=cancelled,
            ),
        )
    assert list(folder.iterdir()) == []  # neither the PDF nor a temporary file
    assert done_so_far[0] < 900


def test_an_entry_taller_than_a_column_is_split_rather_than_refused(sqlite_catalog: Catalog):
    giant = " ".join(["Очень длинное заглавие"] * 400)
    ids = add(sqlite_catalog, [book("Арал"), book(giant), book("Бахыт")])
    pdf = build(sqlite_catalog, ids, columns=2, page_size="A5", author_index=False)
    entries = pdf.entries(stop="Предметный указатель")
    assert [e.number for e in entries] == [1, 2, 3]
    assert len(entries[2].pages()) > 1
    assert unspaced(giant) in unspaced(entries[2].text)
