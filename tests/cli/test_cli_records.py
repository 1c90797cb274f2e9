"""`library-app add / show / edit / delete / undelete / list / stats` end to end, on SQLite and
PostgreSQL."""

from __future__ import annotations

import io
import json
import sys

from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    Extent,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.core.serialization import record_to_dict

BOOKKEEPING = ("id", "version", "created_at", "updated_at", "deleted_at")
LIST_KEYS = {
    "id",
    "title",
    "first_author",
    "year",
    "material_type",
    "languages",
    "copies",
    "deleted",
}

KAZAKH_TITLE = "Балқаш көлінің экологиялық жағдайы"


def without_bookkeeping(document: dict) -> dict:
    trimmed = {k: v for k, v in document.items() if k not in (*BOOKKEEPING, "attachments")}
    trimmed["copies"] = [
        {k: v for k, v in copy.items() if k not in ("id", "version")} for copy in document["copies"]
    ]
    return trimmed


def minimal(title: str, **fields) -> dict:
    """A JSON record as people write it: only what matters, year as a number."""
    return {"title": title, "languages": ["rus"], "year": 2005, **fields}


# --- add from options -------------------------------------------------------------------------


def test_add_from_options_stores_exactly_the_given_values(run_cli, location):
    result = run_cli.ok(
        location,
        "add",
        "--type", "report",
        "--title", KAZAKH_TITLE,
        "--subtitle", "аналитический доклад",
        "--responsibility", "РЭЦЦА ; ред. А. К. Ахметов",
        "--author", "Ахметов, Асқар Кенжеұлы",
        "--author", "Иванова, Мария Петровна",
        "--editor", "Smith, John",
        "--issuing-body", "Региональный экологический центр Центральной Азии",
        "--place", "Алматы",
        "--publisher", "РЭЦЦА",
        "--year", "2005",
        "--pages", "124 б.",
        "--language", "kk",
        "--language", "русский",
        "--isbn", "0-306-40615-2",
        "--udc", "502.51(282.255.6)",
        "--subject", "Водные ресурсы",
        "--geographic", "Балхаш, озеро",
        "--keyword", "экология",
        "--summary", "Обзор состояния озера.",
        "--note", "Текст на казахском и русском языках",
        "--project", "Балқаш-2030",
        "--funder", "ПРООН",
        "--copy", "ИНВ-001:2000000000017:Читальный зал: стеллаж 4",
        "--copy", "ИНВ-002",
    )  # fmt: skip
    assert result.err == ""  # year and language given: no warnings
    (record_id,) = [int(part) for part in result.out.strip(" .\n").split() if part.isdigit()]

    shown = run_cli.json(location, "show", str(record_id))

    expected = Record(
        title=KAZAKH_TITLE,
        material_type=MaterialType.REPORT,
        title_remainder="аналитический доклад",
        responsibility="РЭЦЦА ; ред. А. К. Ахметов",
        contributors=[
            Contributor("Ахметов", "Асқар Кенжеұлы", ContributorRole.AUTHOR),
            Contributor("Иванова", "Мария Петровна", ContributorRole.AUTHOR),
            Contributor("Smith", "John", ContributorRole.EDITOR),
            Contributor(
                "Региональный экологический центр Центральной Азии",
                role=ContributorRole.ISSUING_BODY,
            ),
        ],
        places=["Алматы"],
        publishers=["РЭЦЦА"],
        year="2005",
        extent=Extent(pages="124 б."),
        summary="Обзор состояния озера.",
        notes=["Текст на казахском и русском языках"],
        languages=["kaz", "rus"],
        identifiers=[Identifier(IdentifierType.ISBN, "9780306406157")],  # ISBN-10 → ISBN-13
        classifications=[Classification(ClassificationScheme.UDC, "502.51(282.255.6)")],
        subjects=["Водные ресурсы"],
        geographic_names=["Балхаш, озеро"],
        keywords=["экология"],
        project="Балқаш-2030",
        funders=["ПРООН"],
        copies=[
            Copy("ИНВ-001", barcode="2000000000017", location="Читальный зал: стеллаж 4"),
            Copy("ИНВ-002"),
        ],
    )
    assert without_bookkeeping(shown) == without_bookkeeping(record_to_dict(expected))
    assert shown["id"] == record_id
    assert shown["version"] == 1
    assert shown["deleted_at"] is None
    assert shown["created_at"] and shown["updated_at"]
    assert [copy["version"] for copy in shown["copies"]] == [1, 1]
    assert all(isinstance(copy["id"], int) for copy in shown["copies"])


