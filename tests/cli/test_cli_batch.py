"""`library-app batch-edit` end to end on SQLite and PostgreSQL: by ids, by a search, and the
mistakes a person can make on the command line."""

from __future__ import annotations

import pytest

from library_app.config import CatalogLocation


@pytest.fixture
def three(run_cli, location: CatalogLocation) -> list[int]:
    """Two records about the Aral Sea (with copies) and one about something else."""
    return [
        run_cli.add(
            location, "--title", "Арал теңізі: экологиялық апат", "--language", "kaz",
            "--year", "2004", "--subject", "Экология", "--copy", "A-1::Reading room",
            "--copy", "A-2::Reading room",
        ),
        run_cli.add(
            location, "--title", "The Aral Sea crisis", "--language", "eng", "--year", "2011",
            "--copy", "A-3::Stack",
        ),
        run_cli.add(location, "--title", "Snow leopards of the Tien Shan", "--year", "2019"),
    ]  # fmt: skip


def test_batch_edit_by_ids_changes_every_copy_and_reports_in_json(run_cli, location, three):
    data = run_cli.json(
        location, "batch-edit", "--ids", f"{three[0]},{three[1]}",
        "--add-subject", "Аральское море", "--set-location", "Branch office",
        "--set-status", "in-repair",
    )  # fmt: skip

    assert data == {"matched": 2, "changed": 2, "ids": three[:2]}
    first = run_cli.json(location, "show", str(three[0]))
    assert first["subjects"] == ["Экология", "Аральское море"]
    assert first["version"] == 2
    assert {(c["location"], c["status"]) for c in first["copies"]} == {
        ("Branch office", "in_repair")
    }
    assert run_cli.json(location, "show", str(three[2]))["version"] == 1


def test_batch_edit_by_query_changes_exactly_the_records_found(run_cli, location, three):
    run_cli.ok(location, "reindex")

    result = run_cli.ok(location, "batch-edit", "--query", "Aral", "--add-subject", "Aral Sea")

    assert "Changed 2 of 2 records" in result.out
    assert "add subject «Aral Sea»" in result.out
    subjects = [run_cli.json(location, "show", str(i))["subjects"] for i in three]
    assert subjects == [["Экология", "Aral Sea"], ["Aral Sea"], []]


def test_records_that_already_have_the_change_are_left_alone(run_cli, location, three):
    result = run_cli.ok(
        location, "batch-edit", "--ids", ",".join(map(str, three)), "--add-subject", "экология"
    )

    assert "Changed 2 of 3 records" in result.out
    assert "1 already had this change" in result.out
    assert run_cli.json(location, "show", str(three[0]))["version"] == 1


def test_an_unknown_status_is_refused_with_the_list_of_statuses(run_cli, location, three):
    result = run_cli(location, "batch-edit", "--ids", str(three[0]), "--set-status", "lent")

    message = result.assert_user_error("--set-status lent", "on_loan, in_repair")
    assert "unknown status" in message
    assert run_cli.json(location, "show", str(three[0]))["version"] == 1


def test_a_missing_record_id_changes_nothing(run_cli, location, three):
    result = run_cli(location, "batch-edit", "--ids", f"{three[0]},99999", "--set-location", "Hall")

    result.assert_user_error("no record with id 99999", "nothing was changed")
    assert run_cli.json(location, "show", str(three[0]))["version"] == 1


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["--ids", "3,x", "--set-location", "Hall"], "«x» is not a record id"),
        (["--ids", "9-2", "--set-location", "Hall"], "not a range"),
        (["--ids", "99999999999", "--set-location", "Hall"], "larger than any record id"),
        (["--ids", "1"], "nothing to change: give --add-subject"),
        (
            ["--ids", "1", "--add-subject", "Почвы", "--remove-subject", "почвы"],
            "both to be added and to be removed",
        ),
    ],
)
def test_mistakes_on_the_command_line_are_explained(run_cli, sqlite_location, arguments, fragment):
    run_cli(sqlite_location, "batch-edit", *arguments).assert_user_error(fragment)


def test_a_query_that_finds_nothing_changes_nothing(run_cli, sqlite_location):
    run_cli.add(sqlite_location, "--title", "Балқаш көлі", "--year", "2001")
    run_cli.ok(sqlite_location, "reindex")

    result = run_cli(sqlite_location, "batch-edit", "--query", "Байкал", "--set-location", "X")

    result.assert_user_error("nothing was changed")


def test_a_malformed_query_is_refused_instead_of_guessed(run_cli, sqlite_location):
    run_cli.add(sqlite_location, "--title", "Балқаш көлі", "--year", "2001")
    run_cli.ok(sqlite_location, "reindex")

    result = run_cli(sqlite_location, "batch-edit", "--query", '"Балқаш', "--set-location", "X")

    result.assert_user_error("--query", "quotation mark", "Nothing was changed")
