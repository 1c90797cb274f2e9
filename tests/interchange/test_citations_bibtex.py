"""BibTeX/biblatex: the 774 entries of biblatex-gost's examples (macros, xdata, crossref,
repeated fields), a hand-made file of hard cases, the written form, and random input."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.core.model import (
    Contributor,
    ContributorRole,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.interchange.base import FormatError, ReadItem, ReadOptions, ReadResult, Severity
from library_app.interchange.bibtex import BibtexReader, BibtexWriter
from tests.interchange.test_citations_common import (
    FIXTURES,
    SHARED,
    cyrillic_book,
    never_crashes,
    people,
    read_bytes,
    write_bytes,
)

GOST = SHARED / "biblatex-gost-examples.bib"


@cache
def gost() -> ReadResult:
    return BibtexReader().read(GOST, ReadOptions())


def entry(result: ReadResult, key: str) -> ReadItem:
    """The item of the entry ``key``: records are numbered in file order, @xdata left out."""
    blocks = re.findall(r"^@(\w+)\{\s*([^,\s]+)\s*,", GOST.read_text(), re.MULTILINE)
    keys = [k for kind, k in blocks if kind.lower() != "xdata"]
    return result.items[keys.index(key)]


def test_every_gost_example_becomes_a_record() -> None:
    text = GOST.read_text(encoding="utf-8")
    blocks = re.findall(r"^@(\w+)\{", text, re.MULTILINE)
    assert len(blocks) == 774
    xdata = [b for b in blocks if b.lower() == "xdata"]
    result = gost()
    assert len(result.items) == 774 - len(xdata) == 770
    assert [item.position for item in result.items] == list(range(1, 771))
    assert all(item.record is not None for item in result.items)
    assert result.encoding == "utf-8"


def test_repeated_fields_are_kept_with_a_warning_naming_entry_and_line() -> None:
    item = entry(gost(), "durkheim:s")
    assert item.record is not None
    editors = [c.name for c in item.record.contributors if c.role == ContributorRole.EDITOR]
    # both «editor =» lines; the first abuses the field ("издание Н. П. Карбасникова")
    assert editors == ["издание Н. П. Карбасникова", "Базарова"]
    (warning,) = [p for p in item.problems if "Duplicate" in p.message]
    assert warning.where == "entry «durkheim:s», line 199"
    assert warning.severity == Severity.WARNING


def test_xdata_fields_are_inherited() -> None:
    record = entry(gost(), "berestov:eap").record
    assert record is not None
    assert record.host == HostItem("Вестник НГУ. Серия: Философия", "2012", "10", "4", "122-133")
    assert record.identifiers == [Identifier(IdentifierType.ISSN, "1818-796X")]
    assert record.publishers == ["Изд-во НГУ"] and record.places == ["Новосибирск"]


def test_crossref_makes_the_book_the_host_of_its_chapter() -> None:
    item = entry(gost(), "wittgenstein:fi")
    record = item.record
    assert record is not None
    assert record.material_type == MaterialType.ARTICLE
    # the volume's own parent is a multi-volume work: its title arrives as maintitle
    assert record.host == HostItem("Философские работы", "1994", "I", "", "75-319")
    assert record.publishers == ["Гнозис"]
    isbn = next(p for p in item.problems if "ISBN" in p.message)
    assert isbn.where == "entry «wittgenstein:fi», line 1761 (of «wittgenstein:fr1»), isbn"


def test_a_volume_of_a_multi_volume_work_keeps_its_number_in_the_title() -> None:
    volumes = [entry(gost(), key).record for key in ("camus:ss1", "camus:ss2")]
    assert [r.title for r in volumes if r] == [
        "Собрание сочинений. Т. 1",
        "Собрание сочинений. Т. 2",
    ]


def test_gost_names_types_and_languages() -> None:
    result = gost()
    first = result.items[0].record
    assert first is not None
    assert people(first) == [("Больцано", "Бернард", ContributorRole.AUTHOR)]
    assert (first.title, first.year, first.languages) == ("Парадоксы безконечнаго", "1911", ["rus"])
    lakatos = entry(result, "lakatos:fmnip").record
    assert people(lakatos)[0] == ("Лакатос", "Имре", ContributorRole.AUTHOR)  # "First Last"
    thesis = entry(result, "belozerov:thesis").record
    assert thesis.material_type == MaterialType.THESIS and thesis.year == "2002"  # from date
    autoref = entry(result, "Skvortsov:2008autoref")
    assert autoref.record.title.startswith("Флуктуационные")  # inherited through crossref


def test_unknown_entry_types_are_books_with_a_warning() -> None:
    patents = [item for item in gost().items if any("@patent" in p.message for p in item.problems)]
    assert len(patents) == 6
    assert all(item.record.material_type == MaterialType.BOOK for item in patents)


def test_a_cyrillic_x_in_an_isbn_is_repaired_with_a_warning() -> None:
    repaired = [p for item in gost().items for p in item.problems if "Cyrillic letter" in p.message]
    assert len(repaired) == 3
    assert all(p.severity == Severity.WARNING for p in repaired)


def test_hard_cases_of_a_hand_made_file() -> None:
    result = BibtexReader().read(FIXTURES / "names.bib", ReadOptions())
    book, article, collection, chapter, broken, map_ = result.items
    assert book.record is not None
    assert people(book.record) == [
        ("Иванов", "Иван Иванович", ContributorRole.AUTHOR),
        ("Petrov", "P.", ContributorRole.AUTHOR),
        ("Институт географии МОН РК", "", ContributorRole.CORPORATE_AUTHOR),
    ]
    assert book.record.title == "Ландшафты Казахстана"  # braces gone
    assert book.record.publishers == ["Институт географии МОН РК"]  # ig # " МОН РК"
    assert book.record.places == ["Алматы"]  # a lone macro
    assert article.record is not None
    assert people(article.record) == [
        ("Müller", "Jörg", ContributorRole.AUTHOR),
        ("Dupont", "François", ContributorRole.AUTHOR),
        ("van der Berg", "Jan", ContributorRole.AUTHOR),
    ]
    assert (article.record.title, article.record.title_remainder) == (
        "Salinity of the Aral Sea",
        "a review",
    )
    assert article.record.host == HostItem("Journal of Arid Environments", "", "39", "2", "129-142")
    assert article.record.identifiers == [Identifier(IdentifierType.DOI, "10.1006/jare.1998.0395")]
    assert article.record.links[0].url == "http://example.org/a%20b_c"  # not taken for LaTeX
    assert collection.record is not None
    assert people(collection.record) == [
        ("Программа ООН по окружающей среде", "", ContributorRole.EDITOR)
    ]
    assert collection.record.places == ["Женева", "Алматы"]
    assert (collection.record.year, collection.record.languages) == ("2010", ["rus", "eng"])
    assert chapter.record is not None
    assert chapter.record.host == HostItem("Аральское море", "2010", "", "", "5-17")
    assert broken.record is None
    assert [str(p) for p in broken.problems] == [
        "record 5, entry «broken2001», line 44: BibTeX syntax error: Unexpected block start: "
        "`@misc`. Was still looking for field-value closing `}`"
    ]
    assert map_.record is not None and map_.record.material_type == MaterialType.MAP
    assert [str(p) for p in map_.problems] == [
        "record 6, entry «undefined2003», line 51, publisher: "
        "undefined @string macro nosuchmacro; left out",
        "record 6, entry «undefined2003», line 53, isbn: "
        "ISBN 5-02-033152-5: check digit should be X; left out",
    ]


def test_written_entries_use_plain_bibtex_names_and_unique_keys() -> None:
    twin = Record(
        title="Ещё одна книга", contributors=[Contributor("Иванов", "И. И.")], year="2005"
    )
    report = Record(
        title="Отчёт",
        material_type=MaterialType.REPORT,
        year="2005",
        contributors=[Contributor("НИЦ МКВК", role=ContributorRole.ISSUING_BODY)],
    )
    text = write_bytes(BibtexWriter(), [cyrillic_book(), twin, report]).decode("utf-8")
    assert re.findall(r"^@(\w+)\{([^,]+),", text, re.M) == [
        ("book", "ivanov2005"),
        ("book", "ivanov2005a"),
        ("techreport", "nits2005"),  # the issuing body,
    ]
    assert (
        "author     = {Иванов, И. И. and Абдуллаева, Гульнара Т. and {Институт географии}}," in text
    )
    assert "translator = {Smith, Jr., John}," in text
    assert "address    = {Алматы}," in text
    assert "institution = {{НИЦ МКВК}}," in text
    assert "url        = {https://example.org/landscapes?id=5&a=b_c}," in text


def test_latex_special_characters_survive_a_round_trip() -> None:
    title = "50% & more_{x} #1 $5 ~ ^ a\\b"
    data = write_bytes(BibtexWriter(), [Record(title=title, year="2001")])
    assert rb"50\% \& more\_\{x\} \#1 \$5" in data
    (item,) = read_bytes(BibtexReader(), data).items
    assert item.record is not None and item.record.title == title


def test_text_that_is_not_bibtex_is_refused() -> None:
    with pytest.raises(FormatError, match="no BibTeX entries"):
        read_bytes(BibtexReader(), "Просто текст, без записей.\n".encode())
    with pytest.raises(FormatError, match="binary"):
        read_bytes(BibtexReader(), b"@book{x,\x00\x00}")


def test_a_truncated_file_keeps_the_entries_before_the_cut() -> None:
    data = GOST.read_bytes()[:3000]
    result = read_bytes(BibtexReader(), data)
    *complete, last = result.items
    assert complete and all(item.record is not None for item in complete)
    assert last.record is None and "BibTeX syntax error" in last.problems[0].message


def test_sniffing_wants_an_entry_before_any_other_text() -> None:
    assert BibtexReader.sniff(GOST.read_bytes()[:65536]) == 80
    assert BibtexReader.sniff(b"\xef\xbb\xbf% comment\n\n@String{a = {b}}") == 80
    assert BibtexReader.sniff(b"@Comment{jabref-meta: databaseType:bibtex;}") == 80
    assert BibtexReader.sniff(b"Dear colleague,\n@book{x, title={y}}") == 0
    assert BibtexReader.sniff(b"user@example.org wrote:") == 0


SAMPLE = (FIXTURES / "names.bib").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_reader(data: bytes) -> None:
    never_crashes(BibtexReader(), data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mangled_file_never_crashes_the_reader(data: st.DataObject) -> None:
    mangled = bytearray(SAMPLE)
    for _ in range(data.draw(st.integers(1, 12))):
        at = data.draw(st.integers(0, len(mangled)))
        chunk = data.draw(
            st.sampled_from([b"{", b"}", b"@", b",", b'"', b"#", b"\\", b"and ", b"\xff", b"="])
        )
        if data.draw(st.booleans()):
            mangled[at:at] = chunk
        else:
            del mangled[at : at + data.draw(st.integers(1, 20))]
    never_crashes(BibtexReader(), bytes(mangled))


def test_string_macros_may_be_built_from_earlier_ones() -> None:
    text = """
        @string{ig = "Институт"}
        @string{full = ig # " географии"}
        @STRING(kz = {Казахстан})
        @book{x, title = full # ", " # kz, publisher = full, year = 2001, month = jan}
    """
    (item,) = read_bytes(BibtexReader(), text.encode()).items
    assert item.record is not None and item.problems == []
    assert item.record.title == "Институт географии, Казахстан"
    assert item.record.publishers == ["Институт географии"]