def test_add_warns_on_stderr_about_a_missing_year_and_language_but_saves(run_cli, location):
    result = run_cli.ok(location, "add", "--title", "Без года")
    assert "warning: year: no year of publication" in result.err
    assert "warning: languages: no language given" in result.err
    as_json = run_cli.json(location, "add", "--title", "Тоже без года")
    assert as_json["added"] == [as_json["added"][0]]
    assert len(as_json["warnings"]) == 2  # in the JSON instead of on stderr
    assert run_cli.json(location, "stats")["records"] == 2


def test_human_show_output_contains_the_title_and_the_labelled_values(run_cli, location):
    record_id = run_cli.add(
        location,
        "--title", KAZAKH_TITLE,
        "--author", "Ахметов, А. К.",
        "--language", "kk",
        "--year", "2015",
        "--copy", "17:BC17:Абонемент",
    )  # fmt: skip
    out = run_cli.ok(location, "show", str(record_id)).out
    assert KAZAKH_TITLE in out
    assert "Ахметов, А. К." in out
    assert "Kazakh (kaz)" in out
    assert "17: barcode BC17, available, Абонемент" in out


def test_show_finds_a_record_by_its_control_number(run_cli, location, write_json):
    run_cli.add(location, "--title", "Другая запись", "--year", "1999", "--language", "ru")
    marc = minimal(
        "Арал: вчера и сегодня", control_number="RU\\NLR\\bibl\\123", control_source="RuSpRNB"
    )
    source = write_json("marc.json", marc)
    record_id = run_cli.add(location, "--from", source)

    shown = run_cli.json(location, "show", "RU\\NLR\\bibl\\123")
    assert shown["id"] == record_id
    assert shown["title"] == "Арал: вчера и сегодня"
    assert "Арал: вчера и сегодня" in run_cli.ok(location, "show", "RU\\NLR\\bibl\\123").out


def test_show_by_a_control_number_held_by_two_records_names_both(run_cli, location, write_json):
    source = write_json("two.json", [minimal("Один", control_number="ocm-42"),
                                     minimal("Два", control_number="ocm-42")])  # fmt: skip
    ids = run_cli.json(location, "add", "--from", source)["added"]
    run_cli(location, "show", "ocm-42").assert_user_error("several records", f"{ids[0]}, {ids[1]}")
    run_cli(location, "show", "no-such-number").assert_user_error("«no-such-number»")


def test_show_finds_a_record_by_a_numeric_control_number(run_cli, location, write_json):
    source = write_json("marc.json", minimal("Орал өзені", control_number="003456789"))
    record_id = run_cli.add(location, "--from", source)
    assert run_cli.json(location, "show", "003456789")["id"] == record_id


# --- add from a JSON file ---------------------------------------------------------------------


def test_add_from_a_json_file_with_one_record(run_cli, location, write_json):
    data = {
        "title": "Су ресурстарын басқару",
        "material_type": "book",
        "contributors": [{"name": "Сейітқазы", "forenames": "Б."}],
        "year": "[2010?]",
        "languages": ["kaz"],
        "identifiers": [{"type": "issn", "value": "0317-8471"}],
        "copies": [{"inventory_number": "K-1", "status": "on_loan", "price": "1500.50",
                    "currency": "KZT", "acquired_on": "2011-03-01", "source": "gift"}],
    }  # fmt: skip
    result = run_cli.ok(location, "add", "--from", write_json("one.json", data))
    assert result.out.startswith("Added record ")

    shown = run_cli.json(location, "show", result.out.split()[2].rstrip("."))
    assert shown["title"] == "Су ресурстарын басқару"
    assert shown["year"] == "[2010?]"
    assert shown["contributors"] == [
        {"name": "Сейітқазы", "forenames": "Б.", "role": "author", "name_other_script": ""}
    ]
    assert shown["identifiers"] == [{"type": "issn", "value": "0317-8471", "qualifier": ""}]
    (copy,) = shown["copies"]
    assert copy["status"] == "on_loan"
    assert copy["acquired_on"] == "2011-03-01"
    assert copy["source"] == "gift"
    assert copy["currency"] == "KZT"
    assert float(copy["price"]) == 1500.50


