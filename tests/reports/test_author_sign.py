"""Author signs: the table lookup in the catalogue's filing order, and where a sign comes from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from library_app.core.errors import InputError
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    Record,
)
from library_app.reports import author_table
from library_app.reports.author_sign import (
    AuthorTable,
    ShelfMark,
    copy_shelf_mark,
    filing_word,
    heading_author,
    load_table,
    parse_table,
    record_shelf_mark,
    shipped_table_path,
    split_sign,
)

KAZAKH_ROWS = [
    ("Ж", "11"),
    ("Жа", "14"),
    ("Жу", "40"),
    ("Жұ", "45"),
    ("Жү", "50"),
    ("Жы", "60"),
    ("И", "11"),
    ("Ив", "22"),
    ("Ия", "98"),
]


def test_common_surnames_get_their_signs_from_the_shipped_table() -> None:
    table = load_table()
    assert table.sign("Иванов") == "И18"
    assert table.sign("Абдуллаев") == "А12"
    assert table.sign("Жұмабаева") == "Ж83"
    assert table.sign("Smith") == "S63"


def test_kazakh_letters_file_after_their_russian_neighbours() -> None:
    table = AuthorTable(KAZAKH_ROWS)
    assert table.sign("Жабаев") == "Ж14"
    assert table.sign("Жумабаева") == "Ж40"
    assert table.sign("Жұмабаева") == "Ж45"
    assert table.sign("Жүсіпов") == "Ж50"
    assert table.sign("Жылкыбаев") == "Ж60"
    assert table.sign("Иванов") == "И22"


def test_lookup_ignores_case_quotes_and_leading_punctuation() -> None:
    table = AuthorTable(KAZAKH_ROWS)
    assert table.sign("«жұмабаева»") == "Ж45"
    assert table.sign("  ИВАНОВ") == "И22"


def test_a_letter_without_rows_gives_the_bare_initial() -> None:
    assert AuthorTable(KAZAKH_ROWS).sign("Smith") == "S"
    assert AuthorTable(KAZAKH_ROWS).sign("123") == ""


def test_an_irish_apostrophe_is_not_the_uzbek_letter() -> None:
    table = load_table()
    assert table.sign("O'Brien") == table.sign("Obrien")
    assert table.sign("Oʻrinov") != table.sign("Orinov")


def test_signs_grow_with_the_alphabet_within_a_letter() -> None:
    table = load_table()
    for surnames in (
        ["Абаев", "Абдуллаев", "Ахметов", "Аяпов"],
        ["Әбдірахманов", "Әміров", "Әуезов"],
        ["Жабаев", "Жумабаев", "Жұмабаев", "Жүсіпов", "Жылкыбаев"],
        ["Sadykov", "Smith", "Stone", "Sydykova"],
    ):
        numbers = [int(table.sign(s)[1:]) for s in surnames]
        assert numbers == sorted(numbers), surnames
        assert all(11 <= n <= 99 for n in numbers)


def test_the_shipped_table_is_what_its_generator_makes() -> None:
    assert shipped_table_path().read_text(encoding="utf-8") == author_table.render()
    assert len(load_table()) > 300


def test_the_shipped_table_has_rows_for_kazakh_tajik_and_latin_initials() -> None:
    table = load_table()
    for surname in ("Әбдірахманов", "Ғабдуллин", "Қалиева", "Өтегенов", "Ұзақов", "Ҳасанов"):
        assert table.sign(surname)[1:].isdigit(), surname
    for surname in ("Çaryýew", "Şyhmyradow", "Zhumabekov"):
        assert table.sign(surname)[1:].isdigit(), surname


def test_a_users_table_file_replaces_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv"
    path.write_text("# our own\nИ\t11\nИв\t25\n", encoding="utf-8")
    assert load_table(path).sign("Иванов") == "И25"
    path.write_text("И\t11\nИв\t26\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_table(path).sign("Иванов") == "И26"  # an edited table is read again


def test_a_damaged_table_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"line 3: expected «letters<TAB>number»"):
        parse_table("# header\nИ\t11\nИв 25\n", "ours.tsv")
    with pytest.raises(InputError, match="no rows"):
        parse_table("# only comments\n")
    with pytest.raises(InputError, match="cannot read"):
        load_table(tmp_path / "missing.tsv")


def _record(**fields: object) -> Record:
    fields.setdefault("title", "Экология Приаралья")
    return Record(**fields)  # type: ignore[arg-type]


def test_one_to_three_authors_head_the_entry_four_do_not() -> None:
    three = [Contributor(name) for name in ("Иванов", "Петров", "Сидоров")]
    assert heading_author(_record(contributors=three)) is three[0]
    four = [*three, Contributor("Козлов")]
    assert heading_author(_record(contributors=four)) is None
    editor = [Contributor("Иванов", role=ContributorRole.EDITOR)]
    assert heading_author(_record(contributors=editor)) is None


def test_works_under_title_are_signed_by_the_first_filing_word() -> None:
    assert filing_word(_record(title="The Aral Sea crisis")) == "Aral Sea crisis"
    assert filing_word(_record(title="«Жасыл» экономика")) == "Жасыл» экономика"
    table = AuthorTable(KAZAKH_ROWS)
    mark = record_shelf_mark(_record(title="Жасыл экономика"), table)
    assert mark == ShelfMark("", "Ж14")


def test_the_shelf_mark_is_the_bbk_index_over_the_sign() -> None:
    record = _record(
        contributors=[Contributor("Иванов", "И. И.")],
        classifications=[
            Classification(ClassificationScheme.UDC, "502.1"),
            Classification(ClassificationScheme.BBK, "20.1"),
        ],
    )
    table = AuthorTable(KAZAKH_ROWS)
    assert record_shelf_mark(record, table).lines() == ["20.1", "И22"]
    udc = record_shelf_mark(record, table, scheme=ClassificationScheme.UDC)
    assert udc.lines() == ["502.1", "И22"]
    assert str(udc) == "502.1 И22"


def test_an_override_beats_the_copy_and_the_table() -> None:
    record = _record(
        id=7,
        contributors=[Contributor("Иванов")],
        copies=[Copy("1", shelf_mark="20.1 И25")],
    )
    table = AuthorTable(KAZAKH_ROWS)
    assert record_shelf_mark(record, table, overrides={7: "И30"}).sign == "И30"
    assert record_shelf_mark(record, table, overrides={8: "И30"}) == ShelfMark("20.1", "И25")
    assert record_shelf_mark(record, table).sign == "И25"


def test_a_sign_is_only_read_from_a_shelf_mark_that_has_one() -> None:
    assert split_sign("28.081 Ж73") == ("28.081", "Ж73")
    assert split_sign("28.081/Ж73") == ("28.081", "Ж73")
    assert split_sign("28.081\nЖ 73") == ("28.081", "Ж 73")
    assert split_sign("Б1") is None  # a BBK class on its own
    assert split_sign("28.081") is None
    assert split_sign("Ч/з 2") is None
    assert split_sign("Ч/з 25") is None  # a sign starts with a capital


def test_a_copys_shelf_mark_is_completed_from_the_record() -> None:
    record_mark = ShelfMark("20.1", "И22")
    assert copy_shelf_mark("", record_mark) == record_mark
    assert copy_shelf_mark("28.081 Ж73", record_mark) == ShelfMark("28.081", "Ж73")
    assert copy_shelf_mark("Ж73", record_mark) == ShelfMark("20.1", "Ж73")
    assert copy_shelf_mark("28.081", record_mark) == ShelfMark("28.081", "И22")
    overridden = copy_shelf_mark("28.081 Ж73", record_mark, overridden=True)
    assert overridden == ShelfMark("28.081", "И22")
