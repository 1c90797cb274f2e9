"""Every failure a person can cause ends in exit code 2 and one line on stderr that starts with
"library-app: error:" and names the problem — never a traceback (unless --debug is given).

Mistakes in the input itself are refused before the catalog is touched, so those run on SQLite
only; the ones the catalog has to judge run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from library_app.config import CatalogLocation

UNREACHABLE_PG = "postgresql+psycopg://postgres@127.0.0.1:1/library"


def add_one(run_cli, location, *more: str) -> int:
    return run_cli.add(location, "--title", "Запись", "--year", "2005", "--language", "ru", *more)


# --- input given with options -----------------------------------------------------------------


def test_invalid_isbn_is_refused_with_the_expected_check_digit(run_cli, location):
    result = run_cli(location, "add", "--title", "Кітап", "--isbn", "0-306-40615-3")
    result.assert_user_error("ISBN 0-306-40615-3", "check digit should be 2", "«Кітап»")
    assert run_cli.json(location, "list") == []


def test_isbn_of_the_wrong_length_is_refused(run_cli, sqlite_location):
    run_cli(sqlite_location, "add", "--title", "Кітап", "--isbn", "12345").assert_user_error(
        "ISBN 12345: has 5 characters, expected 10 or 13"
    )


@pytest.mark.parametrize("language", ["klingon", "xx", "k1"])
def test_unknown_language_is_refused(run_cli, sqlite_location, language):
    result = run_cli(sqlite_location, "add", "--title", "Кітап", "--language", language)
    result.assert_user_error(f"--language {language}: unknown language")
    assert not sqlite_location.data_dir.exists()  # refused before anything was created


def test_add_without_a_title_says_how_to_give_one(run_cli, sqlite_location):
    run_cli(sqlite_location, "add", "--year", "2005").assert_user_error("give --title")


def test_invalid_year_is_refused(run_cli, sqlite_location):
    run_cli(sqlite_location, "add", "--title", "Кітап", "--year", "мың").assert_user_error(
        "year: «мың» contains no year"
    )


# --- input given in files ---------------------------------------------------------------------


def test_malformed_json_file_names_line_and_column(run_cli, sqlite_location, tmp_path):
    source = tmp_path / "broken.json"
    source.write_text('{\n  "title": "Арал",\n  "year": ,\n}\n', encoding="utf-8")
    run_cli(sqlite_location, "add", "--from", source).assert_user_error(
        str(source), "invalid JSON at line 3, column 11"
    )


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"title": "Арал", "colour": "green"}, ["colour"]),
        (
            {"title": "Арал", "copies": [{"inventory_number": "1", "shelf": "A"}]},
            ["copies[0]", "shelf"],
        ),
        ({"title": "Арал", "extent": {"pages": 5, "weight": "1 kg"}}, ["extent", "weight"]),
    ],
)
def test_json_with_an_unknown_field_names_its_path(
    run_cli, sqlite_location, write_json, data, path
):
    source = write_json("record.json", data)
    run_cli(sqlite_location, "add", "--from", source).assert_user_error(
        str(source), "unknown field", *path
    )


def test_json_value_of_the_wrong_kind_names_its_path(run_cli, sqlite_location, write_json):
    records = [{"title": "Один"}, {"title": "Два", "languages": "rus"}]
    source = write_json("records.json", records)
    run_cli(sqlite_location, "add", "--from", source).assert_user_error(
        "record 2", "languages: expected a list"
    )


def test_json_record_without_a_title_names_the_missing_field(run_cli, sqlite_location, write_json):
    run_cli(
        sqlite_location, "add", "--from", write_json("r.json", {"year": 2000})
    ).assert_user_error("missing field(s) title")


def test_file_that_is_not_utf8_is_refused(run_cli, sqlite_location, tmp_path):
    source = tmp_path / "cp1251.json"
    source.write_bytes('{"title": "Водные ресурсы"}'.encode("cp1251"))
    run_cli(sqlite_location, "add", "--from", source).assert_user_error(
        str(source), "not UTF-8 text"
    )


def test_nonexistent_file_is_refused(run_cli, sqlite_location, tmp_path):
    missing = tmp_path / "nowhere.json"
    run_cli(sqlite_location, "add", "--from", missing).assert_user_error(
        str(missing), "cannot read", "No such file"
    )
    run_cli(sqlite_location, "edit", "1", "--patch", missing).assert_user_error("cannot read")


# --- what the catalog judges ------------------------------------------------------------------


def test_show_of_a_missing_record_says_so(run_cli, location):
    run_cli(location, "show", "999").assert_user_error("there is no record with id 999")
    run_cli(location, "edit", "999", "--set", "year=2000").assert_user_error(
        "no record with id 999"
    )


def test_duplicate_inventory_number_names_the_record_that_holds_it(run_cli, location):
    holder = add_one(run_cli, location, "--copy", "ИНВ-7:BC-7")
    other = add_one(run_cli, location)

    result = run_cli(location, "add", "--title", "Другая", "--copy", "ИНВ-7")
    result.assert_user_error("inventory number ИНВ-7", f"used by a copy of record {holder}")
    run_cli(location, "add", "--title", "Другая", "--copy", "ИНВ-8:BC-7").assert_user_error(
        "barcode BC-7", f"record {holder}"
    )
    result = run_cli(
        location, "edit", str(other), "--set", 'copies=[{"inventory_number": "ИНВ-7"}]'
    )
    result.assert_user_error("inventory number ИНВ-7", f"record {holder}")
    assert run_cli.json(location, "stats")["copies"] == 1
    assert run_cli.json(location, "show", str(other))["version"] == 1


def test_duplicate_inventory_number_within_one_record_is_refused(run_cli, location):
    run_cli(location, "add", "--title", "Т", "--copy", "5", "--copy", "5").assert_user_error(
        "copies[1].inventory_number: 5 is already used by copies[0]"
    )


BAD_ENUM_EDITS = [
    ("material_type=novel", "material_type: «novel» is not one of book, article"),
    ('copies=[{"inventory_number": "1", "status": "borrowed"}]', "copies[0].status"),
    ('contributors=[{"name": "Ахметов", "role": "writer"}]', "contributors[0].role"),
]

MALFORMED_EDITS = [
    (["--set", "id=5"], "id cannot be edited"),
    (["--set", "version=9", "--set", "created_at=2020-01-01"], "created_at, version cannot"),
    (["--set", "attachments=[]"], "attachments cannot be edited"),
    (["--set", "year"], "--set year: expected FIELD=VALUE"),
    (["--set", "=2006"], "expected FIELD=VALUE"),
    (["--set", "year=3000"], "year: 3000: year outside"),
    (["--set", "title=null"], "missing field(s) title"),
    (["--set", "languages=rus"], "languages: expected a list"),
]


def test_edit_with_a_bad_enum_value_is_refused_and_changes_nothing(run_cli, location):
    record_id = add_one(run_cli, location, "--copy", "1")
    for assignment, fragment in BAD_ENUM_EDITS:
        result = run_cli(location, "edit", str(record_id), "--set", assignment)
        result.assert_user_error(fragment)
    shown = run_cli.json(location, "show", str(record_id))
    assert shown["version"] == 1
    assert shown["material_type"] == "book"
    assert shown["copies"][0]["status"] == "available"


def test_edit_refuses_protected_fields_and_malformed_assignments(run_cli, sqlite_location):
    record_id = add_one(run_cli, sqlite_location)
    for args, fragment in MALFORMED_EDITS:
        run_cli(sqlite_location, "edit", str(record_id), *args).assert_user_error(fragment)
    assert run_cli.json(sqlite_location, "show", str(record_id))["version"] == 1


def test_edit_with_a_patch_that_is_not_an_object_or_touches_id(run_cli, location, write_json):
    record_id = add_one(run_cli, location)
    not_object = write_json("list.json", [{"title": "x"}])
    run_cli(location, "edit", str(record_id), "--patch", not_object).assert_user_error(
        "must be a JSON object"
    )
    touches_id = write_json("id.json", {"id": 77, "title": "Новое"})
    run_cli(location, "edit", str(record_id), "--patch", touches_id).assert_user_error(
        "id cannot be edited"
    )
    assert run_cli.json(location, "show", str(record_id))["title"] == "Запись"


def test_argparse_mistakes_exit_2_without_a_traceback(run_cli, sqlite_location):
    for args in (["list", "--limit", "0"], ["frobnicate"], ["add", "--type", "novel"]):
        result = run_cli(sqlite_location, *args)
        assert result.code == 2
        assert "Traceback" not in result.err
        assert "error:" in result.err


# --- storage problems -------------------------------------------------------------------------


def test_data_directory_below_a_regular_file_cannot_be_used(run_cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli(None, "list", "--data-dir", blocker / "data")
    result.assert_user_error(f"cannot use data directory {blocker / 'data'}", "--data-dir")


def test_garbage_catalog_file_is_not_taken_for_a_database(run_cli, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "catalog.sqlite").write_bytes(b"This is a shopping list, not a catalog.\n" * 50)
    result = run_cli(None, "list", "--data-dir", data_dir)
    result.assert_user_error("catalog.sqlite is not a SQLite database", "restore")
    assert (data_dir / "catalog.sqlite").read_bytes().startswith(b"This is a shopping list")


def test_sqlite_file_of_another_program_is_not_a_catalog(run_cli, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    other = sqlite3.connect(data_dir / "catalog.sqlite")
    other.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, name TEXT)")
    other.execute("INSERT INTO books (name) VALUES ('kept as it was')")
    other.commit()
    other.close()

    result = run_cli(None, "add", "--title", "Т", "--data-dir", data_dir)
    result.assert_user_error("is not a library-app catalog", "other tables: books")
    check = sqlite3.connect(data_dir / "catalog.sqlite")
    try:
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
    finally:
        check.close()
    assert tables == {"books"}  # nothing was created in somebody else's database


def test_unreachable_postgresql_server_is_reported_as_cannot_connect(run_cli, tmp_path):
    result = run_cli(None, "list", "--data-dir", tmp_path / "data", "--db", UNREACHABLE_PG)
    result.assert_user_error("cannot connect to PostgreSQL database «library» at 127.0.0.1:1")


def test_database_url_that_is_not_a_url_is_refused(run_cli, tmp_path):
    result = run_cli(None, "list", "--data-dir", tmp_path / "data", "--db", "nonsense")
    result.assert_user_error("«nonsense» is not a database URL")


def test_debug_adds_the_traceback_after_the_one_line_message(run_cli, tmp_path):
    result = run_cli(
        None, "list", "--data-dir", tmp_path / "data", "--db", UNREACHABLE_PG, "--debug"
    )
    assert result.code == 2
    first, *rest = result.err.splitlines()
    assert first.startswith("library-app: error: cannot connect")
    assert "Traceback (most recent call last)" in "\n".join(rest)
    assert "StorageError" in result.err


def test_gui_without_a_display_is_refused_in_words(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check applies to Linux/BSD")
    run_cli(None, "--data-dir", tmp_path / "data").assert_user_error("no graphical display")


# --- the real entry point ---------------------------------------------------------------------


def run_entry_point(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIBRARY_APP_")}
    env["LIBRARY_APP_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "library_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def test_entry_point_exits_2_with_one_line_and_no_traceback(tmp_path):
    result = run_entry_point(tmp_path, "add", "--title", "Кітап", "--isbn", "0-306-40615-3")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("library-app: error: ")
    assert "ISBN 0-306-40615-3: check digit should be 2" in line


def test_entry_point_shows_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    result = run_entry_point(tmp_path, "demo", "--records", "40", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == "Added 40 demo records; the catalog now holds 40.\n"


def test_output_cut_short_by_a_closed_pipe_ends_quietly(tmp_path):
    """`library-app list | head -1`: the reader stops early; no "internal error"."""
    assert run_entry_point(tmp_path, "demo", "--records", "300").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIBRARY_APP_")}
    env["LIBRARY_APP_DATA_DIR"] = str(tmp_path / "data")
    process = subprocess.Popen(
        [sys.executable, "-m", "library_app", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `head -1` exiting
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) in (0, 141)
    assert "error" not in stderr and "Traceback" not in stderr


def test_cli_location_options_are_accepted_before_the_command(run_cli, location: CatalogLocation):
    result = run_cli(
        None, "--data-dir", location.data_dir, "--db", location.db_url, "--json", "stats"
    )
    assert result.json()["records"] == 0


# --- numbers out of range ---------------------------------------------------------------------


@pytest.mark.parametrize("number", ["9785020331525", "99999999999999999999"])
def test_show_of_a_number_beyond_the_id_range_is_a_plain_not_found(run_cli, location, number):
    """People type long numbers (an ISBN, a long control number) where an id is expected."""
    add_one(run_cli, location)
    run_cli(location, "show", number).assert_user_error(number)


def test_list_with_a_negative_offset_is_refused(run_cli, location):
    add_one(run_cli, location)
    result = run_cli(location, "list", "--offset", "-1")
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "internal error" not in result.err