def test_add_from_a_json_list_adds_every_record_in_order(run_cli, location, write_json):
    titles = ["Первый том", "Екінші том", "Third volume"]
    source = write_json("three.json", [minimal(t) for t in titles])
    result = run_cli.json(location, "add", "--from", source)
    assert len(result["added"]) == 3
    assert [run_cli.json(location, "show", str(i))["title"] for i in result["added"]] == titles
    assert run_cli.ok(location, "add", "--from", source).out.startswith("Added records ")


def test_add_from_an_empty_json_list_says_nothing_was_added(run_cli, sqlite_location, write_json):
    result = run_cli(sqlite_location, "add", "--from", write_json("empty.json", []))
    assert "Added record ." not in result.out
    assert "no record" in (result.out + result.err).lower()


def test_add_from_a_json_list_is_atomic_when_the_third_record_is_invalid(
    run_cli, location, write_json
):
    records = [
        minimal("Хороший", identifiers=[{"type": "isbn", "value": "978-5-02-033152-5"}]),
        minimal("Тоже хороший", copies=[{"inventory_number": "A-1"}]),
        minimal("Плохой ISBN", identifiers=[{"type": "isbn", "value": "978-5-02-033152-9"}]),
        minimal("Четвёртый"),
    ]
    result = run_cli(location, "add", "--from", write_json("batch.json", records))
    message = result.assert_user_error("record 3", "check digit should be 5")
    assert "Плохой ISBN" in message
    assert run_cli.json(location, "list") == []
    assert run_cli.json(location, "stats")["copies"] == 0

    # Once corrected, the same batch goes in whole.
    records[2]["identifiers"][0]["value"] = "978-5-02-033152-5"
    added = run_cli.json(location, "add", "--from", write_json("fixed.json", records))["added"]
    assert len(added) == 4


def test_a_record_shown_as_json_can_be_added_again_from_that_json(
    run_cli, location, write_json, tmp_path
):
    original_id = run_cli.add(
        location,
        "--title", "Қазақстанның Қызыл кітабы",
        "--author", "Мелдебеков, А. М.",
        "--year", "2010",
        "--language", "kk",
        "--language", "rus",
        "--isbn", "9785020331525",
        "--subject", "Редкие виды",
    )  # fmt: skip
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4 scan of the cover\n")
    run_cli.ok(location, "attach", str(original_id), pdf)
    run_cli.ok(location, "edit", str(original_id), "--set", "edition=2-е изд.")
    shown = run_cli.ok(location, "show", str(original_id), "--json").out
    assert '"attachments": [\n    {' in shown  # the bookkeeping to be dropped is really there

    exported = tmp_path / "exported.json"
    exported.write_text(shown, encoding="utf-8")
    copy_id = run_cli.add(location, "--from", exported)

    original = run_cli.json(location, "show", str(original_id))
    again = run_cli.json(location, "show", str(copy_id))
    assert copy_id != original_id
    assert again["version"] == 1
    assert again["attachments"] == []
    assert without_bookkeeping(again) == without_bookkeeping(original)


def test_add_reads_a_json_record_from_stdin(run_cli, location, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"title": "Из потока", "year": "2020"}'))
    record_id = run_cli.add(location, "--from", "-")
    assert run_cli.json(location, "show", str(record_id))["title"] == "Из потока"


# --- edit -------------------------------------------------------------------------------------


def test_edit_with_set_changes_fields_and_increments_the_version(run_cli, location):
    record_id = run_cli.add(location, "--title", "Старое название", "--year", "2005",
                            "--language", "ru", "--subject", "Почвы")  # fmt: skip
    result = run_cli.ok(
        location, "edit", str(record_id),
        "--set", "year=2006",
        "--set", 'subjects=["Водные ресурсы", "Аральское море"]',
        "--set", "title=Водные ресурсы Казахстана",
    )  # fmt: skip
    assert result.out == f"Saved record {record_id} (version 2).\n"

    shown = run_cli.json(location, "show", str(record_id))
    assert shown["year"] == "2006"
    assert shown["subjects"] == ["Водные ресурсы", "Аральское море"]
    assert shown["title"] == "Водные ресурсы Казахстана"
    assert shown["version"] == 2
    assert run_cli.json(location, "stats")["by_decade"] == {"2000s": 1}

    edited = run_cli.json(location, "edit", str(record_id), "--set", "edition=2-е изд.")
    assert edited["version"] == 3
    assert edited == run_cli.json(location, "show", str(record_id))


