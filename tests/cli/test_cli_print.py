"""`library-app cite` and `library-app print`, end to end: references on stdout, PDFs on disk
read back with pypdf, and one-line errors (exit 2, no file written) for every mistake."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pypdf
import pytest

from library_app.cli.report_commands import product_parser
from library_app.reports.citation import STYLES
from library_app.services.basket import Basket


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")


def add_collection(run_cli, location, write_json) -> dict[str, int]:
    """Three records with copies: two acquired in the first quarter of 2024, one in 2023."""
    records = [
        {
            "title": "Аральское море: прошлое и будущее",
            "contributors": [{"name": "Ким", "forenames": "А. Б."}],
            "places": ["Алматы"],
            "year": "2019",
            "subjects": ["Водные ресурсы"],
            "control_number": "KZ-2019-7",
            "copies": [
                {"inventory_number": "1010", "acquired_on": "2024-01-15", "source": "gift"},
                {"inventory_number": "1002", "acquired_on": "2024-03-31", "source": "purchase",
                 "price": "4500.00", "currency": "KZT"},
            ],
        },
        {
            "title": "Ледники Тянь-Шаня",
            "year": "2015",
            "subjects": ["Ледники"],
            "copies": [{"inventory_number": "1003", "acquired_on": "2024-02-01"}],
        },
        {
            "title": "Почвы Ферганской долины",
            "year": "2010",
            "copies": [{"inventory_number": "998", "acquired_on": "2023-12-31"}],
        },
    ]  # fmt: skip
    ids = run_cli.json(location, "add", "--from", write_json("records.json", records))["added"]
    return dict(zip(("aral", "glaciers", "soils"), ids, strict=True))


# --- cite ------------------------------------------------------------------------------------


def test_cite_prints_the_reference_in_every_style(run_cli, location, write_json):
    ids = add_collection(run_cli, location, write_json)
    for style in STYLES:
        out = run_cli.ok(location, "cite", str(ids["aral"]), "--style", style).out
        assert "Аральское море: прошлое и будущее" in out and "Ким" in out
        assert len(out.strip().splitlines()) == 1
    default = run_cli.ok(location, "cite", str(ids["aral"])).out
    assert default == run_cli.ok(location, "cite", str(ids["aral"]), "--style", STYLES[0]).out


def test_cite_by_control_number_as_json(run_cli, sqlite_location, write_json):
    ids = add_collection(run_cli, sqlite_location, write_json)
    data = run_cli.json(sqlite_location, "cite", "KZ-2019-7", "--style", "apa")
    assert data["id"] == ids["aral"] and data["style"] == "apa"
    assert "Аральское море" in data["text"] and "(2019)" in data["text"]


def test_cite_mistakes_are_one_line_errors(run_cli, sqlite_location, write_json):
    ids = add_collection(run_cli, sqlite_location, write_json)
    run_cli(sqlite_location, "cite", str(ids["aral"]), "--style", "mla").assert_user_error(
        "unknown citation style «mla»", "gost-r-7.0.100-2018"
    )
    run_cli(sqlite_location, "cite", "NO-SUCH").assert_user_error("«NO-SUCH»")


# --- print -----------------------------------------------------------------------------------


def test_print_register_writes_the_inventory_numbers(run_cli, location, write_json, tmp_path):
    add_collection(run_cli, location, write_json)
    target = tmp_path / "register.pdf"
    data = run_cli.json(location, "print", "register", "-o", target)
    assert data == {"file": str(target), "product": "register", "pages": 1, "items": 4}
    text = pdf_text(target)
    positions = [text.index(number) for number in ("998", "1002", "1003", "1010")]
    assert positions == sorted(positions)
    assert "4 500,00 KZT" in text
    plain = run_cli.ok(location, "print", "register", "-o", target, "--from", "2024-01-01")
    assert plain.out.strip() == f"Wrote {target}: 1 page, 3 copies."
    assert "998" not in pdf_text(target)


def test_records_come_from_a_query_ids_or_the_basket(
    run_cli, sqlite_location, write_json, tmp_path
):
    ids = add_collection(run_cli, sqlite_location, write_json)
    target = tmp_path / "r.pdf"

    def printed(*choice: str) -> int:
        return run_cli.json(sqlite_location, "print", "register", *choice, "-o", target)["items"]

    assert printed("Ледники") == 1
    assert printed("--ids", f"{ids['aral']},{ids['soils']}") == 3
    Basket.for_user(sqlite_location.data_dir, "tester").add([ids["soils"]])
    assert printed("--basket") == 1
    assert "998" in pdf_text(target)
    assert printed() == 4  # everything


def test_print_bulletin_and_stats_take_their_options(
    run_cli, sqlite_location, write_json, tmp_path
):
    add_collection(run_cli, sqlite_location, write_json)
    bulletin = tmp_path / "bulletin.pdf"
    data = run_cli.json(
        sqlite_location,
        "print", "bulletin", "-o", bulletin, "--from", "2024-01-01", "--to", "31.03.2024",
        "--style", "apa", "--language", "en", "--title", "New in 2024",
    )  # fmt: skip
    assert data["product"] == "bulletin" and data["items"] == 2
    text = pdf_text(bulletin)
    assert "New in 2024" in text and "Ледники Тянь-Шаня" in text and "Почвы" not in text
    stats = tmp_path / "stats.pdf"
    data = run_cli.json(sqlite_location, "print", "stats", "-o", stats, "--no-charts")
    assert data["items"] == 3
    assert "Статистика фонда" in pdf_text(stats)


def test_print_bibliography(run_cli, sqlite_location, write_json, tmp_path):
    add_collection(run_cli, sqlite_location, write_json)
    target = tmp_path / "list.pdf"
    data = run_cli.json(
        sqlite_location, "print", "bibliography", "-o", target,
        "--title", "Водные ресурсы", "--compiler", "Ким А. Б.", "--no-author-index",
    )  # fmt: skip
    assert data["product"] == "bibliography" and data["items"] == 3 and data["pages"] >= 1
    text = pdf_text(target)
    assert "Водные ресурсы" in text and "Ледники Тянь-Шаня" in text


def test_product_help_lists_the_options_flags(run_cli):
    result = run_cli(None, "print", "register", "--help")
    assert result.code == 0
    for flag in ("--from DATE", "--to DATE", "--inventory-from", "--no-landscape", "--language"):
        assert flag in result.out
    assert "bulletin" in run_cli(None, "print", "--help").out


@pytest.mark.parametrize("product_id", ["register", "bulletin", "stats", "bibliography"])
def test_every_option_has_a_flag(product_id):
    parser, options_class = product_parser(product_id)
    dests = {action.dest for action in parser._actions}
    fields = {f.name for f in dataclasses.fields(options_class) if f.init}
    assert fields <= dests


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["print"], "print what? Give a product: bibliography"),
        (["print", "frob", "-o", "{out}"], "unknown product «frob»"),
        (["print", "register", "-o", "{out}", "--bogus"], "unrecognized arguments: --bogus"),
        (["print", "register"], "-o/--output"),
        (
            ["print", "register", "-o", "{out}", "--from", "2024-13-01"],
            "«2024-13-01» is not a date",
        ),
        (["print", "stats", "-o", "{out}", "--language", "de"], "«de» is not one of: ru, en"),
        (["print", "register", "Арал", "--ids", "1", "-o", "{out}"], "only one of QUERY, --ids"),
        (["print", "register", "--ids", "1-x", "-o", "{out}"], "--ids: «1-x»"),
        (["print", "register", "--ids", "999", "-o", "{out}"], "no copies"),
        (["print", "register", "--basket", "-o", "{out}"], "your basket is empty"),
        (["print", "register", "-o", "{out}", "--from", "2025-01-01"], "register would be empty"),
        (["print", "register", "-o", "{missing}"], "does not exist"),
        (["print", "bulletin", "-o", "{out}", "--style", "mla"], "«mla» is not one of"),
    ],
)
def test_mistakes_are_one_line_errors_and_write_nothing(
    run_cli, sqlite_location, write_json, tmp_path, args, message
):
    add_collection(run_cli, sqlite_location, write_json)
    out, missing = tmp_path / "out.pdf", tmp_path / "no-folder" / "out.pdf"
    argv = [a.format(out=out, missing=missing) for a in args]
    run_cli(sqlite_location, *argv).assert_user_error(message)
    assert not out.exists() and not missing.exists()
    assert not list(tmp_path.glob(".out.pdf*"))  # no temporary file left either


def test_an_empty_catalog_prints_nothing(run_cli, sqlite_location, tmp_path):
    run_cli(sqlite_location, "print", "stats", "-o", tmp_path / "s.pdf").assert_user_error(
        "the catalog has no records"
    )


def test_print_cards_one_per_page(run_cli, sqlite_location, write_json, tmp_path):
    ids = add_collection(run_cli, sqlite_location, write_json)
    target = tmp_path / "cards.pdf"
    data = run_cli.json(
        sqlite_location, "print", "cards", "--ids", str(ids["glaciers"]), "-o", target,
        "--per-page", "1", "--added-entries", "title",
    )  # fmt: skip
    assert data["product"] == "cards" and data["items"] >= 1
    assert data["pages"] == data["items"]  # one card on each page
    assert "Ледники Тянь-Шаня" in pdf_text(target)
    run_cli(
        sqlite_location, "print", "cards", "-o", target, "--per-page", "4", "--layout", "single"
    ).assert_user_error("--per-page 4 and --layout single differ")


def test_print_labels_and_the_calibration_sheet(run_cli, sqlite_location, write_json, tmp_path):
    from library_app.reports.labels import save_calibration

    ids = add_collection(run_cli, sqlite_location, write_json)
    target = tmp_path / "labels.pdf"
    data = run_cli.json(
        sqlite_location, "print", "labels", "--ids", str(ids["aral"]), "-o", target,
        "--kind", "barcode", "--start-at", "3",
    )  # fmt: skip
    assert data == {"file": str(target), "product": "labels", "pages": 1, "items": 2}
    save_calibration(sqlite_location.data_dir, 2.0, -1.0)
    sheet = tmp_path / "calibration.pdf"
    data = run_cli.json(sqlite_location, "print", "labels", "--calibration", "-o", sheet)
    assert data["pages"] == 1
    assert "X +2.0 mm" in pdf_text(sheet)  # this computer's saved offsets
    run_cli.json(
        sqlite_location, "print", "labels", "--calibration", "-o", sheet, "--offset-x-mm", "0.5"
    )
    assert "X +0.5 mm" in pdf_text(sheet)
    run_cli(
        sqlite_location, "print", "labels", "--calibration", "--ids", "1", "-o", sheet
    ).assert_user_error("--calibration prints a test sheet")
