"""`library-app import` and `export` end to end on SQLite and PostgreSQL: reports, dry runs,
strict mode, duplicates, searchable results, and the mistakes a person can make."""

from __future__ import annotations

from pathlib import Path

import pytest

from library_app.config import CatalogLocation

DATA = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc"


def test_import_reports_counts_and_the_records_become_searchable(run_cli, location):
    data = run_cli.json(location, "import", DATA / "marc21" / "pymarc-test.mrc")

    assert data["format"] == "marc21" and data["encoding"] == "marc-8"
    assert data["counts"]["add"] == 10 and len(data["added_ids"]) == 10
    listed = run_cli.json(location, "list")
    assert len(listed) == 10
    title = run_cli.json(location, "show", str(data["added_ids"][0]))["title"]
    word = max(title.split(), key=len).strip(".,:;/")
    found = run_cli.json(location, "search", word)
    assert data["added_ids"][0] in [hit["id"] for hit in found["results"]]


def test_dry_run_writes_nothing_and_a_second_import_skips_duplicates(run_cli, location):
    dry = run_cli.json(location, "import", DATA / "marc21" / "pymarc-test.mrc", "--dry-run")
    assert dry["dry_run"] and dry["counts"]["add"] == 10
    assert run_cli.json(location, "list") == []

    run_cli.json(location, "import", DATA / "marc21" / "pymarc-test.mrc")
    again = run_cli.json(location, "import", DATA / "marc21" / "pymarc-test.mrc")
    assert again["counts"]["skip"] == 10 and again["added_ids"] == []
    anyway = run_cli.json(
        location, "import", DATA / "marc21" / "pymarc-test.mrc", "--on-duplicate", "add"
    )
    assert len(anyway["added_ids"]) == 10


def test_text_report_names_unreadable_records_and_exit_code_says_so(
    run_cli, sqlite_location: CatalogLocation, tmp_path: Path
):
    result = run_cli(
        sqlite_location,
        "import",
        DATA / "broken" / "pymarc-bad-records.mrc",
        "--report",
        tmp_path / "report.txt",
    )
    assert result.code == 1, result.err
    assert "Traceback" not in result.out + result.err
    assert "could not be read" in result.out
    assert "Not imported" in result.out
    assert "record " in (tmp_path / "report.txt").read_text("utf-8")


def test_strict_import_of_a_damaged_file_refuses_and_imports_nothing(
    run_cli, sqlite_location: CatalogLocation
):
    result = run_cli(
        sqlite_location, "import", DATA / "broken" / "pymarc-bad-records.mrc", "--strict"
    )
    result.assert_user_error("strict", "Nothing was imported")
    assert run_cli.json(sqlite_location, "list") == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not recognised"),
    ],
)
def test_a_file_that_is_no_catalog_file_gives_a_clear_error(
    run_cli, sqlite_location: CatalogLocation, tmp_path: Path, content: bytes, fragment: str
):
    path = tmp_path / "partner.mrc"
    path.write_bytes(content)
    run_cli(sqlite_location, "import", path).assert_user_error("partner.mrc", fragment)


def test_a_missing_file_and_an_unknown_encoding_are_refused(
    run_cli, sqlite_location: CatalogLocation, tmp_path: Path
):
    run_cli(sqlite_location, "import", tmp_path / "nope.mrc").assert_user_error("no such file")
    run_cli(
        sqlite_location, "import", DATA / "marc21" / "pymarc-test.mrc", "--encoding", "klingon"
    ).assert_user_error("klingon")


def test_export_of_a_search_writes_exactly_what_the_search_finds(run_cli, location, tmp_path: Path):
    run_cli.add(location, "--title", "Озеро Балхаш", "--year", "2005", "--language", "rus")
    run_cli.add(location, "--title", "Аральское море", "--year", "2004", "--language", "rus")
    target = tmp_path / "balkhash.mrc"

    data = run_cli.json(location, "export", "Балхаш", "-o", target)

    assert data == {"file": str(target), "format": "marc21", "records": 1}
    back = run_cli.json(location, "import", target, "--dry-run")
    assert back["counts"]["records"] == 1 and back["counts"]["skip"] == 1


def test_export_everything_and_by_ids(run_cli, sqlite_location: CatalogLocation, tmp_path: Path):
    first = run_cli.add(sqlite_location, "--title", "Один")
    run_cli.add(sqlite_location, "--title", "Два")
    everything = run_cli.json(sqlite_location, "export", "-o", tmp_path / "all.xml")
    assert everything["format"] == "marcxml" and everything["records"] == 2
    one = run_cli.json(
        sqlite_location, "export", "--ids", str(first), "--format", "marc21", "-o", tmp_path / "x"
    )
    assert one["records"] == 1


def test_export_mistakes_are_explained(run_cli, sqlite_location: CatalogLocation, tmp_path: Path):
    run_cli.add(sqlite_location, "--title", "Один")
    run_cli(sqlite_location, "export", "-o", tmp_path / "out.unknown").assert_user_error(
        "give --format"
    )
    run_cli(sqlite_location, "export", "-o", tmp_path / "missing" / "out.mrc").assert_user_error(
        "does not exist"
    )
    nothing = run_cli(sqlite_location, "export", "nonexistentword", "-o", tmp_path / "o.mrc")
    assert nothing.code == 2 and "Traceback" not in nothing.err
    assert nothing.err.splitlines()[-1].endswith("nothing was exported")
    assert not (tmp_path / "o.mrc").exists()


def test_no_copies_leaves_out_the_partners_holdings(run_cli, sqlite_location: CatalogLocation):
    irbis = Path(__file__).parents[1] / "interchange" / "data" / "rusmarc-irbis-mixed.iso"
    without = run_cli.json(sqlite_location, "import", irbis, "--no-copies")
    assert without["copies_left_out"] >= 1
    shown = [run_cli.json(sqlite_location, "show", str(i)) for i in without["added_ids"]]
    assert all(record["copies"] == [] for record in shown)

    with_copies = run_cli.json(
        sqlite_location, "import", irbis, "--on-duplicate", "update", "--format", "rusmarc"
    )
    updated = run_cli.json(sqlite_location, "show", str(with_copies["updated_ids"][0]))
    assert updated["copies"] and updated["copies"][0]["inventory_number"]