def test_edit_with_a_merge_patch_file_merges_objects_and_null_removes(
    run_cli, location, write_json
):
    record_id = run_cli.add(
        location,
        "--title", "Ледники Тянь-Шаня",
        "--subtitle", "монография",
        "--summary", "Краткое содержание",
        "--pages", "240 с.",
        "--year", "1998",
        "--language", "ru",
        "--keyword", "ледники",
        "--copy", "100:BC100:Фонд",
    )  # fmt: skip
    before = run_cli.json(location, "show", str(record_id))
    patch = {
        "summary": None,
        "title_remainder": None,
        "keywords": None,
        "extent": {"illustrations": "ил.", "dimensions": "21 см"},
        "host": None,
        "geographic_names": ["Тянь-Шань"],
    }
    edited = run_cli.json(
        location, "edit", str(record_id), "--patch", write_json("patch.json", patch)
    )

    shown = run_cli.json(location, "show", str(record_id))
    assert edited == shown
    assert shown["summary"] == ""
    assert shown["title_remainder"] == ""
    assert shown["keywords"] == []
    assert shown["extent"] == {"pages": "240 с.", "illustrations": "ил.", "dimensions": "21 см"}
    assert shown["geographic_names"] == ["Тянь-Шань"]
    assert shown["version"] == before["version"] + 1
    assert shown["copies"] == before["copies"]  # untouched parts are kept as they were
    assert shown["created_at"] == before["created_at"]


def test_edit_can_change_a_copy_status_through_the_copies_list(run_cli, location):
    record_id = run_cli.add(location, "--title", "Карта", "--type", "map", "--year", "1987",
                            "--language", "ru", "--copy", "M-1:BCM1")  # fmt: skip
    copies = run_cli.json(location, "show", str(record_id))["copies"]
    copies[0]["status"] = "on_loan"
    run_cli.ok(location, "edit", str(record_id), "--set", f"copies={json.dumps(copies)}")
    shown = run_cli.json(location, "show", str(record_id))
    assert shown["copies"][0]["status"] == "on_loan"
    assert shown["copies"][0]["id"] == copies[0]["id"]  # the same copy, changed in place
    assert shown["copies"][0]["version"] == 2
    assert run_cli.json(location, "stats")["copies_by_status"] == {"on_loan": 1}


# --- delete / undelete ------------------------------------------------------------------------


def test_deleted_record_moves_from_the_list_to_the_trash_and_undelete_restores_it(
    run_cli, location
):
    keep = run_cli.add(location, "--title", "Остаётся", "--year", "2000", "--language", "ru")
    gone = run_cli.add(location, "--title", "Удаляется", "--year", "2001", "--language", "ru")

    result = run_cli.ok(location, "delete", str(gone))
    assert f"undelete {gone}" in result.out
    assert [item["id"] for item in run_cli.json(location, "list")] == [keep]
    (trashed,) = run_cli.json(location, "list", "--deleted")
    assert trashed["id"] == gone
    assert trashed["deleted"] is True
    assert run_cli.json(location, "show", str(gone))["deleted_at"] is not None
    assert "Deleted" in run_cli.ok(location, "show", str(gone)).out
    stats = run_cli.json(location, "stats")
    assert (stats["records"], stats["deleted_records"]) == (1, 1)

    assert run_cli.json(location, "undelete", str(gone)) == {"restored": gone}
    assert [item["id"] for item in run_cli.json(location, "list")] == [keep, gone]
    assert run_cli.json(location, "list", "--deleted") == []
    assert run_cli.json(location, "show", str(gone))["deleted_at"] is None


def test_deleting_twice_or_undeleting_a_live_record_is_refused(run_cli, location):
    record_id = run_cli.add(location, "--title", "Запись", "--year", "2000", "--language", "ru")
    run_cli(location, "undelete", str(record_id)).assert_user_error(
        f"record {record_id} is not deleted"
    )
    assert run_cli.json(location, "delete", str(record_id)) == {"deleted": record_id}
    run_cli(location, "delete", str(record_id)).assert_user_error(
        f"record {record_id} is already deleted"
    )
    run_cli(location, "delete", "999").assert_user_error("no record with id 999")
    assert len(run_cli.json(location, "list", "--deleted")) == 1


# --- list / stats -----------------------------------------------------------------------------


def test_list_json_has_one_summary_per_live_record_in_id_order(run_cli, location):
    first = run_cli.add(location, "--title", "Арал теңізі", "--author", "Ахметов, А.",
                        "--year", "2003", "--language", "kk", "--language", "ru",
                        "--copy", "1", "--copy", "2")  # fmt: skip
    second = run_cli.add(location, "--title", "Без автора", "--type", "map", "--year", "1975",
                         "--language", "en")  # fmt: skip
    listed = run_cli.json(location, "list")
    assert all(set(item) == LIST_KEYS for item in listed)
    assert listed == [
        {
            "id": first,
            "title": "Арал теңізі",
            "first_author": "Ахметов, А.",
            "year": "2003",
            "material_type": "book",
            "languages": ["kaz", "rus"],
            "copies": 2,
            "deleted": False,
        },
        {
            "id": second,
            "title": "Без автора",
            "first_author": "",
            "year": "1975",
            "material_type": "map",
            "languages": ["eng"],
            "copies": 0,
            "deleted": False,
        },
    ]
    assert [i["id"] for i in run_cli.json(location, "list", "--limit", "1")] == [first]
    assert [i["id"] for i in run_cli.json(location, "list", "--offset", "1")] == [second]

    table = run_cli.ok(location, "list").out.splitlines()
    assert table[0].split() == ["id", "type", "lang", "year", "copies", "author", "title"]
    assert "Арал теңізі" in table[2]
    assert "kaz,rus" in table[2]


def test_stats_count_records_by_type_language_decade_and_copy_status(run_cli, location, write_json):
    records = [
        minimal("Книга 1", year="2005", languages=["rus"],
                copies=[{"inventory_number": "1"}, {"inventory_number": "2", "status": "on_loan"}]),
        minimal("Книга 2", year="[2008?]", languages=["rus", "kaz"],
                copies=[{"inventory_number": "3", "status": "lost"}]),
        minimal("Баяндама", material_type="report", year="1998", languages=["kaz"],
                contributors=[{"name": "ПРООН", "role": "issuing_body"}],
                copies=[{"inventory_number": "4"}]),
        minimal("Map of Lake Balkhash", material_type="map", year="2012",
                languages=["eng", "rus"]),
        minimal("Undated", year="", languages=["eng"]),
        minimal("In the trash", year="1950", languages=["ger"],
                copies=[{"inventory_number": "5", "status": "written_off"}]),
    ]  # fmt: skip
    ids = run_cli.json(location, "add", "--from", write_json("stats.json", records))["added"]
    run_cli.ok(location, "delete", str(ids[-1]))

    assert run_cli.json(location, "stats") == {
        "records": 5,
        "deleted_records": 1,
        "copies": 4,
        "attachments": 0,
        "by_type": {"book": 3, "map": 1, "report": 1},
        "by_language": {"rus": 3, "eng": 2, "kaz": 2},
        "by_decade": {"1990s": 1, "2000s": 2, "2010s": 1, "unknown": 1},
        "copies_by_status": {"available": 2, "lost": 1, "on_loan": 1},
    }
    text = run_cli.ok(location, "stats").out
    assert text.startswith("Records: 5 (in trash: 1); copies: 4; attachments: 0")
    assert "2000s" in text
    assert "on_loan" in text


def test_stats_and_list_of_an_empty_catalog(run_cli, location):
    assert run_cli.json(location, "list") == []
    assert run_cli.json(location, "stats") == {
        "records": 0,
        "deleted_records": 0,
        "copies": 0,
        "attachments": 0,
        "by_type": {},
        "by_language": {},
        "by_decade": {},
        "copies_by_status": {},
    }
